import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ingest } from "../../src/ingest/ingest.ts";
import { summaryLine } from "../../src/ingest/report.ts";
import { ROOT } from "../../src/config.ts";

const SHIPPED = path.join(ROOT, "content");
const NOW = new Date("2026-11-22T00:00:00Z");

async function contentDir(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-content-"));
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
  return dir;
}

const run = (dir: string, includeDrafts = false) => ingest({ contentDir: dir, fallbackDir: SHIPPED, includeDrafts, now: NOW });

test("broken front matter and unusable dates degrade the field, never the article: each is a warning with its line", async () => {
  const dir = await contentDir({
    "a.md": "---\ntitle: Good one\ndate: 2024-12-04\n---\nBody.",
    "b.md": "---\ntitle: [broken\ndate: 2024-12-04\n---\nBody.",
    "c.md": "---\ntitle: Ambiguous\ndate: 04/05/2024\n---\nBody.",
    "d.md": "---\ntitle: No date\n---\nBody.",
    "e.md": "---\ntitle: Good two\ndate: 2024年12月5日\n---\n正文。",
  });
  // Not a git folder: a note without a usable date is dated by its modification time.
  const modified = new Date("2025-03-02T12:00:00Z");
  for (const f of ["c.md", "d.md"]) await fs.utimes(path.join(dir, f), modified, modified);
  const r = await run(dir);
  assert.deepEqual(r.articles.map((a) => a.article.title), ["Ambiguous", "No date", "Good two", "Good one", "b"]);
  assert.deepEqual(r.log.errors, []);
  const warnings = r.log.sorted().map((w) => [w.file, w.line, w.field]);
  assert.deepEqual(warnings, [
    ["b.md", 1, "title"],
    ["b.md", 2, "title"],
    ["c.md", 3, "date"],
    ["d.md", undefined, "date"],
  ]);
  const of = (file: string, field: string) => r.log.warnings.filter((w) => w.file === file && w.field === field).map((w) => w.message).join("\n");
  assert.match(of("b.md", "title"), /YAML: Flow sequence.*`title` is left out, the other fields are read/);
  assert.match(of("b.md", "title"), /no title in front matter; using the file name: "b"/);
  assert.equal(r.articles.find((a) => a.article.file === "b.md")!.article.date.day, "2024-12-04", "the fields around the broken one are read");
  assert.match(of("c.md", "date"), /^no usable date: `date: 04\/05\/2024` could not be read; using the file's modification time: 2025-03-02 \(ambiguous numeric date/);
  assert.match(of("d.md", "date"), /^no date in front matter; using the file's modification time: 2025-03-02$/);
  assert.equal(r.articles.find((a) => a.article.file === "d.md")!.article.date.iso, "2025-03-02T12:00:00+00:00", "an English note: read in UTC");
  assert.equal(r.summary.errors, 0);
  assert.match(summaryLine(r.summary), /^ingest: 5 articles, \d+ events, 0 drafts left out .*4 warnings, 0 errors, \d+\.\d\d s$/);
});

test("a date field that cannot be read gives way to the next one the note has", async () => {
  const dir = await contentDir({ "a.md": "---\ntitle: T\ndate: sometime\ncreated: 2023-05-06\n---\nBody." });
  const r = await run(dir);
  assert.equal(r.articles[0]!.article.date.day, "2023-05-06");
  assert.deepEqual(r.log.items.map((d) => [d.severity, d.line, d.field]), [["warning", 3, "date"]]);
  assert.match(r.log.items[0]!.message, /^no usable date: `date: sometime` could not be read; using `created`, 2023-05-06 \(unrecognized date/);
});

test("values scripts write for nothing are nothing, in the model's fields and in those kept for the user", async () => {
  const dir = await contentDir({
    "a.md": [
      "---",
      "title: Nothing values",
      "date: 2024-12-04",
      "outlet: None",
      "author: 'N/A'",
      "summary: '   '",
      "source: null",
      "image: ''",
      "tags: [None, '', 稀土]",
      "people: [null, NULL]",
      "lang: n/a",
      "guest: ''",
      "series: None",
      "speaker: Someone",
      "media_books: [None]",
      "---",
      "Body.",
    ].join("\n"),
  });
  const r = await run(dir);
  const a = r.articles[0]!.article;
  for (const field of ["outlet", "author", "summary", "source", "image"] as const) assert.equal(a[field], undefined, field);
  assert.ok(a.tags.includes("rare-earths"));
  assert.deepEqual(a.unknownTags, []);
  assert.equal(a.lang, "en", "detected, not read from `n/a`");
  assert.deepEqual(a.extra, { speaker: "Someone" });
  assert.deepEqual(r.log.items, []);
});

test("a value that cannot be read is left out with a warning on its line, and the article is kept", async () => {
  const dir = await contentDir({
    "a.md": [
      "---",
      "title: Bad values",
      "date: 2024-12-04",
      "source: not a url",
      "image: javascript:alert(1)",
      "lang: fr",
      "timezone: Mars/Olympus",
      "tags: { a: 1 }",
      "draft: maybe",
      "---",
      "Body.",
    ].join("\n"),
  });
  const r = await run(dir, true);
  assert.equal(r.articles.length, 1);
  const a = r.articles[0]!.article;
  assert.equal(a.source, undefined);
  assert.equal(a.image, undefined);
  assert.equal(a.lang, "en");
  assert.equal(a.date.iso, "2024-12-04T00:00:00+00:00", "read in the default zone");
  assert.equal(a.draft, true, "an unreadable draft flag keeps the note a draft");
  assert.deepEqual(r.log.errors, []);
  const w = new Map(r.log.warnings.map((d) => [d.field, d]));
  assert.deepEqual([...w.keys()].sort(), ["draft", "image", "lang", "source", "tags", "timezone"]);
  assert.deepEqual([w.get("source")!.line, w.get("image")!.line, w.get("lang")!.line, w.get("timezone")!.line, w.get("tags")!.line, w.get("draft")!.line], [4, 5, 6, 7, 8, 9]);
  assert.match(w.get("source")!.message, /^`source: not a url` is left out: must be an http:\/\/ or https:\/\/ URL; the article is published without its source$/);
  assert.match(w.get("image")!.message, /`image: javascript:alert\(1\)` is left out/);
  assert.match(w.get("timezone")!.message, /unknown time zone "Mars\/Olympus" is ignored/);
  assert.match(w.get("draft")!.message, /kept as a draft/);
});

test("a bare date is the same calendar day in every zone and is stored with an offset", async () => {
  const dir = await contentDir({
    "zh.md": "---\ntitle: 中文\ndate: 2024-12-04\n---\n中国商务部宣布。",
    "en.md": "---\ntitle: English\ndate: 2024-12-04\ntimezone: America/New_York\n---\nThe Commerce Department announced.",
  });
  const r = await run(dir);
  const byTitle = Object.fromEntries(r.articles.map((a) => [a.article.title, a.article.date]));
  assert.equal(byTitle["中文"]!.iso, "2024-12-04T00:00:00+08:00");
  assert.equal(byTitle["English"]!.iso, "2024-12-04T00:00:00-05:00");
  assert.equal(byTitle["中文"]!.day, "2024-12-04");
  assert.equal(byTitle["English"]!.day, "2024-12-04");
});

test("drafts are left out unless asked for, and counted", async () => {
  const dir = await contentDir({
    "a.md": "---\ntitle: Published\ndate: 2024-12-04\n---\nx",
    "b.md": "---\ntitle: Draft\ndate: 2024-12-04\ndraft: true\n---\nx",
  });
  const without = await run(dir);
  assert.deepEqual(without.articles.map((a) => a.article.title), ["Published"]);
  assert.equal(without.draftsSkipped, 1);
  assert.match(summaryLine(without.summary), /1 draft left out \(set KB_INCLUDE_DRAFTS=1 to include them\)/);
  const withDrafts = await run(dir, true);
  assert.equal(withDrafts.articles.length, 2);
  // The words of what is published, for the search index's choice of engine.
  assert.equal(without.summary.words, 1);
  assert.equal(withDrafts.summary.words, 2);
});

test("tags resolve through the vocabulary; unknown ones are kept as open tags, slugified, without a warning", async () => {
  const dir = await contentDir({
    "a.md": "---\ntitle: T\ndate: 2024-12-04\ntags:\n  - 稀土金屬\n  - Rare-Earths\n  - My Own Tag\n---\nx",
  });
  const r = await run(dir);
  const a = r.articles[0]!.article;
  assert.ok(a.tags.includes("rare-earths"));
  assert.ok(a.tags.includes("my-own-tag"));
  assert.deepEqual(a.unknownTags, ["my-own-tag"]);
  assert.deepEqual(a.openNames?.tags, [{ id: "my-own-tag", name: "My Own Tag", kind: "topic" }]);
  assert.deepEqual(r.log.warnings, []);
});

test("notes as people write them: empty fields are fields not given, Obsidian #tags are tags, a wrong kind of value is named and left out", async () => {
  const dir = await contentDir({
    "empty.md": "---\ntitle: 空字段\ndate: 2025-03-04\ntags:\nsummary:\npeople:\n---\n正文。",
    "hash.md": "---\ntitle: 井号标签\ndate: 2025-03-04\ntags: [\"#稀土\", \"#my-own\"]\n---\n正文。",
    "list-title.md": "---\ntitle: [a, b]\ndate: 2025-03-04\n---\n正文。",
    "map-tags.md": "---\ntitle: T\ndate: 2025-03-04\ntags: { a: 1 }\n---\n正文。",
  });
  const r = await run(dir);
  const byFile = new Map(r.articles.map((a) => [a.article.file, a.article]));
  assert.deepEqual(byFile.get("empty.md")?.unknownTags, []);
  assert.equal(byFile.get("empty.md")?.summary, undefined);
  assert.ok(byFile.get("hash.md")?.tags.includes("rare-earths"));
  assert.deepEqual(byFile.get("hash.md")?.unknownTags, ["my-own"]);
  assert.deepEqual(r.log.errors, []);
  const left = r.log.warnings.filter((w) => /left out/.test(w.message)).map((e) => `${e.file}:${e.line} [${e.field}] ${e.message}`);
  assert.deepEqual(left, [
    "list-title.md:2 [title] `title: [\"a\",\"b\"]` is left out: must be text (a string or a number), not a list or a mapping",
    "map-tags.md:4 [tags] `tags: {\"a\":1}` is left out: must be a list of names or one comma-separated line of them",
  ]);
  assert.equal(byFile.get("list-title.md")?.title, "list-title");
  assert.deepEqual(byFile.get("map-tags.md")?.unknownTags, []);
});

test("actors come from front matter lists and from the text, in either script", async () => {
  const dir = await contentDir({
    "a.md": "---\ntitle: T\ndate: 2024-12-04\ncompanies_orgs:\n  - NVIDIA\npeople: []\n---\n美國商務部產業安全局將華為列入實體清單。",
  });
  const r = await run(dir);
  const a = r.articles[0]!.article;
  for (const id of ["nvidia", "us-bis", "huawei"]) assert.ok(a.actors.includes(id), `${id} in ${a.actors.join(",")}`);
  assert.ok(a.tags.includes("entity-list"), a.tags.join(","));
});

test("fields the model does not use are kept; template syntax stays text", async () => {
  const dir = await contentDir({
    "a.md": "---\ntitle: T\ndate: 2024-12-04\nspeaker: Someone\nstatus: evergreen\n---\n{{ secret }} and {% include x %}",
  });
  const r = await run(dir);
  assert.deepEqual(r.articles[0]!.article.extra, { speaker: "Someone", status: "evergreen" });
  assert.match(r.articles[0]!.html, /\{\{ secret \}\} and \{% include x %\}/);
});

test("two notes with the same file name in different folders both get a page", async () => {
  const dir = await contentDir({
    "one/README.md": "---\ntitle: One\ndate: 2024-12-04\n---\nx",
    "two/README.md": "---\ntitle: Two\ndate: 2024-12-05\n---\nx",
    "events/e.md": "---\nid: not-an-article\n---\n",
    "raw/r.md": "not an article either",
  });
  const r = await run(dir);
  assert.deepEqual(r.articles.map((a) => a.article.slug).sort(), ["readme", "two-readme"]);
  assert.ok(r.log.warnings.some((w) => w.file === "two/README.md" && w.field === "slug"));
});

test("empty and binary files are not published, with a warning: not errors, not crashes", async () => {
  const dir = await contentDir({ "empty.md": "", "bin.md": "\u0000\u0001\u0002", "ok.md": "---\ntitle: ok\ndate: 2024-01-01\n---\n" });
  const r = await run(dir);
  assert.equal(r.articles.length, 1);
  assert.deepEqual(r.log.errors, []);
  assert.deepEqual(r.log.warnings.filter((w) => w.kind === "not-an-article").map((e) => e.file).sort(), ["bin.md", "empty.md"]);
});

test("the shipped content ingests with no errors, and every seed is there with its own date", async () => {
  const r = await run(SHIPPED, true);
  assert.deepEqual(r.log.errors, []);
  const days = Object.fromEntries(r.articles.map((a) => [a.article.raw, a.article.date.day]));
  assert.deepEqual(days, {
    "raw/000_d67bebb5f1f79fa8.txt": "2024-12-04",
    "raw/001_0f687606ae77ce11.txt": "2025-10-14",
    "raw/002_71498972dcc4fdd5.txt": "2025-06-13",
    "raw/003_38e325384dfded78.txt": "2024-03-30",
    "raw/004_d320378eb413a6c9.txt": "2023-07-06",
  });
});

test("on worker threads, bodies written as they go and events parsed: the same dataset, diagnostics and files as one thread, drafts' bodies dropped, none pending", async () => {
  const { POOL_MIN_FILES, ingestPool } = await import("../../src/build/ingest-pool.ts");
  const { prepareBodies, toDataset } = await import("../../src/ingest/dataset.ts");
  const { BODIES_DIR, TEXT_DIR } = await import("../../src/model/dataset.ts");
  const files: Record<string, string> = {
    // The same file name in two folders: one slug each, settled by the main thread in file order.
    "x/README.md": "---\ntitle: First readme\ndate: 2024-01-02\n---\n华为的晶片。",
    "y/README.md": "---\ntitle: Second readme\ndate: 2024-01-03\n---\nHuawei chips.",
    "draft.md": "---\ntitle: A draft\ndate: 2024-01-04\ndraft: true\n---\nNot published.",
    "broken.md": "---\ntitle: [broken\ndate: 2024-01-05\n---\nPublished all the same.",
    // Dated by its modification time, which the threads read as the main thread does.
    "dateless.md": "---\ntitle: No date\n---\nStill published.",
  };
  for (let i = 0; i < POOL_MIN_FILES; i++) files[`n/${String(i).padStart(4, "0")}.md`] = `---\ntitle: Note ${i}\ndate: 2024-02-${String((i % 28) + 1).padStart(2, "0")}\n---\n第${i}条：台积电与美光。\n\n![](a.png)`;
  // Events are parsed on the threads too and linked by the main thread: sources that are
  // there, a draft, one missing, a broken file, and a body that loses its script.
  const event = (id: string, sources: string, body = "美国商务部对华为加严管制。", extra = "") =>
    `---\nid: ${id}\ntitle:\n  zh-Hans: 事件${id}\n  en: Event ${id}\ndates:\n  announced: 2024-03-01\njurisdiction: US\nauthority: us-bis\nkind: measure\ndomain: [chips]\n${extra}sources:\n${sources}\n---\n${body}\n`;
  files["events/a.md"] = event("a", "  - article: \"0001\"\n  - url: https://www.bis.gov/");
  files["events/b.md"] = event("b", "  - article: draft\n  - article: \"0002\"", "<script>alert(1)</script>中国商务部回应。", "responds_to:\n  - id: a\n    basis: stated\n");
  files["events/c.md"] = event("c", "  - article: not-there", "<script>alert(1)</script>");
  files["events/d.md"] = "---\ntitle: [broken\n---\n";
  files["site.yaml"] = "timeline:\n  shipped: false\n";
  const dir = await contentDir(files);
  const out = async (workers: number | undefined) => {
    const data = await fs.mkdtemp(path.join(os.tmpdir(), "kb-data-"));
    await prepareBodies(data);
    const r = await ingest({ contentDir: dir, fallbackDir: SHIPPED, includeDrafts: false, now: NOW, spillDir: data, ...(workers ? { pool: ingestPool(workers) } : {}) });
    const listing: Record<string, string> = {};
    for (const sub of [BODIES_DIR, TEXT_DIR]) for (const f of await fs.readdir(path.join(data, sub))) listing[`${sub}/${f}`] = await fs.readFile(path.join(data, sub, f), "utf8");
    const { seconds: _s, ...summary } = r.summary;
    return { dataset: toDataset(r), summary, log: r.log.sorted(), listing };
  };
  const one = await out(undefined);
  const two = await out(2);
  assert.equal(one.dataset.articles.length, POOL_MIN_FILES + 4);
  assert.ok(one.log.some((d) => d.file === "dateless.md" && /modification time/.test(d.message)));
  assert.deepEqual(one.dataset.events.map((e) => [e.id, e.articles.length, e.respondsTo.map((r) => r.id)]), [["a", 1, []], ["b", 1, ["a"]]]);
  assert.ok(one.log.some((d) => d.file === "events/c.md" && d.severity === "error" && d.field === "sources.0.article" && d.line === 13), "the missing source is named, with its line");
  assert.ok(one.log.some((d) => d.file === "events/d.md" && d.severity === "error"));
  assert.ok(one.log.some((d) => d.file === "events/b.md" && /removed from the page for safety/.test(d.message)));
  assert.deepEqual(two.dataset, one.dataset);
  assert.deepEqual(two.log, one.log);
  assert.deepEqual(Object.keys(two.listing).sort(), Object.keys(one.listing).sort());
  assert.deepEqual(two.listing, one.listing);
  // Every published article has its body and text under its slug, and nothing else is there.
  const expected = one.dataset.articles.flatMap((a) => [`${BODIES_DIR}/${a.slug}.html`, `${TEXT_DIR}/${a.slug}.txt`]).sort();
  assert.deepEqual(Object.keys(two.listing).sort(), expected);
  const readme = two.dataset.articles.find((a) => a.title === "Second readme")!;
  assert.match(two.listing[`${BODIES_DIR}/${readme.slug}.html`]!, /Huawei chips/);
});

test("a notes folder gets the shipped timeline, and each published note lists the events it reports", async () => {
  const dir = await contentDir({
    "a.md": "---\ntitle: 稀土\ndate: 2025-11-01\n---\n引言。\n\n商务部2024年第46号公告禁止两用物项对美出口。\n\n中国商务部4月份对中重稀土实施出口管制。",
    "b.md": "---\ntitle: 草稿\ndate: 2025-11-01\ndraft: true\n---\n商务部2024年第46号公告。",
    "c.md": "---\ntitle: 无关\ndate: 2025-11-01\n---\n今天天气很好。",
  });
  try {
    const r = await run(dir);
    assert.ok(r.events.length >= 200, "the shipped timeline");
    assert.deepEqual(r.log.errors, [], "the articles the shipped events cite are not looked for");
    const a = r.articles.find((x) => x.article.file === "a.md")!.article;
    assert.deepEqual(a.events, [
      { event: "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us", how: "instrument", line: 7, named: "商务部2024年第46号公告" },
      { event: "2025-04-04-cn-mofcom-2025-18-medium-heavy-rare-earths", how: "description", line: 9, named: "中国商务部4月份对中重稀土实施出口管制。" },
    ]);
    assert.equal(r.articles.find((x) => x.article.file === "c.md")!.article.events, undefined);
    // A draft is linked only when drafts are published.
    const withDrafts = await run(dir, true);
    assert.equal(withDrafts.articles.find((x) => x.article.file === "b.md")!.article.events?.[0]?.event, "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us");
    // Its own events are added; its own of a shipped event's id replaces that one.
    const shipped = await fs.readFile(path.join(SHIPPED, "events", "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us.md"), "utf8");
    await fs.mkdir(path.join(dir, "events"));
    await fs.writeFile(path.join(dir, "events", "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us.md"), shipped.replace(/sources:\n(?:  .*\n)+/, "sources:\n  - article: c\n"));
    const merged = await run(dir);
    assert.deepEqual(merged.log.errors, []);
    assert.equal(merged.events.length, r.events.length, "the same number: one replaced");
    assert.deepEqual(merged.events.find((e) => e.id === "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us")!.articles, ["c"], "the folder's own file");
    // site.yaml's timeline.shipped: false keeps only the folder's own.
    await fs.writeFile(path.join(dir, "site.yaml"), "timeline:\n  shipped: false\n");
    const own = await run(dir);
    assert.deepEqual(own.events.map((e) => e.id), ["2024-12-03-cn-mofcom-2024-46-dual-use-ban-us"]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test("a note without a title is titled by the heading it opens with, else by its file name; Hexo's headless front matter is read", async () => {
  const dir = await contentDir({
    "Algo/E-graph.md": "An e-graph stores equivalence classes.\n\n# Example\n\nText.",
    "Algo/RNN.md": "\n# 循环神经网络\n\n# Notes\n\nText.",
    "_posts/2015-07-25-core-data.md": "title: 初识 Core Data\ndate: 2015-07-25 10:00:00\ntags:\n- iOS\n---\n正文 id<NSCoding>。",
  });
  const r = await run(dir);
  const byFile = new Map(r.articles.map((a) => [a.article.file, a.article]));
  assert.equal(byFile.get("Algo/E-graph.md")!.title, "E-graph");
  assert.equal(byFile.get("Algo/RNN.md")!.title, "循环神经网络");
  const hexo = byFile.get("_posts/2015-07-25-core-data.md")!;
  assert.equal(hexo.title, "初识 Core Data");
  assert.equal(hexo.date.day, "2015-07-25");
  assert.deepEqual(r.log.warnings.filter((w) => w.file.startsWith("_posts")), []);
  const html = r.articles.find((a) => a.article.file === hexo.file)!.html;
  assert.match(html, /正文 id&lt;NSCoding&gt;。/);
  assert.doesNotMatch(html, /title:/);
});

test("a Hugo post's TOML front matter and its description, categories and lastmod are read", async () => {
  const dir = await contentDir({
    "content/post/huawei.md": ['+++', 'title = "华为被列入实体清单"', 'date = 2019-05-16T09:00:00+08:00', 'lastmod = 2019-05-20', 'description = "美国商务部把华为列入实体清单。"', 'tags = ["华为"]', 'categories = ["出口管制"]', '+++', '', '正文。', ''].join("\n"),
    "content/post/later.md": ['+++', 'title = "后续"', 'date = 2019-06-01', '+++', '', '见[[华为被列入实体清单]]。', ''].join("\n"),
  });
  const r = await run(dir);
  const a = r.articles.find((x) => x.article.file === "content/post/huawei.md")!.article;
  assert.equal(a.title, "华为被列入实体清单");
  assert.equal(a.date.day, "2019-05-16");
  assert.equal(a.summary, "美国商务部把华为列入实体清单。");
  assert.ok(a.tags.length >= 2, `tags and categories both: ${JSON.stringify(a.tags)}`);
  assert.deepEqual(r.log.warnings, []);
  assert.doesNotMatch(r.articles.find((x) => x.article.file === "content/post/huawei.md")!.html, /\+\+\+|title =/);
  // A wikilink by a TOML note's title leads to its page.
  const later = r.articles.find((x) => x.article.file === "content/post/later.md")!;
  assert.match(later.html, new RegExp(`<a href="\.\./${a.slug}/">华为被列入实体清单</a>`));
});
