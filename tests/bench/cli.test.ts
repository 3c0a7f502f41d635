// The benchmark end to end on a tiny corpus, as a user runs it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import os from "node:os";
import { promises as fs } from "node:fs";
import { ROOT } from "../../src/config.ts";

const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/bench.ts"), ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });

test("--articles 20 --size small --skip-baseline builds the corpus and prints the stage table", async () => {
  const { stdout } = await run(["--articles", "20", "--size", "small", "--skip-baseline"]);
  assert.match(stdout, /corpus: 20 articles \+ 4 events/);
  for (const stage of ["ingest", "render", "index"]) {
    assert.match(stdout, new RegExp(`\\| ${stage} +\\| +\\d+\\.\\d\\d s \\| +\\d+\\.\\d MiB \\| +— \\| +— \\|`), stage);
  }
  assert.match(stdout, /\| total \(wall\) +\| +\d+\.\d\d s \| +\d+\.\d MiB \|/);
  assert.match(stdout, /\| HTML pages +\| +\d+ \| +— \|/);
  assert.match(stdout, /ours: 20 articles, 4 events, \d+ warnings, 0 errors/);
  assert.doesNotMatch(stdout, /kept:/, "the temporary folder is removed");
});

test("--corpus benches a folder of notes as it is, ours against the baseline, and leaves the folder alone", { timeout: 180_000 }, async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-bench-folder-"));
  try {
    // Notes in the shapes of a real folder, written here: flat, a leading dash, a draft, a year-only date.
    await fs.writeFile(path.join(dir, "--a1.md"), "---\ntitle: 第一篇\ndate: 2024-12-04\ndraft: true\ntags: [geopolitics, 芯片]\n---\n\n美国商务部宣布新规。\n");
    await fs.writeFile(path.join(dir, "b2.md"), "---\ntitle: Second\ndate: 2021\nguest: ''\n---\n\nHuawei and rare earths.\n");
    await fs.writeFile(path.join(dir, "c3.md"), "---\ntitle: 第三篇\ndate: '2025-01-02'\n---\n\n稀土出口管制。\n");
    const before = (await fs.readdir(dir)).sort();
    const { stdout } = await run(["--corpus", dir]);
    assert.match(stdout, new RegExp(`corpus: ${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: 3 articles \\+ 0 events`));
    assert.match(stdout, /ours\/baseline: total time ×\d+\.\d\d, peak memory ×\d+\.\d\d/);
    assert.match(stdout, /\| _site +\| +[\d.]+ MiB \([\d,]+ files\) \| +[\d.]+ MiB \([\d,]+ files\) \|/);
    assert.match(stdout, /\| lines printed +\| +\d+ \| +\d+ \|/);
    assert.match(stdout, /ours: 3 articles, [1-9]\d* events/);
    // The same notes searched with stock Pagefind and with ours: none that stock finds is missed.
    assert.match(stdout, /## Search on the same notes/);
    const row = (q: string) => new RegExp(`\\| ${q} \\| (\\d+) \\| (\\d+) \\| (\\d+)`).exec(stdout);
    for (const q of ["Huawei", "稀土"]) {
      const [, stock, ours, missed] = row(q) ?? [];
      assert.ok(stock !== undefined, `a row for ${q}`);
      // 稀土 finds the note that says "rare earths" too: a registered name in either language.
      assert.ok(Number(ours) >= Math.max(1, Number(stock)), `${q}: ours ${ours}, stock ${stock}`);
      assert.equal(Number(missed), 0, `${q}: stock ${stock}`);
    }
    assert.deepEqual((await fs.readdir(dir)).sort(), before, "the folder is read, never written");
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test("a missing or bad argument prints the usage and fails", async () => {
  await assert.rejects(run([]), (e: { code: number; stdout: string }) => e.code === 2 && /usage: npx tsx scripts\/bench\.ts/.test(e.stdout));
  await assert.rejects(run(["--articles", "ten"]), (e: { code: number; stderr: string }) => e.code === 2 && /--articles must be a whole number/.test(e.stderr));
});
