import { test } from "node:test";
import assert from "node:assert/strict";
import { buildLinkTargets, resolveAttachment, resolveNote } from "../../src/render/wikilinks.ts";
import { displayText, parseWikilink, unwikilink } from "../../src/model/wikilink.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";

test("a wikilink's parts: target, heading, label, embed", () => {
  const cases: Array<[string, ReturnType<typeof parseWikilink>]> = [
    ["[[Note]] rest", { link: { embed: false, target: "Note" }, length: 8 }],
    ["[[Note|shown]]", { link: { embed: false, target: "Note", label: "shown" }, length: 14 }],
    ["[[Note#Part two|shown]]", { link: { embed: false, target: "Note", heading: "Part two", label: "shown" }, length: 23 }],
    ["[[#Only heading]]", { link: { embed: false, target: "", heading: "Only heading" }, length: 17 }],
    ["![[a b.png|300]]", { link: { embed: true, target: "a b.png", label: "300" }, length: 16 }],
    ["[[Note\\|in a table]]", { link: { embed: false, target: "Note", label: "in a table" }, length: 20 }],
    ["[[]]", undefined],
    ["[[a\nb]]", undefined],
    ["[[a [b] c]]", undefined],
    ["[single]", undefined],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseWikilink(text), expected, text);
});

test("what a reader sees: the label, else the note's name and heading as Obsidian shows them", () => {
  const shown = (s: string) => displayText(parseWikilink(s)!.link);
  assert.equal(shown("[[folder/Note.md]]"), "Note");
  assert.equal(shown("[[Note#Part]]"), "Note > Part");
  assert.equal(shown("[[Note#^block1]]"), "Note");
  assert.equal(shown("[[#Part]]"), "Part");
  assert.equal(shown("![[pic.png|300]]"), "pic.png");
  assert.equal(shown("![[pic.png|a map]]"), "a map");
});

test("Obsidian's resolution: file name ignoring case, the shortest path first, then a path, then a title", () => {
  const t = buildLinkTargets(
    [
      { file: "deep/er/Chips.md", slug: "chips-deep" },
      { file: "z/Chips.md", slug: "chips-short" },
      { file: "Rare Earths.markdown", slug: "rare-earths", title: "Chips" },
      { file: "2024-12-04-x.md", slug: "x", title: "中国反制" },
    ],
    ["img/a.png", "b/c/a.png", "Other.JPG"],
  );
  assert.equal(resolveNote(t, "chips"), "chips-short");
  assert.equal(resolveNote(t, "CHIPS.md"), "chips-short");
  assert.equal(resolveNote(t, "deep/er/Chips"), "chips-deep");
  assert.equal(resolveNote(t, "/deep/er/chips.md"), "chips-deep");
  assert.equal(resolveNote(t, "elsewhere/Chips"), "chips-short");
  assert.equal(resolveNote(t, "rare earths"), "rare-earths");
  assert.equal(resolveNote(t, "中国反制"), "x");
  assert.equal(resolveNote(t, "nothing"), undefined);
  assert.equal(resolveAttachment(t, "a.png"), "img/a.png");
  assert.equal(resolveAttachment(t, "b/c/a.png"), "b/c/a.png");
  assert.equal(resolveAttachment(t, "other.jpg"), "Other.JPG");
  assert.equal(resolveAttachment(t, "none.png"), undefined);
});

test("front matter written as links reads as the names (web clipper: author: [\"[[Name]]\"])", () => {
  assert.equal(unwikilink("[[张三]]"), "张三");
  assert.equal(unwikilink("[[People/Jane Doe|Jane]] and [[Bob]]"), "Jane and Bob");
  assert.equal(unwikilink("no links [here]"), "no links [here]");
  assert.equal(unwikilink("[[unclosed"), "[[unclosed");
});

test("wikilinks inside code stay as written; a link without targets is the label as text", () => {
  const r = renderMarkdown("`[[Note]]` and [[Note|标签]]\n\n```\n[[Fenced]]\n```");
  assert.match(r.html, /<code>\[\[Note\]\]<\/code> and 标签<\/p>/);
  assert.match(r.html, /\[\[Fenced\]\]/);
  assert.deepEqual(r.wikilinks.unresolved.map((u) => u.target), ["Note"]);
});
