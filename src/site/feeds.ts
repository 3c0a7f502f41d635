// Publishing for the web at large: the Atom and JSON feeds, the sitemap, and what every page's
// <head> says about it (canonical URL, description, social cards, structured data). Pure
// functions over the shaped site data; the plugin only hands them the site URL and strings.
//
// Builds must be repeatable: no date here is the build time. A feed is as new as its newest
// entry, and the sitemap carries no lastmod, since a page's content date is not its change date.
import type { Lang } from "../model/types.ts";
import type { EventView } from "./site-model.ts";
import { FEED_CATEGORIES, FEED_FACTS, feedExternalUrl, type FeedEventFields } from "../model/event-fields.ts";
import { absoluteUrl } from "./site-url.ts";

export const ARTICLE_FEED_SIZE = 50;
export const EVENT_FEED_SIZE = 100;
/** Where the feeds are written; pages/feeds/*.njk use these permalinks. */
export const FEED_PATHS = {
  articlesAtom: "/feeds/articles.xml",
  articlesJson: "/feeds/articles.json",
  eventsAtom: "/feeds/events.xml",
} as const;
export const FAVICON_PATH = "/assets/favicon.svg";
export const SITEMAP_PATH = "/sitemap.xml";
/** Pages no search engine should keep: the 404 page is served at addresses that have none. */
export const NOINDEX_PATHS: readonly string[] = ["/404.html"];
/** An empty feed still needs an <updated>; a fixed instant keeps the build repeatable. */
export const EPOCH = "1970-01-01T00:00:00Z";
const DESCRIPTION_MAX = 160;

// ── Escaping ─────────────────────────────────────────────────────────────────────────────

// Characters XML 1.0 does not allow at all, not even escaped: C0 controls other than tab and
// newlines, U+FFFE/U+FFFF, and halves of surrogate pairs. A clipping can carry any of them.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute value for XML: the five specials escaped, forbidden characters dropped. */
export function escapeXml(s: string): string {
  return s
    .replace(XML_FORBIDDEN, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * JSON for inside <script type="application/ld+json">: no `<` can end the script or open a
 * comment, whatever the content says; U+2028/9 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Plain text on one line, cut at about `max` characters (a word boundary in Latin text). */
export function clipText(text: string, max = DESCRIPTION_MAX): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  let cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:，。；：、]+$/u, "")}…`;
}

// ── Feed entries ─────────────────────────────────────────────────────────────────────────

export interface FeedEntry {
  /** Absolute URL: the page is the entry's identity. */
  id: string;
  url: string;
  title: string;
  /** RFC 3339. */
  published: string;
  /** RFC 3339; never before `published`. */
  updated: string;
  /** Plain text shown by readers. */
  text: string;
  /** The article's own summary, when it has one. */
  summary?: string;
  lang?: Lang;
  authors: string[];
  categories: Array<{ term: string; label: string }>;
  /** The original the entry is about (an article's source, an event's official text). */
  externalUrl?: string;
  image?: string;
}

export interface FeedInfo {
  title: string;
  subtitle: string;
  lang: string;
  /** Absolute URL of the page the feed follows (home, timeline). */
  homeUrl: string;
  /** Absolute URL of the feed itself; also its id. */
  selfUrl: string;
  iconUrl: string;
  author: string;
}

/** What feeds read of an article: a subset of ArticleView, so tests can build one by hand. */
export interface FeedArticle {
  url: string;
  title: string;
  date: { iso: string };
  updated?: { iso: string };
  lang: Lang;
  summary?: string;
  excerpt: string;
  author?: string;
  outlet?: string;
  source?: string;
  image?: string;
  tagRefs?: Array<{ id: string; label: string }>;
}

/** What feeds read of an event: its page, label and text, and the fields of the field table (FEED_FACTS). */
export type FeedEvent = Pick<EventView, "id" | "url" | "label" | "title" | "date" | "text"> &
  FeedEventFields & {
    authorityRef: { label: string };
  };

const time = (iso: string) => Date.parse(iso);
const later = (a: string, b: string) => (time(b) > time(a) ? b : a);

/** Newest first; the same instant in any order of input. */
function newestFirst<T>(items: readonly T[], iso: (x: T) => string, key: (x: T) => string): T[] {
  return [...items].sort((x, y) => time(iso(y)) - time(iso(x)) || (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
}

/** The latest articles as feed entries, newest first. */
export function articleEntries(articles: readonly FeedArticle[], siteUrl: string, limit = ARTICLE_FEED_SIZE): FeedEntry[] {
  return newestFirst(articles, (a) => a.date.iso, (a) => a.url)
    .slice(0, limit)
    .map((a) => {
      const url = absoluteUrl(a.url, siteUrl);
      const author = a.author ?? a.outlet;
      return {
        id: url,
        url,
        title: a.title,
        published: a.date.iso,
        updated: a.updated ? later(a.date.iso, a.updated.iso) : a.date.iso,
        text: a.summary || a.excerpt || a.title,
        ...(a.summary ? { summary: a.summary } : {}),
        lang: a.lang,
        authors: author ? [author] : [],
        categories: (a.tagRefs ?? []).map((r) => ({ term: r.id, label: r.label })),
        ...(a.source ? { externalUrl: a.source } : {}),
        ...(a.image ? { image: a.image } : {}),
      };
    });
}

/**
 * The latest events by announced date as feed entries, newest first. An event's date is its
 * announcement day, at the precision the sources give (a month or a year means its first day).
 */
export function eventEntries(
  events: readonly FeedEvent[],
  siteUrl: string,
  /** The language of `label` and the names of kinds and domains. */
  label: { lang: Lang; kind: (k: string) => string; domain: (d: string) => string },
  limit = EVENT_FEED_SIZE,
): FeedEntry[] {
  const day = (e: FeedEvent) => `${e.date.start}T00:00:00Z`;
  return newestFirst(events, day, (e) => e.id)
    .slice(0, limit)
    .map((e) => {
      const url = absoluteUrl(e.url, siteUrl);
      const names = { ...label, authority: e.authorityRef.label };
      const facts = FEED_FACTS.map((f) => f(e, names)).filter(Boolean).join(" · ");
      const externalUrl = feedExternalUrl(e);
      return {
        id: url,
        url,
        title: e.label,
        published: day(e),
        updated: day(e),
        text: [facts, e.title.en, e.text].filter((s) => s && s.trim()).join("\n\n"),
        lang: label.lang,
        authors: [e.authorityRef.label],
        categories: FEED_CATEGORIES.flatMap((c) => c(e, names)),
        ...(externalUrl ? { externalUrl } : {}),
      };
    });
}

/** The feed's date: its newest entry's, so an unchanged site builds an unchanged feed. */
export function feedUpdated(entries: readonly FeedEntry[]): string {
  return entries.reduce((acc, e) => (acc === EPOCH || time(e.updated) > time(acc) ? e.updated : acc), EPOCH);
}

// ── Atom (RFC 4287) and JSON Feed 1.1 ────────────────────────────────────────────────────

export function atomFeed(info: FeedInfo, entries: readonly FeedEntry[]): string {
  const x = escapeXml;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(info.lang)}">`,
    `  <id>${x(info.selfUrl)}</id>`,
    `  <title>${x(info.title)}</title>`,
    `  <subtitle>${x(info.subtitle)}</subtitle>`,
    `  <updated>${x(feedUpdated(entries))}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(info.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(info.homeUrl)}"/>`,
    `  <author><name>${x(info.author)}</name><uri>${x(info.homeUrl)}</uri></author>`,
    `  <icon>${x(info.iconUrl)}</icon>`,
  ];
  for (const e of entries) {
    lines.push(`  <entry${e.lang ? ` xml:lang="${x(e.lang)}"` : ""}>`);
    lines.push(`    <id>${x(e.id)}</id>`);
    lines.push(`    <title type="text">${x(e.title)}</title>`);
    lines.push(`    <link rel="alternate" type="text/html" href="${x(e.url)}"/>`);
    if (e.externalUrl) lines.push(`    <link rel="related" href="${x(e.externalUrl)}"/>`);
    lines.push(`    <published>${x(e.published)}</published>`);
    lines.push(`    <updated>${x(e.updated)}</updated>`);
    for (const a of e.authors) lines.push(`    <author><name>${x(a)}</name></author>`);
    for (const c of e.categories) lines.push(`    <category term="${x(c.term)}" label="${x(c.label)}"/>`);
    lines.push(`    <summary type="text">${x(e.text)}</summary>`);
    lines.push(`  </entry>`);
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}

export function jsonFeed(info: FeedInfo, entries: readonly FeedEntry[]): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: info.title,
    home_page_url: info.homeUrl,
    feed_url: info.selfUrl,
    description: info.subtitle,
    favicon: info.iconUrl,
    authors: [{ name: info.author, url: info.homeUrl }],
    language: info.lang,
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      ...(e.externalUrl ? { external_url: e.externalUrl } : {}),
      title: e.title,
      content_text: e.text,
      ...(e.summary ? { summary: e.summary } : {}),
      ...(e.image ? { image: e.image } : {}),
      date_published: e.published,
      date_modified: e.updated,
      ...(e.authors.length ? { authors: e.authors.map((name) => ({ name })) } : {}),
      ...(e.categories.length ? { tags: e.categories.map((c) => c.label) } : {}),
      ...(e.lang ? { language: e.lang } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 1)}\n`;
}

/** The feeds, as every page's <head> announces them. */
export interface FeedLink {
  path: string;
  type: "application/atom+xml" | "application/feed+json";
  title: string;
}

export function feedLinks(titles: { articles: string; events: string }): FeedLink[] {
  return [
    { path: FEED_PATHS.articlesAtom, type: "application/atom+xml", title: `${titles.articles} (Atom)` },
    { path: FEED_PATHS.articlesJson, type: "application/feed+json", title: `${titles.articles} (JSON Feed)` },
    { path: FEED_PATHS.eventsAtom, type: "application/atom+xml", title: `${titles.events} (Atom)` },
  ];
}

// ── Sitemap ──────────────────────────────────────────────────────────────────────────────

/** What the sitemap reads of an Eleventy collection item. */
export interface SitemapSource {
  url: string | false;
  outputPath?: string | false;
  data?: { pagination?: { hrefs?: string[] } };
}

/**
 * Every HTML page's path. Eleventy puts only the first page of a paginated template into
 * collections; its `pagination.hrefs` names them all (every article, tag page, list page).
 * Feeds, exports and the 404 page are left out.
 */
export function sitemapPaths(items: readonly SitemapSource[]): string[] {
  const paths = new Set<string>();
  for (const item of items) {
    if (!item.url || (item.outputPath && !String(item.outputPath).endsWith(".html"))) continue;
    for (const p of item.data?.pagination?.hrefs ?? [item.url]) if (!NOINDEX_PATHS.includes(p)) paths.add(p);
  }
  return [...paths].sort();
}

export function sitemapXml(paths: readonly string[], siteUrl: string): string {
  const urls = [...new Set(paths.map((p) => absoluteUrl(p, siteUrl)))];
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...urls.map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`),
    `</urlset>`,
    "",
  ].join("\n");
}

// ── The <head> of a page ─────────────────────────────────────────────────────────────────

/** Open Graph locales (language_TERRITORY) for our languages. */
const OG_LOCALE: Record<string, string> = { "zh-Hans": "zh_CN", "zh-Hant": "zh_TW", en: "en_US" };

export interface PageMetaInput {
  /** Eleventy's page.url: the site path, without the prefix. */
  pageUrl: string;
  siteUrl: string;
  siteTitle: string;
  tagline: string;
  uiLang: string;
  pageLang?: string;
  /** The layout's title of the page, when it has one of its own. */
  docTitle?: string;
  /** A page's own `description` from its front matter. */
  description?: string;
  article?: FeedArticle;
  event?: Pick<EventView, "title" | "text" | "date">;
  /** A tag's or actor's list page: its description, from the plugin's strings. */
  termDescription?: string;
}

export interface PageMeta {
  title: string;
  description: string;
  /** Absent on pages that must not be indexed. */
  canonical?: string;
  noindex: boolean;
  ogType: "article" | "website";
  locale: string;
  image?: string;
  twitterCard: "summary" | "summary_large_image";
  publishedTime?: string;
  modifiedTime?: string;
  articleTags: string[];
  /** Escaped for a <script> element already; output it as is. */
  jsonLd?: string;
}

export function pageMeta(input: PageMetaInput): PageMeta {
  const noindex = NOINDEX_PATHS.includes(input.pageUrl);
  const canonical = absoluteUrl(input.pageUrl, input.siteUrl);
  const a = input.article;
  const description = clipText(
    a ? a.summary || a.excerpt || a.title : input.description || (input.event ? input.event.text || input.event.title.en : "") || input.termDescription || input.tagline,
  );
  const lang = a?.lang ?? input.pageLang ?? input.uiLang;
  const title = input.docTitle || input.siteTitle;
  const base = {
    title,
    description,
    ...(noindex ? {} : { canonical }),
    noindex,
    locale: OG_LOCALE[lang] ?? lang.replace("-", "_"),
  };
  if (a) {
    const updated = a.updated && time(a.updated.iso) > time(a.date.iso) ? a.updated.iso : undefined;
    return {
      ...base,
      ogType: "article",
      ...(a.image ? { image: a.image } : {}),
      twitterCard: a.image ? "summary_large_image" : "summary",
      publishedTime: a.date.iso,
      ...(updated ? { modifiedTime: updated } : {}),
      articleTags: (a.tagRefs ?? []).map((r) => r.label),
      jsonLd: jsonForScript(articleJsonLd(a, canonical, description, input)),
    };
  }
  const home = input.pageUrl === "/";
  return {
    ...base,
    ogType: "website",
    twitterCard: "summary",
    articleTags: [],
    ...(home ? { jsonLd: jsonForScript(websiteJsonLd(input)) } : {}),
  };
}

/** schema.org for an article: the outlet's piece, kept here; isBasedOn names the original. */
export function articleJsonLd(a: FeedArticle, canonical: string, description: string, site: Pick<PageMetaInput, "siteUrl" | "siteTitle">): Record<string, unknown> {
  const org = (name: string) => ({ "@type": "Organization", name });
  const updated = a.updated && time(a.updated.iso) > time(a.date.iso) ? a.updated.iso : undefined;
  return {
    "@context": "https://schema.org",
    // Published by an outlet: news reporting or commentary; without one, a reader's own note.
    "@type": a.outlet ? "NewsArticle" : "Article",
    headline: a.title,
    description,
    datePublished: a.date.iso,
    ...(updated ? { dateModified: updated } : {}),
    inLanguage: a.lang,
    url: canonical,
    mainEntityOfPage: canonical,
    ...(a.author ? { author: [a.author === a.outlet ? org(a.author) : { "@type": "Person", name: a.author }] } : a.outlet ? { author: [org(a.outlet)] } : {}),
    ...(a.outlet ? { publisher: org(a.outlet) } : {}),
    ...(a.source ? { isBasedOn: a.source } : {}),
    ...(a.image ? { image: [a.image] } : {}),
    ...(a.tagRefs?.length ? { keywords: a.tagRefs.map((r) => r.label) } : {}),
    isPartOf: { "@type": "WebSite", name: site.siteTitle, url: absoluteUrl("/", site.siteUrl) },
  };
}

/** schema.org for the home page: the site, and how to search it. */
export function websiteJsonLd(site: Pick<PageMetaInput, "siteUrl" | "siteTitle" | "tagline" | "uiLang">): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.siteTitle,
    description: site.tagline,
    url: absoluteUrl("/", site.siteUrl),
    inLanguage: site.uiLang,
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl("/search/", site.siteUrl)}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}
