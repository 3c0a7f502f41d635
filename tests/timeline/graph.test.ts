import { test } from "node:test";
import assert from "node:assert/strict";
import { buildGraph, type GraphNode } from "../../src/timeline/graph.ts";
import { parseEventDate, daysBetween, certainlyBefore } from "../../src/timeline/dates.ts";
import type { EventDate } from "../../src/model/event.ts";

const d = (v: string): EventDate => {
  const r = parseEventDate(v);
  if ("error" in r) throw new Error(r.error);
  return r;
};
const node = (id: string, date: string, respondsTo: GraphNode["respondsTo"] = [], file = `events/${id}.md`): GraphNode => ({
  id,
  file,
  line: 2,
  date: d(date),
  respondsTo,
});

test("event dates keep the precision the sources give", () => {
  assert.deepEqual(parseEventDate("2010"), { value: "2010", precision: "year", start: "2010-01-01" });
  assert.deepEqual(parseEventDate("2025-05"), { value: "2025-05", precision: "month", start: "2025-05-01" });
  assert.deepEqual(parseEventDate("2024-12-02"), { value: "2024-12-02", precision: "day", start: "2024-12-02" });
  for (const bad of ["2024-02-30", "2024-13", "12/02/2024", "soon", "2024-1-2"]) assert.ok("error" in parseEventDate(bad), bad);
  assert.equal(daysBetween(d("2024-12-02"), d("2024-12-03")), 1);
  assert.equal(daysBetween(d("2022-10-07"), d("2023-07-03")), 269);
  assert.equal(certainlyBefore(d("2024-12"), d("2024-12-03")), false, "a month may contain the day");
  assert.equal(certainlyBefore(d("2024-11"), d("2024-12-03")), true);
});

test("links are computed in both directions with lags in days", () => {
  const g = buildGraph([
    node("us-rule", "2024-12-02"),
    node("cn-ban", "2024-12-03", [{ id: "us-rule", basis: "analyst", by: "AI范儿" }]),
    node("cn-assoc", "2024-12-03", [{ id: "us-rule", basis: "stated" }]),
  ]);
  assert.deepEqual(g.diagnostics, []);
  assert.deepEqual(g.respondsTo.get("cn-ban"), [{ id: "us-rule", basis: "analyst", by: "AI范儿", lagDays: 1, lagApprox: false }]);
  assert.deepEqual(g.answeredBy.get("us-rule")!.map((l) => [l.id, l.lagDays, l.basis]), [
    ["cn-assoc", 1, "stated"],
    ["cn-ban", 1, "analyst"],
  ]);
  assert.equal(g.chain.get("cn-ban"), "us-rule");
  assert.equal(g.chain.get("cn-assoc"), "us-rule");
});

test("escalation chains are connected groups, named by their earliest event", () => {
  const g = buildGraph([
    node("a", "2022-10-07"),
    node("b", "2023-07-03", [{ id: "a", basis: "analyst", by: "x" }]),
    node("c", "2024-12-02", [{ id: "b", basis: "analyst", by: "x" }]),
    node("lonely", "2010"),
  ]);
  assert.deepEqual([...g.chain.entries()].sort(), [["a", "a"], ["b", "a"], ["c", "a"], ["lonely", "lonely"]]);
  assert.equal(g.respondsTo.get("c")![0]!.lagApprox, false);
});

test("a lag involving a month or a year is marked approximate", () => {
  const g = buildGraph([node("quota", "2010"), node("ruling", "2014-08-07", [{ id: "quota", basis: "stated" }])]);
  assert.equal(g.answeredBy.get("quota")![0]!.lagApprox, true);
});

test("unknown ids, answers dated before their cause, self-links, duplicates and cycles are errors naming file, line and field", () => {
  const g = buildGraph([
    node("a", "2024-12-02", [{ id: "missing", basis: "stated", line: 9 }]),
    node("b", "2024-12-01", [{ id: "a", basis: "stated", line: 7 }]),
    node("self", "2024-12-01", [{ id: "self", basis: "stated", line: 5 }]),
    node("a", "2024-12-05", [], "events/other-a.md"),
    node("x", "2024-12-05", [{ id: "y", basis: "stated", line: 4 }]),
    node("y", "2024-12-05", [{ id: "x", basis: "stated", line: 4 }]),
  ]);
  const got = g.diagnostics.map((e) => [e.file, e.line, e.field, e.message.slice(0, 40)]);
  assert.deepEqual(got, [
    ["events/other-a.md", 2, "id", 'event id "a" is already used by events/a'],
    ["events/a.md", 9, "responds_to.0.id", 'responds_to names "missing", but no even'],
    ["events/b.md", 7, "responds_to.0.id", '"b" (2024-12-01) is dated before "a" (20'],
    ["events/self.md", 5, "responds_to.0.id", 'event "self" responds to itself'],
    ["events/x.md", 2, "responds_to", "responds_to forms a cycle: x → y → x"],
  ]);
  assert.ok(g.diagnostics.every((e) => e.severity === "error"));
});
