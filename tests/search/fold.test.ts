import { test } from "node:test";
import assert from "node:assert/strict";
import { fold, tokenize, visitTokens, keyToken, indexText, readableExcerpt, parseQuery, findHighlights, type AliasIndex } from "../../src/search/fold.ts";
import { buildFoldMap, buildAliasIndex } from "../../src/search/records.ts";

const map = buildFoldMap(["华为芯片光刻机台积电美国商务部", "華為晶片曝光機"]);
const aliases: AliasIndex = buildAliasIndex(
  [{ id: "huawei", type: "company", names: { "zh-Hans": "华为", en: "Huawei" }, aliases: [] }, { id: "tsmc", type: "company", names: { "zh-Hans": "台积电", en: "TSMC" }, aliases: [] }],
  [{ id: "rare-earths", kind: "material", names: { "zh-Hans": "稀土", en: "Rare earths" }, aliases: ["rare earth"], detect: true }, { id: "gallium", kind: "material", names: { "zh-Hans": "镓", en: "Gallium" }, aliases: [], detect: true }],
  map,
);

test("folding: Traditional to Simplified character by character, full-width to ASCII, lower case", () => {
  assert.equal(fold("華為晶片", map), "华为晶片");
  assert.equal(fold("ＨＵＡＷＥＩ Huawei", map), "huawei huawei");
  // A Traditional character the corpus never uses still folds when its Simplified form is there.
  assert.equal(fold("機", map), "机");
});

test("tokens: overlapping pairs for Chinese with the run's last character alone; words for the rest", () => {
  assert.deepEqual(tokenize("台积电宣布扩产，tsmc announced 89 fr 96790"), ["台积", "积电", "电宣", "宣布", "布扩", "扩产", "产", "，", "tsmc", "announced", "89", "fr", "96790"]);
  assert.deepEqual(tokenize("镓"), ["镓"]);
  assert.deepEqual(tokenize("商务部公告2024年第46号"), ["商务", "务部", "部公", "公告", "告", "2024", "年第", "第", "46", "号"]);
  assert.equal(indexText("華為", map), "华为 为");
});

test("visitTokens gives tokenize's tokens, Chinese ones as numbers, in the same order, and the parts of compound words", () => {
  const texts = ["台积电 TSMC 3nm，华为！", "〇〇 々 豈更", "𠀀𠀁中 a 丁", "", "镓", "gallium, germanium; 13%"];
  const visited = (folded: string) => {
    const seen: string[] = [];
    visitTokens(folded, (k) => seen.push(keyToken(k)), (w) => seen.push(w));
    return seen;
  };
  for (const t of texts) assert.deepEqual(visited(fold(t, map)), tokenize(fold(t, map)), t);
  // The index has a compound whole and its parts of two letters or more; a query keeps it whole.
  assert.deepEqual(visited(fold("u.s. E-graph afl-compiler-rt.o.c 12.5", map)), ["u.s", ".", "e-graph", "graph", "afl-compiler-rt.o.c", "afl", "compiler", "rt", "12.5", "12"]);
  assert.deepEqual(tokenize(fold("E-graph", map)), ["e-graph"]);
});

test("a pair of the main plane is one key wherever it stands, also in a run with a character beyond it", () => {
  const keys: string[] = [];
  const words: string[] = [];
  visitTokens(fold("尤先科则遭到二𫫇英剧毒", map), (k) => keys.push(keyToken(k)), (w) => words.push(w));
  assert.ok(keys.includes("先科"), "先科 is a key, as in a run without 𫫇");
  assert.deepEqual(words, ["二𫫇", "𫫇英"], "only the pairs holding 𫫇 are words");
  assert.ok(keys.includes("毒") && !words.includes("毒"), "the last character too");
  const only: string[] = [];
  visitTokens(fold("𫫇", map), () => only.push("key"), (w) => only.push(w));
  assert.deepEqual(only, ["𫫇"]);
});

test("excerpts of indexed text read as the original, with matched characters marked", () => {
  const excerpt = "的 <mark>南京</mark> <mark>京工</mark> <mark>工厂</mark> 厂也 也面 面临 临 ， tsmc &amp; <mark>huawei</mark> said";
  assert.equal(readableExcerpt(excerpt), "的<mark>南京工厂</mark>也面临，tsmc &amp; <mark>huawei</mark> said");
});

test("queries: registry names become entities in any script or language; the rest is split like the index", () => {
  const q = parseQuery("華為 台积电扩产", map, aliases);
  assert.deepEqual(q.entities.map((e) => e.id), ["huawei", "tsmc"]);
  // 扩产 touches 台积电: the pair across the seam (电扩) keeps the words together.
  assert.equal(q.text, "扩产 电扩");
  assert.deepEqual(parseQuery("Huawei", map, aliases).entities.map((e) => e.id), ["huawei"]);
  assert.deepEqual(parseQuery("rare earth", map, aliases).entities.map((e) => e.id), ["rare-earths"]);
  assert.deepEqual(parseQuery("镓", map, aliases).entities.map((e) => e.id), ["gallium"]);
  // Latin names only as whole words: "huaweis" is not Huawei, "tsmcx" is not TSMC.
  assert.deepEqual(parseQuery("tsmcx", map, aliases).entities, []);
  assert.equal(parseQuery("南京工厂", map, aliases).text, "南京 京工 工厂");
  assert.equal(parseQuery("台", map, aliases).text, "台");
  assert.ok(parseQuery("华为", map, aliases).highlight.includes("華為"), "highlight the other script's name too");
});

test("highlights are found in either script and map back to the page's own characters", () => {
  const text = "美國制裁華為晶片，Huawei said";
  const ranges = findHighlights(text, ["华为", "huawei"], map);
  assert.deepEqual(ranges.map(([s, e]) => text.slice(s, e)), ["華為", "Huawei"]);
  assert.deepEqual(findHighlights("Huaweis", ["huawei"], map), []);
});

test("highlights map back across characters whose fold changes their length, the same on every call", () => {
  // ﬁ (one code unit) folds to "fi"; Ｈｕａｗｅｉ (full width) to huawei; 𠀀 is two code units.
  const text = "𠀀ﬁnal：Ｈｕａｗｅｉ與華為……ASML";
  for (let round = 0; round < 3; round++) {
    const ranges = findHighlights(text, ["final", "huawei", "华为", "asml"], map);
    assert.deepEqual(ranges.map(([s, e]) => text.slice(s, e)), ["ﬁnal", "Ｈｕａｗｅｉ", "華為", "ASML"], `round ${round}`);
  }
});

test("a single Latin letter is not searched: as a prefix it would match half the index", () => {
  assert.equal(parseQuery("半导体 a", map, aliases).text, "半导 导体");
  assert.equal(parseQuery("as", map, aliases).text, "as");
});
