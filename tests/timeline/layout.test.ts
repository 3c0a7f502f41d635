import { test } from "node:test";
import assert from "node:assert/strict";
import { layoutTimeline, MAX_TRACKS } from "../../src/timeline/layout.ts";
import { buildGraph } from "../../src/timeline/graph.ts";
import { parseEventDate } from "../../src/timeline/dates.ts";
import type { EventDate, TimelineEvent } from "../../src/model/event.ts";
import { sideOf } from "../../src/timeline/sides.ts";

const d = (v: string) => parseEventDate(v) as EventDate;

function events(spec: Array<[id: string, date: string, jurisdiction: string, respondsTo?: string[]]>): TimelineEvent[] {
  const g = buildGraph(spec.map(([id, date, , r = []]) => ({ id, file: id, date: d(date), respondsTo: r.map((x) => ({ id: x, basis: "stated" as const })) })));
  assert.deepEqual(g.diagnostics, []);
  return spec.map(([id, date, jurisdiction]) => ({
    id, url: `/events/${id}/`, file: id, title: { "zh-Hans": id, en: id }, dates: { announced: d(date) }, date: d(date),
    jurisdiction, side: sideOf(jurisdiction), authority: jurisdiction.toLowerCase(), coAuthorities: [], verified: true, kind: "measure", domain: ["chips"], items: [], targets: [],
    respondsTo: g.respondsTo.get(id) ?? [], answeredBy: g.answeredBy.get(id) ?? [], chain: g.chain.get(id)!, sources: [], articles: [], mentions: { actors: [], tags: [] }, html: "", text: "",
  }));
}

const shape = (l: ReturnType<typeof layoutTimeline>) =>
  l.rows.map((r) => (r.type === "events" ? `${r.gap}${r.month ? `@${r.month}` : ""} ${r.cells.map((c) => `${c.lane}:${c.event.id}`).join(" ")}` : r.type === "year" ? `year ${r.year}` : `break ${r.stretch!.from.value}-${r.stretch!.to.value}`));

test("time runs down: a row per week with one card per side, a heading per year, a break for an empty stretch", () => {
  const l = layoutTimeline(events([
    ["a", "2007", "CN"], ["b", "2018-06-15", "US"], ["c", "2018-06-16", "CN", ["b"]], ["d", "2018-06-17", "US"], ["e", "2018-07-13", "INT"], ["f", "2018-09", "CN"],
  ]));
  assert.deepEqual(shape(l), [
    "year 2007",
    "g1 cn:a",
    "break 2008-2017",
    "year 2018",
    // b and c in one week, side by side; d the same week, a second row of it.
    "g1@6 us:b cn:c",
    "g0 us:d",
    "g2@7 other:e",
    "g3@9 cn:f",
  ]);
});

test("a week across New Year is cut at the year's heading", () => {
  const l = layoutTimeline(events([["a", "2024-12-30", "US"], ["b", "2025-01-02", "CN"]]));
  assert.deepEqual(shape(l), ["year 2024", "g1@12 us:a", "year 2025", "g0@1 cn:b"]);
});

test("a connector runs in the gutter beside the columns it joins, from the cause's row to the answer's, linking both ways", () => {
  const l = layoutTimeline(events([["a", "2022-10-07", "US"], ["x", "2023-01-01", "JP"], ["b", "2023-07-03", "CN", ["a"]]]));
  assert.equal(l.connectors.length, 1);
  const c = l.connectors[0]!;
  assert.deepEqual([c.from, c.to, c.rowStart, c.rowEnd, c.gutter, c.track, c.kind], ["a", "b", 2, 6, 2, 1, "answer"]);
  assert.deepEqual(l.rows.map((r) => r.segments.map((s) => `${s.part}${s.tick ?? ""}${s.head ? "^" : ""}${s.href ?? ""}`)), [[], ["startl#b"], ["mid"], ["mid"], ["mid"], ["endr^#a"]]);
  const b = l.rows[5]!.cells[0]!;
  assert.deepEqual(b.arrivals, [{ connectors: [0], kind: "answer", basis: "stated", lag: { key: "lagDaysLater", n: 269 }, edge: "left" }]);
  assert.deepEqual([b.connectors, b.neighbours, l.rows[1]!.cells[0]!.neighbours], [[0], ["a"], ["b"]]);
});

test("side by side in one row, a connector is one line across the gutter, its arrow at the answer", () => {
  const l = layoutTimeline(events([["a", "2024-12-03", "CN"], ["b", "2024-12-04", "US", ["a"]]]));
  const seg = l.rows[1]!.segments;
  assert.deepEqual(seg.map((s) => [s.part, s.gutter, s.tick, s.arrow, s.href]), [["both", 2, "l", "l", "#b"]]);
  assert.equal(l.rows[1]!.cells.find((c) => c.event.id === "b")!.arrivals[0]!.edge, "right");
});

test("in a week, an answer never sits above what it answers; a month-only answer sorted before its cause is drawn from the cause up", () => {
  // d (China) answers c (US) of the same week, but c is the US's second event that week.
  const week = layoutTimeline(events([["a", "2024-12-02", "US"], ["b", "2024-12-02", "CN"], ["c", "2024-12-03", "US"], ["d", "2024-12-04", "CN", ["c"]]]));
  assert.deepEqual(shape(week), ["year 2024", "g1@12 us:a cn:b", "g0 us:c cn:d"]);
  const l = layoutTimeline(events([["a", "2024-11", "US", ["b"]], ["b", "2024-11-20", "CN"]]));
  const c = l.connectors[0]!;
  assert.ok(c.rowStart > c.rowEnd, "the answer's row is above");
  assert.deepEqual(l.rows.map((r) => r.segments.map((s) => `${s.part}${s.tick ?? ""}${s.head ? "^" : ""}${s.href ?? ""}`)), [[], ["startl^#b"], ["endr#a"]]);
});

test("two connectors arriving with the same lag, kind and basis say it once", () => {
  const l = layoutTimeline(events([["a", "2024-12-02", "US"], ["b", "2024-12-02", "US"], ["c", "2024-12-03", "CN", ["a", "b"]], ["d", "2024-12-03", "CN"], ["e", "2024-12-04", "CN", ["d"]]]));
  const c = l.rows.flatMap((r) => r.cells).find((x) => x.event.id === "c")!;
  assert.equal(c.arrivals.length, 1);
  assert.equal(c.arrivals[0]!.connectors.length, 2);
  assert.deepEqual(c.arrivals[0]!.lag, { key: "lagDayLater", n: 1 });
});

test("US and allies to others crosses China's column; within one side it runs in that side's gutter", () => {
  const l = layoutTimeline(events([["a", "2020-01-06", "US"], ["b", "2020-03-02", "INT", ["a"]], ["c", "2020-05-04", "US", ["a"]]]));
  const byPair = Object.fromEntries(l.connectors.map((c) => [`${c.from}>${c.to}`, c.gutter]));
  assert.deepEqual(byPair, { "a>b": 3, "a>c": 1 });
  const start = l.rows[1]!.segments.find((s) => s.gutter === 3)!;
  assert.deepEqual([start.part, start.tick, start.far], ["start", "l", true]);
  assert.deepEqual(l.rows[1]!.segments.find((s) => s.gutter === 1)!.tick, "r");
});

test("connectors are told apart by what the answer does and by who says it answers", () => {
  const base = events([["m", "2020-01-06", "US"], ["s", "2020-02-03", "US", ["m"]], ["l", "2020-03-02", "US", ["m"]], ["r", "2020-04-06", "CN", ["m"]]]);
  const set = (id: string, effect: "suspends" | "lifts" | undefined, basis: "stated" | "analyst") => {
    const link = base.find((e) => e.id === id)!.respondsTo[0]!;
    Object.assign(link, { basis }, effect ? { effect } : {});
  };
  set("s", "suspends", "stated");
  set("l", "lifts", "stated");
  set("r", undefined, "analyst");
  const kinds = Object.fromEntries(layoutTimeline(base).connectors.map((c) => [c.to, `${c.kind}/${c.basis}`]));
  assert.deepEqual(kinds, { s: "suspends/stated", l: "ends/stated", r: "answer/analyst" });
});

test("overlapping connectors in one gutter get separate tracks; short ones inside", () => {
  const l = layoutTimeline(events([
    ["a", "2020-01-01", "US"], ["b", "2020-02-01", "CN", ["a"]], ["c", "2020-03-01", "CN", ["a"]], ["d", "2020-03-20", "US", ["c"]],
  ]));
  const byPair = Object.fromEntries(l.connectors.map((c) => [`${c.from}>${c.to}`, c.track]));
  assert.equal(byPair["a>b"], 1);
  assert.equal(byPair["c>d"], 1, "does not overlap a>b, so it shares the inner track");
  assert.equal(byPair["a>c"], 2);
  assert.deepEqual(l.gutters, [0, 2, 0]);
});

test("a gutter never grows past MAX_TRACKS, however many links cross", () => {
  const spec: Array<[string, string, string, string[]?]> = [["root", "2020-01-01", "US"]];
  for (let i = 1; i <= 20; i++) spec.push([`e${i}`, `2020-${String(2 + Math.floor(i / 4)).padStart(2, "0")}-${String(i).padStart(2, "0")}`, "CN", ["root"]]);
  const l = layoutTimeline(events(spec));
  assert.equal(l.connectors.length, 20);
  assert.equal(l.gutters[1], MAX_TRACKS);
  assert.ok(l.connectors.every((c) => c.track >= 1 && c.track <= MAX_TRACKS));
});

test("a timeline of up to TIMELINE_PAGE_EVENTS events is one page; a longer one a page per year, links crossing pages", async () => {
  const { timelinePageOf, timelinePages, TIMELINE_PAGE_EVENTS } = await import("../../src/site/timeline-pages.ts");
  const small = events([["a", "2023-06-30", "NL"], ["b", "2024-07-03", "CN", ["a"]]]);
  assert.equal(timelinePageOf(small)(small[1]!), "/timeline/");
  // Enough events in 2022–2024 to page; one link within 2024, one from 2024 back to 2022.
  const spec: Array<[string, string, string, string[]?]> = [];
  for (let i = 0; i < TIMELINE_PAGE_EVENTS + 30; i++) spec.push([`e${i}`, `${2022 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? "CN" : "US"]);
  spec.push(["cause", "2022-01-01", "US"], ["answer", "2024-12-30", "CN", ["cause"]], ["same-year", "2024-12-31", "CN", ["answer"]]);
  const many = events(spec);
  const pageOf = timelinePageOf(many);
  assert.equal(pageOf(many.find((e) => e.id === "answer")!), "/timeline/");
  assert.equal(pageOf(many.find((e) => e.id === "cause")!), "/timeline/2022/");
  const views = many.map((e) => ({ ...e, label: e.id })) as unknown as Parameters<typeof timelinePages>[0];
  const { pages, yearNav } = timelinePages(views, pageOf);
  assert.deepEqual(pages.map((p) => p.url), ["/timeline/", "/timeline/2023/", "/timeline/2022/"]);
  assert.deepEqual(yearNav.map((y) => y.year), ["2024", "2023", "2022"]);
  assert.equal(pages.reduce((n, p) => n + p.events, 0), many.length);
  assert.ok(pages.every((p) => p.events < TIMELINE_PAGE_EVENTS));
  // Connectors only within a page: answer → same-year is drawn, cause → answer is not.
  const newest = pages[0]!;
  assert.deepEqual(newest.connectors.map((c) => [c.from, c.to]), [["answer", "same-year"]]);
});
