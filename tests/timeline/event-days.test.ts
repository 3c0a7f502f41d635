// The days a report of a measure may give (src/timeline/dates.ts eventDays).
import { test } from "node:test";
import assert from "node:assert/strict";
import { eventDays, parseEventDate } from "../../src/timeline/dates.ts";
import type { EventDate } from "../../src/model/event.ts";

const d = (v: string) => parseEventDate(v) as EventDate;

test("an event's days: announced, then published and in force when they are days of their own", () => {
  assert.deepEqual(eventDays({ date: d("2025-04-17"), dates: { announced: d("2025-04-17"), published: d("2025-04-23"), effective: d("2025-10-14") } }), ["2025-04-17", "2025-04-23", "2025-10-14"]);
  assert.deepEqual(eventDays({ date: d("2025-10-09"), dates: { announced: d("2025-10-09"), published: d("2025-10-09"), effective: d("2025-10-09") } }), ["2025-10-09"], "one day once");
  assert.deepEqual(eventDays({ date: d("2010-09"), dates: { announced: d("2010-09"), effective: d("2010-10") } }), ["2010-09-01"], "a month announced stands for its first day; a month in force is no day");
});
