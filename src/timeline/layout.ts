// Lays the timeline out as a grid that needs no script. Time runs down: the events of one week
// share a row, each in the column of its side (US and allies | China | others), a second event
// of the same side and week opening another row of that week; the room between rows grows with
// the time between them, and a long empty stretch is a break that says so (axis.ts). Every
// measure → answer link is a connector in a gutter beside the columns it joins, on a track of
// its own, cut into one segment per row it crosses, so that a template can place it with
// classes alone. Computed here, once; the template only places it.
import type { TimelineEvent } from "../model/event.ts";
import { emptyStretch, gapBetween, monthMark, weekOf, type EmptyStretch, type Gap } from "./axis.ts";
import { lagPhrase, type LagPhrase } from "./lag.ts";
import { SIDES, type Side } from "./sides.ts";

/** How a connector is drawn: an answer, a suspension, or an end (lifts, rescinds, replaces). */
export type ConnectorKind = "answer" | "suspends" | "ends";

/** The gutter left of each side's column: 1 before US and allies, 2 before China, 3 before others. */
export type Gutter = 1 | 2 | 3;

export interface Segment {
  gutter: Gutter;
  /** 1-based track within the gutter, counted from the column on its right. */
  track: number;
  /**
   * start: the upper card's row (the cause's, but for a month-only answer sorted before it),
   * end: the lower card's, mid: a row the connector passes, both: the two cards side by side in
   * one row (a line across the gutter, no track).
   */
  part: "start" | "mid" | "end" | "both";
  /** Which way the line leaves the gutter for its card: r to the column right of it, l to one left of it. */
  tick?: "l" | "r";
  /** The card's column is two columns left of the gutter: the tick crosses the middle column. */
  far?: boolean;
  /** On a `both` line: the side the answer is on. */
  arrow?: "l" | "r";
  /** The answer's end, where the arrow is. */
  head?: boolean;
  /** Index into `connectors`. */
  connector: number;
  kind: ConnectorKind;
  basis: "stated" | "analyst";
  /** Where the segment leads when followed: the other end of the connector. */
  href?: string;
}

/** Connectors ending at a card, said once per lag, kind and basis: what the card says where they arrive. */
export interface Arrival {
  connectors: number[];
  kind: ConnectorKind;
  basis: "stated" | "analyst";
  /** The time since the cause, as the answer's side says it ("1 天后", "about 4 years later"). */
  lag: LagPhrase;
  /** The card's edge it arrives at. */
  edge: "left" | "right";
}

export interface TimelineCell<E extends TimelineEvent = TimelineEvent> {
  lane: Side;
  event: E;
  arrivals: Arrival[];
  /** Every connector that starts or ends here, for highlighting the pair. */
  connectors: number[];
  /** The events it answers or is answered by on this page, for filters that keep context. */
  neighbours: string[];
}

export interface TimelineRow<E extends TimelineEvent = TimelineEvent> {
  /** year: a year's heading; break: an empty stretch; events: up to one card per side. */
  type: "year" | "break" | "events";
  /** 1-based row. */
  row: number;
  year: string;
  /** The room before it (events rows only). */
  gap: Gap;
  /** "1" to "12" on the first row of a month: the axis's month mark. */
  month?: string;
  cells: Array<TimelineCell<E>>;
  /** The pieces of connectors drawn in this row. */
  segments: Segment[];
  stretch?: EmptyStretch;
}

export interface Connector {
  from: string;
  to: string;
  /** Rows of the earlier event (cause) and the later one (answer). */
  rowStart: number;
  rowEnd: number;
  gutter: Gutter;
  /** 1-based track within its gutter; 0 when both cards share a row. */
  track: number;
  lagDays: number;
  lagApprox: boolean;
  basis: "stated" | "analyst";
  kind: ConnectorKind;
  fromSide: Side;
  toSide: Side;
}

export interface TimelineLayout<E extends TimelineEvent = TimelineEvent> {
  rows: Array<TimelineRow<E>>;
  connectors: Connector[];
  /** Tracks used in gutters 1, 2 and 3: the stylesheet sizes each gutter by its class. */
  gutters: [number, number, number];
}

/** More tracks than this in a gutter and it would crowd the cards out; extra connectors share. */
export const MAX_TRACKS = 8;

const laneIndex = (s: Side): number => SIDES.indexOf(s);

function connectorKind(effect: TimelineEvent["respondsTo"][number]["effect"]): ConnectorKind {
  if (!effect) return "answer";
  return effect === "suspends" ? "suspends" : "ends";
}

/**
 * The rows of one week: each side's events one under the other in time order, and an answer
 * never above what it answers (beside it at the highest), so that connectors run down.
 */
function weekRows<E extends TimelineEvent>(week: E[]): E[][] {
  const rowOf = new Map<string, number>();
  const lastOfLane = new Map<Side, number>();
  const rows: E[][] = [];
  const left = [...week];
  while (left.length) {
    // The first event whose causes in this week are placed (a month-only date can sort before its cause).
    const at = Math.max(0, left.findIndex((e) => e.respondsTo.every((l) => rowOf.has(l.id) || !left.some((x) => x.id === l.id))));
    const e = left.splice(at, 1)[0]!;
    const row = Math.max((lastOfLane.get(e.side) ?? -1) + 1, ...e.respondsTo.map((l) => rowOf.get(l.id) ?? 0));
    rowOf.set(e.id, row);
    lastOfLane.set(e.side, row);
    (rows[row] ??= []).push(e);
  }
  // A row's cards in the order of the columns.
  return rows.filter(Boolean).map((r) => [...r].sort((a, b) => laneIndex(a.side) - laneIndex(b.side)));
}

/** Rows for events in time order: a year heading per year, a break per empty stretch, a row per side-by-side set. */
function timeRows<E extends TimelineEvent>(events: E[]): Array<TimelineRow<E>> {
  const rows: Array<TimelineRow<E>> = [];
  const push = (r: Omit<TimelineRow<E>, "row" | "segments">) => rows.push({ ...r, row: rows.length + 1, segments: [] });
  let i = 0;
  let prev: { week: Date; event: E } | undefined;
  let month: string | undefined;
  while (i < events.length) {
    const first = events[i]!;
    const year = first.date.start.slice(0, 4);
    const week = weekOf(first.date);
    // One week within one year: a week across New Year is cut at the year's heading.
    let j = i;
    while (j < events.length && events[j]!.date.start.slice(0, 4) === year && +weekOf(events[j]!.date) === +week) j++;
    const gap = prev ? gapBetween(prev.week, week) : "g1";
    if (gap === "break") {
      const stretch = emptyStretch(prev!.event.date, first.date);
      if (stretch) push({ type: "break", year, gap: "g0", cells: [], stretch });
    }
    if (!prev || prev.event.date.start.slice(0, 4) !== year) {
      push({ type: "year", year, gap: "g0", cells: [] });
      month = undefined;
    }
    const subRows = weekRows(events.slice(i, j));
    for (let k = 0; k < subRows.length; k++) {
      const cells = subRows[k]!.map((event): TimelineCell<E> => ({ lane: event.side, event, arrivals: [], connectors: [], neighbours: [] }));
      const mark = monthMark(cells[0]!.event.date);
      const newMonth = mark !== undefined && mark !== month;
      if (mark !== undefined) month = mark;
      push({ type: "events", year, gap: k > 0 ? "g0" : gap === "break" ? "g1" : gap, ...(newMonth ? { month: mark } : {}), cells });
    }
    prev = { week, event: events[j - 1]! };
    i = j;
  }
  return rows;
}

export function layoutTimeline<E extends TimelineEvent>(events: E[]): TimelineLayout<E> {
  const rows = timeRows(events);
  const cellOf = new Map<string, { row: TimelineRow<E>; cell: TimelineCell<E> }>();
  for (const row of rows) for (const cell of row.cells) cellOf.set(cell.event.id, { row, cell });

  const pending: Array<Omit<Connector, "track">> = [];
  for (const e of events) {
    for (const link of e.respondsTo) {
      const cause = cellOf.get(link.id);
      const answer = cellOf.get(e.id);
      if (!cause || !answer) continue;
      const fromSide = cause.cell.lane;
      pending.push({
        from: link.id,
        to: e.id,
        rowStart: cause.row.row,
        rowEnd: answer.row.row,
        // The gutter left of the rightmost of the two columns: between them, or beside both.
        gutter: (Math.max(laneIndex(fromSide), laneIndex(e.side)) + 1) as Gutter,
        lagDays: link.lagDays,
        lagApprox: link.lagApprox,
        basis: link.basis,
        kind: connectorKind(link.effect),
        fromSide,
        toSide: e.side,
      });
    }
  }
  // Interval colouring per gutter: the shortest spans take the innermost tracks, so a one-day
  // answer sits next to the cards and a ten-year chain runs along the outside.
  const span = (c: { rowStart: number; rowEnd: number }) => Math.abs(c.rowEnd - c.rowStart);
  pending.sort((a, b) => span(a) - span(b) || a.rowStart - b.rowStart || (a.to < b.to ? -1 : a.to > b.to ? 1 : a.from < b.from ? -1 : 1));
  const busy: Array<Array<Array<[number, number]>>> = [[], [], []];
  const placed: Connector[] = pending.map((c) => {
    if (c.rowStart === c.rowEnd) return { ...c, track: 0 };
    const tracks = busy[c.gutter - 1]!;
    const [lo, hi] = [Math.min(c.rowStart, c.rowEnd), Math.max(c.rowStart, c.rowEnd)];
    let track = tracks.findIndex((spans) => spans.every(([s, e]) => hi < s || lo > e));
    if (track < 0) {
      if (tracks.length < MAX_TRACKS) {
        tracks.push([]);
        track = tracks.length - 1;
      } else {
        // Every track is taken: share the least crowded one.
        track = tracks.reduce((best, spans, t) => (spans.length < tracks[best]!.length ? t : best), 0);
      }
    }
    tracks[track]!.push([lo, hi]);
    return { ...c, track: track + 1 };
  });
  placed.sort((a, b) => a.rowStart - b.rowStart || a.rowEnd - b.rowEnd || (a.to < b.to ? -1 : a.to > b.to ? 1 : a.from < b.from ? -1 : 1));

  // Which way a line leaves gutter g for a card in lane l: right into the column beside it, or left, maybe past the middle column.
  const tickTo = (g: Gutter, lane: Side) => {
    const l = laneIndex(lane) + 1;
    return l === g ? { tick: "r" as const } : { tick: "l" as const, ...(l < g - 1 ? { far: true } : {}) };
  };
  placed.forEach((c, i) => {
    const look = { connector: i, kind: c.kind, basis: c.basis, gutter: c.gutter, track: c.track };
    const from = cellOf.get(c.from)!;
    const to = cellOf.get(c.to)!;
    const toTick = tickTo(c.gutter, c.toSide);
    if (c.rowStart === c.rowEnd) {
      // Side by side: one line across the gutter from the card on its left, the arrow at the answer.
      const answerRight = laneIndex(c.toSide) > laneIndex(c.fromSide);
      rows[c.rowStart - 1]!.segments.push({ ...look, part: "both", ...tickTo(c.gutter, answerRight ? c.fromSide : c.toSide), arrow: answerRight ? "r" : "l", href: `#${c.to}` });
    } else {
      // Drawn from the upper card down: the cause's, unless a month-only answer sorts before it.
      const causeAbove = c.rowStart < c.rowEnd;
      const cause = { ...look, ...tickTo(c.gutter, c.fromSide), href: `#${c.to}` };
      const answer = { ...look, ...toTick, head: true, href: `#${c.from}` };
      const [top, bottom] = causeAbove ? [c.rowStart, c.rowEnd] : [c.rowEnd, c.rowStart];
      rows[top - 1]!.segments.push({ ...(causeAbove ? cause : answer), part: "start" });
      for (let r = top + 1; r < bottom; r++) rows[r - 1]!.segments.push({ ...look, part: "mid" });
      rows[bottom - 1]!.segments.push({ ...(causeAbove ? answer : cause), part: "end" });
    }
    const arrival: Arrival = { connectors: [i], kind: c.kind, basis: c.basis, lag: lagPhrase(c.lagDays, c.lagApprox, "later"), edge: toTick.tick === "r" ? "left" : "right" };
    const same = to.cell.arrivals.find((a) => a.kind === arrival.kind && a.basis === arrival.basis && a.edge === arrival.edge && a.lag.key === arrival.lag.key && a.lag.n === arrival.lag.n);
    if (same) same.connectors.push(i);
    else to.cell.arrivals.push(arrival);
    from.cell.connectors.push(i);
    to.cell.connectors.push(i);
    from.cell.neighbours.push(c.to);
    to.cell.neighbours.push(c.from);
  });
  // The widest boxes first (those crossing a column, then outer tracks), so that the smaller
  // boxes of inner ones and the lines within a row lie on top and take the click.
  for (const r of rows) r.segments.sort((a, b) => Number(Boolean(b.far)) - Number(Boolean(a.far)) || a.gutter - b.gutter || b.track - a.track || a.connector - b.connector);
  return { rows, connectors: placed, gutters: [busy[0]!.length, busy[1]!.length, busy[2]!.length] };
}
