// The site model as shapeSite (src/site/shape.ts) puts it together: each article with its
// reading aids, its names in the interface language and in English.
import { test } from "node:test";
import assert from "node:assert/strict";
import { shapeSite } from "../../src/site/shape.ts";
import type { Dataset, DatasetArticle, Heading } from "../../src/model/dataset.ts";

const h = (level: number, text: string): Heading => ({ level, text, id: text.toLowerCase().replace(/\s+/g, "-") });

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
