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

test("one row per event in time order, a landmark row per year, each event in its side's lane", () => {
  const l = layoutTimeline(events([["a", "2023-06-30", "NL"], ["b", "2023-07-03", "CN", ["a"]], ["c", "2024", "INT"]]));
  assert.deepEqual(l.rows.map((r) => [r.type, r.row, r.type === "year" ? r.year : r.event!.id, r.lane ?? null]), [
    ["year", 1, "2023", null],
    ["event", 2, "a", "us"],
    ["event", 3, "b", "cn"],
    ["year", 4, "2024", null],
    ["event", 5, "c", "other"],
  ]);
});

test("every link becomes a connector whose segments run from the cause's row to the answer's, linking both ways", () => {
  const l = layoutTimeline(events([["a", "2022-10-07", "US"], ["x", "2023-01-01", "JP"], ["b", "2023-07-03", "CN", ["a"]]]));
  assert.equal(l.connectors.length, 1);
  const c = l.connectors[0]!;
  assert.deepEqual([c.from, c.to, c.rowStart, c.rowEnd, c.track], ["a", "b", 2, 5, 1]);
  assert.deepEqual(l.rows.map((r) => r.segments.map((s) => `${s.part}${s.href ?? ""}`)), [[], ["start#b"], ["mid"], ["mid"], ["end#a"]]);
});

test("overlapping connectors get separate tracks; short ones inside", () => {
  const l = layoutTimeline(events([
    ["a", "2020-01-01", "US"], ["b", "2020-02-01", "CN", ["a"]], ["c", "2020-03-01", "CN", ["a"]], ["d", "2020-03-02", "US", ["c"]],
  ]));
  const byPair = Object.fromEntries(l.connectors.map((c) => [`${c.from}>${c.to}`, c.track]));
  assert.equal(byPair["a>b"], 1);
  assert.equal(byPair["c>d"], 1, "does not overlap a>b, so it shares the inner track");
  assert.equal(byPair["a>c"], 2);
  assert.equal(l.tracks, 2);
});

test("the gutter never grows past MAX_TRACKS, however many links cross", () => {
  const spec: Array<[string, string, string, string[]?]> = [["root", "2020-01-01", "US"]];
  for (let i = 1; i <= 20; i++) spec.push([`e${i}`, `2020-02-${String(i).padStart(2, "0")}`, "CN", ["root"]]);
  const l = layoutTimeline(events(spec));
  assert.equal(l.connectors.length, 20);
  assert.equal(l.tracks, MAX_TRACKS);
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
