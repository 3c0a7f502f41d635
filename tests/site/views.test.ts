// The page types are registered once and the render slicing walks the registry: a paged type
// added to it is sliced, listed in the sitemap and rendered by every slice, with no other change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import path from "node:path";
import { ROOT } from "../../src/config.ts";
import type { SiteModel } from "../../src/site/site-model.ts";
import { isPaged, pagedData, renderedTemplates, sliceOf, VIEWS, type View } from "../../src/site/views.ts";

const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ slug: `${prefix}${i}`, url: `/${prefix}/${i}/` }));

/** A site model with only what the paged views read, and a kind of page the site does not have. */
const site = {
  articles: items("a", 11),
  events: items("e", 5),
  tagPages: items("t", 7),
  actorPages: items("p", 3),
  briefs: items("b", 9),
} as unknown as SiteModel;

const briefs = (s: SiteModel) => (s as unknown as { briefs: Array<{ url: string }> }).briefs;
const withBriefs: readonly View[] = [...VIEWS, { template: "brief.njk", key: "briefs", items: briefs }];
const keyed = (d: object, key: string) => (d as Record<string, Array<{ url: string }>>)[key]!;

test("views: the parts of all slices are every item once, in order", () => {
  const all = Array.from({ length: 23 }, (_, i) => i);
  for (const count of [1, 2, 5, 23, 30]) {
    const parts = Array.from({ length: count }, (_, index) => sliceOf(all, { index, count }));
    assert.deepEqual(parts.flat(), all);
    assert.ok(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length)) <= 1);
  }
});

test("views: a paged type is sliced by being registered — every slice renders its share, the sitemap lists all", () => {
  const count = 4;
  const slices = Array.from({ length: count }, (_, index) => pagedData(site, { index, count }, undefined, withBriefs));
  // Slice 0 renders the pages that exist once, none of the paged ones, and holds the sitemap's URLs.
  assert.deepEqual(keyed(slices[0]!, "briefs"), []);
  assert.deepEqual(slices[0]!.allUrls, [...site.articles, ...site.events, ...site.tagPages, ...site.actorPages, ...briefs(site)].map((x) => x.url));
  for (const s of slices.slice(1)) {
    assert.equal(keyed(s, "briefs").length, 3, "each paged slice gets its share");
    assert.deepEqual(s.allUrls, []);
  }
  assert.deepEqual(slices.flatMap((s) => keyed(s, "briefs")), briefs(site), "every brief once, in order");
  for (const key of ["articles", "events", "tagPages", "actorPages"]) {
    assert.deepEqual(slices.flatMap((s) => keyed(s, key)), keyed(site, key), key);
  }
  // Slices after the first render the new template; the first (or only) renders everything.
  for (let index = 1; index < count; index++) assert.ok(renderedTemplates({ index, count }, undefined, withBriefs)!.includes("brief.njk"));
  assert.equal(renderedTemplates({ index: 0, count }, undefined, withBriefs), undefined);
  assert.equal(renderedTemplates({ index: 0, count: 1 }, undefined, withBriefs), undefined);
  // One slice: the whole site.
  assert.deepEqual(keyed(pagedData(site, { index: 0, count: 1 }, undefined, withBriefs), "briefs"), briefs(site));
});

test("views: the shipped registry — paged views and the templates later slices render", () => {
  assert.deepEqual(VIEWS.filter(isPaged).map((v) => v.template), ["article.njk", "event.njk", "tag.njk", "actor.njk"]);
  assert.deepEqual(renderedTemplates({ index: 2, count: 3 }), ["article.njk", "event.njk", "tag.njk", "actor.njk"]);
  const d = pagedData(site, { index: 2, count: 3 });
  assert.deepEqual(Object.keys(d).sort(), ["actorPages", "allUrls", "articles", "events", "tagPages"]);
});

test("views: a slice the build planned by size takes the articles it names; the others by count", () => {
  const d = pagedData(site, { index: 1, count: 3, articles: [2, 9] });
  assert.deepEqual(d.articles.map((a) => a.url), site.articles.slice(2, 9).map((a) => a.url));
  assert.deepEqual(d.events, sliceOf(site.events, { index: 0, count: 2 }));
});

test("views: npm start's quick pass renders only the saved articles' pages", () => {
  const d = pagedData(site, { index: 0, count: 1 }, ["a3", "a7", "nope"], withBriefs);
  assert.deepEqual(d.articles.map((a) => a.url), ["/a/3/", "/a/7/"]);
  for (const key of ["events", "tagPages", "actorPages", "briefs"]) assert.deepEqual(keyed(d, key), [], key);
  assert.deepEqual(d.allUrls, []);
  assert.deepEqual(renderedTemplates({ index: 0, count: 1 }, ["a3"], withBriefs), ["article.njk"]);
});

test("views: every template in pages/ is registered once, and a paged one paginates over its items one to a page", async () => {
  const pages = path.join(ROOT, "pages");
  const templates = (await fs.readdir(pages, { recursive: true }))
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => f.endsWith(".njk") && !f.startsWith("assets/"))
    .sort();
  assert.deepEqual(VIEWS.map((v) => v.template).sort(), templates);
  for (const v of VIEWS) {
    const front = /^---\n([\s\S]*?)\n---/.exec(await fs.readFile(path.join(pages, v.template), "utf8"))?.[1] ?? "";
    const data = /pagination:\n\s+data: (\S+)\n\s+size: (\d+)/.exec(front);
    if (isPaged(v)) assert.deepEqual([data?.[1], data?.[2]], [`kb.paged.${v.key}`, "1"], v.template);
    else assert.ok(!front.includes("kb.paged."), `${v.template} exists once: it is not sliced`);
  }
});
