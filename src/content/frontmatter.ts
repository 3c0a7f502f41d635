// Splits a content file into front matter and body, keeping line numbers so that every
// problem can name the line of the field it is about. gray-matter does the splitting; the
// YAML itself is parsed by `yaml` (YAML 1.2 core schema), which keeps `2024-12-04` a string
// instead of turning it into a UTC-midnight Date that shows as the previous day in the west.
import matter from "gray-matter";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from "yaml";
import { opensToml, readToml, tomlHead } from "./toml-front-matter.ts";

export interface ParsedFile {
  /** The front matter as plain data; {} when the file has none. */
  data: Record<string, unknown>;
  /** The body, with line endings normalized to \n. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** Line of a front-matter field by dotted path (`tags.2`), for diagnostics. */
  lineOf(path: string): number | undefined;
  /** Problems with the file's shape (YAML syntax, not a mapping, stray BOMs…). */
  problems: Array<{ severity: "error" | "warning"; line?: number; field?: string; message: string }>;
  hasFrontMatter: boolean;
}

const BOM = "\uFEFF";

/** Removes what editors and web clippers leave behind and that no user means as text. */
export function cleanText(raw: string): { text: string; strayBoms: number[]; crlf: boolean } {
  let text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  const crlf = text.includes("\r\n");
  text = text.replace(/\r\n?/g, "\n");
  const strayBoms: number[] = [];
  if (text.includes(BOM)) {
    text.split("\n").forEach((line, i) => {
      if (line.includes(BOM)) strayBoms.push(i + 1);
    });
    text = text.replaceAll(BOM, "");
  }
  return { text, strayBoms, crlf };
}

export interface ParseOptions {
  /**
   * Read what can be read (articles): front matter that is never closed, not a mapping or not
   * YAML is a warning, not an error; a field whose YAML is broken, or a second field of the same
   * name, is left out and the others kept. Without it (events) such front matter is an error.
   */
  lenient?: boolean;
}

export function parseContentFile(raw: string, opts: ParseOptions = {}): ParsedFile {
  const cleaned = cleanText(raw);
  if (opensToml(cleaned.text)) return parseToml(cleaned.text, strayBomProblems(cleaned.strayBoms), opts);
  const close = opts.lenient ? headlessFrontMatterClose(cleaned.text) : undefined;
  if (close === undefined) return parseCleaned(cleaned.text, strayBomProblems(cleaned.strayBoms), opts);
  // Read as if it opened with `---` (and closed with exactly `---`), one line higher.
  const lines = cleaned.text.split("\n");
  lines[close - 1] = "---";
  const parsed = shiftedUp(parseCleaned(`---\n${lines.join("\n")}`, [], opts));
  return { ...parsed, problems: [...strayBomProblems(cleaned.strayBoms), ...parsed.problems] };
}

/** A line that is a front-matter field: `key:` then a space or the line's end. */
const FIELD_LINE = /^([A-Za-z_][\w-]*):(?:[ \t]|$)/;

/** A line of a block of YAML fields: a field, a list item or an indented continuation. */
function isFieldLine(line: string): boolean {
  return FIELD_LINE.test(line) || /^[ \t]+\S/.test(line) || /^-[ \t]/.test(line);
}

/** Hexo's keys, one of which front matter without its opening line must have to be read as such. */
const HEXO_KEYS = new Set(["title", "date", "tags", "categories", "layout", "updated", "permalink"]);
const HEADLESS_MAX_LINES = 40;

/**
 * Hexo reads front matter whose opening `---` is left out: `key: value` lines from the first
 * line, closed by a line of three or more dashes (a blog of 124 posts had 17 such). The 1-based
 * line of that closing line, when the lines above it are YAML `field: value` lines naming a
 * title, date, tags or categories; else undefined (a note that starts with "Note: …" and has a
 * rule below stays a body).
 */
export function headlessFrontMatterClose(text: string): number | undefined {
  if (!FIELD_LINE.test(text)) return undefined;
  const lines = text.split("\n", HEADLESS_MAX_LINES + 1);
  const close = lines.findIndex((l) => /^-{3,}[ \t]*$/.test(l));
  if (close < 1) return undefined;
  const head = lines.slice(0, close);
  // Every line a field, a list item or an indented continuation.
  if (!head.every((l) => l.trim() === "" || isFieldLine(l))) return undefined;
  const doc = parseDocument(head.join("\n"), { prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const keys = doc.contents.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ""));
  return keys.some((k) => HEXO_KEYS.has(k)) ? close + 1 : undefined;
}

/** How far down the fields of a front matter never closed are looked for (a real one had 36 lines of them). */
const UNCLOSED_MAX_LINES = 200;
/** Keys that make the lines after an unclosed `---` front matter: Hexo's, and a note's own. */
const NOTE_KEYS = new Set([...HEXO_KEYS, "summary", "draft", "source", "author"]);

/**
 * Where the fields of a front matter opened on line 1 and never closed by `---` end: the 1-based
 * line of the first blank line or rule of other dashes (`----`, a mistyped closing line) after
 * them, when every line before it is a field line and one of them names a title, date, tags…;
 * else undefined (the whole file stays the body).
 */
export function unclosedFieldsEnd(text: string): { line: number } | undefined {
  const lines = text.split("\n", UNCLOSED_MAX_LINES + 2);
  let named = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || /^-{3,}[ \t]*$/.test(line)) return named && i > 1 ? { line: i + 1 } : undefined;
    if (!isFieldLine(line)) return undefined;
    named ||= NOTE_KEYS.has(FIELD_LINE.exec(line)?.[1]!.toLowerCase() ?? "");
  }
  return undefined;
}

function strayBomProblems(lines: number[]): ParsedFile["problems"] {
  return lines.map((line) => ({ severity: "warning" as const, line, message: "a byte-order mark (U+FEFF) in the middle of the file was removed" }));
}

/** A file read with a line added above it, its line numbers put back. */
function shiftedUp(p: ParsedFile): ParsedFile {
  const up = (line: number | undefined) => (line === undefined ? undefined : Math.max(1, line - 1));
  return {
    ...p,
    bodyLine: up(p.bodyLine)!,
    lineOf: (path) => up(p.lineOf(path)),
    problems: p.problems.map((x) => (x.line === undefined ? x : { ...x, line: up(x.line)! })),
  };
}

/**
 * Hugo's TOML front matter (`+++`), with the same leniency as YAML's: a key TOML cannot read is
 * left out alone (articles), or the whole is an error (events).
 */
function parseToml(text: string, problems: ParsedFile["problems"], opts: ParseOptions): ParsedFile {
  const severity = opts.lenient ? ("warning" as const) : ("error" as const);
  const head = tomlHead(text);
  if (head.closingLine === undefined) {
    problems.push({
      severity,
      line: 1,
      field: "front matter",
      message: `front matter opened with \`+++\` on line 1 is never closed by a \`+++\` line${opts.lenient ? "; the whole file is published as the body" : ""}`,
    });
    return { data: {}, body: text, bodyLine: 1, lineOf: () => undefined, problems, hasFrontMatter: true };
  }
  const bodyLine = head.closingLine + 1;
  const read = readToml(head.source, opts.lenient === true);
  if (read.error) {
    const after = opts.lenient ? "; the front matter is not read and the note is published from its body" : "";
    problems.push({ severity, line: read.error.line + 1, field: "front matter", message: `${read.error.message}${after}` });
    return { data: {}, body: head.body, bodyLine, lineOf: () => undefined, problems, hasFrontMatter: true };
  }
  for (const left of read.leftOut) problems.push({ severity, line: left.line + 1, field: left.path, message: `${left.message}; \`${left.path}\` is left out, the other fields are read` });
  const lineOf = (path: string): number | undefined => {
    for (let p = path; ; p = p.slice(0, p.lastIndexOf("."))) {
      const l = read.lines.get(p);
      if (l !== undefined) return l + 1;
      if (!p.includes(".")) return undefined;
    }
  };
  return { data: read.data, body: head.body, bodyLine, lineOf, problems, hasFrontMatter: true };
}

/** A file's text once cleaned (cleanText), with the problems cleaning found. */
function parseCleaned(cleanedText: string, problems: ParsedFile["problems"], opts: ParseOptions): ParsedFile {
  const severity = opts.lenient ? ("warning" as const) : ("error" as const);
  let text = cleanedText;
  // `----` over `title: …` is front matter its author mistyped (one real note of 9,180): read it
  // as `---`, on the same line, so that every other line keeps its number.
  const mistyped = opts.lenient ? /^-{4,}[ \t]*\n(?=[A-Za-z_][\w-]*:)/.exec(text) : null;
  if (mistyped) {
    text = `---\n${text.slice(mistyped[0].length)}`;
    problems.push({ severity: "warning", line: 1, field: "front matter", message: `front matter opened with \`${mistyped[0].trim()}\` instead of \`---\`; read as front matter` });
  }

  const opens = /^---[ \t]*\n/.test(text);
  if (!opens) {
    return { data: {}, body: text, bodyLine: 1, lineOf: () => undefined, problems, hasFrontMatter: false };
  }
  const close = text.slice(4).search(/^---[ \t]*$/m);
  // A note whose front matter lost its closing line keeps its fields when they end at a blank
  // line: that line is read as the closing one, so the title and date are the note's own.
  const end = close < 0 && opts.lenient ? unclosedFieldsEnd(text) : undefined;
  if (end) {
    const lines = text.split("\n");
    const rule = lines[end.line - 1]!.trim();
    lines[end.line - 1] = "---";
    const parsed = parseCleaned(lines.join("\n"), problems, opts);
    parsed.problems.push({
      severity: "warning",
      line: rule ? end.line : 1,
      field: "front matter",
      message: rule
        ? `front matter closed with \`${rule}\` instead of \`---\`; read as its closing line`
        : `front matter opened with \`---\` on line 1 is never closed by a \`---\` line; its fields up to the blank line ${end.line} are read, the rest is the body`,
    });
    return parsed;
  }
  if (close < 0) {
    problems.push({
      severity,
      line: 1,
      field: "front matter",
      message: `front matter opened with \`---\` on line 1 is never closed by a \`---\` line${opts.lenient ? "; the whole file is published as the body" : ""}`,
    });
    return { data: {}, body: text, bodyLine: 1, lineOf: () => undefined, problems, hasFrontMatter: true };
  }

  let yamlSource = "";
  let lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument> | undefined;
  // gray-matter is handed the head only, up to the `\n---` where it would close the block
  // itself: given the whole file it copies it into a Buffer (its `orig`) and looks it up in its
  // cache, a tenth of the ingest's time on large notes. The body is what it would have returned:
  // the rest, less the line break that ends the delimiter.
  const headEnd = text.indexOf("\n---", 3) + 4;
  matter(text.slice(0, headEnd), {
    // Passing options also turns off gray-matter's global cache, which would keep every
    // file's text in memory for the whole run.
    engines: {
      yaml: (src: string) => {
        yamlSource = src;
        // logLevel: yaml's own console warnings (a Templater key like `{ metaData.author }`) are noise in a report.
        doc = parseDocument(src, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: "error" });
        return {};
      },
    },
  });
  // gray-matter's `matter` is everything between the delimiters, starting with the newline
  // that ends the opening `---`; so line k of the YAML source is line k of the file.
  const closingLine = 1 + (yamlSource ? yamlSource.split("\n").length - 1 : 0) + 1;
  const bodyStart = closingLine + 1;
  const body = text.startsWith("\n", headEnd) ? text.slice(headEnd + 1) : text.slice(headEnd);
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;

  if (!doc) {
    return { data: {}, body, bodyLine: bodyStart, lineOf: () => undefined, problems, hasFrontMatter: true };
  }
  const yamlErrors = doc.errors.map((e) => {
    let line = lineAt(e.pos[0]);
    // The parser notices an unclosed [ or { only on a later line; point at the line that opened it.
    if (/^Flow (sequence|map)/.test(e.message)) line = unclosedFlowLine(yamlSource, line) ?? line;
    return { line, message: `YAML: ${firstLine(e.message).replace(/ at line \d+, column \d+:?$/, "")}` };
  });
  if (yamlErrors.length > 0) {
    const salvaged = opts.lenient ? salvageFields(yamlSource, yamlErrors) : undefined;
    if (salvaged) {
      lineCounter = new LineCounter();
      doc = parseDocument(salvaged.source, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: "error" });
    }
    if (!salvaged || doc.errors.length > 0 || !isMap(doc.contents)) {
      const after = opts.lenient ? "; the front matter is not read and the note is published from its body" : "";
      for (const e of yamlErrors) problems.push({ severity, line: e.line, field: "front matter", message: `${e.message}${after}` });
      return { data: {}, body, bodyLine: bodyStart, lineOf: () => undefined, problems, hasFrontMatter: true };
    }
    for (const left of salvaged.leftOut) {
      const message = /^YAML: Map keys must be unique/.test(left.message)
        ? `\`${left.key}\` is given twice; this second one is left out and the first is read`
        : `${left.message}; \`${left.key}\` is left out, the other fields are read`;
      problems.push({ severity, line: left.line, field: left.key, message });
    }
  }

  const contents = doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ""))) {
    return { data: {}, body, bodyLine: bodyStart, lineOf: () => undefined, problems, hasFrontMatter: true };
  }
  if (!isMap(contents)) {
    problems.push({
      severity,
      line: 2,
      field: "front matter",
      message: `front matter must be a mapping of \`field: value\` lines, found a ${isSeq(contents) ? "list" : "single value"}${opts.lenient ? "; the note is published from its body" : ""}`,
    });
    return { data: {}, body, bodyLine: bodyStart, lineOf: () => undefined, problems, hasFrontMatter: true };
  }

  const lines = new Map<string, number>();
  const walk = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const p = path ? `${path}.${key}` : key;
        const k = pair.key as Node | null;
        if (k?.range) lines.set(p, lineAt(k.range[0]));
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = `${path}.${i}`;
        const n = item as Node | null;
        if (n?.range) lines.set(p, lineAt(n.range[0]));
        walk(item, p);
      });
    }
  };
  walk(contents, "");

  const data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  const lineOf = (path: string): number | undefined => {
    // The closest known ancestor: `tags.7` falls back to `tags`.
    let p = path;
    for (;;) {
      const l = lines.get(p);
      if (l !== undefined) return l;
      const dot = p.lastIndexOf(".");
      if (dot < 0) return undefined;
      p = p.slice(0, dot);
    }
  };
  return { data, body, bodyLine: bodyStart, lineOf, problems, hasFrontMatter: true };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

function unclosedFlowLine(yamlSource: string, errorLine: number): number | undefined {
  const lines = yamlSource.split("\n");
  for (let l = Math.min(errorLine, lines.length) - 1; l >= 1; l--) {
    const text = (lines[l - 1] ?? "").replace(/(["'])(?:(?!\1).)*\1/g, "");
    const open = (text.match(/[[{]/g) ?? []).length;
    const close = (text.match(/[\]}]/g) ?? []).length;
    if (open > close) return l;
  }
  return undefined;
}

/** A top-level `key: value` of the YAML source with its continuation lines (1-based, inclusive). */
interface Entry {
  key: string;
  start: number;
  end: number;
}

function topLevelEntries(yamlSource: string): Entry[] {
  const lines = yamlSource.split("\n");
  const entries: Entry[] = [];
  lines.forEach((text, i) => {
    // A line at column 0 that is not a comment or a list item starts the next field; so does a
    // `key:` line indented by a tab, which YAML never reads (a pasted field), so that it is left
    // out alone and not with the field above it.
    const tabbedKey = /^\t+(?=[^\s#-])("[^"]*"|'[^']*'|[^:]+?)\s*:/.exec(text);
    if ((/^[^\s#]/.test(text) && !/^-(\s|$)/.test(text)) || tabbedKey) {
      const m = tabbedKey ?? /^("[^"]*"|'[^']*'|[^:]+?)\s*:/.exec(text);
      entries.push({ key: (m?.[1] ?? text).replace(/^(["'])(.*)\1$/, "$2").trim(), start: i + 1, end: i + 1 });
    } else if (entries.length > 0 && text.trim() !== "") {
      entries[entries.length - 1]!.end = i + 1;
    }
  });
  return entries;
}

/**
 * The YAML source with each field whose YAML is broken blanked out (lines kept, so the other
 * fields keep their line numbers): the fields that hold an error of the whole document, and
 * those that cannot be read on their own. A second field of the same name is blanked too, so
 * the first one counts. Undefined when an error is outside any field.
 */
function salvageFields(
  yamlSource: string,
  errors: ReadonlyArray<{ line: number; message: string }>,
): { source: string; leftOut: Array<{ key: string; line: number; message: string }> } | undefined {
  const entries = topLevelEntries(yamlSource);
  const lines = yamlSource.split("\n");
  const aloneErrors = new Map<Entry, { line: number; message: string }>();
  for (const entry of entries) {
    const alone = parseDocument(lines.slice(entry.start - 1, entry.end).join("\n"), { prettyErrors: false });
    const first = alone.errors[0];
    if (first) aloneErrors.set(entry, { line: entry.start, message: `YAML: ${firstLine(first.message).replace(/ at line \d+, column \d+:?$/, "")}` });
  }
  const broken = new Map<Entry, { line: number; message: string }>();
  for (const e of errors) {
    const entry = entries.find((x) => x.start <= e.line && e.line <= x.end);
    if (!entry) return undefined;
    // A field that reads well alone, below one that does not, got its error from that one (a
    // quote left open runs on into the next lines): only the field above is left out. The
    // source is parsed again after, so a wrong guess still leaves the whole front matter out.
    if (!aloneErrors.has(entry) && [...aloneErrors.keys()].some((x) => x.start < entry.start)) continue;
    if (!broken.has(entry)) broken.set(entry, e);
  }
  for (const [entry, e] of aloneErrors) if (!broken.has(entry)) broken.set(entry, e);
  for (const entry of broken.keys()) for (let l = entry.start; l <= entry.end; l++) lines[l - 1] = "";
  const leftOut = [...broken].map(([entry, e]) => ({ key: entry.key, line: e.line, message: e.message })).sort((a, b) => a.line - b.line);
  return { source: lines.join("\n"), leftOut };
}
