// Lays the timeline out as a grid that needs no script: one row per event in time order, a
// landmark row per year, events in the lane of their side, and every measure → answer link
// drawn as a connector spanning the rows between the two, in a gutter track of its own so that
// connectors never overlap. The layout is computed here, once; the template only places it.
import type { TimelineEvent } from "../model/event.ts";
import type { Side } from "./sides.ts";

export interface Segment {
  track: number;
  /** start: the cause's row, end: the answer's row, mid: a row the connector passes. */
  part: "start" | "mid" | "end";
  /** Index into `connectors`. */
  connector: number;
  /** Where the segment leads when followed: the other end of the connector. */
  href?: string;
}

export interface TimelineRow<E extends TimelineEvent = TimelineEvent> {
  type: "year" | "event";
  /** 1-based row. */
  row: number;
  year: string;
  event?: E;
  lane?: Side;
  /** The pieces of connectors drawn in this row's gutter. */
  segments: Segment[];
}

export interface Connector {
  from: string;
  to: string;
  /** Grid rows of the earlier event (cause) and the later one (answer). */
  rowStart: number;
  rowEnd: number;
  /** 1-based gutter track. */
  track: number;
  lagDays: number;
  lagApprox: boolean;
  basis: "stated" | "analyst";
  fromSide: Side;
  toSide: Side;
}

export interface TimelineLayout<E extends TimelineEvent = TimelineEvent> {
  rows: Array<TimelineRow<E>>;
  connectors: Connector[];
  tracks: number;
}

/** More tracks than this and the gutter would crowd the cards out; extra connectors share. */
export const MAX_TRACKS = 8;

export function layoutTimeline<E extends TimelineEvent>(events: E[]): TimelineLayout<E> {
  const rows: Array<TimelineRow<E>> = [];
  const rowOf = new Map<string, number>();
  const sideOfId = new Map<string, Side>();
  let year = "";
  for (const e of events) {
    const y = e.date.start.slice(0, 4);
    if (y !== year) {
      year = y;
      rows.push({ type: "year", row: rows.length + 1, year, segments: [] });
    }
    const row = rows.length + 1;
    rows.push({ type: "event", row, year, event: e, lane: e.side, segments: [] });
    rowOf.set(e.id, row);
    sideOfId.set(e.id, e.side);
  }

  const pending: Array<Omit<Connector, "track">> = [];
  for (const e of events) {
    for (const link of e.respondsTo) {
      const rowStart = rowOf.get(link.id);
      const rowEnd = rowOf.get(e.id);
      if (rowStart === undefined || rowEnd === undefined) continue;
      pending.push({
        from: link.id,
        to: e.id,
        rowStart,
        rowEnd,
        lagDays: link.lagDays,
        lagApprox: link.lagApprox,
        basis: link.basis,
        fromSide: sideOfId.get(link.id)!,
        toSide: e.side,
      });
    }
  }
  // Interval colouring: the shortest spans take the innermost tracks, so a one-day answer sits
  // next to the cards and a ten-year chain runs along the outside.
  pending.sort((a, b) => a.rowEnd - a.rowStart - (b.rowEnd - b.rowStart) || a.rowStart - b.rowStart || (a.to < b.to ? -1 : 1));
  const busy: Array<Array<[number, number]>> = [];
  const connectors: Connector[] = pending.map((c) => {
    let track = busy.findIndex((spans) => spans.every(([s, e]) => c.rowEnd < s || c.rowStart > e));
    if (track < 0) {
      if (busy.length < MAX_TRACKS) {
        busy.push([]);
        track = busy.length - 1;
      } else {
        // Every track is taken: share the least crowded one.
        track = busy.reduce((best, spans, i) => (spans.length < busy[best]!.length ? i : best), 0);
      }
    }
    busy[track]!.push([c.rowStart, c.rowEnd]);
    return { ...c, track: track + 1 };
  });
  connectors.sort((a, b) => a.rowStart - b.rowStart || a.rowEnd - b.rowEnd || (a.to < b.to ? -1 : 1));
  connectors.forEach((c, i) => {
    rows[c.rowStart - 1]!.segments.push({ track: c.track, part: "start", connector: i, href: `#${c.to}` });
    for (let r = c.rowStart + 1; r < c.rowEnd; r++) rows[r - 1]!.segments.push({ track: c.track, part: "mid", connector: i });
    rows[c.rowEnd - 1]!.segments.push({ track: c.track, part: "end", connector: i, href: `#${c.from}` });
  });
  for (const r of rows) r.segments.sort((a, b) => a.track - b.track || a.connector - b.connector);
  return { rows, connectors, tracks: Math.max(1, busy.length) };
}
