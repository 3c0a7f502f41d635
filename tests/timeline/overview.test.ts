// The overview chart (src/timeline/overview.ts): counts per quarter and side, years as links,
// long empty stretches compressed, one scale for every side.
import { test } from "node:test";
import assert from "node:assert/strict";
import { overviewChart, type OverviewBar, type OverviewChart } from "../../src/timeline/overview.ts";
import { parseEventDate } from "../../src/timeline/dates.ts";
import type { EventDate } from "../../src/model/event.ts";
import type { Side } from "../../src/timeline/sides.ts";

const ev = (value: string, side: Side) => ({ date: parseEventDate(value) as EventDate, side });
const bars = (c: OverviewChart): OverviewBar[] => c.years.flatMap((y) => y.bars);
const bar = (c: OverviewChart, year: string, quarter: number, side: Side) => bars(c).find((b) => b.year === year && b.quarter === quarter && b.side === side);

test("events are counted per quarter and side: a quarter starts on its first day", () => {
  const c = overviewChart([ev("2024-01-01", "us"), ev("2024-03-31", "us"), ev("2024-04-01", "us"), ev("2024-12-31", "cn"), ev("2024-07", "cn"), ev("2024-10-15", "other")]);
  assert.equal(bar(c, "2024", 1, "us")?.count, 2);
  assert.equal(bar(c, "2024", 2, "us")?.count, 1);
  assert.equal(bar(c, "2024", 3, "cn")?.count, 1, "a month lies in one quarter");
  assert.equal(bar(c, "2024", 4, "cn")?.count, 1);
  assert.equal(bar(c, "2024", 4, "other")?.count, 1);
  assert.equal(bar(c, "2024", 3, "us"), undefined, "no bar for an empty quarter");
  assert.deepEqual(c.years.map((y) => [y.year, y.counts, y.total]), [["2024", { us: 3, cn: 2, other: 1 }, 6]]);
  assert.deepEqual(c.totals, { us: 3, cn: 2, other: 1, all: 6 });
  assert.equal(c.max, 2);
});

test("an event dated only by its year is a block across its year, under the quarters", () => {
  const c = overviewChart([ev("2010", "cn"), ev("2010-05-02", "cn")]);
  const whole = bar(c, "2010", 0, "cn")!;
  const q2 = bar(c, "2010", 2, "cn")!;
  assert.equal(whole.count, 1);
  assert.ok(whole.width > 3 * q2.width, "it spans the four quarters");
  assert.ok(q2.y >= whole.y + whole.height, "China's lane grows downwards: the quarter's bar starts below the year's block");
});

test("US and allies rise above the axis, China hangs below it, others have a lane of their own; one scale for all", () => {
  const c = overviewChart([ev("2020-02-01", "us"), ev("2020-02-02", "us"), ev("2020-02-03", "us"), ev("2020-02-04", "us"), ev("2020-02-05", "cn"), ev("2020-02-06", "cn"), ev("2020-08-01", "other")]);
  const [us, cn, other] = c.lanes;
  assert.deepEqual([us!.side, cn!.side, other!.side], ["us", "cn", "other"]);
  const u = bar(c, "2020", 1, "us")!;
  const k = bar(c, "2020", 1, "cn")!;
  const o = bar(c, "2020", 3, "other")!;
  assert.equal(u.y + u.height, us!.base, "the US bar ends on the axis");
  assert.equal(k.y, cn!.base, "China's starts on it");
  assert.equal(o.y + o.height, other!.base);
  assert.ok(other!.edge > cn!.edge, "the others' lane is below China's");
  assert.equal(u.height, 2 * k.height, "4 events are twice as high as 2");
  assert.ok(o.height >= 2 && Math.abs(o.height - k.height / 2) < 0.2, "1 event is half of 2, on the same scale");
  assert.ok(c.labelY > other!.base && c.height > c.labelY);
});

test("two or more empty years are compressed into one break; a single empty year stays, without a link", () => {
  const hrefs: string[] = [];
  const c = overviewChart([ev("2006", "cn"), ev("2010-03-01", "cn"), ev("2012-06-01", "us")], {
    yearHref: (y) => {
      hrefs.push(y);
      return `/timeline/#year-${y}`;
    },
  });
  assert.deepEqual(c.years.map((y) => y.year), ["2006", "2010", "2011", "2012"]);
  assert.deepEqual(c.breaks.map((b) => [b.from, b.to]), [["2007", "2009"]]);
  const [y2006, y2010, y2011] = c.years;
  assert.ok(c.breaks[0]!.x >= y2006!.x + y2006!.width && c.breaks[0]!.x + c.breaks[0]!.width <= y2010!.x, "the break sits between 2006 and 2010");
  assert.ok(c.breaks[0]!.width < y2010!.width, "narrower than a year");
  assert.match(c.breaks[0]!.path, /^M[\d. ]+( L[\d. ]+)+$/);
  assert.equal(y2011!.href, undefined, "the timeline has no 2011 to go to");
  assert.equal(y2011!.bars.length, 0);
  assert.deepEqual(hrefs, ["2006", "2010", "2012"], "only years with events are asked for their place");
  assert.equal(y2010!.href, "/timeline/#year-2010");
  // The years fill the width, in order, without overlapping.
  const edges = [...c.years, ...c.breaks].map((s) => [s.x, s.x + s.width]).sort((a, b) => a[0]! - b[0]!);
  for (let i = 1; i < edges.length; i++) assert.ok(edges[i]![0]! >= edges[i - 1]![1]! - 0.11);
  assert.ok(edges[0]![0]! >= 0 && edges.at(-1)![1]! <= c.width);
});

test("the rows of the table: years with events, the newest first, with their links", () => {
  const c = overviewChart([ev("2019-01-05", "us"), ev("2021-01-05", "cn"), ev("2021-02-05", "cn")], { yearHref: (y) => `/timeline/${y}/#year-${y}` });
  assert.deepEqual(c.rows, [
    { year: "2021", href: "/timeline/2021/#year-2021", counts: { us: 0, cn: 2, other: 0 }, total: 2 },
    { year: "2019", href: "/timeline/2019/#year-2019", counts: { us: 1, cn: 0, other: 0 }, total: 1 },
  ]);
  assert.deepEqual([c.first, c.last], ["2019", "2021"]);
});

test("no events: an empty chart, nothing to draw", () => {
  const c = overviewChart([]);
  assert.deepEqual([c.years, c.breaks, c.rows, c.totals.all], [[], [], [], 0]);
});

test("2,000 events over 20 years: 80 quarters at most, labels thinned only where they would collide", () => {
  const events = Array.from({ length: 2000 }, (_, i) => {
    const day = new Date(Date.UTC(2006, 0, 1) + (i * 20 * 365.25 * 86_400_000) / 2000);
    return ev(day.toISOString().slice(0, 10), (["us", "cn", "other"] as const)[i % 3]!);
  });
  const started = performance.now();
  const c = overviewChart(events);
  const ms = performance.now() - started;
  assert.equal(c.totals.all, 2000);
  assert.equal(c.years.length, 20);
  assert.equal(c.breaks.length, 0);
  assert.ok(bars(c).every((b) => b.quarter >= 1 && b.quarter <= 4));
  assert.ok(bars(c).length <= 20 * 4 * 3);
  assert.equal(bars(c).reduce((n, b) => n + b.count, 0), 2000);
  assert.ok(c.years.every((y) => !y.hideLabelWide), "20 years have room for every label on a wide screen");
  assert.ok(c.years.at(-1)!.hideLabelNarrow === false, "the newest year keeps its label");
  assert.equal(c.years.at(-1)!.shortLabel, `’${c.years.at(-1)!.year.slice(2)}`, "a phone shows the year's last two digits");
  const sixteen = overviewChart(Array.from({ length: 16 }, (_, i) => ev(`${2011 + i}-06-01`, "us")));
  assert.ok(sixteen.years.every((y) => !y.hideLabelNarrow), "16 years: every year labelled on a phone");
  const many = overviewChart(Array.from({ length: 60 }, (_, i) => ev(`${1960 + i}-06-01`, "us")));
  assert.ok(many.years.some((y) => y.hideLabelWide) && many.years.some((y) => !y.hideLabelWide), "60 years: every other label or so");
  assert.ok(ms < 200, `${ms.toFixed(1)} ms`);
});
