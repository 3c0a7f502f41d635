import { test } from "node:test";
import assert from "node:assert/strict";
import { eventStatus } from "../../src/timeline/status.ts";
import { parseEventDate } from "../../src/timeline/dates.ts";
import type { EventDate, EventLink, TimelineEvent } from "../../src/model/event.ts";

const d = (v: string) => parseEventDate(v) as EventDate;
type Dates = Partial<Record<keyof TimelineEvent["dates"], string>>;
const dates = (given: Dates) => Object.fromEntries(Object.entries(given).map(([k, v]) => [k, d(v!)])) as TimelineEvent["dates"];
const link = (id: string, effect?: EventLink["effect"]): EventLink => ({ id, basis: "stated", lagDays: 1, lagApprox: false, ...(effect ? { effect } : {}) });
const measure = (own: Dates, answeredBy: EventLink[] = [], kind: TimelineEvent["kind"] = "measure") => ({ kind, date: d(own.announced!), dates: dates(own), answeredBy });
const answer = (id: string, own: Dates) => [id, { id, date: d(own.announced!), dates: dates(own) }] as const;

test("a measure is pending before it binds and in force from then", () => {
  const m = measure({ announced: "2025-10-09", effective: "2025-12-01" });
  assert.deepEqual(eventStatus(m, new Map(), "2025-11-01"), { state: "pending", since: "2025-12-01" });
  assert.deepEqual(eventStatus(m, new Map(), "2025-12-01"), { state: "in-force", since: "2025-12-01" });
});

test("a suspension holds until its end, and the measure is in force again after it", () => {
  const answers = new Map([answer("s", { announced: "2025-11-07", effective: "2025-11-10", ended: "2026-11-10" })]);
  const m = measure({ announced: "2025-10-09" }, [link("s", "suspends")]);
  assert.deepEqual(eventStatus(m, answers, "2025-11-08"), { state: "in-force", since: "2025-10-09" }, "announced, not yet effective");
  assert.deepEqual(eventStatus(m, answers, "2026-01-01"), { state: "suspended", since: "2025-11-10", until: "2026-11-10", by: "s" });
  assert.deepEqual(eventStatus(m, answers, "2026-11-09"), { state: "suspended", since: "2025-11-10", until: "2026-11-10", by: "s" });
  assert.deepEqual(eventStatus(m, answers, "2026-11-10"), { state: "in-force", since: "2026-11-10", by: "s" }, "in force again from the day the suspension ends");
  // A measure that records its suspension's start itself is in force again all the same.
  const own = measure({ announced: "2025-10-09", effective: "2025-11-08", suspended: "2025-11-07" }, [link("s", "suspends")]);
  assert.deepEqual(eventStatus(own, answers, "2026-01-01"), { state: "suspended", since: "2025-11-10", until: "2026-11-10", by: "s" });
  assert.deepEqual(eventStatus(own, answers, "2026-12-06"), { state: "in-force", since: "2026-11-10", by: "s" });
  // With no suspending event, its own date is all there is: suspended, until nobody knows.
  assert.deepEqual(eventStatus(measure({ announced: "2025-10-09", suspended: "2025-11-07" }), new Map(), "2026-12-06"), { state: "suspended", since: "2025-11-07" });
});

test("a rescission or lifting ends it for good, whatever suspension came before", () => {
  const answers = new Map([answer("s", { announced: "2025-02-01" }), answer("r", { announced: "2025-05-13" })]);
  const m = measure({ announced: "2025-01-13" }, [link("s", "suspends"), link("r", "rescinds")]);
  assert.deepEqual(eventStatus(m, answers, "2025-03-01"), { state: "suspended", since: "2025-02-01", by: "s" });
  assert.deepEqual(eventStatus(m, answers, "2025-06-01"), { state: "rescinded", since: "2025-05-13", by: "r" });
});

test("an answer without an effect changes nothing; its own end date makes it expired", () => {
  const answers = new Map([answer("c", { announced: "2023-07-03" })]);
  assert.deepEqual(eventStatus(measure({ announced: "2022-10-07" }, [link("c")]), answers, "2024-01-01"), { state: "in-force", since: "2022-10-07" });
  assert.deepEqual(eventStatus(measure({ announced: "2010", ended: "2015-01" }), new Map(), "2024-01-01"), { state: "expired", since: "2015-01" });
});

test("rulings and statements have no status", () => {
  assert.equal(eventStatus(measure({ announced: "2014-03-26" }, [], "ruling"), new Map(), "2024-01-01"), undefined);
});
