// Event dates at the precision the sources give: a year, a month or a day. A year stands for
// its first day when ordering, and lags involving it are marked approximate.
import { DateTime } from "luxon";
import type { EventDate, TimelineEvent } from "../model/event.ts";

export function parseEventDate(value: string): EventDate | { error: string } {
  const v = value.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(v))) return { value: v, precision: "year", start: `${m[1]}-01-01` };
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { error: `"${v}" has no month ${m[2]}` };
    return { value: v, precision: "month", start: `${v}-01` };
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) {
    const dt = DateTime.fromISO(v, { zone: "UTC" });
    if (!dt.isValid) return { error: `"${v}" is not a real day (${dt.invalidExplanation ?? dt.invalidReason})` };
    return { value: v, precision: "day", start: v };
  }
  return { error: `"${v}" is not a date: write YYYY-MM-DD, or YYYY-MM or YYYY when the sources give no more` };
}

/**
 * The days a report of a measure may give: its announced day (a month's or a year's first day
 * when the sources give no more), and its publication and entry into force when they are days.
 */
export function eventDays(e: Pick<TimelineEvent, "date" | "dates">): string[] {
  const later = [e.dates.published, e.dates.effective].flatMap((d) => (d?.precision === "day" && d.start !== e.date.start ? [d.start] : []));
  return [e.date.start, ...new Set(later)];
}

/** Whole days from a to b (b later is positive). */
export function daysBetween(a: EventDate, b: EventDate): number {
  return Math.round((Date.parse(`${b.start}T00:00:00Z`) - Date.parse(`${a.start}T00:00:00Z`)) / 86_400_000);
}

/** Whole days between two YYYY-MM-DD days (a YYYY-MM counts from its first day), either order. */
export function daysApart(a: string, b: string): number {
  const day = (d: string) => Date.parse(`${d.length === 7 ? `${d}-01` : d.slice(0, 10)}T00:00:00Z`);
  return Math.abs(day(a) - day(b)) / 86_400_000;
}

/**
 * Whether b can be earlier than a. Only a certain inversion counts: 2024-12 vs 2024-12-03 may
 * be either order, so a response to it is not "dated before" it.
 */
export function certainlyBefore(b: EventDate, a: EventDate): boolean {
  return endOf(b) < a.start;
}

function endOf(d: EventDate): string {
  if (d.precision === "day") return d.start;
  const dt = DateTime.fromISO(d.start, { zone: "UTC" });
  return (d.precision === "month" ? dt.endOf("month") : dt.endOf("year")).toISODate()!;
}
