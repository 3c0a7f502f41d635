// Snippets of search results are cut where a sentence or a word ends, never inside a word; a
// result's date reads as the pages write it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { clipText, snippetBounds } from "../../src/search/snippet.ts";
import { excerptOf } from "../../src/search/postings-search.ts";
import { paragraphsByLanguage } from "../../src/search/records.ts";
import { dateLabel } from "../../src/client/date-label.ts";
import { formatEventDate } from "../../src/site/i18n.ts";

const EN = "On 15 April 2018 the Bureau of Industry and Security activated the denial order that had been suspended. ZTE was barred from exports for seven years, cutting it off from US components.";
const ZH = "据端传媒，稀有金属的产制过程成本高昂、能源密集且污染严重。2006年开始，中国对稀有金属开采实施了总量管制，2007年又将其纳入了指令性生产计划管理。";

const words = (s: string) => new Set(s.match(/[A-Za-z0-9']+/g) ?? []);

test("a clipped text ends at a word's end, or a sentence's where one is near", () => {
  for (let n = 20; n < EN.length; n += 7) {
    const clip = clipText(EN, n);
    assert.ok(clip.endsWith(" …"), clip);
    for (const w of words(clip.slice(0, -2))) assert.ok(words(EN).has(w), `${n}: "${w}" is a whole word of the text (${clip})`);
    assert.ok(clip.length <= n + 2 + 1, `${n}: ${clip.length}`);
  }
  assert.equal(clipText(EN, 110), "On 15 April 2018 the Bureau of Industry and Security activated the denial order that had been suspended. …");
  assert.equal(clipText("short", 240), "short");
  // Chinese: after the punctuation nearest the cut.
  assert.equal(clipText(ZH, 50), "据端传媒，稀有金属的产制过程成本高昂、能源密集且污染严重。 …");
  assert.equal(clipText(ZH, 26), "据端传媒，稀有金属的产制过程成本高昂 …");
});

test("a snippet around a match starts after a sentence's end or at a word's start, and keeps the match", () => {
  const at = EN.indexOf("ZTE");
  const [s, e] = snippetBounds(EN, at - 30, at + 40, at, at + 3);
  assert.ok(s <= at && e >= at + 3);
  assert.equal(EN.slice(s, s + 3), "ZTE", "starts after the sentence before it ends");
  assert.ok(!/[A-Za-z]/.test(EN[e] ?? " ") || !/[A-Za-z]/.test(EN[e - 1]!), `ends between words: ${EN.slice(s, e)}`);
  // Never inside a Latin word, even with no punctuation near.
  const plain = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma";
  for (let start = 1; start < 40; start++) {
    const [a, b] = snippetBounds(plain, start, start + 30, start + 12, start + 14);
    assert.ok(a === 0 || plain[a - 1] === " ", `${start}: starts at a word: ${plain.slice(a, b)}`);
    assert.ok(b === plain.length || plain[b] === " ", `${start}: ends at a word: ${plain.slice(a, b)}`);
  }
});

test("our index's excerpts are cut between words", () => {
  const text = `${"Lorem ipsum dolor sit amet consectetur adipiscing elit. ".repeat(6)}The gallium controls took effect on 1 August. ${"Sed do eiusmod tempor incididunt ut labore. ".repeat(6)}`;
  const html = excerptOf(text, ["gallium"], {}, 120);
  assert.match(html, /<mark>gallium<\/mark>/);
  const plain = html.replace(/<\/?mark>/g, "").replace(/^… |\s…$/g, "");
  assert.ok(text.includes(plain), plain);
  const at = text.indexOf(plain);
  assert.ok(at === 0 || /[\s.]/.test(text[at - 1]!), `starts at a boundary: ${plain}`);
  assert.ok(!/\w/.test(text[at + plain.length] ?? " ") || !/\w/.test(plain.at(-1)!), `ends at a boundary: ${plain}`);
});

test("an event's description splits into its Chinese and English paragraphs", () => {
  const { zh, en } = paragraphsByLanguage(`${EN}\n\n${ZH}`);
  assert.equal(en, EN);
  assert.equal(zh, ZH);
});

test("a result's date is written as the pages write it, at its precision, in both languages", () => {
  const values: Array<[string, "year" | "month" | "day"]> = [["2006", "year"], ["2025-10", "month"], ["2018-04-15", "day"], ["2024-12-02", "day"], ["2019-01", "month"], ["2025-11-09", "day"]];
  for (const [value, precision] of values) {
    for (const lang of ["zh-Hans", "en"] as const) assert.equal(dateLabel(value, lang), formatEventDate({ value, precision }, lang), `${value} ${lang}`);
  }
  assert.equal(dateLabel("2018-04-15", "zh-Hans"), "2018年4月15日");
  assert.equal(dateLabel("2018-04-15", "en"), "15 April 2018");
  assert.equal(dateLabel("0000-00-00", "en"), "0000");
});
