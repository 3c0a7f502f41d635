// The engine's own ranking over shards and its excerpts, against a stand-in for Pagefind that
// answers lookups from a table (the real bundle is exercised by quality.test.ts and in Chromium).
import { test } from "node:test";
import assert from "node:assert/strict";
import { markedExcerpt, runSearch } from "../../src/search/engine.ts";
import type { AliasIndex } from "../../src/search/fold.ts";

const noNames: AliasIndex = { keys: {}, surfaces: {}, longest: 1 };

/** Pages by id: their indexed text, word by word. */
const TEXTS: Record<string, string> = {
  a: "出口 管制 beta 出口 出口 出口 gamma",
  b: "beta 出口 delta",
  c: "出口 epsilon", // no beta: not a result
  d: "beta beta 出口",
};

/** Which shard holds each page, and its date: shard 0 holds the newest. */
const HELD: Record<string, { shard: string; date: string }> = {
  a: { shard: "1", date: "2023-05-01" },
  b: { shard: "0", date: "2025-01-01" },
  c: { shard: "0", date: "2024-06-01" },
  d: { shard: "1", date: "2024-01-01" },
};

/**
 * A stand-in for merged shards: every search is recorded; a word is found where it is written;
 * the shard filter and the date sort are honoured.
 */
function fakePagefind() {
  const asked: string[] = [];
  return {
    asked,
    async search(term: string | null, opts: { filters?: Record<string, string[]>; sort?: Record<string, string> } = {}) {
      asked.push(String(term));
      const word = String(term).replace(/^"|"$/g, "");
      const shard = opts.filters?.shard?.[0];
      const results = Object.entries(TEXTS)
        .filter(([id]) => shard === undefined || HELD[id]!.shard === shard)
        .sort(([x], [y]) => (opts.sort ? HELD[y]!.date.localeCompare(HELD[x]!.date) : 0))
        .map(([id, text]) => ({ id, places: text.split(" ").flatMap((w, i) => (w === word ? [i] : [])) }))
        .filter((x) => x.places.length > 0)
        .map(({ id, places }) => ({ id, score: 1, words: places, data: async () => ({ url: `/${id}/`, content: TEXTS[id]!, raw_content: TEXTS[id]! }) }));
      return { results };
    },
  };
}

test("over shards, a ranked search looks each word up once (pairs quoted, Latin words as prefixes) and keeps pages with every word", async () => {
  const pf = fakePagefind();
  const out = await runSearch(pf, { q: "出口 beta", filters: {}, sort: "relevance" }, {}, noNames, 3, 100);
  assert.deepEqual(pf.asked.sort(), ['"出口"', "beta"]);
  assert.deepEqual(out.results.map((r) => r.id).sort(), ["a", "b", "d"]);
});

test("pages are ranked by how often they have each word, rarer words weighing more, ties in a fixed order", async () => {
  const out = await runSearch(fakePagefind(), { q: "出口 beta", filters: {}, sort: "relevance" }, {}, noNames, 3, 100);
  // a: 出口 ×4, beta ×1; d: beta ×2 (the rarer word), 出口 ×1; b: one of each.
  assert.deepEqual(out.results.map((r) => r.id), ["a", "d", "b"]);
  const scores = out.results.map((r) => r.score);
  assert.ok(scores[0]! > scores[1]! && scores[1]! > scores[2]!, scores.join(" "));
});

test("a result's excerpt marks every searched word where the page has it", async () => {
  const out = await runSearch(fakePagefind(), { q: "出口 beta", filters: {}, sort: "relevance" }, {}, noNames, 3, 100);
  const a = await out.results.find((r) => r.id === "a")!.data();
  assert.equal(a.excerpt, "<mark>出口</mark> 管制 <mark>beta</mark> <mark>出口</mark> <mark>出口</mark> <mark>出口</mark> gamma");
  assert.equal(a.url, "/a/");
});

test("with one index, Pagefind's own ranked search answers the whole query", async () => {
  const pf = fakePagefind();
  await runSearch(pf, { q: "出口 beta", filters: {}, sort: "relevance" }, {}, noNames, 1, 100);
  assert.deepEqual(pf.asked, ["出口 beta"]);
});

test("sorted by date over shards: the rarest word is asked shard by shard, pages with every word kept, newest first, every word marked", async () => {
  const pf = fakePagefind();
  const out = await runSearch(pf, { q: "出口 beta", filters: {}, sort: "date" }, {}, noNames, 2, 100);
  // Both words looked up once; then beta (on 3 pages, against 4 for 出口) in shard 0 and 1.
  assert.deepEqual(pf.asked, ['"出口"', "beta", "beta", "beta"]);
  assert.deepEqual(out.results.map((r) => r.id), ["b", "d", "a"]);
  const d = await out.results[1]!.data();
  assert.equal(d.excerpt, "<mark>beta</mark> <mark>beta</mark> <mark>出口</mark>");
});

test("a date-sorted search over shards stops asking shards once it is stale", async () => {
  const pf = fakePagefind();
  let asked = 0;
  const out = await runSearch({ search: (t, o) => (asked++, pf.search(t, o as never)) }, { q: "beta", filters: {}, sort: "date" }, {}, noNames, 2, 100, () => asked >= 1);
  assert.equal(asked, 1);
  assert.deepEqual(out.results.map((r) => r.id), ["b"]);
});

test("markedExcerpt takes the stretch with the most matches, from a few words before it", () => {
  const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
  const content = words.join(" ");
  // One match early, three close together later: the three win, from two words before
  // (a quarter of the excerpt, at most three).
  const excerpt = markedExcerpt(content, [2, 60, 62, 65], 10);
  assert.equal(excerpt, "w58 w59 <mark>w60</mark> w61 <mark>w62</mark> w63 w64 <mark>w65</mark> w66 w67");
  assert.ok(markedExcerpt(content, [60], 40).startsWith("w57 w58 w59 <mark>w60</mark>"));
  // Near the end the stretch is moved back to keep its length.
  assert.equal(markedExcerpt(content, [99], 4), "w96 w97 w98 <mark>w99</mark>");
  // Places outside the text are ignored; a short text is shown whole.
  assert.equal(markedExcerpt("甲 乙", [1, 7], 40), "甲 <mark>乙</mark>");
  assert.equal(markedExcerpt("甲 乙", [], 40), "甲 乙");
});
