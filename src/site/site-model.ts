// The site model: what pages present, as shapeSite (shape.ts) returns it. References carry
// display names and URLs, long lists come cut into pages; templates only read these types.
import type { LagPhrase } from "../timeline/lag.ts";
import type { Lang, NormalizedDate } from "../model/types.ts";
import type { Names } from "../model/registry.ts";
import type { Named } from "../model/names.ts";
import type { Dataset, DatasetArticle, Heading } from "../model/dataset.ts";
import type { EventLink, TimelineEvent } from "../model/event.ts";
import type { TimelineLayout } from "../timeline/layout.ts";
import type { OverviewChart } from "../timeline/overview.ts";

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
  side: TimelineEvent["side"];
  /** On an article's page: the words of the article that report it, when ingest found it there (not a source the event cites). */
  named?: string;
}

/** An article that discusses an event (ingest found the event in its text), with the words that show it. */
export interface DiscussionRef extends ArticleLink {
  named: string;
}

export interface LinkView extends EventLink, Ref {
  date: TimelineEvent["date"];
  /** The time between the two events, as the page says it (src/timeline/lag.ts). */
  lag: LagPhrase;
  /** The other event's card: `#id` on the same timeline page, else its page and `#id`. */
  timelineHref: string;
}

export interface EventView extends TimelineEvent {
  label: string;
  authorityRef: Ref;
  /** The other issuers of a joint instrument. */
  coAuthorityRefs: Array<Named & { url?: string }>;
  /** Its status, with the event that set it. */
  statusView?: NonNullable<TimelineEvent["status"]> & { sinceDate?: TimelineEvent["date"]; untilDate?: TimelineEvent["date"]; byRef?: EventRef };
  jurisdictionRef: Ref;
  itemRefs: Array<Named & { url?: string }>;
  targetRefs: Array<Named & { url?: string }>;
  respondsToRefs: LinkView[];
  answeredByRefs: LinkView[];
  /** Every event of its escalation chain, oldest first (this one included). */
  chainRefs: EventRef[];
  /** Articles that name or describe it, apart from the sources it cites, the newest first. */
  discussedIn: DiscussionRef[];
  /** Articles of the site on it: the sources it cites and those that discuss it. */
  articleCount: number;
  /** Its card on the timeline: the timeline page and `#id`. */
  timelineUrl: string;
}

/** What the timeline's filters offer on one page (timelineFilters, timeline-pages.ts): values its events have. */
export interface TimelineFilters {
  sides: string[];
  kinds: string[];
  statuses: string[];
  domains: string[];
  /** By name, in both languages; `id` is the value the cards carry (a jurisdiction's code, an actor's or tag's id). */
  jurisdictions: Array<Named & { id: string }>;
  issuers: Array<Named & { id: string }>;
  items: Array<Named & { id: string }>;
  years: string[];
}

/** One page of the timeline; a long timeline has one page per year (timelinePageOf, timeline-pages.ts). */
export interface TimelinePage extends TimelineLayout<EventView> {
  url: string;
  /** The years on this page, oldest first. */
  years: string[];
  events: number;
  filters: TimelineFilters;
}

export interface TermView extends Ref {
  /** All names and aliases, for the term's own page. */
  names: Names;
  aliases: string[];
  kind: string;
  /** Published articles that name it. */
  count: number;
  /** Events it is on: an actor's issued or targeted, a tag's items and named tags. */
  events: number;
  registered: boolean;
  jurisdiction?: string;
}

/** A term used by one article, as the index of such terms lists it: its name, leading to that article. */
export interface OnceEntry extends Named {
  id: string;
  kind: string;
  /** Its one note: an article, or an event (with its English title) for a term only an event names. */
  article: { title: string; url: string; lang: Lang; en?: string };
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
  /** First page only: the terms with a page of their own, by kind, in the Chinese order; enOrder: each term's place in the English one. */
  groups: Array<{ kind: string; terms: TermView[]; enOrder: number[] }>;
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
  /** A tag's first page: the events carrying it, the newest first. */
  events?: EventRef[];
  /** A tag's first page: the tags found with it most (term-pages.ts relatedTags). */
  relatedTags?: TermRef[];
}

/** The tags' and actors' part of the site (src/site/term-pages.ts shapes it). */
export interface ShapedTerms {
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
}

export interface SiteModel extends ShapedTerms {
  summary: Dataset["summary"];
  events: EventView[];
  timeline: {
    pages: TimelinePage[];
    /** Every year and the page it is on, newest first: the navigation of a paged timeline. */
    yearNav: Array<{ year: string; url: string; events: number }>;
  };
  /** Events an actor issued or was targeted by. */
  actorEvents: Record<string, Array<EventRef & { role: "issued" | "targeted" }>>;
  timelineApi: Array<Record<string, unknown>>;
  /** Options of the search page's filters: what the index can be filtered by. */
  searchFilters: { jurisdictions: Ref[]; actors: Ref[]; tags: Ref[]; years: string[] };
  articles: ArticleView[];
  /** The API export: one plain object per published article. */
  articlesApi: Array<Record<string, unknown>>;
  /** Events per quarter and side, drawn at build time above the timeline and on the home page. */
  overview: OverviewChart;
  /** The home page's overview (src/site/home-page.ts). */
  home: HomePage;
}

/** An event of an escalation chain as the home page shows it, with the time since the step before. */
export interface ChainStep extends EventRef {
  side: TimelineEvent["side"];
  lag?: LagPhrase;
}

/** An escalation chain in short: its longest run of answers, and how many events it holds in all. */
export interface ChainView {
  /** The chain's id: its earliest event. */
  id: string;
  /** The timeline showing this chain alone, at its first event. */
  href: string;
  size: number;
  first: TimelineEvent["date"];
  last: TimelineEvent["date"];
  /** The longest sequence of answers in it, oldest first (at most HOME_CHAIN_STEPS). */
  steps: ChainStep[];
  /** Steps of that sequence left out for length. */
  moreSteps: number;
}

/** A chip of the home page: shown in the Chinese order, with its place in the English one. */
export type OrderedTerm = TermView & { enOrder: number };

export interface HomePage {
  latestEvents: EventView[];
  /** The chains with the most events, and the most recent of the others. */
  longestChains: ChainView[];
  recentChains: ChainView[];
  latestArticles: ArticleView[];
  tags: OrderedTerm[];
  actors: OrderedTerm[];
  /** The data downloads and the feeds, with the kind of file each is. */
  downloads: Array<{ url: string; key: string; format: string }>;
  feeds: Array<{ url: string; key: string; format: string }>;
}
