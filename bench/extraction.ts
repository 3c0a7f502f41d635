// How well candidate events are found in a collection, against a labelled set: for each labelled
// note, the shipped events it reports and the other measures it reports. A gold measure is one
// shipped event, or one other measure (labels of several notes on one side within two days are
// one measure). A candidate is right when one of its articles reports a gold measure it is: the
// event it matched, or one on the same side within two days (the same month for a month).
//
//   npx tsx bench/extraction.ts --labels <labels.yaml> --notes <folder of the labelled notes> [--all]
import { promises as fs } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { TimelineEvent } from "../src/model/event.ts";
import type { Candidate } from "../src/timeline/candidates.ts";
import { daysApart } from "../src/timeline/dates.ts";

export interface NoteLabel {
  note: string;
  lang?: string;
  events: string[];
  other: Array<{ date: string; jurisdiction: string; issuer?: string; what?: string }>;
}

export interface GoldMeasure {
  /** A shipped event's id, or `other:<jurisdiction>:<date>`. */
  key: string;
  jurisdiction: string;
  /** The days it may be reported on (an event's announced, published and effective days). */
  days: string[];
  event: string | null;
  notes: Set<string>;
}

export interface ExtractionScore {
  candidates: number;
  right: number;
  precision: number;
  gold: number;
  found: number;
  recall: number;
  /** Gold measures at least two labelled notes report, and how many of them were found. */
  goldWide: number;
  foundWide: number;
  recallWide: number;
  /** Candidates that are a shipped gold event, and how many of them matched it. */
  shippedFound: number;
  matchedRight: number;
  /** Labelled notes that report no measure, and candidates drawn from them alone. */
  emptyNotes: number;
  wrongFromEmpty: number;
}


/**
 * How far apart a candidate's day and a labelled measure's may be for the candidate to be that
 * measure: reports differ by a day or two (time zones, "this week"). The judge's own window, apart
 * from the one candidates are merged and matched with, so that changing the extractor never
 * changes how it is judged.
 */
const JUDGE_DAYS = 2;

/** Whether a date (YYYY-MM-DD or YYYY-MM) and a day are the same report of a measure. */
function sameDay(a: string, b: string): boolean {
  if (a.length === 7 || b.length === 7) return a.slice(0, 7) === b.slice(0, 7);
  return daysApart(a, b) <= JUDGE_DAYS;
}

export function goldMeasures(labels: readonly NoteLabel[], events: readonly TimelineEvent[]): GoldMeasure[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const gold = new Map<string, GoldMeasure>();
  const others: GoldMeasure[] = [];
  for (const l of labels) {
    for (const id of l.events) {
      const e = byId.get(id);
      if (!e) throw new Error(`label of ${l.note}: no event ${id}`);
      const g = gold.get(id) ?? { key: id, jurisdiction: e.jurisdiction.toUpperCase(), days: [e.date, e.dates.published, e.dates.effective].flatMap((d) => (d ? [d.start] : [])), event: id, notes: new Set<string>() };
      g.notes.add(l.note);
      gold.set(id, g);
    }
    for (const o of l.other) {
      const date = String(o.date);
      const same = others.find((g) => g.jurisdiction === o.jurisdiction.toUpperCase() && sameDay(g.days[0]!, date));
      if (same) same.notes.add(l.note);
      else others.push({ key: `other:${o.jurisdiction.toUpperCase()}:${date}`, jurisdiction: o.jurisdiction.toUpperCase(), days: [date], event: null, notes: new Set([l.note]) });
    }
  }
  return [...gold.values(), ...others];
}

/** Whether a candidate is a gold measure: one of its articles reports it, and it is that measure. */
function isMeasure(c: Candidate, g: GoldMeasure): boolean {
  if (!c.articles.some((a) => g.notes.has(a))) return false;
  if (g.event && c.matches_event === g.event) return true;
  return c.jurisdiction === g.jurisdiction && g.days.some((d) => sameDay(d, c.announced));
}

export function scoreExtraction(candidates: readonly Candidate[], labels: readonly NoteLabel[], events: readonly TimelineEvent[]): ExtractionScore {
  const gold = goldMeasures(labels, events);
  const labelled = new Set(labels.map((l) => l.note));
  const empty = new Set(labels.filter((l) => !l.events.length && !l.other.length).map((l) => l.note));
  // Only candidates drawn from labelled notes are judged.
  const judged = candidates.filter((c) => c.articles.some((a) => labelled.has(a)));
  const right = judged.filter((c) => gold.some((g) => isMeasure(c, g))).length;
  const found = gold.filter((g) => judged.some((c) => isMeasure(c, g)));
  const wide = gold.filter((g) => g.notes.size >= 2);
  const shipped = judged.flatMap((c) => gold.filter((g) => g.event && isMeasure(c, g)).map((g) => ({ c, g })));
  const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 0);
  return {
    candidates: judged.length,
    right,
    precision: ratio(right, judged.length),
    gold: gold.length,
    found: found.length,
    recall: ratio(found.length, gold.length),
    goldWide: wide.length,
    foundWide: wide.filter((g) => found.includes(g)).length,
    recallWide: ratio(wide.filter((g) => found.includes(g)).length, wide.length),
    shippedFound: new Set(shipped.map((s) => s.c)).size,
    matchedRight: new Set(shipped.filter((s) => s.c.matches_event === s.g.event).map((s) => s.c)).size,
    emptyNotes: empty.size,
    wrongFromEmpty: judged.filter((c) => c.articles.every((a) => empty.has(a))).length,
  };
}

/** Article → event links against the labels: each link a labelled note has, right when the label lists that event. */
export interface LinkScore {
  links: number;
  right: number;
  precision: number;
  /** Labelled (note, shipped event) pairs, and how many were linked. */
  gold: number;
  found: number;
  recall: number;
  byHow: Record<string, { links: number; right: number }>;
}

export function scoreLinks(links: ReadonlyMap<string, ReadonlyArray<{ event: string; how: string }>>, labels: readonly NoteLabel[]): LinkScore {
  const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : 0);
  let made = 0;
  let right = 0;
  const byHow: LinkScore["byHow"] = {};
  for (const l of labels) {
    for (const link of links.get(l.note) ?? []) {
      const ok = l.events.includes(link.event);
      made++;
      if (ok) right++;
      const h = (byHow[link.how] ??= { links: 0, right: 0 });
      h.links++;
      if (ok) h.right++;
    }
  }
  const gold = labels.reduce((n, l) => n + l.events.length, 0);
  return { links: made, right, precision: ratio(right, made), gold, found: right, recall: ratio(right, gold), byHow };
}

/**
 * Candidates matched to shipped events as new sources for them (what a reviewer's "sources"
 * decision adds): each article of such a candidate with that event, right when the article's label lists it.
 */
export function scoreSources(candidates: readonly Candidate[], labels: readonly NoteLabel[]): { pairs: number; right: number; precision: number } {
  const byNote = new Map(labels.map((l) => [l.note, new Set(l.events)]));
  let pairs = 0;
  let right = 0;
  for (const c of candidates) {
    if (!c.matches_event) continue;
    for (const a of c.articles) {
      const label = byNote.get(a);
      if (!label) continue;
      pairs++;
      if (label.has(c.matches_event)) right++;
    }
  }
  return { pairs, right, precision: pairs ? Math.round((right / pairs) * 1000) / 1000 : 0 };
}

export function linkLines(s: LinkScore): string[] {
  const how = Object.entries(s.byHow).map(([k, v]) => `${k} ${v.right}/${v.links}`).join(", ");
  return [`article → event links (ingest): ${s.links} links, ${s.right} right: precision ${s.precision.toFixed(3)} (${how || "none"}); recall ${s.recall.toFixed(3)} (${s.found} of ${s.gold} labelled note–event pairs)`];
}

export function scoreLines(s: ExtractionScore, what: string): string[] {
  return [
    `${what}: ${s.candidates} candidates, ${s.right} right: precision ${s.precision.toFixed(3)}`,
    `  recall ${s.recall.toFixed(3)} (${s.found} of ${s.gold} labelled measures found); of the ${s.goldWide} that two or more notes report, ${s.foundWide} found: ${s.recallWide.toFixed(3)}`,
    `  shipped events: ${s.shippedFound} candidates are one, ${s.matchedRight} matched to it; ${s.wrongFromEmpty} candidates come only from the ${s.emptyNotes} notes that report no measure`,
  ];
}

export async function readLabels(file: string): Promise<NoteLabel[]> {
  const raw = parse(await fs.readFile(file, "utf8")) as unknown;
  const list = (Array.isArray(raw) ? raw : (raw as { notes?: unknown[] }).notes ?? []) as Array<Partial<NoteLabel>>;
  return list.map((l) => ({ note: String(l.note), ...(l.lang ? { lang: l.lang } : {}), events: l.events ?? [], other: l.other ?? [] }));
}

// The command line: reads the labelled notes from --notes (a folder holding <note>.md).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const labelsFile = arg("--labels");
  const notesDir = arg("--notes");
  if (!labelsFile || !notesDir) {
    console.error("usage: npx tsx bench/extraction.ts --labels <labels.yaml> --notes <folder>");
    process.exit(2);
  }
  const { loadConfig } = await import("../src/config.ts");
  const { DiagnosticLog } = await import("../src/model/diagnostics.ts");
  const { loadVocabulary } = await import("../src/ingest/vocabulary.ts");
  const { candidatesOfFiles, reviewable, shippedEvents } = await import("../src/ingest/collection-candidates.ts");
  const cfg = loadConfig();
  const vocab = await loadVocabulary(cfg.contentDir, cfg.shippedContentDir, new DiagnosticLog());
  const events = await shippedEvents(cfg.contentDir, vocab, new Date().toISOString().slice(0, 10), cfg.shippedContentDir);
  const labels = await readLabels(labelsFile);
  const files = labels.map((l) => path.join(notesDir, `${l.note}.md`));
  const t0 = performance.now();
  const run = await candidatesOfFiles(files, vocab, events);
  const ms = performance.now() - t0;
  const withEvents = labels.filter((l) => l.events.length || l.other.length).length;
  console.log(`labelled notes: ${labels.length} (${withEvents} report at least one measure); read in ${(ms / 1000).toFixed(2)} s: ${run.mentions.length} sentences, ${run.candidates.length} candidates`);
  for (const line of scoreLines(scoreExtraction(run.candidates.filter(reviewable), labels, events), "the list shown (npm run events:suggest)")) console.log(line);
  for (const line of scoreLines(scoreExtraction(run.candidates, labels, events), "every candidate (--all)")) console.log(line);
  const sources = scoreSources(run.candidates.filter(reviewable), labels);
  console.log(`new sources for shipped events (the list shown): ${sources.pairs} article–event pairs, ${sources.right} right: precision ${sources.precision.toFixed(3)}`);
  for (const line of linkLines(scoreLinks(run.links, labels))) console.log(line);
}
