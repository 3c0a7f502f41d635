// The benchmark's printout: Markdown tables, so that they read in a terminal and paste into
// docs/performance.md as they are. Pure: figures in, lines out.
import { STAGES, stage, type BuildFigures, type StageFigure } from "./figures.ts";
import type { CorpusStats } from "./write.ts";
import type { SearchFigures, TimelineFigures } from "./search.ts";
import type { EditFigures } from "./edit.ts";
import type { ProfileSummary } from "./profile.ts";
import { median } from "./sizes.ts";

export const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MiB`;
export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
export const secs = (s: number): string => `${s.toFixed(2)} s`;
const ratio = (a: number, b: number): string => (b > 0 ? `×${(a / b).toFixed(2)}` : "—");
const int = (n: number): string => Math.round(n).toLocaleString("en-US");

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? ":" : "-") + "-".repeat(w) + (i === 0 ? "-" : ":")).join("|")}|`, ...rows.map(line)];
}

/** `dir`: a folder of the user's (--corpus), read as it is rather than generated. */
export function corpusLines(c: CorpusStats, seconds: number, dir?: string): string[] {
  return [
    `corpus: ${dir ? `${dir}: ` : ""}${int(c.articles)} articles + ${int(c.events)} events, ${mib(c.bytes)}${dir ? "" : ` in ${secs(seconds)}`}; ` +
      `article size median ${kb(c.articleBytes.median)}, p90 ${kb(c.articleBytes.p90)}, p99 ${kb(c.articleBytes.p99)}, largest ${kb(c.articleBytes.max)}`,
  ];
}

/** Per stage, with the rest of the wall time (process start-up and exit) as a row of its own. */
export function stageTable(ours: BuildFigures, baseline?: BuildFigures): string[] {
  const cell = (f: BuildFigures | undefined, s: StageFigure | undefined, what: "time" | "mem") =>
    !f ? "—" : !s ? "—" : what === "time" ? secs(s.seconds) : mib(s.peakRss);
  const rows = STAGES.map((name) => {
    const o = stage(ours, name);
    const b = baseline && stage(baseline, name);
    return [name, cell(ours, o, "time"), cell(ours, o, "mem"), cell(baseline, b, "time"), cell(baseline, b, "mem")];
  });
  const rest = (f: BuildFigures) => f.wallSeconds - f.stages.reduce((s, x) => s + x.seconds, 0) + (f.overlapSeconds ?? 0);
  rows.push(["start-up and exit", secs(rest(ours)), "", baseline ? secs(rest(baseline)) : "—", ""]);
  rows.push(["total (wall)", secs(ours.wallSeconds), mib(ours.peakRss), baseline ? secs(baseline.wallSeconds) : "—", baseline ? mib(baseline.peakRss) : "—"]);
  const lines = table(["stage", "ours time", "ours peak RSS", "baseline time", "baseline peak RSS"], rows);
  if (ours.overlapSeconds) lines.push("", `ours: render and index run side by side (${secs(ours.overlapSeconds)} overlap, the index in a process of its own); a stage's peak includes the other's memory while both run.`);
  if (baseline?.failed) {
    lines.push("", `the baseline's ${baseline.failed.stage} did not finish (${baseline.failed.reason}): its time and memory are up to then, so ours/baseline below is an upper bound`);
  }
  if (baseline) lines.push("", `ours/baseline: total time ${ratio(ours.wallSeconds, baseline.wallSeconds)}, peak memory ${ratio(ours.peakRss, baseline.peakRss)}`);
  return lines;
}

const factCell = (f: BuildFigures, k: string): string => (f.facts[k] === undefined ? "—" : int(f.facts[k]!));

export function outputTable(ours: BuildFigures, baseline?: BuildFigures): string[] {
  const col = (f: BuildFigures | undefined, pick: (f: BuildFigures) => string) => (f ? pick(f) : "—");
  const rows: string[][] = [
    ["_site", col(ours, (f) => `${mib(f.site.bytes)} (${int(f.site.files)} files)`), col(baseline, (f) => `${mib(f.site.bytes)} (${int(f.site.files)} files)`)],
    ["search index (ours: pagefind/ or search/)", col(ours, (f) => `${mib(f.pagefind.bytes)} (${int(f.pagefind.files)} files)`), col(baseline, (f) => `${mib(f.pagefind.bytes)} (${int(f.pagefind.files)} files)`)],
    ["HTML pages", col(ours, (f) => int(f.site.htmlFiles)), col(baseline, (f) => int(f.site.htmlFiles))],
    ["pages per second (render)", col(ours, (f) => f.pagesPerSecond.toFixed(1)), col(baseline, (f) => f.pagesPerSecond.toFixed(1))],
    ["lines printed", col(ours, (f) => factCell(f, "reportLines")), col(baseline, (f) => factCell(f, "reportLines"))],
  ];
  return table(["output", "ours", "baseline"], rows);
}

/** Median of each figure over several runs of one build. */
export function medianFigures(runs: readonly BuildFigures[]): BuildFigures {
  if (runs.length === 0) throw new Error("no runs");
  const first = runs[0]!;
  const m = (pick: (f: BuildFigures) => number) => median(runs.map(pick));
  const facts: Record<string, number> = {};
  for (const k of Object.keys(first.facts)) facts[k] = m((f) => f.facts[k] ?? 0);
  return {
    who: first.who,
    stages: first.stages.map((s) => ({
      name: s.name,
      seconds: m((f) => stage(f, s.name)?.seconds ?? 0),
      peakRss: m((f) => stage(f, s.name)?.peakRss ?? 0),
    })),
    wallSeconds: m((f) => f.wallSeconds),
    peakRss: m((f) => f.peakRss),
    site: { bytes: m((f) => f.site.bytes), files: m((f) => f.site.files), htmlFiles: m((f) => f.site.htmlFiles) },
    pagefind: { bytes: m((f) => f.pagefind.bytes), files: m((f) => f.pagefind.files), htmlFiles: m((f) => f.pagefind.htmlFiles) },
    pagesPerSecond: m((f) => f.pagesPerSecond),
    ...(runs.find((f) => f.failed) ? { failed: runs.find((f) => f.failed)!.failed! } : {}),
    ...(first.overlapSeconds !== undefined ? { overlapSeconds: m((f) => f.overlapSeconds ?? 0) } : {}),
    facts,
  };
}

export function runLine(i: number, f: BuildFigures): string {
  const parts = f.stages.map((s) => `${s.name} ${secs(s.seconds)}`).join(", ");
  return `run ${i} ${f.who}: ${parts}; wall ${secs(f.wallSeconds)}, peak ${mib(f.peakRss)}`;
}

export function searchLines(s: SearchFigures): string[] {
  const rows = s.queries.map((q) => [q.query, `${q.latencyMs.toFixed(0)} ms`, kb(q.bytes), String(q.requests), String(q.results)]);
  return [
    `search page load: ${s.pageLoad.ms.toFixed(0)} ms, ${kb(s.pageLoad.bytes)} in ${s.pageLoad.requests} requests (response bodies, served uncompressed on loopback)`,
    `queries typed one character every ${s.keyDelayMs} ms; latency from the last keystroke to results shown (the page waits 200 ms after typing stops)`,
    ...table(["query", "latency", "transferred", "requests", "results shown"], rows),
    ...(s.timeline ? timelineLines(s.timeline) : []),
  ];
}

export function timelineLines(t: TimelineFigures): string[] {
  return [
    "",
    `timeline: ${t.pages} page${t.pages === 1 ? "" : "s"}; the largest, ${t.largest.path}, has ${int(t.largest.events)} events: ${kb(t.largest.bytes)} of HTML, ${kb(t.largest.gzipBytes)} gzip-compressed`,
    `timeline in Chromium: DOM interactive ${t.domInteractiveMs.toFixed(0)} ms, load ${t.loadMs.toFixed(0)} ms; scrolled top to bottom in ${t.scroll.frames} frames, ${t.scroll.dropped} over 25 ms, ${t.scroll.over50} over 50 ms (longest ${t.scroll.longestFrameMs.toFixed(0)} ms); ${t.pxPerEvent.toFixed(0)} px of page an event at 1,280 px`,
  ];
}

export function profileLines(title: string, p: ProfileSummary): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    // Threads waiting (idle) are most of the samples of a build's many threads: busy time is what counts.
    `${title}: ${secs(p.totalMs / 1000)} of samples, ${secs((p.totalMs - (p.modules.find((m) => m.module === "(idle)")?.selfMs ?? 0)) / 1000)} busy`,
    ...table(["module (self time)", "ms", "share"], p.modules.map((x) => [x.module, x.selfMs.toFixed(0), pct(x.share)])),
    "",
    // V8 names regular expressions by their source, which can be a line long.
    ...table(["function", "where", "ms", "share"], p.functions.map((x) => [x.name.length > 48 ? `${x.name.slice(0, 47)}…` : x.name, x.where, x.selfMs.toFixed(0), pct(x.share)])),
  ];
}

export function editLines(e: EditFigures): string[] {
  return [
    `npm start came up (ingest, build, index) in ${secs(e.startSeconds)}`,
    `saved edit → new title on the open page: ${e.editsMs.map((ms) => `${ms.toFixed(0)} ms`).join(", ")} (median ${median(e.editsMs).toFixed(0)} ms)`,
    ...e.log.map((l) => `  ${l.trim()}`),
  ];
}
