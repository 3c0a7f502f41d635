// The render in slices. Eleventy keeps every page it renders in memory until its build ends,
// so a corpus of many thousand articles renders in several Eleventy runs, each writing a
// contiguous slice of every one-page-per-item template (articles, events, tag and actor list
// pages); the first also writes the pages that exist once. The runs take turns in a few worker
// processes (src/build.ts), whose heap is held so that a run's garbage does not outlive it.
import type { SiteModel } from "./shape.ts";

export interface RenderSlice {
  index: number;
  count: number;
}

export const WHOLE: RenderSlice = { index: 0, count: 1 };

/**
 * Articles and events per slice by default. A slice in a worker that rendered one before costs
 * Eleventy's start only (about 1 s at 10,000 articles), so slices can be small: less memory.
 */
export const RENDER_SLICE_ITEMS = 1000;

/**
 * Slices rendered at once, each in a worker process on a core of its own: at most about 0.85 GB
 * each at 10,000 articles (docs/performance.md), so two stay within the 2 GB a build is held to.
 */
export const RENDER_JOBS = 2;

/** The templates that have one page per item; every slice renders its part of each. */
export const PAGED_TEMPLATES = ["article.njk", "event.njk", "tag.njk", "actor.njk"] as const;

/** "2/8" → { index: 2, count: 8 }. */
export function parseRenderSlice(v: string | undefined): RenderSlice {
  if (v === undefined || v.trim() === "") return WHOLE;
  const m = /^(\d+)\/(\d+)$/.exec(v.trim());
  if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2])) throw new Error(`KB_RENDER_SLICE "${v}" must be i/n with 0 ≤ i < n`);
  return { index: Number(m[1]), count: Number(m[2]) };
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
    articles: of(site.articles),
    events: of(site.events),
    tagPages: of(site.tagPages),
    actorPages: of(site.actorPages),
    allUrls: s.index === 0 ? [...site.articles.map((a) => a.url), ...site.events.map((e) => e.url), ...site.tagPages.map((p) => p.url), ...site.actorPages.map((p) => p.url)] : [],
  };
}
