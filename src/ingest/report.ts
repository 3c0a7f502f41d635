// How an ingest run reports itself. A few problems are printed one a line, as they are. Many
// (a real collection of 9,180 notes had 240,069) are grouped by kind: one line per kind with
// its count and its first places, errors first, then the totals, so the report fits a screen.
// Every problem stays in the data folder's diagnostics.json and is printed in full with --verbose.
import path from "node:path";
import { formatDiagnostic, type Diagnostic, type Severity } from "../model/diagnostics.ts";
import type { BuildSummary } from "../model/types.ts";

/** Lines a report takes at most before its problems are grouped: about a screenful. */
export const REPORT_MAX_LINES = 40;
/** Up to this many errors are printed in full even when warnings are grouped: each is a file left out. */
export const ERRORS_IN_FULL = 20;
/** Places a group's line names, one per file. */
export const PLACES_SHOWN = 3;
/** A group's description is cut to this many characters on its line. */
const LABEL_MAX = 90;
/** Only the start of a message is read for its kind: a long quoted value costs nothing more. */
const TEMPLATE_CHARS = 300;

export function summaryLine(s: BuildSummary): string {
  const drafts = s.includeDrafts
    ? "drafts included"
    : `${s.draftsSkipped} draft${s.draftsSkipped === 1 ? "" : "s"} left out (set KB_INCLUDE_DRAFTS=1 to include them)`;
  return `ingest: ${s.articles} article${s.articles === 1 ? "" : "s"}, ${s.events} event${s.events === 1 ? "" : "s"}, ${drafts}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}, ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.seconds.toFixed(2)} s`;
}

// A quoted value: "…" (a value may itself hold quotes, as in `actor ""OpenAI""`: a quote
// followed by a letter or another quote does not close it), “…”, 「…」, `…`, and '…' where the
// quotes are not apostrophes inside a word.
const QUOTED = /"(?:[^"]|"(?=[\p{L}\p{N}_"]))*"|“[^”]*”|「[^」]*」|`[^`]*`|(?<![\p{L}\p{N}_])'(?:[^']|'(?=[\p{L}\p{N}_]))*'(?![\p{L}\p{N}_])/gu;
const HTML_TAG = /<\/?[A-Za-z][\w-]*>/g;
// Paths of content files vary from one problem to the next (`already used by articles/a.md`);
// registry files (content/tags.yaml) are part of what the message says and stay.
const CONTENT_PATH = /(?:[\w.@-]+\/)+[^/"\n;,:()]*?\.(?:md|markdown)\b/g;
// A number, a date, a time, a size: not digits inside a word (UTF-8, GB18030, h1).
const NUMBER = /(?<![\p{L}\p{N}_-])\d(?:[\d.,:/-]*\d)?/gu;

/**
 * The part of a message that says what kind of problem it is: quoted values, HTML tag names,
 * content paths and numbers replaced, and only what comes before the first ": " (what follows
 * is the detail: `removed from the page for safety: <font>`). Two problems of one kind give
 * the same template whatever their values; the messages themselves may change freely.
 */
export function messageTemplate(message: string): string {
  const head = message
    .slice(0, TEMPLATE_CHARS)
    .replace(QUOTED, '"…"')
    .replace(HTML_TAG, "<…>")
    .replace(CONTENT_PATH, "…")
    .replace(NUMBER, "#")
    .replace(/\s+/g, " ")
    .trim();
  const colon = head.indexOf(": ");
  return colon > 0 ? head.slice(0, colon) : head;
}

/** The first segment of a dotted field (`tags.3` → `tags`), or "" for none. */
export function fieldRoot(field: string | undefined): string {
  return field ? field.split(".", 1)[0]! : "";
}

export interface Place {
  file: string;
  line?: number;
}

export interface DiagnosticGroup {
  severity: Severity;
  /** The diagnostics' own kind, when they name one. */
  kind?: string;
  /** The field's root, for a group derived from field and message (not for a named kind). */
  field?: string;
  /** The message with its values taken out (messageTemplate), of the group's first diagnostic. */
  label: string;
  count: number;
  /** Distinct files with this problem. */
  files: number;
  /** The first place in each of the first PLACES_SHOWN files, in the order given. */
  places: Place[];
}

/** How many of a named kind's messages its label names. */
const KIND_LABELS = 3;

/**
 * Diagnostics grouped by kind: the kind they name, else severity + field root + message
 * template. Errors first, then the most frequent; linear in the diagnostics.
 */
export function groupDiagnostics(diagnostics: readonly Diagnostic[], placesShown = PLACES_SHOWN): DiagnosticGroup[] {
  // A named kind may hold messages of several templates ("the file is empty", "the file is
  // binary"): its label names each of the first few, so no file is shown under another's words.
  type Building = DiagnosticGroup & { seen: Set<string>; lastFile?: string; labels: string[] };
  const groups = new Map<string, Building>();
  // Many messages repeat word for word (148,928 × `attribute "class" on <p>`): read each once.
  const templates = new Map<string, string>();
  const templateOf = (message: string) => {
    let t = templates.get(message);
    if (t === undefined) {
      // Bounded: a million distinct messages would otherwise all be kept.
      if (templates.size >= 100_000) templates.clear();
      templates.set(message, (t = messageTemplate(message)));
    }
    return t;
  };
  for (const d of diagnostics) {
    const root = d.kind ? "" : fieldRoot(d.field);
    const template = d.kind ? "" : templateOf(d.message);
    const key = d.kind ? `${d.severity}\u0000kind\u0000${d.kind}` : `${d.severity}\u0000${root}\u0000${template}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        severity: d.severity,
        ...(d.kind ? { kind: d.kind } : {}),
        ...(root ? { field: root } : {}),
        label: d.kind ? templateOf(d.message) : template,
        count: 0,
        files: 0,
        places: [],
        seen: new Set(),
        labels: [],
      };
      groups.set(key, g);
    }
    if (d.kind && g.labels.length <= KIND_LABELS) {
      const label = templateOf(d.message);
      if (!g.labels.includes(label)) g.labels.push(label);
    }
    g.count++;
    // Diagnostics come in file order: most are in the file just seen, and cost no lookup.
    if (d.file !== g.lastFile && !g.seen.has(d.file)) {
      g.seen.add(d.file);
      g.files++;
      if (g.places.length < placesShown) g.places.push(d.line ? { file: d.file, line: d.line } : { file: d.file });
    }
    g.lastFile = d.file;
  }
  const rank = (g: DiagnosticGroup) => (g.severity === "error" ? 0 : 1);
  // Stable: groups of one size keep the order of their first diagnostic.
  return [...groups.values()]
    .map(({ seen: _seen, lastFile: _lastFile, labels, ...g }) => (labels.length > 1 ? { ...g, label: [...labels.slice(0, KIND_LABELS), ...(labels.length > KIND_LABELS ? ["…"] : [])].join(" / ") } : g))
    .sort((a, b) => rank(a) - rank(b) || b.count - a.count);
}

/** What a report shows, line by line: a diagnostic as it is, a group, or the groups left out. */
export type ReportEntry =
  | { diagnostic: Diagnostic }
  | { group: DiagnosticGroup }
  | { more: { kinds: number; errors: number; warnings: number } };

/**
 * The report's entries within `maxLines` (two of which are the totals and where the rest is).
 * All diagnostics one a line when they fit, as a small run always printed them; else up to
 * ERRORS_IN_FULL errors one a line and the rest grouped; the rarest kinds summed in one line
 * when there are more kinds than lines.
 */
export function reportEntries(diagnostics: readonly Diagnostic[], maxLines = REPORT_MAX_LINES): ReportEntry[] {
  if (diagnostics.length + 1 <= maxLines) return diagnostics.map((diagnostic) => ({ diagnostic }));
  const errors = diagnostics.filter((d) => d.severity === "error");
  const inFull = errors.length <= ERRORS_IN_FULL ? errors : [];
  const groups = groupDiagnostics(inFull.length ? diagnostics.filter((d) => d.severity !== "error") : diagnostics);
  const room = Math.max(1, maxLines - 2 - inFull.length);
  const shown = groups.length <= room ? groups : groups.slice(0, room - 1);
  const hidden = groups.slice(shown.length);
  const entries: ReportEntry[] = [...inFull.map((diagnostic) => ({ diagnostic })), ...shown.map((group) => ({ group }))];
  if (hidden.length) {
    const sum = (s: Severity) => hidden.reduce((n, g) => n + (g.severity === s ? g.count : 0), 0);
    entries.push({ more: { kinds: hidden.length, errors: sum("error"), warnings: sum("warning") } });
  }
  return entries;
}

const count = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? "" : "s"}`;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function formatPlace(p: Place): string {
  return p.line ? `${p.file}:${p.line}` : p.file;
}

/** `warning ×1,204 in 300 files  [tags] tag "…" is not in the vocabulary … — a.md:9, b.md:10, c.md:3 … (+1,201)` */
export function formatGroup(g: DiagnosticGroup): string {
  const files = g.files > 1 ? ` in ${count(g.files)} files` : "";
  const what = `${g.kind ? `${g.kind}: ` : ""}${g.field ? `[${g.field}] ` : ""}${clip(g.label, LABEL_MAX)}`;
  const rest = g.count > g.places.length ? ` … (+${count(g.count - g.places.length)})` : "";
  return `${g.severity} ×${count(g.count)}${files}  ${what} — ${g.places.map(formatPlace).join(", ")}${rest}`;
}

export function formatEntry(e: ReportEntry): string {
  if ("diagnostic" in e) return formatDiagnostic(e.diagnostic);
  if ("group" in e) return formatGroup(e.group);
  const { kinds, errors, warnings } = e.more;
  const of = [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean).join(", ");
  return `… ${plural(kinds, "more kind")} of problem (${of})`;
}

export interface ReportOptions {
  /** Every diagnostic one a line, however many. */
  verbose?: boolean;
  /** Warnings fail the run: the report says so. */
  strict?: boolean;
  /** Where every diagnostic was written, named when the report groups them. */
  diagnosticsFile?: string;
  maxLines?: number;
}

/** The report's lines: the diagnostics (in full or grouped), then the totals. */
export function reportLines(diagnostics: readonly Diagnostic[], s: BuildSummary, opts: ReportOptions = {}): string[] {
  const entries = opts.verbose ? diagnostics.map((diagnostic) => ({ diagnostic })) : reportEntries(diagnostics, opts.maxLines);
  const lines = entries.map(formatEntry);
  if (entries.some((e) => !("diagnostic" in e))) {
    lines.push(`every problem, one a line: ${opts.diagnosticsFile ?? "diagnostics.json in the data folder"} (or run again with --verbose)`);
  }
  lines.push(summaryLine(s));
  if (opts.strict && s.warnings > 0) lines.push(`ingest: --strict (KB_STRICT=1): ${plural(s.warnings, "warning")} fail${s.warnings === 1 ? "s" : ""} this run`);
  return lines;
}

/** Whether a run with this summary fails: errors always, warnings under --strict. */
export function runFails(s: Pick<BuildSummary, "errors" | "warnings">, strict: boolean): boolean {
  return s.errors > 0 || (strict && s.warnings > 0);
}

/** A path to show: relative to the working folder when it is under it (`.kb/diagnostics.json`). */
export function shownPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}
