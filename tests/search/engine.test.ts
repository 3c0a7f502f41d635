// The engine over Pagefind's one index, against a stand-in that records what it is asked (the
// real bundle is exercised by quality.test.ts and in Chromium). The postings index has its own
// tests (postings.test.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { isWholeToken, runSearch } from "../../src/search/engine.ts";
import { entityToken, type AliasIndex } from "../../src/search/fold.ts";

const noNames: AliasIndex = { keys: {}, surfaces: {}, longest: 1 };

function standIn() {
  const asked: Array<{ term: string | null; opts: Record<string, unknown> }> = [];
  return {
    asked,
    async search(term: string | null, opts: Record<string, unknown> = {}) {
      asked.push({ term, opts });
      return { results: [{ id: "x", score: 1, data: async () => ({ url: "/x/", meta: {}, excerpt: "" }) }] };
    },
  };
}

test("with Pagefind, its own ranked search answers the whole query with the reader's filters", async () => {
  const pf = standIn();
  const out = await runSearch({ kind: "pagefind", pagefind: pf }, { q: "出口管制 beta", filters: { type: "event", year: "2025" }, sort: "relevance" }, {}, noNames);
  // First, once each, whether the index has the query's character pairs (an exact search, which
  // Pagefind never answers with a shorter word).
  assert.deepEqual(pf.asked.slice(0, 3), ['"出口"', '"口管"', '"管制"'].map((term) => ({ term, opts: {} })));
  // The query as written, then its looser reading (出口 and 管制 apart), which adds only what the first lacks.
  assert.deepEqual(pf.asked.slice(3), [
    { term: "出口 口管 管制 beta", opts: { filters: { type: ["event"], year: ["2025"] } } },
    { term: "出口 管制 beta", opts: { filters: { type: ["event"], year: ["2025"] } } },
  ]);
  assert.equal(out.results.length, 1);
  assert.equal(out.looserFrom, 1);
  assert.equal(out.namesOnly, false);
});

test("with Pagefind, a query with a character pair no page has finds nothing, never pages with one of its characters", async () => {
  const pf = standIn();
  const search = pf.search.bind(pf);
  // The stand-in has no 中俄: an exact search for it finds nothing, any other search finds "x".
  pf.search = async (term: string | null, opts: Record<string, unknown> = {}) => (term === '"中俄"' ? (pf.asked.push({ term, opts }), { results: [] }) : search(term, opts));
  const out = await runSearch({ kind: "pagefind", pagefind: pf }, { q: "出口 中俄", filters: {}, sort: "relevance" }, {}, noNames);
  assert.deepEqual(out.results, []);
  assert.deepEqual(pf.asked.map((a) => a.term).sort(), ['"中俄"', '"出口"'], "the query itself is not asked");
});

test("a names-only query is sorted by date; an empty query asks nothing", async () => {
  const pf = standIn();
  const names: AliasIndex = { keys: { 华为: ["actor", "huawei"] }, surfaces: { huawei: ["华为"] }, longest: 2 };
  const out = await runSearch({ kind: "pagefind", pagefind: pf }, { q: "華為", filters: {}, sort: "relevance" }, { 華: "华", 為: "为" }, names);
  assert.equal(out.namesOnly, true);
  assert.deepEqual(pf.asked, [{ term: entityToken("huawei"), opts: { filters: {}, sort: { date: "desc" } } }]);
  const empty = await runSearch({ kind: "pagefind", pagefind: pf }, { q: "  ", filters: {}, sort: "relevance" }, {}, noNames);
  assert.deepEqual(empty.results, []);
  assert.equal(pf.asked.length, 1);
});

test("a character pair or a name's word is a whole token; a lone character or a Latin word is a prefix", () => {
  assert.ok(isWholeToken("出口"));
  assert.ok(isWholeToken(entityToken("huawei")));
  assert.ok(!isWholeToken("镓"));
  assert.ok(!isWholeToken("hua"));
  assert.ok(!isWholeToken("出口管"));
});

test("a Chinese run reads loosely only when it splits into words of two characters or more", async () => {
  const { parseQuery } = await import("../../src/search/fold.ts");
  const names: AliasIndex = { keys: { 实体清单: ["tag", "entity-list"], 稀土: ["tag", "rare-earths"] }, surfaces: {}, longest: 4 };
  assert.equal(parseQuery("出口管制", {}, noNames).loose, "出口 管制");
  // A name reads as its words: the Entity List's page gathers its mentions, the looser reading the words apart.
  assert.equal(parseQuery("实体清单", {}, names).loose, "实体 清单");
  assert.equal(parseQuery("稀土出口", {}, names).loose, "稀土 出口");
  // 台 alone would find every 台湾; two characters and Latin words have no looser reading.
  assert.equal(parseQuery("台积电", {}, noNames).loose, "");
  assert.equal(parseQuery("出口", {}, noNames).loose, "");
  assert.equal(parseQuery("export controls", {}, noNames).loose, "");
  // A name of several words reads as its words too (stock Pagefind finds a page with both apart).
  const english: AliasIndex = { keys: { "export controls": ["tag", "export-controls"], huawei: ["actor", "huawei"] }, surfaces: {}, longest: 15 };
  assert.equal(parseQuery("Export Controls", {}, english).loose, "export controls");
  assert.equal(parseQuery("huawei", {}, english).loose, "", "a one-word name: its mentions are every page with the word");
});
