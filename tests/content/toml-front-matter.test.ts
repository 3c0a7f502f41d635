import { test } from "node:test";
import assert from "node:assert/strict";
import { parseContentFile } from "../../src/content/frontmatter.ts";
import { readToml, tomlEntries } from "../../src/content/toml-front-matter.ts";

// A Hugo post as Hugo's own `hugo new` writes it, with a table and a multi-line list.
const HUGO = ["+++", 'title = "出口管制笔记"', "date = 2024-11-02T15:01:54+08:00", "draft = false", 'tags = ["芯片",', '  "实体清单"]', 'categories = ["政策"]', "[params]", 'author = "李四"', "+++", "", "正文第一段。", ""].join("\n");

test("Hugo's TOML front matter is read as YAML's is: data, body and the line of each field", () => {
  const r = parseContentFile(HUGO, { lenient: true });
  assert.deepEqual(r.data, { title: "出口管制笔记", date: "2024-11-02T15:01:54+08:00", draft: false, tags: ["芯片", "实体清单"], categories: ["政策"], params: { author: "李四" } });
  assert.equal(r.body, "\n正文第一段。\n");
  assert.equal(r.bodyLine, 11);
  assert.equal(r.lineOf("date"), 3);
  assert.equal(r.lineOf("tags.1"), 5, "a list's item falls back to its key");
  assert.equal(r.lineOf("params.author"), 9);
  assert.deepEqual(r.problems, []);
  assert.equal(r.hasFrontMatter, true);
});

test("TOML dates become the strings the date normalizer reads, a local date without a time", () => {
  const r = parseContentFile('+++\ndate = 2019-03-01\nlastmod = 2019-03-02T08:00:00Z\nat = 2019-03-03T10:30:00\n+++\n');
  assert.deepEqual(r.data, { date: "2019-03-01", lastmod: "2019-03-02T08:00:00Z", at: "2019-03-03T10:30:00" });
});

test("a key TOML cannot read is left out alone with its line; the others are read", () => {
  const r = parseContentFile('+++\ntitle = "t"\ntags = ["a", b]\ndate = 2024-01-02\n+++\nbody', { lenient: true });
  assert.deepEqual(r.data, { title: "t", date: "2024-01-02" });
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]!.field, "tags");
  assert.equal(r.problems[0]!.line, 3);
  assert.equal(r.problems[0]!.severity, "warning");
  assert.match(r.problems[0]!.message, /^TOML: .*`tags` is left out, the other fields are read$/);
  assert.equal(r.body, "body");
});

test("without leniency (events), broken TOML is an error and nothing of it is read", () => {
  const r = parseContentFile('+++\ntitle = "t"\ntags = ["a", b]\n+++\nbody');
  assert.deepEqual(r.data, {});
  assert.equal(r.problems[0]!.severity, "error");
  assert.equal(r.problems[0]!.field, "front matter");
  assert.equal(r.problems[0]!.line, 3);
});

test("a TOML head never closed publishes the whole file as the body, with a warning", () => {
  const r = parseContentFile('+++\ntitle = "t"\n\nbody', { lenient: true });
  assert.deepEqual(r.data, {});
  assert.equal(r.body, '+++\ntitle = "t"\n\nbody');
  assert.match(r.problems[0]!.message, /never closed by a `\+\+\+` line/);
});

test("a multi-line string's lines are its key's, even when they look like keys", () => {
  const { entries } = tomlEntries('summary = """\nnot = a key\n"""\ntitle = "t"');
  assert.deepEqual(entries.map((e) => [e.path, e.line]), [["summary", 1], ["title", 4]]);
  assert.deepEqual(readToml('summary = """\nnot = a key\n"""\ntitle = "t"', true).data, { summary: "not = a key\n", title: "t" });
});

test("dotted and quoted keys are paths", () => {
  const { entries } = tomlEntries('a.b = 1\n"c.d" = 2\n[x."y z"]\ne = 3');
  assert.deepEqual(entries.map((e) => e.path), ["a.b", "c.d", "x.y z.e"]);
});
