// The timeline cut into pages: one page while it is short, a page per year beyond, each laid
// out on its own, with the years to navigate between them.
import type { TimelineEvent } from "../model/event.ts";
import { layoutTimeline } from "../timeline/layout.ts";
import { SIDES } from "../timeline/sides.ts";
import type { Named } from "../model/names.ts";
import { sortByZhName } from "./collate.ts";
import { uniqueSorted } from "./lists.ts";
import type { EventView, SiteModel, TimelineFilters, TimelinePage } from "./site-model.ts";

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
export function timelinePages(events: EventView[], pageOf: (e: TimelineEvent) => string): SiteModel["timeline"] {
  const byPage = new Map<string, EventView[]>();
  for (const e of events) (byPage.get(pageOf(e)) ?? byPage.set(pageOf(e), []).get(pageOf(e))!).push(e);
  const pages: TimelinePage[] = [...byPage.entries()].map(([url, list]) => ({
    url,
    years: uniqueSorted(list.map((e) => e.date.start.slice(0, 4))),
    events: list.length,
    filters: timelineFilters(list),
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

/** The STATUS states in the order a reader scans them: what holds first. */
const STATES = ["in-force", "pending", "suspended", "expired", "lifted", "rescinded", "replaced"];
const KINDS = ["measure", "countermeasure", "relaxation", "ruling", "statement"];

/** What a page's filters offer: only values its events have; places and issuers by name. */
export function timelineFilters(events: readonly EventView[]): TimelineFilters {
  const byId = (pairs: Array<[string, Named]>) => sortByZhName([...new Map(pairs).entries()].map(([id, n]) => ({ ...n, id })));
  const has = <T extends string>(order: readonly T[], values: Set<string>) => [...order.filter((v) => values.has(v)), ...[...values].filter((v) => !order.includes(v as T)).sort()];
  return {
    sides: SIDES.filter((s) => events.some((e) => e.side === s)),
    kinds: has(KINDS, new Set(events.map((e) => e.kind))),
    statuses: has(STATES, new Set(events.flatMap((e) => (e.statusView ? [e.statusView.state] : [])))),
    domains: uniqueSorted(events.flatMap((e) => e.domain)),
    jurisdictions: byId(events.map((e) => [e.jurisdiction, e.jurisdictionRef])),
    issuers: byId(events.map((e) => [e.authority, e.authorityRef])),
    items: byId(events.flatMap((e) => e.items.map((id, i): [string, Named] => [id, e.itemRefs[i] ?? { label: id }]))),
    years: uniqueSorted(events.map((e) => e.date.start.slice(0, 4))),
  };
}
