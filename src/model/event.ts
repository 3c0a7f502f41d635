// The event model: one measure, countermeasure, relaxation, ruling or statement per file in
// content/events/. Real instruments have several dates (announced, published in the gazette,
// in force, ended), and real sources often give only a month or a year, so event dates carry
// their precision. Links between events (responds_to) carry their basis: said by the issuer,
// or an analyst's reading, and whose.
import { z } from "zod";
import { httpUrl } from "./schema.ts";

/** The closed set of event kinds. Documented in README.md § Events. */
export const EVENT_KINDS = ["measure", "countermeasure", "relaxation", "ruling", "statement"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Policy domains an event belongs to; the timeline filters by them. */
export const EVENT_DOMAINS = [
  "chips",
  "chipmaking-equipment",
  "ai",
  "critical-minerals",
  "entity-listing",
  "tariffs",
  "investment",
  "technology-transfer",
  "cybersecurity",
  "trade-rules",
] as const;
export type EventDomain = (typeof EVENT_DOMAINS)[number];

export const DATE_ROLES = ["announced", "published", "effective", "ended", "suspended"] as const;
export type DateRole = (typeof DATE_ROLES)[number];

/** A date as precise as the sources allow: 2010, 2010-07 or 2010-07-08. */
export interface EventDate {
  /** As written, normalized: YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  precision: "year" | "month" | "day";
  /** The first day it can mean, for ordering and lags. */
  start: string;
}

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case ASCII words joined by hyphens");
const dateValue = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

export const eventFrontMatter = z.strictObject({
  id: id.optional(),
  title: z.strictObject({
    "zh-Hans": z.string().trim().min(1),
    en: z.string().trim().min(1),
    "zh-Hant": z.string().trim().min(1).optional(),
  }),
  dates: z.strictObject({
    announced: dateValue,
    published: dateValue.optional(),
    effective: dateValue.optional(),
    ended: dateValue.optional(),
    suspended: dateValue.optional(),
  }),
  /** How a date was worked out when a source gave it only relative to its own date. */
  date_notes: z.string().optional(),
  jurisdiction: z.string().regex(/^[A-Z]{2,4}$/, "must be a code such as US, CN, NL, EU"),
  /** An actor id or any name or alias of one in the registry. */
  authority: z.string().trim().min(1),
  kind: z.enum(EVENT_KINDS),
  instrument: z
    .strictObject({
      id: z.string().trim().min(1),
      title: z.string().trim().optional(),
      url: httpUrl.optional(),
    })
    .optional(),
  domain: z.array(z.enum(EVENT_DOMAINS)).min(1),
  items: z.array(z.string().trim().min(1)).default([]),
  targets: z.array(z.string().trim().min(1)).default([]),
  responds_to: z
    .array(
      z
        .strictObject({
          id,
          basis: z.enum(["stated", "analyst"]),
          /** Whose reading, for an analyst's: an outlet, a person, an article. */
          by: z.string().trim().min(1).optional(),
          note: z.string().optional(),
        })
        .refine((r) => r.basis !== "analyst" || r.by, { message: "an analyst's reading must say whose (by:)", path: ["by"] }),
    )
    .default([]),
  sources: z
    .array(
      z.union([
        z.strictObject({ article: z.string().trim().min(1), note: z.string().optional() }),
        z.strictObject({ url: httpUrl, title: z.string().optional(), note: z.string().optional() }),
      ]),
    )
    .default([]),
});

export type EventFrontMatter = z.output<typeof eventFrontMatter>;

export interface EventLink {
  id: string;
  basis: "stated" | "analyst";
  by?: string;
  note?: string;
  /** Days from the earlier event's announcement to the later one's; approximate when either date is a month or a year. */
  lagDays: number;
  lagApprox: boolean;
}

export type EventSource =
  | { type: "article"; slug: string; title: string; url: string; note?: string }
  | { type: "url"; url: string; title?: string; note?: string };

/** An event after ingest, with the links computed in both directions. */
export interface TimelineEvent {
  id: string;
  url: string;
  file: string;
  title: { "zh-Hans": string; en: string; "zh-Hant"?: string };
  dates: Partial<Record<DateRole, EventDate>>;
  /** The date the timeline orders by: announced. */
  date: EventDate;
  dateNotes?: string;
  jurisdiction: string;
  /** US and allies, China, or others: the timeline's lanes. */
  side: "us" | "cn" | "other";
  authority: string;
  kind: EventKind;
  instrument?: { id: string; title?: string; url?: string };
  domain: EventDomain[];
  items: string[];
  targets: string[];
  respondsTo: EventLink[];
  answeredBy: EventLink[];
  /** The id of the escalation chain: the earliest event of the connected group it belongs to. */
  chain: string;
  sources: EventSource[];
  /** Articles that report this event: its article sources. */
  articles: string[];
  /** Registry actors and tags named in its titles and description, for search. */
  mentions: { actors: string[]; tags: string[] };
  /** The description, rendered. */
  html: string;
  text: string;
}
