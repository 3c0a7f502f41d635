import { test } from "node:test";
import assert from "node:assert/strict";
import { parseContentFile, cleanText } from "../../src/content/frontmatter.ts";

test("front matter fields keep their line numbers, nested ones too", () => {
  const r = parseContentFile("---\ntitle: Hi\ndate: 2024-12-04\ntags:\n  - a\n  - b\n---\nbody1\nbody2");
  assert.deepEqual(r.data, { title: "Hi", date: "2024-12-04", tags: ["a", "b"] });
  assert.equal(r.lineOf("title"), 2);
  assert.equal(r.lineOf("date"), 3);
  assert.equal(r.lineOf("tags.1"), 6);
  assert.equal(r.lineOf("tags.9"), 4, "an unknown index falls back to its list");
  assert.equal(r.body, "body1\nbody2");
  assert.equal(r.bodyLine, 8);
  assert.deepEqual(r.problems, []);
});

test("a bare YAML date stays a string, so it cannot become the previous day", () => {
  const r = parseContentFile("---\ndate: 2024-12-04\n---\n");
  assert.equal(r.data.date, "2024-12-04");
});

test("BOM at the start and CRLF line endings are invisible; a BOM inside is removed and reported", () => {
  const r = parseContentFile("\uFEFF---\r\ntitle: x\r\n---\r\nb\uFEFFody\r\n");
  assert.deepEqual(r.data, { title: "x" });
  assert.equal(r.body, "body\n");
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]!.severity, "warning");
  assert.equal(r.problems[0]!.line, 4);
  assert.equal(cleanText("a\r\nb\rc").text, "a\nb\nc");
});

test("malformed YAML is an error with the line it is on", () => {
  const r = parseContentFile("---\ntitle: ok\ntags: [unclosed\n---\nbody");
  assert.equal(r.problems[0]?.severity, "error");
  assert.equal(r.problems[0]?.line, 3);
  assert.match(r.problems[0]!.message, /^YAML: /);
});

test("front matter that is not a mapping is an error", () => {
  const r = parseContentFile("---\n- a\n- b\n---\nbody");
  assert.equal(r.problems[0]?.severity, "error");
  assert.match(r.problems[0]!.message, /must be a mapping/);
  const scalar = parseContentFile("---\njust text\n---\nbody");
  assert.match(scalar.problems[0]!.message, /single value/);
});

test("duplicate keys are an error naming the second one's line", () => {
  const r = parseContentFile("---\ntitle: a\ntitle: b\n---\nbody");
  assert.equal(r.problems[0]?.line, 3);
});

test("an opening --- that is never closed is an error, not a silently swallowed body", () => {
  const r = parseContentFile("---\ntitle: a\nthe whole note");
  assert.equal(r.problems[0]?.severity, "error");
  assert.match(r.problems[0]!.message, /never closed/);
  assert.equal(r.body, "---\ntitle: a\nthe whole note", "the text is kept");
});

test("an article's front matter that lost its closing line keeps its fields up to the first blank line", () => {
  const r = parseContentFile("---\ntitle: 断了的笔记\ndate: 2024-01-02\ntags:\n  - 稀土\n\n正文第一段。\n\n第二段。", { lenient: true });
  assert.deepEqual(r.data, { title: "断了的笔记", date: "2024-01-02", tags: ["稀土"] });
  assert.equal(r.body, "正文第一段。\n\n第二段。");
  assert.equal(r.bodyLine, 7);
  assert.equal(r.lineOf("date"), 3);
  assert.deepEqual(r.problems.map((p) => [p.severity, p.line, p.field]), [["warning", 1, "front matter"]]);
  assert.match(r.problems[0]!.message, /never closed .*up to the blank line 6 are read, the rest is the body/);
  // `----` over and under the fields (a real note): both read as `---`, each with its warning.
  const dashes = parseContentFile("----\ntitle: a\npeople:\n  - 老冒\n----\n\n### 正文", { lenient: true });
  assert.deepEqual([dashes.data, dashes.body, dashes.bodyLine], [{ title: "a", people: ["老冒"] }, "\n### 正文", 6]);
  assert.deepEqual(dashes.problems.map((p) => [p.line, p.message.replace(/;.*/, "")]), [[1, "front matter opened with `----` instead of `---`"], [5, "front matter closed with `----` instead of `---`"]]);
  // Not fields: a rule over prose, or fields that name nothing a note has, stay the body.
  for (const text of ["---\nNote: this is prose.\n\nMore.", "---\nfoo: 1\n\nbody", "---\ntitle: a\nthe whole note"]) {
    const kept = parseContentFile(text, { lenient: true });
    assert.equal(kept.body, text, text);
    assert.match(kept.problems[0]!.message, /the whole file is published as the body/);
  }
});

test("a second --- line inside the body stays in the body", () => {
  const r = parseContentFile("---\ntitle: a\n---\npart one\n---\npart two\n");
  assert.equal(r.body, "part one\n---\npart two\n");
});

test("files without front matter, and with an empty one", () => {
  assert.deepEqual(parseContentFile("# Title\n\ntext").data, {});
  assert.equal(parseContentFile("# Title\n\ntext").hasFrontMatter, false);
  const empty = parseContentFile("---\n---\nbody");
  assert.deepEqual(empty.data, {});
  assert.equal(empty.body, "body");
  assert.equal(empty.bodyLine, 3);
});

test("the body is every character after the closing line: leading blank lines and an unterminated last line kept, a long one whole", () => {
  assert.equal(parseContentFile("---\ntitle: a\n---\n\n\n  indented\n").body, "\n\n  indented\n");
  assert.equal(parseContentFile("---\ntitle: a\n---").body, "");
  assert.equal(parseContentFile("---\ntitle: a\n---\nend").body, "end");
  const long = "正文".repeat(40_000);
  const r = parseContentFile(`---\ntitle: 长文\n---\n${long}`);
  assert.equal(r.body, long);
  assert.deepEqual(r.data, { title: "长文" });
});

test("lenient (articles): a field whose YAML is broken is left out with its line, the others are read on their own lines", () => {
  const r = parseContentFile("---\ntitle: ok\ndate: 2024-12-04\ntags: [unclosed\noutlet: Somewhere\nsummary: |\n  one: two\n---\nbody", { lenient: true });
  assert.deepEqual(r.data, { title: "ok", date: "2024-12-04", outlet: "Somewhere", summary: "one: two\n" });
  assert.equal(r.lineOf("outlet"), 5);
  assert.deepEqual(r.problems.map((p) => [p.severity, p.line, p.field]), [["warning", 4, "tags"]]);
  assert.match(r.problems[0]!.message, /^YAML: Flow sequence.*; `tags` is left out, the other fields are read$/);
  assert.equal(r.body, "body");
});

test("lenient: a field indented by a tab is left out alone, the field above it is read", () => {
  const r = parseContentFile("---\ntitle: 前言\n\tdate: 2020\ntags: [a]\n---\nbody", { lenient: true });
  assert.deepEqual(r.data, { title: "前言", tags: ["a"] });
  assert.deepEqual(r.problems.map((p) => [p.severity, p.line, p.field]), [["warning", 3, "date"]]);
  assert.match(r.problems[0]!.message, /^YAML: Tabs .*; `date` is left out, the other fields are read$/);
});

test("lenient: a quote left open is the fault of its own field, not of the fields below it", () => {
  const r = parseContentFile('---\ntitle: "unclosed\ndate: 2024-01-01\ntags: [a]\n---\n# Hello\nbody', { lenient: true });
  assert.deepEqual(r.data, { date: "2024-01-01", tags: ["a"] });
  assert.deepEqual(r.problems.map((p) => [p.severity, p.line, p.field]), [["warning", 2, "title"]]);
  assert.match(r.problems[0]!.message, /`title` is left out, the other fields are read$/);
  assert.equal(r.lineOf("date"), 3);
});

test("lenient: a field given twice keeps the first, with a warning on the second", () => {
  const r = parseContentFile("---\ntitle: first\ndate: 2024-12-04\ntitle: second\n---\nbody", { lenient: true });
  assert.deepEqual(r.data, { title: "first", date: "2024-12-04" });
  assert.deepEqual(r.problems.map((p) => [p.severity, p.line, p.field]), [["warning", 4, "title"]]);
  assert.match(r.problems[0]!.message, /`title` is given twice/);
});

test("lenient: front matter that is not a mapping, not closed or not YAML at all is a warning, and the body is kept", () => {
  const list = parseContentFile("---\n- a\n- b\n---\nbody", { lenient: true });
  assert.deepEqual([list.data, list.body, list.problems.map((p) => [p.severity, p.line])], [{}, "body", [["warning", 2]]]);
  assert.match(list.problems[0]!.message, /must be a mapping.*published from its body/);
  const open = parseContentFile("---\ntitle: a\nthe whole note", { lenient: true });
  assert.deepEqual([open.data, open.body, open.problems.map((p) => [p.severity, p.line])], [{}, "---\ntitle: a\nthe whole note", [["warning", 1]]]);
  // An error outside any field (a stray indented line before the first): nothing can be salvaged.
  const lost = parseContentFile("---\n  : [\n---\nbody", { lenient: true });
  assert.deepEqual(lost.data, {});
  assert.equal(lost.body, "body");
  assert.ok(lost.problems.length > 0 && lost.problems.every((p) => p.severity === "warning" && p.field === "front matter"));
  assert.match(lost.problems[0]!.message, /the front matter is not read and the note is published from its body$/);
});

test("front matter opened with four dashes is read as front matter, with a warning, when lenient", () => {
  const raw = "----\ntitle: 四条横线\ntags:\n  - a\n---\n正文\n";
  const lenient = parseContentFile(raw, { lenient: true });
  assert.equal(lenient.data.title, "四条横线");
  assert.equal(lenient.lineOf("tags.0"), 4);
  assert.equal(lenient.body.trim(), "正文");
  assert.equal(lenient.bodyLine, 6);
  assert.match(lenient.problems[0]!.message, /opened with `----` instead of `---`/);
  // Strict (events) and a rule that is not front matter stay as they were.
  assert.equal(parseContentFile(raw).hasFrontMatter, false);
  assert.equal(parseContentFile("----\n\n正文\n", { lenient: true }).hasFrontMatter, false);
});

test("front matter without its opening `---` is read as Hexo reads it, with the file's own line numbers", () => {
  const file = "title: CoreData 遇上 iCloud\ndate: 2015-02-10 12:04:50\ntags:\n- Core Data\n- iCloud\n\n----\n正文\uFEFF第一段\n";
  const r = parseContentFile(file, { lenient: true });
  assert.deepEqual(r.data, { title: "CoreData 遇上 iCloud", date: "2015-02-10 12:04:50", tags: ["Core Data", "iCloud"] });
  assert.equal(r.lineOf("title"), 1);
  assert.equal(r.lineOf("tags.1"), 5);
  assert.equal(r.body, "正文第一段\n");
  assert.equal(r.bodyLine, 8);
  assert.deepEqual(r.problems.map((p) => p.line), [8], "the stray byte-order mark keeps its line");
  assert.ok(r.hasFrontMatter);
});

test("a body that only starts like a field stays a body", () => {
  for (const file of [
    "Note: the rule changed.\nMore text here.\n\n---\n\nAfter the rule.",
    "Summary: a line\n\n---\nrest", // no Hexo key
    "title: x\nthen a sentence without a colon\n---\nrest", // a line that is no field
    "title: x\nno closing line at all",
  ]) {
    const r = parseContentFile(file, { lenient: true });
    assert.deepEqual(r.data, {}, file);
    assert.equal(r.body, file);
  }
  // Events (strict) never guess.
  assert.deepEqual(parseContentFile("title: x\n---\nbody").data, {});
});
