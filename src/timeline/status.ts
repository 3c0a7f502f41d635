// Whether a measure is in force on a given day: from its own dates and from the relaxations
// that answer it with an effect (suspends, lifts, rescinds, replaces; model/event.ts). A
// suspension with an end date is over after it, and the measure is in force again.
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
  const suspension = effects.filter((x) => x.effect === "suspends" && !(x.answer.dates.ended && x.answer.dates.ended.start <= asOf)).pop();
  if (suspension) return { state: "suspended", since: suspension.since.value, ...(suspension.answer.dates.ended ? { until: suspension.answer.dates.ended.value } : {}), by: suspension.answer.id };
  if (e.dates.ended && e.dates.ended.start <= asOf) return { state: "expired", since: e.dates.ended.value };
  // A suspension the event records itself, with no event of its own that says until when.
  if (e.dates.suspended && e.dates.suspended.start <= asOf) return { state: "suspended", since: e.dates.suspended.value };
  const binding = from(e);
  if (binding.start > asOf) return { state: "pending", since: binding.value };
  return { state: "in-force", since: binding.value };
}
