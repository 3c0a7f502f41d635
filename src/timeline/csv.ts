// timeline.csv: the rows of timeline.json, one column per field. Lists are joined with "; ",
// links written as `id (basis, +N d)`, so a spreadsheet user sees the chain without parsing.
export function csvCell(v: unknown): string {
  let s: string;
  if (v === null || v === undefined) s = "";
  else if (Array.isArray(v)) s = v.map((x) => (typeof x === "object" && x !== null ? linkText(x as Record<string, unknown>) : String(x))).join("; ");
  else s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function linkText(l: Record<string, unknown>): string {
  const by = l.by ? `, ${String(l.by)}` : "";
  return `${String(l.id)} (${String(l.basis)}${by}, ${l.lag_approx ? "~" : ""}+${String(l.lag_days)} d)`;
}

export function toCsv(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return "";
  const columns = Object.keys(rows[0]!);
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
