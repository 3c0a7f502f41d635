// The page types, registered once. Every template in pages/ is a view here: one page per item
// of the site model (paged: articles, events, tag and actor pages), or pages that exist once
// (home, lists, timeline, feeds, the API, the sitemap). The render slicing walks this list, so a
// paged type is sliced by being registered; one left out would render in slice 0 only, the slice
// with the least memory to spare. A template presents its view's items and computes nothing.
//
// Eleventy keeps every page it renders in memory until its build ends, so a large corpus renders
// in several Eleventy runs (the build plans them): each writes a contiguous part of every paged
// view; the first also writes the views that exist once.
import type { RenderSlice } from "../config.ts";
import type { SiteModel } from "./site-model.ts";

/** A template with one page per item; it paginates over `kb.paged.<key>`. */
export interface PagedView<K extends string = string, T extends { url: string } = { url: string }> {
  /** The template, its path under pages/. */
  template: string;
  key: K;
  items(site: SiteModel): readonly T[];
  /** The build plans the slices by these items' text size: a slice that names its articles ([from, to)) takes those. */
  planned?: true;
  /** npm start's quick pass after a save: whether this item's page shows one of the saved articles (by slug). */
  saved?(item: T, slugs: ReadonlySet<string>): boolean;
}

/** A template whose pages exist once for the whole corpus, rendered by the first slice. */
export interface OnceView {
  template: string;
}

export type View = PagedView | OnceView;

const paged = <K extends string, T extends { url: string }>(view: PagedView<K, T>): PagedView<K, T> => view;
const once = (template: string): OnceView => ({ template });

/** Every page type of the site, in the order the sitemap's paged URLs are gathered. */
export const VIEWS = [
  paged({ template: "article.njk", key: "articles", items: (s) => s.articles, planned: true, saved: (a, slugs) => slugs.has(a.slug) }),
  paged({ template: "event.njk", key: "events", items: (s) => s.events }),
  paged({ template: "tag.njk", key: "tagPages", items: (s) => s.tagPages }),
  paged({ template: "actor.njk", key: "actorPages", items: (s) => s.actorPages }),
  // Home, lists and the timeline (its years are pages of one template: the timeline is not sliced).
  once("index.njk"),
  once("articles.njk"),
  once("tags.njk"),
  once("actors.njk"),
  once("timeline.njk"),
  once("search.njk"),
  // Files for machines: the sitemap, the API, the feeds.
  once("404.njk"),
  once("robots.njk"),
  once("sitemap.njk"),
  once("api/articles.njk"),
  once("api/timeline-json.njk"),
  once("api/timeline-csv.njk"),
  once("api/datapackage.njk"),
  once("feeds/articles-atom.njk"),
  once("feeds/articles-json.njk"),
  once("feeds/events-atom.njk"),
] as const;

/** Whether a view has one page per item (and so is sliced). */
export function isPaged(v: View): v is PagedView {
  return "items" in v;
}

type RegisteredPaged = Extract<(typeof VIEWS)[number], { key: string }>;

/** `kb.paged`: this slice's items of each paged view, under its key, and the sitemap's URLs. */
export type PagedData = { [V in RegisteredPaged as V["key"]]: ReturnType<V["items"]> } & {
  /** Every page of the paged views, all slices: for the sitemap, which slice 0 alone writes (empty elsewhere). */
  allUrls: string[];
};

/** The slice's contiguous part of `items`; the parts of all slices are all items, once each. */
export function sliceOf<T>(items: readonly T[], s: RenderSlice): T[] {
  const from = Math.floor((items.length * s.index) / s.count);
  const to = Math.floor((items.length * (s.index + 1)) / s.count);
  return items.slice(from, to);
}

/**
 * The part of the paged views slice `s` renders. Of several slices the first renders only the
 * pages that exist once (the timeline, feeds, the API and sitemap of the whole corpus): it needs
 * the most memory of all and runs beside another slice.
 */
function pagedPart(s: RenderSlice): RenderSlice | undefined {
  if (s.count === 1) return s;
  return s.index === 0 ? undefined : { index: s.index - 1, count: s.count - 1 };
}

/**
 * Each paged view's items for slice `s`. `only`: the slugs of the articles to render and nothing
 * else (npm start re-renders the article just saved before it rebuilds the rest). `views`: the
 * registry (a test passes its own).
 */
export function pagedData(site: SiteModel, s: RenderSlice, only?: readonly string[], views: readonly View[] = VIEWS): PagedData {
  const pagedViews = views.filter(isPaged);
  const out: Record<string, unknown> = {};
  if (only) {
    const wanted = new Set(only);
    for (const v of pagedViews) out[v.key] = v.saved ? v.items(site).filter((item) => v.saved!(item, wanted)) : [];
    out.allUrls = [];
    return out as PagedData;
  }
  const part = pagedPart(s);
  for (const v of pagedViews) {
    // By the build's plan, by size, when it made one (planSlices); else by count.
    if (v.planned && s.articles) out[v.key] = v.items(site).slice(s.articles[0], s.articles[1]);
    else out[v.key] = part ? sliceOf(v.items(site), part) : [];
  }
  out.allUrls = s.index === 0 ? pagedViews.flatMap((v) => v.items(site).map((item) => item.url)) : [];
  return out as PagedData;
}

/**
 * The templates (paths under pages/) this run renders, or undefined for all: the first slice, or
 * the only one, renders every view; the others their part of the paged views; npm start's quick
 * pass (`only`) the views that show saved articles.
 */
export function renderedTemplates(s: RenderSlice, only?: readonly string[], views: readonly View[] = VIEWS): string[] | undefined {
  if (!only && s.index === 0) return undefined;
  return views.filter(isPaged).filter((v) => !only || v.saved).map((v) => v.template);
}
