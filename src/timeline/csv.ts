// timeline.csv: the rows of timeline.json, one column per field of the field table
// (model/event-fields.ts). Lists are joined with "; ", links written as `id (basis, +N d)`, so
// a spreadsheet user sees the chain without parsing.
import { TIMELINE_COLUMNS, type TimelineColumn } from "../model/event-fields.ts";

/** A value as a cell: nothing for null, a list joined with "; ", quoted when it must be. */
export function csvCell(v: unknown, column?: Pick<TimelineColumn, "csv">): string {
  let s: string;
  if (v === null || v === undefined) s = "";
  else if (column?.csv) s = column.csv(v);
  else if (Array.isArray(v)) s = v.map((x) => String(x)).join("; ");
  else s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** timeline.json's rows (timelineRow) as CSV, with a header line. */
export function toCsv(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return "";
  const lines = [TIMELINE_COLUMNS.map((c) => c.key).join(","), ...rows.map((r) => TIMELINE_COLUMNS.map((c) => csvCell(r[c.key], c)).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
