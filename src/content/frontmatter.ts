// Splits a content file into front matter and body, keeping line numbers so that every
// problem can name the line of the field it is about. gray-matter does the splitting; the
// YAML itself is parsed by `yaml` (YAML 1.2 core schema), which keeps `2024-12-04` a string
// instead of turning it into a UTC-midnight Date that shows as the previous day in the west.
import matter from "gray-matter";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from "yaml";

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

export function parseContentFile(raw: string): ParsedFile {
  const { text, strayBoms } = cleanText(raw);
  const problems: ParsedFile["problems"] = strayBoms.map((line) => ({
    severity: "warning" as const,
    line,
    message: "a byte-order mark (U+FEFF) in the middle of the file was removed",
  }));

  const opens = /^---[ \t]*\n/.test(text);
  if (!opens) {
    return { data: {}, body: text, bodyLine: 1, lineOf: () => undefined, problems, hasFrontMatter: false };
  }
  const close = text.slice(4).search(/^---[ \t]*$/m);
  if (close < 0) {
    problems.push({
      severity: "error",
      line: 1,
      field: "front matter",
      message: "front matter opened with `---` on line 1 is never closed by a `---` line",
    });
    return { data: {}, body: text, bodyLine: 1, lineOf: () => undefined, problems, hasFrontMatter: true };
  }

  let yamlSource = "";
  const lineCounter = new LineCounter();
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
        doc = parseDocument(src, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
  for (const e of doc.errors) {
    let line = lineAt(e.pos[0]);
    // The parser notices an unclosed [ or { only on a later line; point at the line that opened it.
    if (/^Flow (sequence|map)/.test(e.message)) line = unclosedFlowLine(yamlSource, line) ?? line;
    problems.push({ severity: "error", line, field: "front matter", message: `YAML: ${firstLine(e.message).replace(/ at line \d+, column \d+:?$/, "")}` });
  }
  if (doc.errors.length > 0) {
    return { data: {}, body, bodyLine: bodyStart, lineOf: () => undefined, problems, hasFrontMatter: true };
  }

  const contents = doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ""))) {
    return { data: {}, body, bodyLine: bodyStart, lineOf: () => undefined, problems, hasFrontMatter: true };
  }
  if (!isMap(contents)) {
    problems.push({
      severity: "error",
      line: 2,
      field: "front matter",
      message: `front matter must be a mapping of \`field: value\` lines, found a ${isSeq(contents) ? "list" : "single value"}`,
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
