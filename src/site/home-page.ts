// The home page as an overview: the latest events and articles, the escalation chains worth
// following, where to download the data, and the most used tags and actors in the order readers
// look names up (its chart and counts by year are the timeline's: kb.overview). Everything is a
// slice of a list already sorted (events oldest first, articles newest first): nothing here
// copies the corpus per section, so the page costs the same at 10,000 articles and 2,000 events.
import { englishOrder, sortByZhName } from "./collate.ts";
import { FEED_PATHS } from "./feeds.ts";
import type { ArticleView, ChainStep, ChainView, EventRef, EventView, HomePage, OrderedTerm, TermView } from "./site-model.ts";

export const HOME_EVENTS = 8;
export const HOME_ARTICLES = 5;
/** Chains of each list: the longest, then the most recent of the others. */
export const HOME_CHAINS = 3;
/** Steps of a chain's longest sequence shown; the rest are counted. */
export const HOME_CHAIN_STEPS = 5;

/** What pages/api/ writes: the timeline's exports and the articles' list. */
export const DATA_DOWNLOADS: HomePage["downloads"] = [
  { url: "/api/timeline.csv", key: "downloadTimelineCsv", format: "CSV" },
  { url: "/api/timeline.json", key: "downloadTimelineJson", format: "JSON" },
  { url: "/api/datapackage.json", key: "downloadDataPackage", format: "JSON" },
  { url: "/api/articles.json", key: "downloadArticles", format: "JSON" },
];
export const FEEDS: HomePage["feeds"] = [
  { url: FEED_PATHS.eventsAtom, key: "feedEvents", format: "Atom" },
  { url: FEED_PATHS.articlesAtom, key: "feedArticles", format: "Atom" },
  { url: FEED_PATHS.articlesJson, key: "feedArticles", format: "JSON Feed" },
];

export interface HomeInput {
  /** Every event, oldest first (as ingest orders them). */
  events: readonly EventView[];
  /** Every article, newest first. */
  articles: readonly ArticleView[];
  browseTags: readonly TermView[];
  browseActors: readonly TermView[];
}

export function homePage(input: HomeInput): HomePage {
  const { events, articles } = input;
  const { longest, recent } = pickChains(events);
  return {
    latestEvents: events.slice(-HOME_EVENTS).reverse(),
    longestChains: longest,
    recentChains: recent,
    latestArticles: articles.slice(0, HOME_ARTICLES),
    tags: zhOrdered(input.browseTags),
    actors: zhOrdered(input.browseActors),
    downloads: DATA_DOWNLOADS,
    feeds: FEEDS,
  };
}

/** Chips in the Chinese order (pinyin), each with its place in the English order. */
export function zhOrdered(terms: readonly TermView[]): OrderedTerm[] {
  const zh = sortByZhName(terms);
  const en = englishOrder(zh);
  return zh.map((t, i) => ({ ...t, enOrder: en[i]! }));
}

interface ChainFacts {
  id: string;
  members: EventView[];
}

/**
 * The chains of two or more events: the HOME_CHAINS with the most events (the most recent first
 * among equals), then the HOME_CHAINS whose last event is the most recent among the others.
 */
export function pickChains(events: readonly EventView[]): { longest: ChainView[]; recent: ChainView[] } {
  const byChain = new Map<string, ChainFacts>();
  for (const e of events) (byChain.get(e.chain) ?? byChain.set(e.chain, { id: e.chain, members: [] }).get(e.chain)!).members.push(e);
  const chains = [...byChain.values()].filter((c) => c.members.length > 1);
  const lastDay = (c: ChainFacts) => c.members[c.members.length - 1]!.date.start;
  const newer = (a: ChainFacts, b: ChainFacts) => (lastDay(a) > lastDay(b) ? -1 : lastDay(a) < lastDay(b) ? 1 : a.id < b.id ? -1 : 1);
  const longest = [...chains].sort((a, b) => b.members.length - a.members.length || newer(a, b)).slice(0, HOME_CHAINS);
  const shown = new Set(longest.map((c) => c.id));
  const recent = chains.filter((c) => !shown.has(c.id)).sort(newer).slice(0, HOME_CHAINS);
  return { longest: longest.map(chainView), recent: recent.map(chainView) };
}

/** A chain in short: its longest run of answers (the earliest of equals), dated, with the lags. */
export function chainView({ id, members }: ChainFacts): ChainView {
  const byId = new Map(members.map((e) => [e.id, e]));
  const refs = new Map<string, EventRef>(members[0]!.chainRefs.map((r) => [r.id, r]));
  // The longest path from each event down its answers. Ingest reports a cycle as an error, but
  // the page must not loop on what it left: an event being walked counts as a dead end.
  const depth = new Map<string, { n: number; next?: EventView["answeredByRefs"][number] }>();
  const longestFrom = (e: EventView): number => {
    const known = depth.get(e.id);
    if (known) return known.n;
    depth.set(e.id, { n: 1 });
    let best: { n: number; next?: EventView["answeredByRefs"][number] } = { n: 1 };
    for (const l of e.answeredByRefs) {
      const next = byId.get(l.id);
      if (!next) continue;
      const n = 1 + longestFrom(next);
      if (n > best.n) best = { n, next: l };
    }
    depth.set(e.id, best);
    return best.n;
  };
  let start = members[0]!;
  for (const e of members) if (longestFrom(e) > longestFrom(start)) start = e;
  const steps: ChainStep[] = [];
  let at: EventView | undefined = start;
  let lag: ChainStep["lag"];
  const walked = new Set<string>();
  while (at && !walked.has(at.id)) {
    walked.add(at.id);
    const ref = refs.get(at.id) ?? { id: at.id, label: at.label, url: at.url, date: at.date, kind: at.kind };
    steps.push({ ...ref, side: at.side, ...(lag ? { lag } : {}) });
    const next: EventView["answeredByRefs"][number] | undefined = depth.get(at.id)?.next;
    lag = next?.lag;
    at = next ? byId.get(next.id) : undefined;
  }
  const root = byId.get(id) ?? members[0]!;
  return {
    id,
    href: root.timelineUrl.replace("#", `?chain=${encodeURIComponent(root.id)}#`),
    size: members.length,
    first: members[0]!.date,
    last: members[members.length - 1]!.date,
    steps: steps.slice(0, HOME_CHAIN_STEPS),
    moreSteps: Math.max(0, steps.length - HOME_CHAIN_STEPS),
  };
}
