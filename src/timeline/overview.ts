// The overview chart over the timeline: how many events each side announced per quarter, drawn
// at build time as SVG geometry (no script, no inline style: colours come from classes). US and
// allies rise above the axis, China hangs below it, others have a thin lane of their own on the
// same scale. Each year is a band that leads to that year on the timeline. A run of two or more
// empty years is compressed into a narrow break, as the timeline compresses it, so that 2010 and
// 2014 do not leave most of the width blank. Quarters, not months: 80 bars for 20 years stay
// readable at 375 px, and at 2,000 events a quarter still holds enough to compare.
import { scaleBand, scaleLinear } from "d3-scale";
import { utcMonth, utcYear } from "d3-time";
import type { EventDate } from "../model/event.ts";
import { SIDES, type Side } from "./sides.ts";

export type SideCounts = Record<Side, number>;

export interface OverviewBar {
  side: Side;
  year: string;
  /** 1–4; 0 for the events dated only by their year, drawn across the whole year at the base. */
  quarter: number;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OverviewYear {
  year: string;
  x: number;
  width: number;
  /** Where its label is centred. */
  labelX: number;
  /** The label on a phone: the year's last two digits ("’19"). */
  shortLabel: string;
  counts: SideCounts;
  total: number;
  /** Its place on the timeline; none for a year without events (the timeline has no such year). */
  href?: string;
  /** Label hidden on a narrow screen / on a wide one, when years are too many for every label. */
  hideLabelNarrow: boolean;
  hideLabelWide: boolean;
  /** Its bars, drawn inside its link: a bar leads to its year too. */
  bars: OverviewBar[];
}

/** A line of the table of counts: a year with events. */
export interface OverviewRow {
  year: string;
  href?: string;
  counts: SideCounts;
  total: number;
}

/** Empty years compressed into one narrow band. */
export interface OverviewBreak {
  from: string;
  to: string;
  x: number;
  width: number;
  /** A zigzag across the axis, as an SVG path. */
  path: string;
}

export interface OverviewLane {
  side: Side;
  /** The baseline bars grow from, and the lane's far edge. */
  base: number;
  edge: number;
}

export interface OverviewChart {
  width: number;
  height: number;
  years: OverviewYear[];
  breaks: OverviewBreak[];
  /** The years with events, the newest first: the chart in numbers. */
  rows: OverviewRow[];
  lanes: OverviewLane[];
  /** Baseline of the year labels. */
  labelY: number;
  /** The largest count of one side in one quarter: what a full lane means. */
  max: number;
  totals: SideCounts & { all: number };
  first?: string;
  last?: string;
}

export interface OverviewOptions {
  /** Where a year with events is on the timeline (timelinePageOf decides the page). */
  yearHref?: (year: string) => string | undefined;
}

// Geometry, in the viewBox's units; the page scales it to its width.
const WIDTH = 960;
const PAD_X = 4;
const TOP = 6;
const LANE = 110;
const LANE_GAP = 8;
const LABEL_ROW = 36;
/** A year-wide slot's weight; a break between years takes this much of one. */
const BREAK_WEIGHT = 0.5;
/** A bar of one event is at least this high, so that it shows. */
const MIN_BAR = 2;
/**
 * Room a label needs, in units: "2018" is about 35 wide at 16 (a wide screen) and 49 at 22 (a
 * narrow column); a phone shows "’18", about 40 wide at 28.
 */
const LABEL_ROOM_WIDE = 40;
const LABEL_ROOM_NARROW = 54;
const QUARTER = utcMonth.every(3)!;

const zero = (): SideCounts => ({ us: 0, cn: 0, other: 0 });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const yearOf = (d: Date) => String(d.getUTCFullYear());

type Slot = { type: "year"; year: string } | { type: "break"; from: string; to: string };

/** Pure: the chart for these events (any order). */
export function overviewChart(events: ReadonlyArray<{ date: EventDate; side: Side }>, opts: OverviewOptions = {}): OverviewChart {
  // Counts per year and side, and per quarter (index 1–4, 0 for a year-only date).
  const perYear = new Map<string, SideCounts>();
  const perQuarter = new Map<string, SideCounts>();
  let firstDay: Date | undefined;
  let lastDay: Date | undefined;
  for (const e of events) {
    const day = asDate(e.date.start);
    if (!firstDay || day < firstDay) firstDay = day;
    if (!lastDay || day > lastDay) lastDay = day;
    const year = yearOf(day);
    const q = e.date.precision === "year" ? 0 : QUARTER.floor(day).getUTCMonth() / 3 + 1;
    (perYear.get(year) ?? perYear.set(year, zero()).get(year)!)[e.side]++;
    (perQuarter.get(`${year}/${q}`) ?? perQuarter.set(`${year}/${q}`, zero()).get(`${year}/${q}`)!)[e.side]++;
  }
  const totals = { ...zero(), all: events.length };
  for (const c of perYear.values()) for (const s of SIDES) totals[s] += c[s];
  if (!firstDay || !lastDay) return { width: WIDTH, height: TOP + LABEL_ROW, years: [], breaks: [], rows: [], lanes: [], labelY: TOP + LABEL_ROW - 10, max: 0, totals };

  // Every year from the first to the last; runs of two or more empty years become one break.
  const allYears = utcYear.range(utcYear.floor(firstDay), utcYear.offset(utcYear.floor(lastDay), 1)).map(yearOf);
  const slots: Slot[] = [];
  for (let i = 0; i < allYears.length; ) {
    let j = i;
    while (j < allYears.length && !perYear.has(allYears[j]!)) j++;
    if (j - i >= 2) slots.push({ type: "break", from: allYears[i]!, to: allYears[j - 1]! });
    else for (let k = i; k < j; k++) slots.push({ type: "year", year: allYears[k]! });
    if (j < allYears.length) slots.push({ type: "year", year: allYears[j]! });
    i = j + 1;
  }
  const weights = slots.map((s) => (s.type === "year" ? 1 : BREAK_WEIGHT));
  const x = scaleLinear().domain([0, weights.reduce((a, b) => a + b, 0)]).range([PAD_X, WIDTH - PAD_X]);

  // One scale for every lane: a bar's height means the same number of events on each side.
  let max = 0;
  for (const c of perQuarter.values()) for (const s of SIDES) max = Math.max(max, c[s]);
  let maxOther = 0;
  for (const c of perQuarter.values()) maxOther = Math.max(maxOther, c.other);
  const height = scaleLinear().domain([0, max]).range([0, LANE]);
  const barHeight = (n: number) => (n > 0 ? Math.max(MIN_BAR, round(height(n))) : 0);
  const axis = TOP + LANE;
  const lanes: OverviewLane[] = [
    { side: "us", base: axis, edge: TOP },
    { side: "cn", base: axis, edge: axis + LANE },
  ];
  let bottom = axis + LANE;
  if (maxOther > 0) {
    const otherLane = Math.max(barHeight(maxOther), 12);
    lanes.push({ side: "other", base: bottom + LANE_GAP + otherLane, edge: bottom + LANE_GAP });
    bottom += LANE_GAP + otherLane;
  }
  const labelY = bottom + LABEL_ROW - 8;

  const years: OverviewYear[] = [];
  const breaks: OverviewBreak[] = [];
  const yearSlots = slots.filter((s) => s.type === "year").length;
  let at = 0;
  slots.forEach((slot, i) => {
    const x0 = round(x(at));
    const x1 = round(x(at + weights[i]!));
    at += weights[i]!;
    if (slot.type === "break") {
      breaks.push({ ...slot, x: x0, width: round(x1 - x0), path: zigzag((x0 + x1) / 2, axis) });
      return;
    }
    const counts = perYear.get(slot.year) ?? zero();
    const total = counts.us + counts.cn + counts.other;
    const href = total ? opts.yearHref?.(slot.year) : undefined;
    const bandWidth = x1 - x0;
    const everyWide = Math.ceil(LABEL_ROOM_WIDE / bandWidth);
    const everyNarrow = Math.ceil(LABEL_ROOM_NARROW / bandWidth);
    const nth = years.length;
    const bars: OverviewBar[] = [];
    years.push({
      year: slot.year,
      x: x0,
      width: round(bandWidth),
      labelX: round((x0 + x1) / 2),
      shortLabel: `’${slot.year.slice(-2)}`,
      counts,
      total,
      ...(href ? { href } : {}),
      // The last year keeps its label: it is the one readers look for.
      hideLabelNarrow: (yearSlots - 1 - nth) % everyNarrow !== 0,
      hideLabelWide: (yearSlots - 1 - nth) % everyWide !== 0,
      bars,
    });
    const quarters = scaleBand<number>().domain([1, 2, 3, 4]).range([x0, x1]).paddingInner(0.2).paddingOuter(0.15);
    for (const lane of lanes) {
      const s = lane.side;
      const up = lane.base < lane.edge ? 1 : -1; // 1: China's lane, below the axis
      // Year-only dates: a block across the year, under that year's quarters.
      const whole = perQuarter.get(`${slot.year}/0`)?.[s] ?? 0;
      const wholeH = barHeight(whole);
      if (whole) {
        const x = quarters(1)!;
        bars.push({ side: s, year: slot.year, quarter: 0, count: whole, x: round(x), width: round(quarters(4)! + quarters.bandwidth() - x), ...span(lane.base, up, 0, wholeH) });
      }
      for (const q of [1, 2, 3, 4]) {
        const n = perQuarter.get(`${slot.year}/${q}`)?.[s] ?? 0;
        if (!n) continue;
        bars.push({ side: s, year: slot.year, quarter: q, count: n, x: round(quarters(q)!), width: round(quarters.bandwidth()), ...span(lane.base, up, wholeH, barHeight(n)) });
      }
    }
  });

  const rows = years.filter((y) => y.total > 0).map(({ year, href, counts, total }) => ({ year, ...(href ? { href } : {}), counts, total })).reverse();
  return { width: WIDTH, height: bottom + LABEL_ROW, years, breaks, rows, lanes, labelY, max, totals, first: yearOf(firstDay), last: yearOf(lastDay) };
}

/** A bar's y and height: `h` from `offset` past the baseline, upwards (up = -1) or downwards. */
function span(base: number, up: number, offset: number, h: number): { y: number; height: number } {
  return up < 0 ? { y: round(base - offset - h), height: h } : { y: round(base + offset), height: h };
}

/** The break mark: a short zigzag across the axis. */
function zigzag(cx: number, axis: number): string {
  const p = (dx: number, dy: number) => `${round(cx + dx)} ${round(axis + dy)}`;
  return `M${p(-4, -14)} L${p(4, -7)} L${p(-4, 0)} L${p(4, 7)} L${p(-4, 14)}`;
}

const round = (n: number) => Math.round(n * 10) / 10;
