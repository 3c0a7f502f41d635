// Whether a measure is in force on a given day: from its own dates and from the relaxations
// that answer it with an effect (suspends, lifts, rescinds, replaces; model/event.ts). A
// suspension with an end date is over from that day, and the measure is in force again, as the
// records stand (an extension is an event of its own).
import type { EventDate, EventStatus, TimelineEvent } from "../model/event.ts";

/** What the status reads of an answering event. */
type Answer = Pick<TimelineEvent, "id" | "date" | "dates">;

/** The first day an event's effect applies: its effective date, else its announcement. */
const from = (e: Pick<TimelineEvent, "date" | "dates">): EventDate => e.dates.effective ?? e.date;

const TERMINAL = { lifts: "lifted", rescinds: "rescinded", replaces: "replaced" } as const;

/**
 * Pure: a measure's or countermeasure's status on `asOf` (YYYY-MM-DD); undefined for the other
 * kinds (a ruling or a statement is not in force). A lifting, rescinding or replacing event
 * ends it for good; a suspension holds from its effective date until its `ended` date; its own
 * `ended` date makes it expired; before its effective date it is pending.
 */
export function eventStatus(e: Pick<TimelineEvent, "kind" | "date" | "dates" | "answeredBy">, answers: ReadonlyMap<string, Answer>, asOf: string): EventStatus | undefined {
  if (e.kind !== "measure" && e.kind !== "countermeasure") return undefined;
  const effects = e.answeredBy
    .flatMap((l) => {
      const a = l.effect ? answers.get(l.id) : undefined;
      return a && l.effect ? [{ effect: l.effect, answer: a, since: from(a) }] : [];
    })
    .filter((x) => x.since.start <= asOf)
    .sort((x, y) => (x.since.start < y.since.start ? -1 : x.since.start > y.since.start ? 1 : 0));
  const terminal = effects.find((x) => x.effect !== "suspends");
  if (terminal && terminal.effect !== "suspends") return { state: TERMINAL[terminal.effect], since: terminal.since.value, by: terminal.answer.id };
  const suspensions = effects.filter((x) => x.effect === "suspends");
  // A suspension's `ended` is the first day it no longer applies ("stopped from 12:01 on 14 May").
  const isOver = (x: (typeof suspensions)[number]) => Boolean(x.answer.dates.ended && x.answer.dates.ended.start <= asOf);
  const suspension = suspensions.filter((x) => !isOver(x)).pop();
  if (suspension) return { state: "suspended", since: suspension.since.value, ...(suspension.answer.dates.ended ? { until: suspension.answer.dates.ended.value } : {}), by: suspension.answer.id };
  if (e.dates.ended && e.dates.ended.start <= asOf) return { state: "expired", since: e.dates.ended.value };
  // A suspension the event records itself, with no event of its own that says until when
  // (one that does, and has run out, decides: the measure's own `suspended` date is its start).
  if (!suspensions.length && e.dates.suspended && e.dates.suspended.start <= asOf) return { state: "suspended", since: e.dates.suspended.value };
  const binding = from(e);
  if (binding.start > asOf) return { state: "pending", since: binding.value };
  // In force again when the last suspension ran out, as the records stand: from its end, by it.
  const over = suspensions.filter(isOver).pop();
  if (over) return { state: "in-force", since: over.answer.dates.ended!.value, by: over.answer.id };
  return { state: "in-force", since: binding.value };
}
