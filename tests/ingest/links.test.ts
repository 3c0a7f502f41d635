import { test } from "node:test";
import assert from "node:assert/strict";
import { headFields } from "../../src/ingest/links.ts";

test("a note's title and slug from the head of its front matter, however they are quoted", () => {
  assert.deepEqual(headFields("---\nsummary: long\ntitle: 中美芯片战 \nslug: chips\n---\nbody title: no"), { title: "中美芯片战", slug: "chips" });
  assert.deepEqual(headFields("---\ntitle: '罗伯特：为何\u200B追逐'\n---\n"), { title: "罗伯特：为何追逐" });
  assert.deepEqual(headFields('---\ntitle: "A \\"quoted\\" title" # note\n---\n'), { title: 'A "quoted" title' });
  assert.deepEqual(headFields("---\ntitle: 2024\n---\n"), { title: "2024" });
  // Only front matter counts, and a value YAML cannot read is left to ingest to report.
  assert.deepEqual(headFields("# title: not front matter\n"), {});
  assert.deepEqual(headFields("---\ndate: 2024-01-01\n---\ntitle: in the body\n"), {});
  assert.deepEqual(headFields("---\ntitle: \"unclosed\n---\n"), {});
});

test("Hugo's TOML front matter gives its title and slug too, a broken value left out", () => {
  assert.deepEqual(headFields('+++\ntitle = "环境变量\u200B笔记"\nslug = "env"\ndate = 2024-11-02T15:01:54+08:00\n+++\n正文 title = "no"'), { title: "环境变量笔记", slug: "env" });
  assert.deepEqual(headFields("+++\r\ntitle = 'Hugo指南'\r\n+++\r\n"), { title: "Hugo指南" });
  assert.deepEqual(headFields('+++\ntitle = "t"\nslug = [broken\n+++\n'), { title: "t" });
  assert.deepEqual(headFields('+++\ndate = 2024-01-01\n+++\ntitle = "in the body"\n'), {});
});

test("a template's `title: {{ title }}` prints nothing on the console, and Hexo's headless front matter gives its title", async () => {
  const warnings: string[] = [];
  const listen = (w: Error) => warnings.push(w.message);
  process.on("warning", listen);
  try {
    assert.deepEqual(headFields("---\ntitle: {{ title }}\ndate: {{ date }}\n---\n"), {});
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(warnings, []);
  } finally {
    process.off("warning", listen);
  }
  assert.deepEqual(headFields("title: 初识 Core Data\ndate: 2015-07-25\n---\nbody"), { title: "初识 Core Data" });
  assert.deepEqual(headFields("Note: a sentence\n---\nbody"), {});
});
