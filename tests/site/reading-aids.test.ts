// The reading aids of an article page, computed in src/site/shape.ts: table of contents,
// neighbours by date, related articles by shared actors and tags.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  tableOfContents,
  neighboursByTime,
  relatedByTerms,
  shapeSite,
  named,
  RELATED_LIMIT,
  type RelatedInput,
} from "../../src/site/shape.ts";
import type { Dataset, DatasetArticle } from "../../src/ingest/dataset.ts";
import { renderMarkdown, type Heading } from "../../src/render/markdown.ts";

const h = (level: number, text: string): Heading => ({ level, text, id: text.toLowerCase().replace(/\s+/g, "-") });

test("a table of contents for three headings, or two in a long text; none for short pieces", () => {
  const three = [h(2, "A"), h(2, "B"), h(3, "B1")];
  assert.deepEqual(tableOfContents(three, 500, "zh-Hans").map((e) => [e.id, e.depth]), [["a", 0], ["b", 0], ["b1", 1]]);
  assert.deepEqual(tableOfContents([h(2, "A"), h(2, "B")], 2999, "zh-Hans"), []);
  assert.equal(tableOfContents([h(2, "A"), h(2, "B")], 3000, "zh-Hans").length, 2);
  // English is counted in words: 500 words is about 3000 characters.
  assert.equal(tableOfContents([h(2, "A"), h(2, "B")], 500, "en").length, 2);
  assert.deepEqual(tableOfContents([h(2, "A")], 10000, "zh-Hans"), []);
  // The title repeated as the body's first heading is not a section.
  assert.deepEqual(tableOfContents([h(1, "Title"), h(2, "A"), h(2, "B")], 100, "en", "Title"), []);
  // Sections of level 3 only start at depth 0.
  assert.deepEqual(tableOfContents([h(3, "A"), h(3, "B"), h(4, "C")], 0, "zh-Hans").map((e) => e.depth), [0, 0, 1]);
});

test("body sections start at h2 and skip no level, so the outline under the page's h1 holds", () => {
  const notes = renderMarkdown("### 开场\n\n文。\n\n##### 细节\n\n### 结论");
  assert.deepEqual(notes.headings.map((x) => [x.level, x.text]), [[2, "开场"], [3, "细节"], [2, "结论"]]);
  assert.match(notes.html, /<h2 id="[^"]+">开场<\/h2>[\s\S]*<h3 id="[^"]+">细节<\/h3>[\s\S]*<h2 id="[^"]+">结论<\/h2>/);
  // An h1 stays one: ingest takes it for the title when front matter has none.
  assert.deepEqual(renderMarkdown("# 标题\n\n## 一\n\n#### 二").headings.map((x) => x.level), [1, 2, 3]);
});

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

test("shapeSite gives each article its reading time, contents, neighbours and related articles", () => {
  const article = (slug: string, iso: string, actors: string[], tags: string[], extra: Partial<DatasetArticle> = {}): DatasetArticle =>
    ({
      slug,
      url: `/articles/${slug}/`,
      file: `${slug}.md`,
      title: slug,
      date: { iso, day: iso.slice(0, 10), precision: "minute" },
      lang: "zh-Hans",
      excerpt: "",
      draft: false,
      tags,
      unknownTags: [],
      actors,
      wordCount: 1200,
      extra: {},
      headings: [],
      ...extra,
    }) as DatasetArticle;
  const data: Dataset = {
    summary: { articles: 4, events: 0, draftsSkipped: 0, includeDrafts: false, warnings: 0, errors: 0 },
    articles: [
      article("newest", "2025-01-02T10:00:00+08:00", ["us-bis"], ["gallium"], { headings: [h(2, "A"), h(2, "B"), h(2, "C")], wordCount: 4000 }),
      article("middle", "2024-06-01T10:00:00+08:00", ["us-bis"], ["chips"]),
      // Same instant as "older" written in another zone: the slug decides.
      article("older-b", "2024-01-01T02:00:00Z", ["eu"], []),
      article("older", "2024-01-01T10:00:00+08:00", [], ["gallium"]),
    ],
    events: [],
    actors: [
      { id: "us-bis", type: "authority", names: { "zh-Hans": "美国商务部工业与安全局", en: "Bureau of Industry and Security" }, aliases: [] },
      { id: "eu", type: "jurisdiction", names: { en: "European Union" }, aliases: [] },
    ],
    tags: [
      { id: "gallium", kind: "material", names: { "zh-Hans": "镓", en: "Gallium" }, aliases: [], detect: true },
      { id: "chips", kind: "technology", names: { "zh-Hans": "芯片", en: "Chips" }, aliases: [], detect: true },
    ],
  };
  const site = shapeSite(data, "zh-Hans");
  const by = new Map(site.articles.map((a) => [a.slug, a]));
  assert.equal(by.get("newest")!.readingMinutes, 10);
  assert.equal(by.get("newest")!.toc.length, 3);
  assert.deepEqual(by.get("middle")!.toc, []);
  assert.equal(by.get("newest")!.older?.slug, "middle");
  assert.equal(by.get("newest")!.newer, undefined);
  assert.equal(by.get("older")!.older, undefined);
  assert.equal(by.get("older")!.newer?.slug, "older-b");
  assert.equal(by.get("older-b")!.newer?.slug, "middle");
  assert.deepEqual(by.get("newest")!.related.map((r) => r.slug).sort(), ["middle", "older"]);
  assert.deepEqual(by.get("newest")!.related.find((r) => r.slug === "older")!.shared.map((r) => [r.id, r.label, r.en]), [["gallium", "镓", "Gallium"]]);
  assert.deepEqual(by.get("older-b")!.related, []);
  // Names carry their language and their English name, for the English interface.
  assert.deepEqual(by.get("middle")!.actorRefs.map((r) => [r.label, r.lang, r.en]), [["美国商务部工业与安全局", "zh-Hans", "Bureau of Industry and Security"]]);
  assert.deepEqual(by.get("older-b")!.actorRefs.map((r) => [r.label, r.lang, r.en]), [["European Union", "en", undefined]]);
});

test("a name is shown in the interface language, else another, and says which", () => {
  assert.deepEqual(named({ "zh-Hant": "華為", en: "Huawei" }, "zh-Hans", "huawei"), { label: "華為", lang: "zh-Hant", en: "Huawei" });
  assert.deepEqual(named({ en: "Huawei" }, "zh-Hans", "huawei"), { label: "Huawei", lang: "en" });
  assert.deepEqual(named({}, "zh-Hans", "x-corp"), { label: "x-corp" });
});
