// The timeline's time axis, worked out once at build time: which week an event falls in (events
// of one week share a row), how much room the time between two rows gets, and the long empty
// stretches that are drawn as a break instead of as distance. Date arithmetic is d3-time's; the
// room is a d3 threshold scale onto a few spacing classes the stylesheet defines.
import { scaleThreshold } from "d3-scale";
import { utcDay, utcMonday, utcMonth, utcYear } from "d3-time";
import { utcFormat, utcParse } from "d3-time-format";
import type { EventDate } from "../model/event.ts";

/** The room before a row: g0 for another row of the same week, up to g4 for five months. */
export type Gap = "g0" | "g1" | "g2" | "g3" | "g4";

/** A gap of this many days or more is an empty stretch, drawn as a break (about six months). */
export const BREAK_DAYS = 183;

const parseDay = utcParse("%Y-%m-%d");
const isoMonth = utcFormat("%Y-%m");
const isoYear = utcFormat("%Y");

// Days between the weeks of two rows → their spacing class: the next week, within a month,
// within a quarter, within half a year.
const gapScale = scaleThreshold<number, Gap>().domain([8, 32, 92]).range(["g1", "g2", "g3", "g4"]);

/** The first day an event date can mean (a year or a month is placed at its start). */
export function dayOf(d: Pick<EventDate, "start">): Date {
  const day = parseDay(d.start);
  if (!day) throw new Error(`not a day: ${d.start}`);
  return day;
}

/** The Monday of its week: the events of one week sit in one row. */
export function weekOf(d: Pick<EventDate, "start">): Date {
  return utcMonday.floor(dayOf(d));
}

/** The room between a row of week `prev` and one of week `next`, or "break" for an empty stretch. */
export function gapBetween(prev: Date, next: Date): Gap | "break" {
  const days = utcDay.count(prev, next);
  if (days <= 0) return "g0";
  if (days >= BREAK_DAYS) return "break";
  return gapScale(days);
}

/** The day after the whole period an event date can mean: 2007 → 2008-01-01, 2024-05 → 2024-06-01. */
function endOfPeriod(d: EventDate): Date {
  const day = dayOf(d);
  if (d.precision === "year") return utcYear.offset(utcYear.floor(day), 1);
  if (d.precision === "month") return utcMonth.offset(utcMonth.floor(day), 1);
  return utcDay.offset(day, 1);
}

export interface EmptyStretch {
  /** What the break says: the whole years without events, or the whole months when no year is empty. */
  from: { value: string; precision: "year" | "month" };
  to: { value: string; precision: "year" | "month" };
  /** The years without any event inside it, for their anchors (#year-YYYY) that links elsewhere may use. */
  years: string[];
}

/**
 * Pure: the whole months with no event between two events that are BREAK_DAYS or more apart,
 * said as years when at least one whole year is empty (2008–2017), else as months; undefined
 * when no whole month is empty.
 */
export function emptyStretch(prev: EventDate, next: EventDate): EmptyStretch | undefined {
  const start = utcMonth.ceil(endOfPeriod(prev));
  const end = utcMonth.floor(dayOf(next));
  if (start >= end) return undefined;
  const years = utcYear.range(start, utcYear.floor(end)).map(isoYear);
  if (years.length) return { from: { value: years[0]!, precision: "year" }, to: { value: years[years.length - 1]!, precision: "year" }, years };
  return { from: { value: isoMonth(start), precision: "month" }, to: { value: isoMonth(utcMonth.offset(end, -1)), precision: "month" }, years };
}

/** The month an event date falls in, "1" to "12", for the axis's month marks; none for a year alone. */
export function monthMark(d: EventDate): string | undefined {
  return d.precision === "year" ? undefined : String(dayOf(d).getUTCMonth() + 1);
}
