// How an event is written in each form it leaves the dataset in: timeline.json and
// timeline.csv, the events feed, its search record, and a new event file. Each form reads its
// fields from the tables here, in the order it writes them, so that an event field is spelled
// once per form, here, and not in each module that writes one. The schema (event.ts) says what
// an event is; these tables say which of its fields each form shows, and how.
import { eventFrontMatter, type EventLink, type TimelineEvent } from "./event.ts";

// ── timeline.json and timeline.csv ───────────────────────────────────────────────────────

/** A field of timeline.json, and a column of timeline.csv. */
export interface TimelineColumn {
  /** Its key in timeline.json, and its header in timeline.csv. */
  key: string;
  /** What it holds, for the data package's schema (datapackage.json). */
  description: string;
  /** Its Frictionless type in timeline.csv: a list is a string of items joined with "; ". Default string. */
  type?: "boolean";
  /** Its value in timeline.json; `prefix` is the site's path prefix, for the site's own URLs. */
  json(e: TimelineEvent, prefix: string): unknown;
  /** Its cell in timeline.csv, unquoted; without one, the JSON value (a list joined with "; "). */
  csv?(value: unknown): string;
}

/** A link as timeline.json writes it: by id, with the lag in days. */
interface LinkRow {
  id: string;
  basis: string;
  by: string | null;
  effect: string | null;
  lag_days: number;
  lag_approx: boolean;
}

const linkRow = (l: EventLink): LinkRow => ({ id: l.id, basis: l.basis, by: l.by ?? null, effect: l.effect ?? null, lag_days: l.lagDays, lag_approx: l.lagApprox });
// A spreadsheet user sees the chain without parsing: `id (basis, by, effect, ~+N d)`.
const linkCell = (v: unknown) =>
  (v as LinkRow[]).map((l) => `${l.id} (${l.basis}${l.by ? `, ${l.by}` : ""}${l.effect ? `, ${l.effect}` : ""}, ${l.lag_approx ? "~" : ""}+${String(l.lag_days)} d)`).join("; ");
const DATE_MEANING: Record<keyof TimelineEvent["dates"], string> = {
  announced: "first official public release",
  published: "publication in the gazette",
  effective: "when it binds",
  ended: "when it ended, or when a suspension ends",
  suspended: "when it was suspended",
};
const date = (role: keyof TimelineEvent["dates"]): TimelineColumn => ({
  key: role,
  description: `Date ${DATE_MEANING[role]}: YYYY-MM-DD, or YYYY-MM or YYYY when the sources give no more`,
  json: (e) => e.dates[role]?.value ?? null,
});

/** Every field of the event, links by id; a field the event does not give is null. */
export const TIMELINE_COLUMNS: readonly TimelineColumn[] = [
  { key: "id", description: "The event's id, also its page: /events/<id>/", json: (e) => e.id },
  { key: "url", description: "The event's page on this site", json: (e, prefix) => `${prefix}${e.url}` },
  { key: "title_zh_hans", description: "Title in Simplified Chinese", json: (e) => e.title["zh-Hans"] },
  { key: "title_en", description: "Title in English", json: (e) => e.title.en },
  date("announced"),
  date("published"),
  date("effective"),
  date("ended"),
  date("suspended"),
  { key: "date_notes", description: "How a date was worked out, when the sources needed explaining", json: (e) => e.dateNotes ?? null },
  { key: "jurisdiction", description: "Jurisdiction code (US, CN, NL, JP, EU, INT …)", json: (e) => e.jurisdiction },
  { key: "side", description: "us (the US and its allies), cn (China) or other", json: (e) => e.side },
  { key: "authority", description: "Issuing authority (actor id)", json: (e) => e.authority },
  { key: "co_authorities", description: "Other issuers of a joint instrument (actor ids)", json: (e) => e.coAuthorities },
  { key: "kind", description: "measure, countermeasure, relaxation, ruling or statement", json: (e) => e.kind },
  { key: "status", description: "On the day of the build: in-force, pending, suspended, lifted, rescinded, replaced or expired (measures and countermeasures)", json: (e) => e.status?.state ?? null },
  { key: "status_since", description: "Since when the status holds", json: (e) => e.status?.since ?? null },
  { key: "status_until", description: "Until when a suspension holds", json: (e) => e.status?.until ?? null },
  { key: "status_by", description: "The event that suspended, lifted, rescinded or replaced it, or whose suspension of it ran out (in force again) (id)", json: (e) => e.status?.by ?? null },
  { key: "instrument", description: "Official id of the instrument: Federal Register citation and document number, 公告/令 number, WTO dispute number", json: (e) => e.instrument?.id ?? null },
  { key: "instrument_url", description: "Official text of the instrument", json: (e) => e.instrument?.url ?? null },
  { key: "domain", description: "Policy domains", json: (e) => e.domain },
  { key: "items", description: "Items controlled or concerned (tag ids or names)", json: (e) => e.items },
  { key: "targets", description: "Actors targeted (actor ids or names)", json: (e) => e.targets },
  { key: "responds_to", description: "Events this one answers: id (basis, by, effect, lag in days)", json: (e) => e.respondsTo.map(linkRow), csv: linkCell },
  { key: "answered_by", description: "Events that answer this one", json: (e) => e.answeredBy.map(linkRow), csv: linkCell },
  { key: "chain", description: "Escalation chain: the id of its earliest event", json: (e) => e.chain },
  { key: "sources", description: "Official and secondary sources", json: (e, prefix) => e.sources.map((s) => (s.type === "article" ? `${prefix}${s.url}` : s.url)) },
  { key: "verified", type: "boolean", description: "false when the event was not checked against the instrument's official text", json: (e) => e.verified },
];

// ── The events feed ──────────────────────────────────────────────────────────────────────

/** What a feed entry reads of an event: a few fields, so tests can build one by hand. */
export type FeedEventFields = Pick<TimelineEvent, "kind" | "jurisdiction" | "domain"> & { instrument?: { id: string; url?: string } };

/** The names a feed shows for codes, in its language, and the authority's name. */
export interface FeedNames {
  kind(k: string): string;
  domain(d: string): string;
  authority: string;
}

/** The line of facts atop an entry's text, in this order, the ones an event has joined by " · ". */
export const FEED_FACTS: ReadonlyArray<(e: FeedEventFields, names: FeedNames) => string | undefined> = [
  (e, names) => names.kind(e.kind),
  (e) => e.jurisdiction,
  (_e, names) => names.authority,
  (e) => e.instrument?.id,
];

/** An entry's categories: its kind, then its domains. */
export const FEED_CATEGORIES: ReadonlyArray<(e: FeedEventFields, names: FeedNames) => Array<{ term: string; label: string }>> = [
  (e, names) => [{ term: e.kind, label: names.kind(e.kind) }],
  (e, names) => e.domain.map((d) => ({ term: d, label: names.domain(d) })),
];

/** The original an entry is about: the instrument's official text. */
export const feedExternalUrl = (e: FeedEventFields): string | undefined => e.instrument?.url;

// ── The search record ────────────────────────────────────────────────────────────────────

/** What the event's record is made with besides the event: the page's language and the names it was found to carry. */
export interface SearchContext {
  uiLang: "zh-Hans" | "en";
  /** Actor and tag ids: the ones it names (NAMED_IN_SEARCH) and the ones its text mentions. */
  named: { actor: string[]; tag: string[] };
}

/** The text indexed, one part a line: its titles, its instrument, its description. */
export const SEARCH_TEXT: ReadonlyArray<(e: TimelineEvent) => string> = [
  (e) => e.title["zh-Hans"],
  (e) => e.title.en,
  (e) => e.title["zh-Hant"] ?? "",
  (e) => e.instrument?.id ?? "",
  (e) => e.instrument?.title ?? "",
  (e) => e.text,
];

/** The actors and tags an event names: a search by any of their names finds it. */
export const NAMED_IN_SEARCH = {
  actors: (e: TimelineEvent): string[] => [e.authority, ...e.targets],
  tags: (e: TimelineEvent): string[] => e.items,
};

/** The record's meta, shown with a result, in this order; a field an event does not give is left out. */
export const SEARCH_META: ReadonlyArray<[key: string, value: (e: TimelineEvent, c: SearchContext) => string | undefined]> = [
  ["title", (e, c) => (c.uiLang === "en" ? e.title.en : e.title["zh-Hans"])],
  ["title_other", (e, c) => (c.uiLang === "en" ? e.title["zh-Hans"] : e.title.en)],
  ["type", () => "event"],
  ["date", (e) => e.date.start],
  ["date_label", (e) => e.date.value],
  ["lang", (_e, c) => c.uiLang],
  ["kind", (e) => e.kind],
  ["excerpt", (e) => e.text.slice(0, 240)],
  ["instrument", (e) => e.instrument?.id],
];

/** The record's filters, in this order: the search page's selects. */
export const SEARCH_FILTERS: ReadonlyArray<[key: string, values: (e: TimelineEvent, c: SearchContext) => string[]]> = [
  ["type", () => ["event"]],
  ["year", (e) => [e.date.start.slice(0, 4)]],
  ["jurisdiction", (e) => [e.jurisdiction]],
  ["actor", (_e, c) => c.named.actor],
  ["tag", (_e, c) => c.named.tag],
  ["kind", (e) => [e.kind]],
];

// ── A new event file ─────────────────────────────────────────────────────────────────────

/** What an event file's front matter is written from (before the schema's defaults). */
export type EventFileFields = { [K in keyof typeof eventFrontMatter.shape]?: unknown };

/** The fields `npm run new -- event` writes, with a value that validates; the title and date are the caller's. */
export const NEW_EVENT_EXAMPLE: EventFileFields = {
  jurisdiction: "US",
  authority: "us-bis",
  kind: "measure",
  domain: ["chips"],
  items: [],
  targets: ["cn"],
  responds_to: [],
  sources: [{ url: "https://example.com/official-text" }],
};

/** An event file's front matter in the schema's order of fields, the ones given only. */
export function eventFileFields(given: EventFileFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(eventFrontMatter.shape) as Array<keyof EventFileFields>) if (given[key] !== undefined) out[key] = given[key];
  return out;
}
