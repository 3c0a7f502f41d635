// The reading aids that lead to other articles (src/site/related.ts): neighbours by date,
// related articles by shared actors and tags.
import { test } from "node:test";
import assert from "node:assert/strict";
import { neighboursByTime, relatedByTerms, RELATED_LIMIT, type RelatedInput } from "../../src/site/related.ts";

test("neighbours follow time, with the key settling ties", () => {
  const items = [
    { key: "c", time: 30 },
    { key: "a", time: 10 },
    { key: "b2", time: 20 },
    { key: "b1", time: 20 },
  ];
  const n = neighboursByTime(items);
  const key = (i?: number) => (i === undefined ? undefined : items[i]!.key);
  assert.deepEqual(n.map((x) => [key(x.older), key(x.newer)]), [
    ["b2", undefined],
    [undefined, "b1"],
    ["b1", "c"],
    ["a", "b2"],
  ]);
});

test("related items share terms, rare shared terms count for more, and nothing unrelated comes in", () => {
  const items: RelatedInput[] = [
    { key: "x", time: 0, terms: ["actor:us", "tag:gallium", "tag:chips"] },
    { key: "shares-gallium", time: 1, terms: ["actor:us", "tag:gallium"] },
    { key: "shares-common", time: 2, terms: ["actor:us", "tag:chips"] },
    { key: "unrelated", time: 3, terms: ["actor:eu"] },
    { key: "filler1", time: 4, terms: ["actor:us", "tag:chips"] },
    { key: "filler2", time: 5, terms: ["actor:us", "tag:chips"] },
  ];
  const related = relatedByTerms(items);
  const keys = related[0]!.map((m) => items[m.index]!.key);
  assert.equal(keys[0], "shares-gallium", "gallium is on two items, chips on four");
  assert.ok(!keys.includes("unrelated"));
  assert.ok(!keys.includes("x"), "never itself");
  assert.deepEqual(related[0]![0]!.shared, ["tag:gallium", "actor:us"], "the rarest shared term first");
  assert.deepEqual(related[3], [], "an item that shares nothing has no related items");
  for (const [i, list] of related.entries()) {
    assert.ok(list.length <= RELATED_LIMIT);
    for (const m of list) assert.ok(m.shared.every((t) => items[i]!.terms.includes(t) && items[m.index]!.terms.includes(t)));
  }
});

test("the related items are the true top five by score, as scoring every pair would find them", () => {
  // A small corpus with a fixed pseudo-random spread of terms; cap large enough to see everything.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const items: RelatedInput[] = Array.from({ length: 300 }, (_, i) => ({
    key: `a${String(i).padStart(3, "0")}`,
    time: Math.floor(rand() * 1e6),
    terms: Array.from({ length: 1 + Math.floor(rand() * 6) }, () => `tag:t${Math.floor(rand() * 40)}`),
  }));
  const df = new Map<string, number>();
  for (const it of items) for (const t of new Set(it.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const w = (t: string) => Math.log(1 + items.length / df.get(t)!);
  const related = relatedByTerms(items, { cap: 1000 });
  items.forEach((it, i) => {
    const mine = new Set(it.terms);
    const brute = items
      .map((other, j) => ({ j, score: [...new Set(other.terms)].filter((t) => mine.has(t)).reduce((sum, t) => sum + w(t), 0) }))
      .filter((c) => c.j !== i && c.score > 0)
      .map((c) => c.score)
      .sort((a, b) => b - a)
      .slice(0, RELATED_LIMIT);
    assert.deepEqual(related[i]!.map((m) => m.score.toFixed(9)), brute.map((s) => s.toFixed(9)), `item ${i}`);
  });
});

test("related items for 10,000 articles: common ids bring in a bounded number of candidates", () => {
  const n = 10_000;
  const items: RelatedInput[] = Array.from({ length: n }, (_, i) => ({
    key: `a${i}`,
    time: i * 60_000,
    // Every article has cn and us; a rare tag pairs articles i and i+5000.
    terms: ["actor:cn", "actor:us", `tag:t${i % 5000}`, `tag:m${i % 100}`],
  }));
  const cap = 40;
  const stats = { scored: 0 };
  const t0 = performance.now();
  const related = relatedByTerms(items, { cap, stats });
  const ms = performance.now() - t0;
  // At most `cap` candidates for each of an article's four terms: linear, not quadratic.
  assert.ok(stats.scored <= n * 4 * cap, `${stats.scored} scorings`);
  assert.ok(ms < 20_000, `${Math.round(ms)} ms`);
  // The rarest shared id still finds its pair, however common the others are.
  assert.equal(related[42]![0]!.index, 5042);
  assert.equal(related[5042]![0]!.index, 42);
});
