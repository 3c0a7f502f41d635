// Which shipped events an article reports: those it names (an instrument, a name the measure
// is known by: event-links.ts), then those it describes by side, period and items
// (described-events.ts) or by a firm put on a list (listed-firms.ts). Ingest links every note
// this way, and events:suggest reads the same links. Precision before recall: each path links only where one event fits.
import type { TimelineEvent } from "../model/event.ts";
import { articleEventLinks, linkableEvents, relaxations, type ArticleEventLink, type LinkableEvent } from "./event-links.ts";
import { describedEvents, mayDescribe, type DescribableEvent } from "./described-events.ts";
import { listedFirmEvents, mayNameListing } from "./listed-firms.ts";
import { sentences } from "./suggest.ts";
import { eventDays } from "./dates.ts";

/** The events as links find them: plain data, made once per run and sent to every ingest thread. */
export interface EventIndex {
  named: LinkableEvent[];
  described: DescribableEvent[];
}

/** One event an article reports, where it first does, and the words that show it. */
export interface ArticleEvent extends Omit<ArticleEventLink, "how"> {
  how: ArticleEventLink["how"] | "description";
}

/** What a description is read with: the registry's actors and its mention finder. */
export type MentionContext = Parameters<typeof describedEvents>[2];

export function eventIndex(events: readonly TimelineEvent[]): EventIndex {
  const relaxedBy = relaxations(events);
  return {
    named: linkableEvents(events, relaxedBy),
    described: events.map((e) => ({ id: e.id, jurisdiction: e.jurisdiction, kind: e.kind, items: e.items, targets: e.targets, date: { start: e.date.start }, days: eventDays(e), ...(relaxedBy.has(e.id) ? { relaxedBy: relaxedBy.get(e.id)! } : {}) })),
  };
}

/**
 * The events an article reports, once each, in the order the body first reports them.
 * `split`: the body's sentences when the caller has split them all already.
 */
export function articleEvents(body: string, articleDay: string, index: EventIndex, ctx: MentionContext, split?: ReadonlyArray<{ text: string; line: number }>): ArticleEvent[] {
  if (!index.named.length && !index.described.length) return [];
  const named: ArticleEvent[] = articleEventLinks(body, articleDay, index.named);
  const seen = new Set(named.map((n) => n.event));
  const read = split ?? sentences(body, (line) => mayDescribe(line) || mayNameListing(line));
  const described = [...describedEvents(read, articleDay, ctx, index.described), ...listedFirmEvents(read, articleDay, ctx, index.described)]
    .filter((d) => !seen.has(d.event) && (seen.add(d.event), true))
    .map((d): ArticleEvent => ({ ...d, how: "description" }));
  return [...named, ...described].sort((a, b) => a.line - b.line || (a.event < b.event ? -1 : 1));
}
