// Writing articles and raw copies: stable, idempotent, collision-safe, byte-exact.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { importClipping } from "../../src/import/index.ts";
import { baseSlug, orderFrontMatter, serializeArticle, sha256, writeImport } from "../../src/import/write.ts";
import { REPO, SEEDS, seedPath, snapshot, tempDir } from "./helpers.ts";

function importFile(file: string, outDir: string, opts: { rawDir?: string; name?: string } = {}) {
  const bytes = readFileSync(file);
  const result = importClipping(bytes.toString("utf8"), { file });
  const written = writeImport(result, bytes, {
    outDir,
    fileName: opts.name ?? path.basename(file),
    ...(opts.rawDir ? { rawDir: opts.rawDir } : {}),
  });
  return { result, written };
}

function frontMatterOf(file: string): Record<string, unknown> {
  const text = readFileSync(file, "utf8");
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "") as Record<string, unknown>;
}

describe("orderFrontMatter / serializeArticle", () => {
  it("puts the fixed fields first, the others in their order, raw and format last", () => {
    const ordered = orderFrontMatter({
      format: "x",
      speaker: "s",
      raw: "raw/a.txt",
      tags: ["t"],
      title: "T",
      area: "a",
      date: "2024-01-01",
      lang: "en",
    });
    assert.deepEqual(Object.keys(ordered), ["title", "date", "lang", "tags", "speaker", "area", "raw", "format"]);
  });

  it("quotes what a YAML reader would take for a date, boolean or number, and never folds", () => {
    const long = "很长的摘要".repeat(60);
    const text = serializeArticle(
      { title: "yes", date: "2024-12-04T09:24:00+08:00", summary: long, draft: true, code: "010", day: "2025-10-14" },
      "Body",
    );
    assert.match(text, /^date: '2024-12-04T09:24:00\+08:00'$/m);
    assert.match(text, /^title: 'yes'$/m);
    assert.match(text, /^code: '010'$/m);
    assert.match(text, /^day: '2025-10-14'$/m);
    assert.match(text, /^draft: true$/m);
    assert.ok(text.includes(`summary: ${long}\n`), "long strings stay on one line");
    assert.ok(text.startsWith("---\ntitle:"));
    assert.ok(text.endsWith("---\n\nBody\n"));
    const back = parse(text.split("---\n")[1] ?? "") as Record<string, unknown>;
    assert.equal(back.title, "yes");
    assert.equal(back.code, "010");
  });

  it("slugs are the day and the title's words, with a hash when the title has none", () => {
    assert.equal(baseSlug("2024-12-04", "美国加码限制AI芯片出口中国", "abcdef0123"), `2024-12-04-${"meiguo-jia-ma-xianzhi-ai-xin-pian-chukou"}`);
    assert.equal(baseSlug("2024-12-04", "！！！", "abcdef0123"), "2024-12-04-abcdef");
  });
});

describe("writeImport", () => {
  it("copies the clipping byte for byte to raw beside the out folder", () => {
    const dir = tempDir();
    const out = path.join(dir, "articles");
    for (const name of Object.values(SEEDS)) {
      const { written } = importFile(seedPath(name), out);
      assert.equal(written.raw, `raw/${name}`);
      assert.ok(readFileSync(written.rawPath).equals(readFileSync(seedPath(name))));
      assert.equal(frontMatterOf(written.articlePath).raw, `raw/${name}`);
    }
  });

  it("is idempotent: importing twice gives the same files, byte for byte", () => {
    const dir = tempDir();
    const out = path.join(dir, "articles");
    const first = Object.values(SEEDS).map((n) => importFile(seedPath(n), out).written.slug);
    const before = snapshot(dir);
    const second = Object.values(SEEDS).map((n) => importFile(seedPath(n), out).written);
    assert.deepEqual(second.map((w) => w.slug), first);
    assert.ok(second.every((w) => w.replaced && !w.rawWritten));
    const after = snapshot(dir);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
    for (const [k, v] of before) assert.ok(after.get(k)?.equals(v), `${k} unchanged`);
    assert.equal(readdirSync(out).length, 5);
  });

  it("gives a different clipping with the same title and day its own slug, stably", () => {
    const dir = tempDir();
    const out = path.join(dir, "articles");
    const a = "# 同一个标题\n\nDate: 2024-05-01\n\n第一篇文章的正文。\n";
    const b = "# 同一个标题\n\nDate: 2024-05-01\n\n第二篇完全不同的正文。\n";
    const write = (text: string, name: string) =>
      writeImport(importClipping(text), Buffer.from(text), { outDir: out, fileName: name });
    const wa = write(a, "a.txt");
    const wb = write(b, "b.txt");
    assert.equal(wa.slug, "2024-05-01-tong-yige-biaoti");
    assert.equal(wb.slug, `2024-05-01-tong-yige-biaoti-${sha256(Buffer.from(b)).slice(0, 6)}`);
    // Again, in either order: each clipping keeps its own file.
    assert.equal(write(b, "b.txt").slug, wb.slug);
    assert.equal(write(a, "a.txt").slug, wa.slug);
    assert.equal(readdirSync(out).length, 2);
    assert.ok(readFileSync(wa.articlePath, "utf8").includes("第一篇"));
    assert.ok(readFileSync(wb.articlePath, "utf8").includes("第二篇"));
  });

  it("never overwrites an article that was not imported (no raw:)", () => {
    const dir = tempDir();
    const out = path.join(dir, "articles");
    mkdirSync(out, { recursive: true });
    const mine = path.join(out, "2024-05-01-tong-yige-biaoti.md");
    writeFileSync(mine, "---\ntitle: 同一个标题\ndate: 2024-05-01\n---\n\n用户自己写的。\n");
    const text = "# 同一个标题\n\nDate: 2024-05-01\n\n正文。\n";
    const w = writeImport(importClipping(text), Buffer.from(text), { outDir: out, fileName: "c.txt" });
    assert.notEqual(w.articlePath, mine);
    assert.ok(readFileSync(mine, "utf8").includes("用户自己写的"));
  });

  it("keeps raw copies of different clippings with the same name apart", () => {
    const dir = tempDir();
    const out = path.join(dir, "articles");
    const one = "# 标题一\n\nDate: 2024-05-01\n\n正文一。\n";
    const two = "# 标题二\n\nDate: 2024-05-02\n\n正文二。\n";
    const w1 = writeImport(importClipping(one), Buffer.from(one), { outDir: out, fileName: "clip.txt" });
    const w2 = writeImport(importClipping(two), Buffer.from(two), { outDir: out, fileName: "clip.txt" });
    assert.equal(w1.raw, "raw/clip.txt");
    assert.equal(w2.raw, `raw/${sha256(Buffer.from(two)).slice(0, 8)}-clip.txt`);
    assert.equal(readFileSync(path.join(dir, "raw", "clip.txt"), "utf8"), one);
    assert.equal(readFileSync(w2.rawPath, "utf8"), two);
    // Same bytes, same name: the existing copy is reused.
    const again = writeImport(importClipping(two), Buffer.from(two), { outDir: out, fileName: "clip.txt" });
    assert.equal(again.raw, w2.raw);
    assert.equal(again.rawWritten, false);
  });

  it("writes raw: relative to the content folder when --raw points elsewhere", () => {
    const dir = tempDir();
    const out = path.join(dir, "site", "content", "articles");
    const rawDir = path.join(dir, "archive", "clippings");
    const { written } = importFile(seedPath(SEEDS.dw), out, { rawDir });
    assert.equal(written.raw, `../../archive/clippings/${SEEDS.dw}`);
    assert.equal(path.resolve(path.dirname(out), written.raw), written.rawPath);
    assert.ok(existsSync(path.join(rawDir, SEEDS.dw)));
  });

  it("detects the format from content whatever the file is called", () => {
    const dir = tempDir();
    for (const [kind, name] of Object.entries(SEEDS)) {
      const renamed = path.join(dir, `clipping-${kind}.html`);
      copyFileSync(seedPath(name), renamed);
      const original = importFile(seedPath(name), path.join(dir, "a", "articles")).result;
      const other = importFile(renamed, path.join(dir, "b", "articles")).result;
      assert.equal(other.format, original.format);
      assert.deepEqual(other.frontMatter, original.frontMatter);
      assert.equal(other.body, original.body);
    }
  });
});

describe("scripts/import.ts", () => {
  const script = path.join(REPO, "scripts", "import.ts");
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: REPO, encoding: "utf8" });

  it("imports every file, reports each, and fails at the end when one has no date", () => {
    const dir = tempDir();
    const out = path.join(dir, "articles");
    const undated = path.join(dir, "undated.txt");
    writeFileSync(undated, "# 没有日期的文章\n\n正文。\n");
    const r = run(["--out", out, seedPath(SEEDS.netease), undated, seedPath(SEEDS.dw)]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /format: +netease/);
    assert.match(r.stdout, /format: +dw-rss/);
    assert.match(r.stdout, /missing: source/);
    assert.match(r.stdout, /noise: +\d+ lines stripped/);
    assert.match(r.stderr, new RegExp(`no publication date found in ${undated.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: add a \`date:\` line or pass --date YYYY-MM-DD`));
    assert.equal(readdirSync(out).length, 2, "the other files are still written");
  });

  it("takes --date for a clipping that has none, and is byte-stable across runs", () => {
    const dir = tempDir();
    const out = path.join(dir, "articles");
    const undated = path.join(dir, "undated.txt");
    writeFileSync(undated, "# 没有日期的文章\n\n正文。\n");
    execFileSync(process.execPath, ["--import", "tsx", script, "--out", out, "--date", "2024-02-03", undated], { cwd: REPO });
    const first = snapshot(dir);
    execFileSync(process.execPath, ["--import", "tsx", script, "--out", out, "--date", "2024-02-03", undated], { cwd: REPO });
    const second = snapshot(dir);
    assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort());
    for (const [k, v] of first) assert.ok(second.get(k)?.equals(v));
    const [article] = readdirSync(out);
    assert.equal(article, "2024-02-03-meiyou-riqi-de-wenzhang.md");
    assert.equal(frontMatterOf(path.join(out, article)).date, "2024-02-03T00:00:00+08:00");
  });
});
