// Shapes the dataset into what pages present: references with display names and URLs,
// and every long list cut into pages. Templates only loop over what this returns; none of
// them touches the whole corpus, and no page lists every other page.
import { memoize } from "../memo.ts";
import type { Actor, Lang, Names, NormalizedDate, OpenTerm, Tag } from "../model/types.ts";
import type { Dataset, DatasetArticle } from "../ingest/dataset.ts";
import type { EventLink, TimelineEvent } from "../model/event.ts";
import { layoutTimeline, type TimelineLayout } from "../timeline/layout.ts";
import type { Heading } from "../render/markdown.ts";
import { markParagraphLangs, readingMinutes } from "./i18n.ts";

/**
 * Entries per tag or actor page, in their short form (title, date, outlet): such lists run to
 * thousands of entries, and every page costs the render as much as its entries do. At 10,000
 * articles, 50 entries with summaries made 11,700 pages and 500 MB, a third of the site
 * (docs/performance.md); the summary is one click away, on the article.
 */
export const TERM_PAGE_SIZE = 100;
/**
 * Articles a term needs to get a page of its own, unless it is registered. Vocabularies are
 * open and long-tailed: of 14,217 tags of a 9,180-note collection, 10,151 are used by one note,
 * and their pages, each listing that one note, were a fifth of the site. Such a term is plain
 * text on its article and a line of the index that leads to that article.
 */
export const TERM_PAGE_MIN_ARTICLES = 2;
/**
 * Articles a term's pages list, the newest first; the older ones are a search away (the search
 * page filtered by the term, by date). A term most notes name (美国 in 9,000 of 10,000) would
 * otherwise have 90 pages, and such terms' pages were a sixth of a 10,000-note site.
 */
export const TERM_PAGE_MAX_ARTICLES = 1000;
/** Terms used once listed per index page (/tags/_once/, /actors/_once/2/ …). */
export const ONCE_INDEX_PAGE_SIZE = 500;
/** Where the index of terms used once starts: "_" is in no id, so no term's page is there. */
export const ONCE_INDEX_DIR = "_once";
/** Terms on the home page's "browse by" lists, the most used first. */
export const HOME_TERMS = 40;
export const HOME_LATEST = 20;

/**
 * A name as pages show it: in the default interface language, with the language it is in
 * (a name may only exist in English or in Traditional characters) and the English name when
 * there is a different one, which the client swaps in when the reader picks English.
 */
export interface Named {
  label: string;
  lang?: Lang;
  en?: string;
}

export interface Ref extends Named {
  id: string;
  url: string;
}

/** A tag or actor as an article names it: a link only when the term has a page. */
export interface TermRef extends Named {
  id: string;
  url?: string;
}

/** Another article, as the reading aids of an article page link to it. */
export interface ArticleLink {
  slug: string;
  title: string;
  url: string;
  lang: Lang;
  date: NormalizedDate;
}

export interface RelatedArticle extends ArticleLink {
  /** What the two share, the rarest first. */
  shared: TermRef[];
}

export interface TocEntry extends Heading {
  /** 0 for the top level of the table of contents, at most 2. */
  depth: number;
}

export interface ArticleView extends DatasetArticle {
  tagRefs: TermRef[];
  actorRefs: Array<TermRef & { type: string }>;
  /** Events this article is a source of. */
  eventRefs: EventRef[];
  readingMinutes: number;
  /** Empty when the article is too short to need one. */
  toc: TocEntry[];
  /** The neighbours by date: the one just before and the one just after. */
  older?: ArticleLink;
  newer?: ArticleLink;
  related: RelatedArticle[];
}

export interface EventRef extends Ref {
  date: TimelineEvent["date"];
  kind: TimelineEvent["kind"];
}

export interface LinkView extends EventLink, Ref {
  date: TimelineEvent["date"];
  /** The other event's card: `#id` on the same timeline page, else its page and `#id`. */
  timelineHref: string;
}

export interface EventView extends TimelineEvent {
  label: string;
  authorityRef: Ref;
  jurisdictionRef: Ref;
  itemRefs: Array<Named & { url?: string }>;
  targetRefs: Array<Named & { url?: string }>;
  respondsToRefs: LinkView[];
  answeredByRefs: LinkView[];
  /** Every event of its escalation chain, oldest first (this one included). */
  chainRefs: EventRef[];
  /** Its card on the timeline: the timeline page and `#id`. */
  timelineUrl: string;
}

/** One page of the timeline; a long timeline has one page per year (see timelinePageOf). */
export interface TimelinePage extends TimelineLayout<EventView> {
  url: string;
  /** The years on this page, oldest first. */
  years: string[];
  events: number;
}

export interface TermView extends Ref {
  /** All names and aliases, for the term's own page. */
  names: Names;
  aliases: string[];
  kind: string;
  count: number;
  registered: boolean;
  jurisdiction?: string;
}

/** A term used by one article, as the index of such terms lists it: its name, leading to that article. */
export interface OnceEntry extends Named {
  id: string;
  kind: string;
  article: { title: string; url: string; lang: Lang };
}

/**
 * A page of the tag or actor index. The first (/tags/) lists every term with a page, grouped
 * by kind, and links the pages of terms used once (/tags/_once/, /tags/_once/2/ …), which
 * list ONCE_INDEX_PAGE_SIZE such terms each, in the order of their ids (pinyin for Chinese).
 */
export interface TermIndexPage {
  url: string;
  /** 0 for the first page; n for the n-th page of terms used once. */
  onceNumber: number;
  /** First page only: the terms with a page of their own, by kind. */
  groups: Array<{ kind: string; terms: TermView[] }>;
  /** Pages of terms used once only. */
  once: OnceEntry[];
  onceTotal: number;
  /** Every page of terms used once, with the first and last name on it. */
  oncePages: Array<{ url: string; number: number; first: string; last: string }>;
  prevUrl?: string;
  nextUrl?: string;
}

export interface ListPage<T> {
  term: T;
  items: ArticleView[];
  pageNumber: number;
  pageCount: number;
  url: string;
  prevUrl?: string;
  nextUrl?: string;
  /** On the last page of a term past TERM_PAGE_MAX_ARTICLES: how many older articles, and the search that lists them all. */
  older?: { count: number; searchUrl: string };
}

export interface SiteModel {
  summary: Dataset["summary"];
  events: EventView[];
  timeline: {
    pages: TimelinePage[];
    /** Every year and the page it is on, newest first: the navigation of a paged timeline. */
    yearNav: Array<{ year: string; url: string; events: number }>;
    filters: { domains: string[]; jurisdictions: string[]; kinds: string[] };
  };
  /** Events an actor issued or was targeted by. */
  actorEvents: Record<string, Array<EventRef & { role: "issued" | "targeted" }>>;
  timelineApi: Array<Record<string, unknown>>;
  /** Options of the search page's filters: what the index can be filtered by. */
  searchFilters: { jurisdictions: Ref[]; actors: Ref[]; tags: Ref[]; years: string[] };
  articles: ArticleView[];
  latest: ArticleView[];
  /** Terms with a page of their own: registered, or named by TERM_PAGE_MIN_ARTICLES articles. */
  tags: TermView[];
  actors: TermView[];
  /** The home page's share of them: the most used. */
  browseTags: TermView[];
  browseActors: TermView[];
  tagIndex: TermIndexPage[];
  actorIndex: TermIndexPage[];
  tagPages: Array<ListPage<TermView>>;
  actorPages: Array<ListPage<TermView>>;
  /** The API export: one plain object per published article. */
  articlesApi: Array<Record<string, unknown>>;
}

const NAME_ORDER: Record<Lang, Lang[]> = {
  en: ["en", "zh-Hans", "zh-Hant"],
  "zh-Hant": ["zh-Hant", "zh-Hans", "en"],
  "zh-Hans": ["zh-Hans", "zh-Hant", "en"],
};

/** The name to show: the wanted language, then the other Chinese script, then English. */
export function displayName(names: Names, lang: Lang, fallback: string): string {
  for (const l of NAME_ORDER[lang]) if (names[l]) return names[l]!;
  return fallback;
}

/** The name in the interface language, the language it is in, and the English one if it differs. */
export function named(names: Names, lang: Lang, fallback: string): Named {
  for (const l of NAME_ORDER[lang]) {
    const label = names[l];
    if (label) return { label, lang: l, ...(names.en && names.en !== label ? { en: names.en } : {}) };
  }
  // An id: no language of its own.
  return { label: fallback };
}

// ── Reading aids ────────────────────────────────────────────────────────────────────────────

export const TOC_MIN_HEADINGS = 3;
/** Characters (of Chinese, or their equivalent in English words) that make an article long. */
export const TOC_LONG_TEXT = 3000;
const CHARS_PER_ENGLISH_WORD = 6;

/**
 * A table of contents when an article is long enough to need one: three headings or more, or
 * two in a long text. The title itself, repeated as a heading in the body, is left out.
 */
export function tableOfContents(headings: Heading[], wordCount: number, lang: Lang, title = ""): TocEntry[] {
  const entries = headings.filter((h) => h.level <= 4 && h.text && h.text !== title);
  const length = lang === "en" ? wordCount * CHARS_PER_ENGLISH_WORD : wordCount;
  if (!(entries.length >= TOC_MIN_HEADINGS || (entries.length >= 2 && length >= TOC_LONG_TEXT))) return [];
  const top = Math.min(...entries.map((h) => h.level));
  return entries.map((h) => ({ ...h, depth: Math.min(2, h.level - top) }));
}

/** Order by time, then by key, so articles of the same minute still have a fixed order. */
function byTime<T extends { time: number; key: string }>(a: T, b: T): number {
  return a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** For each item (by index), the one just before and just after it in time. */
export function neighboursByTime(items: Array<{ key: string; time: number }>): Array<{ older?: number; newer?: number }> {
  const order = items.map((it, index) => ({ ...it, index })).sort(byTime);
  const out: Array<{ older?: number; newer?: number }> = items.map(() => ({}));
  order.forEach((it, i) => {
    const older = order[i - 1];
    const newer = order[i + 1];
    out[it.index] = { ...(older ? { older: older.index } : {}), ...(newer ? { newer: newer.index } : {}) };
  });
  return out;
}

export interface RelatedInput {
  key: string;
  time: number;
  /** Ids the relation is measured by, e.g. "actor:us-bis", "tag:gallium". */
  terms: string[];
}

export interface RelatedMatch {
  index: number;
  score: number;
  /** Shared terms, the rarest first. */
  shared: string[];
}

export const RELATED_LIMIT = 5;
/**
 * How many articles one term may bring in as candidates. An id like `cn` or `us` is on most
 * articles; scoring all of them would make the whole pass quadratic. Those nearest in time are
 * taken, since a common id says little beyond "the same story at the same time".
 */
export const RELATED_CANDIDATES_PER_TERM = 60;
/** Candidates one article may bring in through all its common ids together (see above). */
export const RELATED_CANDIDATES = 1200;
/** However many common ids an article names, each brings in at least this many. */
export const RELATED_MIN_WINDOW = 8;

/**
 * The most related items of each item: those sharing the most, and the rarest, terms. Each
 * shared term weighs log(1 + N/df), so a term on every article still counts a little and one
 * on two articles counts a lot. An inverted index term → items means only items that share a
 * term are ever scored, at most `cap` of them per term: O(n·k·cap), not O(n²).
 */
export function relatedByTerms(
  items: RelatedInput[],
  opts: { limit?: number; cap?: number; budget?: number; stats?: { scored: number } } = {},
): RelatedMatch[][] {
  const limit = opts.limit ?? RELATED_LIMIT;
  const cap = opts.cap ?? RELATED_CANDIDATES_PER_TERM;
  const budget = opts.budget ?? RELATED_CANDIDATES;
  const n = items.length;
  // Each item's place in time order: comparing two numbers, not times and then keys, is what
  // keeps this pass fast when articles name dozens of terms each.
  const rank = new Int32Array(n);
  items
    .map((_, i) => i)
    .sort((a, b) => byTime(items[a]!, items[b]!))
    .forEach((i, r) => (rank[i] = r));
  // Terms as numbers: the loops below look terms up millions of times at 10,000 long notes.
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const termsOf = items.map((it) => {
    const ids = new Set<number>();
    for (const term of it.terms) {
      let id = termIds.get(term);
      if (id === undefined) termIds.set(term, (id = termNames.push(term) - 1));
      ids.add(id);
    }
    return [...ids];
  });
  const postings: number[][] = termNames.map(() => []);
  termsOf.forEach((ids, i) => ids.forEach((t) => postings[t]!.push(i)));
  for (const list of postings) list.sort((a, b) => rank[a]! - rank[b]!);
  const weight = Float64Array.from(postings, (list) => Math.log(1 + n / list.length));
  // An item's terms, the rarest first (then by name).
  const rarestFirst = (i: number) => [...termsOf[i]!].sort((a, b) => weight[b]! - weight[a]! || (termNames[a]! < termNames[b]! ? -1 : 1));

  // One score slot per item, reset after each item: no allocation per candidate.
  const score = new Float64Array(n);
  const seen = new Uint8Array(n);
  // Which item last marked a term: the terms two items share without a set per item.
  const markedBy = new Int32Array(termNames.length).fill(-1);
  const touched: number[] = [];
  // Best first: higher score, then nearer in time, then the fixed order.
  const better = (i: number, a: number, b: number) =>
    score[a]! - score[b]! || Math.abs(items[b]!.time - items[i]!.time) - Math.abs(items[a]!.time - items[i]!.time) || rank[b]! - rank[a]!;

  return items.map((_, i) => {
    touched.length = 0;
    // An article naming a hundred common ids would score a hundred windows of `cap` (65
    // million scorings at 10,000 long notes): the windows share one budget instead.
    let common = 0;
    for (const t of termsOf[i]!) if (postings[t]!.length > cap + 1) common++;
    const window = Math.max(RELATED_MIN_WINDOW, Math.min(cap, Math.floor(budget / Math.max(1, common))));
    for (const t of termsOf[i]!) {
      const list = postings[t]!;
      if (list.length < 2) continue;
      let from = 0;
      let to = list.length;
      if (list.length > cap + 1) {
        // The window of items around this one in time.
        let lo = 0;
        let hi = list.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (rank[list[mid]!]! < rank[i]!) lo = mid + 1;
          else hi = mid;
        }
        from = Math.max(0, Math.min(lo - (window >> 1), list.length - window - 1));
        to = from + window + 1;
      }
      const w = weight[t]!;
      for (let p = from; p < to; p++) {
        const j = list[p]!;
        if (j === i) continue;
        if (opts.stats) opts.stats.scored++;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        score[j] = score[j]! + w;
      }
    }
    // The top `limit` by insertion: `limit` is small, candidates are many.
    const top: number[] = [];
    for (const j of touched) {
      if (top.length === limit && better(i, j, top[limit - 1]!) <= 0) continue;
      let at = Math.min(top.length, limit - 1);
      if (top.length < limit) top.push(j);
      else top[at] = j;
      while (at > 0 && better(i, top[at]!, top[at - 1]!) > 0) {
        [top[at - 1], top[at]] = [top[at]!, top[at - 1]!];
        at--;
      }
    }
    const ordered = top.length > 0 ? rarestFirst(i) : [];
    const out = top.map((j) => {
      for (const t of termsOf[j]!) markedBy[t] = j;
      return { index: j, score: score[j]!, shared: ordered.filter((t) => markedBy[t] === j).map((t) => termNames[t]!) };
    });
    for (const j of touched) {
      score[j] = 0;
      seen[j] = 0;
    }
    return out;
  });
}

export function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function pagesFor(term: TermView, items: ArticleView[], size: number, filter: "tag" | "actor", id: string): Array<ListPage<TermView>> {
  const chunks = chunk(items.slice(0, TERM_PAGE_MAX_ARTICLES), size);
  const urlOf = (n: number) => (n === 1 ? term.url : `${term.url}${n}/`);
  const older = items.length - TERM_PAGE_MAX_ARTICLES;
  return chunks.map((c, i) => ({
    term,
    items: c,
    pageNumber: i + 1,
    pageCount: chunks.length,
    url: urlOf(i + 1),
    ...(i > 0 ? { prevUrl: urlOf(i) } : {}),
    ...(i + 1 < chunks.length ? { nextUrl: urlOf(i + 2) } : {}),
    ...(i + 1 === chunks.length && older > 0 ? { older: { count: older, searchUrl: `/search/?type=article&${filter}=${encodeURIComponent(id)}&sort=date` } } : {}),
  }));
}

export function shapeSite(
  data: Dataset,
  uiLang: Lang,
  opts: { pathPrefix?: string } = {},
): SiteModel {
  const prefix = (opts.pathPrefix ?? "/").replace(/\/$/, "");
  const actorById = new Map<string, Actor>(data.actors.map((a) => [a.id, a]));
  const tagById = new Map<string, Tag>(data.tags.map((t) => [t.id, t]));
  const tagUrl = (id: string) => `/tags/${id}/`;
  const actorUrl = (id: string) => `/actors/${id}/`;

  const eventLabel = (e: TimelineEvent) => (uiLang === "en" ? e.title.en : e.title["zh-Hans"]);
  const eventNamed = (e: TimelineEvent): Named => named({ "zh-Hans": e.title["zh-Hans"], en: e.title.en }, uiLang, e.id);
  const eventRef = (e: TimelineEvent): EventRef => ({ id: e.id, ...eventNamed(e), url: e.url, date: e.date, kind: e.kind });
  const eventById = new Map(data.events.map((e) => [e.id, e]));
  const eventsOfArticle = new Map<string, EventRef[]>();
  for (const e of data.events) for (const slug of e.articles) (eventsOfArticle.get(slug) ?? eventsOfArticle.set(slug, []).get(slug)!).push(eventRef(e));
  // One object per actor or tag, shared by every page that names it: an article of a long
  // note names a hundred, and 10,000 articles made a million copies (shaping is done in every
  // render slice). Templates only read these.
  const openActorById = new Map<string, OpenTerm>((data.openActors ?? []).map((t) => [t.id, t]));
  const openTagById = new Map<string, OpenTerm>((data.openTags ?? []).map((t) => [t.id, t]));
  const tagCount = new Map<string, number>();
  const actorCount = new Map<string, number>();
  for (const a of data.articles) {
    for (const t of a.tags) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
    for (const x of a.actors) actorCount.set(x, (actorCount.get(x) ?? 0) + 1);
  }
  const tagHasPage = (id: string) => tagById.has(id) || (tagCount.get(id) ?? 0) >= TERM_PAGE_MIN_ARTICLES;
  const actorHasPage = (id: string) => actorById.has(id) || (actorCount.get(id) ?? 0) >= TERM_PAGE_MIN_ARTICLES;
  const termNamed = (registered: { names: Names } | undefined, open: OpenTerm | undefined, id: string): Named =>
    registered ? named(registered.names, uiLang, id) : open ? openNamed(open) : { label: id };
  const actorRef = memoize((id: string): Ref => ({ id, ...termNamed(actorById.get(id), openActorById.get(id), id), url: actorUrl(id) }), String);
  // A term without a page is named, not linked (TERM_PAGE_MIN_ARTICLES).
  const typedActorRef = memoize((id: string): TermRef & { type: string } => {
    const { url, ...name } = actorRef(id);
    const type = actorById.get(id)?.type ?? openActorById.get(id)?.kind ?? "unregistered";
    return { ...name, ...(actorHasPage(id) ? { url } : {}), type };
  }, String);
  const tagRef = memoize(
    (id: string): TermRef => ({ id, ...termNamed(tagById.get(id), openTagById.get(id), id), ...(tagHasPage(id) ? { url: tagUrl(id) } : {}) }),
    String,
  );
  const tagLabel = (id: string): Named & { url?: string } => {
    const t = tagById.get(id);
    return t ? { ...named(t.names, uiLang, id), url: tagUrl(id) } : { label: id };
  };
  const timelineUrlOf = timelinePageOf(data.events);
  const linkView = (from: TimelineEvent) => (l: EventLink): LinkView => {
    const other = eventById.get(l.id)!;
    const page = timelineUrlOf(other);
    return { ...l, ...eventNamed(other), url: other.url, date: other.date, timelineHref: page === timelineUrlOf(from) ? `#${other.id}` : `${page}#${other.id}` };
  };
  const chainMembers = new Map<string, EventRef[]>();
  for (const e of data.events) (chainMembers.get(e.chain) ?? chainMembers.set(e.chain, []).get(e.chain)!).push(eventRef(e));
  const events: EventView[] = data.events.map((e) => ({
    ...e,
    // Event notes mix English and Chinese paragraphs.
    html: markParagraphLangs(e.html, "zh-Hans"),
    label: eventLabel(e),
    authorityRef: actorRef(e.authority),
    jurisdictionRef: actorRef(e.jurisdiction.toLowerCase()),
    itemRefs: e.items.map(tagLabel),
    targetRefs: e.targets.map((t) => (actorById.has(t) ? actorRef(t) : { label: t })),
    respondsToRefs: e.respondsTo.map(linkView(e)),
    answeredByRefs: e.answeredBy.map(linkView(e)),
    chainRefs: chainMembers.get(e.chain) ?? [],
    timelineUrl: `${timelineUrlOf(e)}#${e.id}`,
  }));
  const actorEvents: SiteModel["actorEvents"] = {};
  for (const e of data.events) {
    (actorEvents[e.authority] ??= []).push({ ...eventRef(e), role: "issued" });
    for (const t of new Set(e.targets)) if (actorById.has(t)) (actorEvents[t] ??= []).push({ ...eventRef(e), role: "targeted" });
  }

  // Reading aids: neighbours by date and related articles, computed once for the corpus.
  const timed = data.articles.map((a) => ({
    key: a.slug,
    time: Date.parse(a.date.iso),
    terms: [...a.actors.map((id) => `actor:${id}`), ...a.tags.map((id) => `tag:${id}`)],
  }));
  const neighbours = neighboursByTime(timed);
  const related = relatedByTerms(timed);
  const linkTo = (i: number): ArticleLink => {
    const a = data.articles[i]!;
    return { slug: a.slug, title: a.title, url: a.url, lang: a.lang, date: a.date };
  };
  const termRef = (term: string): TermRef => (term.startsWith("actor:") ? typedActorRef(term.slice(6)) : tagRef(term.slice(4)));

  const articles: ArticleView[] = data.articles.map((a, i) => {
    const { older, newer } = neighbours[i]!;
    return {
      ...a,
      eventRefs: eventsOfArticle.get(a.slug) ?? [],
      tagRefs: a.tags.map(tagRef),
      actorRefs: a.actors.map(typedActorRef),
      readingMinutes: readingMinutes(a.wordCount, a.lang),
      toc: tableOfContents(a.headings, a.wordCount, a.lang, a.title),
      ...(older !== undefined ? { older: linkTo(older) } : {}),
      ...(newer !== undefined ? { newer: linkTo(newer) } : {}),
      related: related[i]!.map((m) => ({ ...linkTo(m.index), shared: m.shared.slice(0, 3).map(termRef) })),
    };
  });

  const byTag = new Map<string, ArticleView[]>();
  const byActor = new Map<string, ArticleView[]>();
  for (const a of articles) {
    for (const t of a.tags) (byTag.get(t) ?? byTag.set(t, []).get(t)!).push(a);
    for (const x of a.actors) (byActor.get(x) ?? byActor.set(x, []).get(x)!).push(a);
  }

  const termView = (id: string, url: string, count: number, registered: (Actor | Tag) | undefined, open: OpenTerm | undefined): TermView => ({
    id,
    ...termNamed(registered, open, id),
    url,
    names: registered?.names ?? {},
    // An open term's other spellings are its aliases.
    aliases: registered?.aliases ?? open?.names.slice(1) ?? [],
    kind: registered ? ("type" in registered ? registered.type : registered.kind) : open?.kind ?? "unregistered",
    count,
    registered: Boolean(registered),
    ...(registered && "jurisdiction" in registered && registered.jurisdiction ? { jurisdiction: registered.jurisdiction } : {}),
  });
  const onceEntry = (t: TermView, list: ArticleView[] | undefined): OnceEntry => {
    const a = list![0]!;
    return { id: t.id, label: t.label, ...(t.lang ? { lang: t.lang } : {}), ...(t.en ? { en: t.en } : {}), kind: t.kind, article: { title: a.title, url: a.url, lang: a.lang } };
  };

  const allTags = [...new Set([...data.tags.map((t) => t.id), ...byTag.keys()])]
    .sort()
    .map((id) => termView(id, tagUrl(id), byTag.get(id)?.length ?? 0, tagById.get(id), openTagById.get(id)));
  const tags = allTags.filter((t) => tagHasPage(t.id));
  const tagsOnce = allTags.filter((t) => !tagHasPage(t.id)).map((t) => onceEntry(t, byTag.get(t.id)));
  const allActors = [...new Set([...data.actors.map((a) => a.id), ...byActor.keys()])]
    .sort()
    .map((id) => termView(id, actorUrl(id), byActor.get(id)?.length ?? 0, actorById.get(id), openActorById.get(id)));
  const actors = allActors.filter((a) => actorHasPage(a.id));
  const actorsOnce = allActors.filter((a) => !actorHasPage(a.id)).map((a) => onceEntry(a, byActor.get(a.id)));
  const mostUsed = (terms: TermView[]) =>
    terms
      .filter((t) => t.count > 0)
      .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1))
      .slice(0, HOME_TERMS)
      .sort((x, y) => (x.id < y.id ? -1 : 1));

  return {
    summary: data.summary,
    events,
    timeline: {
      ...timelinePages(events, timelineUrlOf),
      filters: {
        domains: uniqueSorted(data.events.flatMap((e) => e.domain)),
        jurisdictions: uniqueSorted(data.events.map((e) => e.jurisdiction)),
        kinds: uniqueSorted(data.events.map((e) => e.kind)),
      },
    },
    actorEvents,
    timelineApi: data.events.map((e) => timelineRow(e, prefix)),
    searchFilters: {
      jurisdictions: actors
        .filter((a) => a.kind === "jurisdiction" && (a.count > 0 || data.events.some((e) => e.jurisdiction === a.id.toUpperCase())))
        .map((a) => ({ id: a.id.toUpperCase(), label: a.label, url: a.url, ...(a.lang ? { lang: a.lang } : {}), ...(a.en ? { en: a.en } : {}) })),
      // The most mentioned first; a select of thousands helps nobody.
      actors: actors.filter((a) => a.registered && (a.count > 0 || actorEvents[a.id])).sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1)).slice(0, 200),
      tags: tags.filter((t) => t.registered && t.count > 0).sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1)).slice(0, 200),
      years: uniqueSorted([...data.articles.map((a) => a.date.day.slice(0, 4)), ...data.events.map((e) => e.date.start.slice(0, 4))]).reverse(),
    },
    articles,
    latest: articles.slice(0, HOME_LATEST),
    tags,
    actors,
    browseTags: mostUsed(tags),
    browseActors: mostUsed(actors),
    tagIndex: termIndex("/tags/", tags, TAG_KIND_ORDER, tagsOnce),
    actorIndex: termIndex("/actors/", actors, ACTOR_KIND_ORDER, actorsOnce),
    tagPages: tags.flatMap((t) => pagesFor(t, byTag.get(t.id) ?? [], TERM_PAGE_SIZE, "tag", t.id)),
    actorPages: actors.flatMap((a) => pagesFor(a, byActor.get(a.id) ?? [], TERM_PAGE_SIZE, "actor", a.id)),
    articlesApi: articles.map((a) => ({
      slug: a.slug,
      url: `${prefix}${a.url}`,
      title: a.title,
      date: a.date.iso,
      day: a.date.day,
      source: a.source ?? null,
      outlet: a.outlet ?? null,
      author: a.author ?? null,
      lang: a.lang,
      summary: a.summary ?? null,
      tags: a.tags,
      actors: a.actors,
      draft: a.draft,
    })),
  };
}

const HAN = /\p{Script=Han}/u;

/** An open term's name: the spelling most used; a Latin one is marked English. */
function openNamed(t: OpenTerm): Named {
  const label = t.names[0] ?? t.id;
  return HAN.test(label) ? { label } : { label, lang: "en" };
}

/** The order of the index's groups; kinds not named here come after, by name. */
export const TAG_KIND_ORDER = ["instrument", "policy", "technology", "material", "product", "topic", "unregistered"] as const;
export const ACTOR_KIND_ORDER = ["jurisdiction", "authority", "organization", "company", "person", "outlet", "unregistered"] as const;

/** The pages of a tag or actor index (see TermIndexPage). */
export function termIndex(base: string, withPage: TermView[], kindOrder: readonly string[], once: OnceEntry[], size = ONCE_INDEX_PAGE_SIZE): TermIndexPage[] {
  const rank = (k: string) => (kindOrder.includes(k) ? kindOrder.indexOf(k) : kindOrder.length);
  const kinds = uniqueSorted(withPage.map((t) => t.kind)).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const groups = kinds.map((kind) => ({ kind, terms: withPage.filter((t) => t.kind === kind) }));
  const chunks = once.length ? chunk(once, size) : [];
  const urlOf = (n: number) => `${base}${ONCE_INDEX_DIR}/${n > 1 ? `${n}/` : ""}`;
  const oncePages = chunks.map((c, i) => ({ url: urlOf(i + 1), number: i + 1, first: c[0]!.label, last: c[c.length - 1]!.label }));
  const page = (over: Partial<TermIndexPage> & Pick<TermIndexPage, "url" | "onceNumber">): TermIndexPage => ({ groups: [], once: [], onceTotal: once.length, oncePages, ...over });
  return [
    page({ url: base, onceNumber: 0, groups }),
    ...chunks.map((c, i) =>
      page({
        url: urlOf(i + 1),
        onceNumber: i + 1,
        once: c,
        prevUrl: i > 0 ? urlOf(i) : base,
        ...(i + 1 < chunks.length ? { nextUrl: urlOf(i + 2) } : {}),
      }),
    ),
  ];
}

function uniqueSorted(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

/** Up to this many events the timeline is one page; beyond, one page per year. */
export const TIMELINE_PAGE_EVENTS = 400;
export const TIMELINE_URL = "/timeline/";

/**
 * Which timeline page shows an event. A timeline of a few hundred events is one page, every
 * link drawn; a longer one is a page per year (the newest at /timeline/, the others at
 * /timeline/<year>/), so that no page grows with the corpus: 2,000 events on one page were
 * about 6 MB of HTML. Links to another year's page go there.
 */
export function timelinePageOf(events: readonly TimelineEvent[]): (e: TimelineEvent) => string {
  if (events.length <= TIMELINE_PAGE_EVENTS) return () => TIMELINE_URL;
  const newest = events.reduce((y, e) => (e.date.start.slice(0, 4) > y ? e.date.start.slice(0, 4) : y), "");
  return (e) => {
    const year = e.date.start.slice(0, 4);
    return year === newest ? TIMELINE_URL : `${TIMELINE_URL}${year}/`;
  };
}

/** The timeline's pages, each laid out on its own (connectors within a page), newest first. */
export function timelinePages(events: EventView[], pageOf: (e: TimelineEvent) => string): Omit<SiteModel["timeline"], "filters"> {
  const byPage = new Map<string, EventView[]>();
  for (const e of events) (byPage.get(pageOf(e)) ?? byPage.set(pageOf(e), []).get(pageOf(e))!).push(e);
  const pages: TimelinePage[] = [...byPage.entries()].map(([url, list]) => ({
    url,
    years: uniqueSorted(list.map((e) => e.date.start.slice(0, 4))),
    events: list.length,
    ...layoutTimeline(list),
  }));
  pages.sort((a, b) => (a.url === TIMELINE_URL ? -1 : b.url === TIMELINE_URL ? 1 : a.years[0]! < b.years[0]! ? 1 : -1));
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.date.start.slice(0, 4), (counts.get(e.date.start.slice(0, 4)) ?? 0) + 1);
  const yearNav = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([year, n]) => ({ year, url: pageOf(events.find((e) => e.date.start.startsWith(year))!), events: n }));
  return { pages, yearNav };
}

/** One row of timeline.json and timeline.csv: every field of the event, links by id. */
export function timelineRow(e: TimelineEvent, prefix = ""): Record<string, unknown> {
  return {
    id: e.id,
    url: `${prefix}${e.url}`,
    title_zh_hans: e.title["zh-Hans"],
    title_en: e.title.en,
    announced: e.dates.announced?.value ?? null,
    published: e.dates.published?.value ?? null,
    effective: e.dates.effective?.value ?? null,
    ended: e.dates.ended?.value ?? null,
    suspended: e.dates.suspended?.value ?? null,
    date_notes: e.dateNotes ?? null,
    jurisdiction: e.jurisdiction,
    side: e.side,
    authority: e.authority,
    kind: e.kind,
    instrument: e.instrument?.id ?? null,
    instrument_url: e.instrument?.url ?? null,
    domain: e.domain,
    items: e.items,
    targets: e.targets,
    responds_to: e.respondsTo.map((l) => ({ id: l.id, basis: l.basis, by: l.by ?? null, lag_days: l.lagDays, lag_approx: l.lagApprox })),
    answered_by: e.answeredBy.map((l) => ({ id: l.id, basis: l.basis, by: l.by ?? null, lag_days: l.lagDays, lag_approx: l.lagApprox })),
    chain: e.chain,
    sources: e.sources.map((s) => (s.type === "article" ? `${prefix}${s.url}` : s.url)),
  };
}
