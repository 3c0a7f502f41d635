// The render in slices. Eleventy keeps every page it renders in memory until its build ends,
// so a corpus of many thousand articles renders in several Eleventy runs, each writing a
// contiguous slice of every one-page-per-item template (articles, events, tag and actor list
// pages); the first also writes the pages that exist once. The runs take turns in a few worker
// processes (src/build.ts), each with a fixed heap (KB_RENDER_HEAP_MB). A slice is bounded in
// items and in the size of its articles' text: 1,000 notes of 1 MB are not 1,000 of 6 KB.
import type { SiteModel } from "./shape.ts";

export interface RenderSlice {
  index: number;
  count: number;
  /**
   * The articles this slice renders, [from, to) in dataset order, when the build planned them
   * by size (planSlices); without it the articles are shared out by count, like the rest.
   */
  articles?: readonly [number, number];
}

export const WHOLE: RenderSlice = { index: 0, count: 1 };

/**
 * Articles and events per slice by default. A slice in a worker that rendered one before costs
 * Eleventy's start only (about 1 s at 10,000 articles), so slices can be small: less memory.
 */
export const RENDER_SLICE_ITEMS = 1000;

/**
 * Article text per slice by default, in MB (KB_RENDER_SLICE_MB), estimated from each article's
 * word count (articleTextBytes). The realistic corpus's 1,000 articles are about 30 MB of it;
 * a slice of long notes ends here before it reaches 1,000.
 */
export const RENDER_SLICE_MB = 64;

/**
 * Each render worker's heap, MiB (KB_RENDER_HEAP_MB): fixed, whatever the corpus's size. A
 * worker keeps the shaped dataset between slices and renders one bounded slice at a time; at
 * 10,000 realistic notes it needed 842 MiB (docs/performance.md). Two workers run at once.
 */
export const RENDER_HEAP_MB = 1024;

/**
 * Slices rendered at once, each in a worker process on a core of its own: at most about 0.85 GB
 * each at 10,000 articles (docs/performance.md), so two stay within the 2 GB a build is held to.
 */
export const RENDER_JOBS = 2;

/** The templates that have one page per item; every slice renders its part of each. */
export const PAGED_TEMPLATES = ["article.njk", "event.njk", "tag.njk", "actor.njk"] as const;

/** "2/8" → { index: 2, count: 8 }; "2/8:120-245" also names the slice's articles. */
export function parseRenderSlice(v: string | undefined): RenderSlice {
  if (v === undefined || v.trim() === "") return WHOLE;
  const m = /^(\d+)\/(\d+)(?::(\d+)-(\d+))?$/.exec(v.trim());
  if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2]) || Number(m[3] ?? 0) > Number(m[4] ?? 0)) {
    throw new Error(`KB_RENDER_SLICE "${v}" must be i/n with 0 ≤ i < n, optionally followed by :from-to (articles)`);
  }
  const s: RenderSlice = { index: Number(m[1]), count: Number(m[2]) };
  return m[3] !== undefined ? { ...s, articles: [Number(m[3]), Number(m[4])] } : s;
}

/** The inverse of parseRenderSlice. */
export function formatRenderSlice(s: RenderSlice): string {
  return `${s.index}/${s.count}${s.articles ? `:${s.articles[0]}-${s.articles[1]}` : ""}`;
}

/**
 * An article's text in UTF-8 bytes, estimated from what ingest counted: a CJK character is 3
 * bytes, a Latin word with its space about 6. (Rendered bodies are not in memory when the
 * build plans its slices; the word counts are, in a file of their own.)
 */
export function articleTextBytes(a: { wordCount: number; lang: string }): number {
  return a.wordCount * (a.lang === "en" ? 6 : 3);
}

export interface SliceLimits {
  /** Articles and events per slice. */
  items: number;
  /** Estimated article text per slice, bytes. */
  bytes: number;
}

export interface SlicePlan {
  /** Render slices in all (1: the whole site in one run). */
  count: number;
  /** For each slice (by index), its articles [from, to); absent for one slice. */
  articles?: Array<readonly [number, number]>;
}

/**
 * Pure: how many slices, and which articles each renders, for articles of these text sizes (in
 * dataset order) and `events` events. An article costs the larger of its share of a slice's
 * items and of its bytes, an event its share of the items; the paged slices are as many as the
 * costs add up to, and the articles are cut where the running cost crosses each slice's equal
 * share. So no slice has more than `items` items or `bytes` bytes, give or take one article.
 * Beyond one slice, slice 0 renders only the pages that exist once (pagedPart).
 */
export function planSlices(articleBytes: readonly number[], events: number, limits: SliceLimits): SlicePlan {
  const costs = articleBytes.map((b) => Math.max(1 / limits.items, b / limits.bytes));
  const articleCost = costs.reduce((s, c) => s + c, 0);
  const parts = Math.max(1, Math.ceil(articleCost + events / limits.items - 1e-9));
  if (parts === 1) return { count: 1 };
  const articles: Array<readonly [number, number]> = [[0, 0]];
  let from = 0;
  let running = 0;
  let i = 0;
  for (let k = 1; k <= parts; k++) {
    const target = (articleCost * k) / parts;
    // The last part takes what is left; the others end where the running cost reaches their share.
    if (k === parts) i = costs.length;
    else while (i < costs.length && running + costs[i]! / 2 < target) running += costs[i++]!;
    articles.push([from, i]);
    from = i;
  }
  return { count: parts + 1, articles };
}

/** The slice's contiguous part of `items`; the parts of all slices are all items, once each. */
export function sliceOf<T>(items: readonly T[], s: RenderSlice): T[] {
  const from = Math.floor((items.length * s.index) / s.count);
  const to = Math.floor((items.length * (s.index + 1)) / s.count);
  return items.slice(from, to);
}

/**
 * How many slices for a corpus: one up to `perSlice` articles and events; beyond, one slice
 * for the pages that exist once and as many as needed for the paged templates.
 */
export function sliceCount(items: number, perSlice: number): number {
  return items <= perSlice ? 1 : Math.ceil(items / perSlice) + 1;
}

/**
 * The part of the paged templates slice `s` renders. Of several slices the first renders only
 * the pages that exist once (the timeline, feeds, the API and sitemap of the whole corpus):
 * it needs the most memory of all and runs beside another slice.
 */
function pagedPart(s: RenderSlice): RenderSlice | undefined {
  if (s.count === 1) return s;
  return s.index === 0 ? undefined : { index: s.index - 1, count: s.count - 1 };
}

export interface PagedData {
  articles: SiteModel["articles"];
  events: SiteModel["events"];
  tagPages: SiteModel["tagPages"];
  actorPages: SiteModel["actorPages"];
  /** Every page of the paged templates, all slices: for the sitemap, which slice 0 alone writes (empty elsewhere). */
  allUrls: string[];
}

/**
 * `only`: the slugs of the articles to render and nothing else (npm start re-renders the
 * article just saved before it rebuilds the rest).
 */
export function pagedData(site: SiteModel, s: RenderSlice, only?: readonly string[]): PagedData {
  if (only) {
    const wanted = new Set(only);
    return { articles: site.articles.filter((a) => wanted.has(a.slug)), events: [], tagPages: [], actorPages: [], allUrls: [] };
  }
  const part = pagedPart(s);
  const of = <T>(items: readonly T[]) => (part ? sliceOf(items, part) : []);
  return {
    // The build's plan, by size, when it made one (planSlices); else by count.
    articles: s.articles ? site.articles.slice(s.articles[0], s.articles[1]) : of(site.articles),
    events: of(site.events),
    tagPages: of(site.tagPages),
    actorPages: of(site.actorPages),
    allUrls: s.index === 0 ? [...site.articles.map((a) => a.url), ...site.events.map((e) => e.url), ...site.tagPages.map((p) => p.url), ...site.actorPages.map((p) => p.url)] : [],
  };
}
