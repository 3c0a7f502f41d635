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

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case ASCII words joined by hyphens");
const dateValue = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const title = z.strictObject({
  "zh-Hans": z.string().trim().min(1),
  en: z.string().trim().min(1),
  "zh-Hant": z.string().trim().min(1).optional(),
});
const kind = z.enum(EVENT_KINDS);
const domain = z.array(z.enum(EVENT_DOMAINS)).min(1);
const instrument = z.strictObject({
  id: z.string().trim().min(1),
  title: z.string().trim().optional(),
  url: httpUrl.optional(),
});
const basis = z.enum(["stated", "analyst"]);
/**
 * What a relaxation does to the measure it answers: suspends it (until its own `ended` date, if
 * given), lifts it, rescinds it, or replaces it. The measure's status follows (timeline/status.ts).
 */
export const LINK_EFFECTS = ["suspends", "lifts", "rescinds", "replaces"] as const;
const effect = z.enum(LINK_EFFECTS);
const note = z.string().optional();

/** An event file's front matter. Its key order is the order new event files are written in (event-fields.ts). */
export const eventFrontMatter = z.strictObject({
  id: id.optional(),
  title,
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
  /** The other issuers of a joint instrument (MOFCOM with GAC), named as `authority` is. */
  co_authorities: z.array(z.string().trim().min(1)).default([]),
  kind,
  instrument: instrument.optional(),
  /**
   * Names the measure is known by, in any language (解放日关税, "Liberation Day" tariffs, the
   * affiliates rule): an article that uses one reports this event. Only names no other event has.
   */
  known_as: z.array(z.string().trim().min(2)).optional(),
  domain,
  items: z.array(z.string().trim().min(1)).default([]),
  targets: z.array(z.string().trim().min(1)).default([]),
  responds_to: z
    .array(
      z
        .strictObject({
          id,
          basis,
          /** Whose reading, for an analyst's: an outlet, a person, an article. */
          by: z.string().trim().min(1).optional(),
          note,
          effect: effect.optional(),
        })
        .refine((r) => r.basis !== "analyst" || r.by, { message: "an analyst's reading must say whose (by:)", path: ["by"] }),
    )
    .default([]),
  sources: z
    .array(
      z.union([
        z.strictObject({ article: z.string().trim().min(1), note }),
        z.strictObject({ url: httpUrl, title: z.string().optional(), note }),
      ]),
    )
    .default([]),
  /** false: not checked against the instrument's official text; the page says so. */
  verified: z.boolean().default(true),
});

export type EventFrontMatter = z.output<typeof eventFrontMatter>;

/**
 * The front-matter fields ingest computes or renames; every other one is copied into the
 * dataset as written (ingest/events.ts), so a plain new field is added here, once.
 */
const RESOLVED_FIELDS = { id: true, dates: true, date_notes: true, authority: true, co_authorities: true, items: true, targets: true, responds_to: true, sources: true } as const;

// The dataset form: what ingest writes to .kb/ and the site and search read. Not parsed at run
// time (ingest builds it); tests check that what ingest builds is what this says.

/** A date as precise as the sources allow: 2010, 2010-07 or 2010-07-08. */
export const eventDate = z.strictObject({
  /** As written, normalized: YYYY, YYYY-MM or YYYY-MM-DD. */
  value: z.string(),
  precision: z.enum(["year", "month", "day"]),
  /** The first day it can mean, for ordering and lags. */
  start: z.string(),
});
export type EventDate = z.output<typeof eventDate>;

export const eventLink = z.strictObject({
  id: z.string(),
  basis,
  by: z.string().optional(),
  note,
  effect: effect.optional(),
  /** Days from the earlier event's announcement to the later one's; approximate when either date is a month or a year. */
  lagDays: z.number(),
  lagApprox: z.boolean(),
});
export type EventLink = z.output<typeof eventLink>;

export const eventSource = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("article"), slug: z.string(), title: z.string(), url: z.string(), note }),
  z.strictObject({ type: z.literal("url"), url: z.string(), title: z.string().optional(), note }),
]);
export type EventSource = z.output<typeof eventSource>;

/** Where a measure stands on the day of the build (timeline/status.ts). */
export const STATUS_STATES = ["in-force", "pending", "suspended", "lifted", "rescinded", "replaced", "expired"] as const;
export const eventStatus = z.strictObject({
  state: z.enum(STATUS_STATES),
  /** Since when (a date as the sources give it). */
  since: z.string().optional(),
  /** Until when, for a suspension with an end. */
  until: z.string().optional(),
  /** The event that suspended, lifted, rescinded or replaced it. */
  by: z.string().optional(),
});
export type EventStatus = z.output<typeof eventStatus>;

/** An event after ingest, with the links computed in both directions. */
export const timelineEvent = z.strictObject({
  id: z.string(),
  url: z.string(),
  file: z.string(),
  // The fields copied from the front matter as written: title, jurisdiction, kind, instrument, domain …
  ...eventFrontMatter.omit(RESOLVED_FIELDS).shape,
  dates: z.strictObject(Object.fromEntries(DATE_ROLES.map((r) => [r, eventDate.optional()])) as Record<DateRole, z.ZodOptional<typeof eventDate>>),
  /** The date the timeline orders by: announced. */
  date: eventDate,
  dateNotes: z.string().optional(),
  /** US and allies, China, or others: the timeline's lanes. */
  side: z.enum(["us", "cn", "other"]),
  /** The authority's actor id. */
  authority: z.string(),
  /** The other issuers' actor ids (a joint instrument). */
  coAuthorities: z.array(z.string()),
  /** Tag ids, or the names as written where no tag has them. */
  items: z.array(z.string()),
  /** Actor ids, or the names as written where no actor has them. */
  targets: z.array(z.string()),
  respondsTo: z.array(eventLink),
  answeredBy: z.array(eventLink),
  /** The id of the escalation chain: the earliest event of the connected group it belongs to. */
  chain: z.string(),
  /** A measure's or countermeasure's status on the day of the build. */
  status: eventStatus.optional(),
  sources: z.array(eventSource),
  /** Articles that report this event: its article sources. */
  articles: z.array(z.string()),
  /** Registry actors and tags named in its titles and description, for search. */
  mentions: z.strictObject({ actors: z.array(z.string()), tags: z.array(z.string()) }),
  /** The description, rendered. */
  html: z.string(),
  text: z.string(),
});
export type TimelineEvent = z.output<typeof timelineEvent>;

/** The front-matter fields ingest copies into the dataset unchanged. */
export type CopiedEventFields = Omit<EventFrontMatter, keyof typeof RESOLVED_FIELDS>;

/** Picks from a front matter the fields ingest copies as written. */
export function copiedEventFields(fm: EventFrontMatter): CopiedEventFields {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fm)) if (!(k in RESOLVED_FIELDS) && v !== undefined) out[k] = v;
  return out as CopiedEventFields;
}
