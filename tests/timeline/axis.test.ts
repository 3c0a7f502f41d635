import { test } from "node:test";
import assert from "node:assert/strict";
import { dayOf, emptyStretch, gapBetween, monthMark, weekOf } from "../../src/timeline/axis.ts";
import { parseEventDate } from "../../src/timeline/dates.ts";
import type { EventDate } from "../../src/model/event.ts";

const d = (v: string) => parseEventDate(v) as EventDate;
const iso = (x: Date) => x.toISOString().slice(0, 10);

test("a date is placed at the start of its period; its week is the Monday before", () => {
  assert.equal(iso(dayOf(d("2010"))), "2010-01-01");
  assert.equal(iso(dayOf(d("2024-05"))), "2024-05-01");
  assert.equal(iso(weekOf(d("2024-12-03"))), "2024-12-02");
  assert.equal(iso(weekOf(d("2024-12-08"))), "2024-12-02", "a Sunday belongs to the week before");
  assert.equal(iso(weekOf(d("2024-12-09"))), "2024-12-09");
});

test("the room between two rows grows with the time between their weeks; half a year is a break", () => {
  const w = (v: string) => weekOf(d(v));
  assert.equal(gapBetween(w("2024-12-02"), w("2024-12-04")), "g0");
  assert.equal(gapBetween(w("2024-12-02"), w("2024-12-09")), "g1");
  assert.equal(gapBetween(w("2024-12-02"), w("2024-12-27")), "g2");
  assert.equal(gapBetween(w("2024-12-02"), w("2025-02-10")), "g3");
  assert.equal(gapBetween(w("2024-12-02"), w("2025-04-20")), "g4");
  assert.equal(gapBetween(w("2024-12-02"), w("2025-06-10")), "break");
});

test("an empty stretch says its whole empty years, or its whole empty months when no year is empty", () => {
  assert.deepEqual(emptyStretch(d("2007"), d("2018-04-04")), { from: { value: "2008", precision: "year" }, to: { value: "2017", precision: "year" }, years: ["2008", "2009", "2010", "2011", "2012", "2013", "2014", "2015", "2016", "2017"] });
  // A year-only date covers its whole year: nothing after it in that year is said to be empty.
  assert.deepEqual(emptyStretch(d("2010"), d("2014-03-26"))?.years, ["2011", "2012", "2013"]);
  assert.deepEqual(emptyStretch(d("2014-03-26"), d("2014-12")), { from: { value: "2014-04", precision: "month" }, to: { value: "2014-11", precision: "month" }, years: [] });
  assert.equal(emptyStretch(d("2014-03-26"), d("2014-04-30")), undefined);
});

test("month marks for days and months, none for a year alone", () => {
  assert.equal(monthMark(d("2024-12-03")), "12");
  assert.equal(monthMark(d("2024-05")), "5");
  assert.equal(monthMark(d("2024")), undefined);
});
