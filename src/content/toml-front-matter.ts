// Hugo's TOML front matter (`+++` … `+++`), read as YAML front matter is: plain data, the line
// of each field, and a field TOML cannot read left out alone. smol-toml parses (TOML 1.0).
import { parse, TomlDate, TomlError } from "smol-toml";

/** Where a TOML head ends and what it holds, or undefined when the text has none. */
export interface TomlHead {
  /** The TOML between the delimiters; its line k is line k + 1 of the file. */
  source: string;
  /** 1-based line of the closing `+++`; undefined when it is never closed. */
  closingLine?: number;
  /** The rest of the file, after the closing line. */
  body: string;
}

const OPEN = /^\+\+\+[ \t]*\n/;

/** Pure: whether a cleaned text opens with Hugo's TOML delimiter. */
export function opensToml(text: string): boolean {
  return OPEN.test(text);
}

/** Pure: the TOML head of a text that opens with `+++`. */
export function tomlHead(text: string): TomlHead {
  const open = OPEN.exec(text)![0].length;
  const close = /^\+\+\+[ \t]*$/m.exec(text.slice(open));
  if (!close) return { source: "", body: text };
  const source = text.slice(open, open + close.index);
  const closingLine = 2 + (source.match(/\n/g)?.length ?? 0);
  const after = open + close.index + close[0].length;
  return { source, closingLine, body: text.slice(text.startsWith("\n", after) ? after + 1 : after) };
}

/** One key's lines: a `key = value` line and its continuations (a multi-line array or string). */
interface Entry {
  /** Dotted path, with the table it sits in (`params.author`). */
  path: string;
  /** 1-based line within the TOML source. */
  line: number;
  text: string;
  /** The `[table]` header it sits under, or "" at the top. */
  header: string;
}

const HEADER = /^[ \t]*\[\[?[ \t]*([^\]]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$/;
const KEY = /^[ \t]*((?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)(?:[ \t]*\.[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+))*)[ \t]*=/;

/** A key as written (`a."b.c".d`) as a dotted path (`a.b.c.d`). */
const keyPath = (key: string): string => [...key.matchAll(/"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? m[2] ?? m[3]).join(".");

/**
 * Pure: the TOML source cut into its keys, each with its line. A line that opens no key and no
 * table continues the key above (TOML's multi-line arrays and strings); inside a multi-line
 * string nothing opens a key.
 */
export function tomlEntries(source: string): { entries: Entry[]; headers: Array<{ line: number; text: string; path: string }> } {
  const entries: Entry[] = [];
  const headers: Array<{ line: number; text: string; path: string }> = [];
  let header = "";
  let prefix = "";
  let inString: string | undefined;
  source.split("\n").forEach((text, i) => {
    const line = i + 1;
    const current = entries[entries.length - 1];
    if (inString) {
      if (current) current.text += `\n${text}`;
      if (text.split(inString).length % 2 === 0) inString = undefined;
      return;
    }
    const h = HEADER.exec(text);
    const k = h ? null : KEY.exec(text);
    if (h) {
      header = text;
      prefix = keyPath(h[1]!);
      headers.push({ line, text, path: prefix });
    } else if (k) {
      entries.push({ path: prefix ? `${prefix}.${keyPath(k[1]!)}` : keyPath(k[1]!), line, text, header });
    } else if (current && current.header === header) {
      current.text += `\n${text}`;
    }
    for (const quotes of ['"""', "'''"]) if (text.split(quotes).length % 2 === 0) inString = quotes;
  });
  return { entries, headers };
}

/** TOML dates as the date normalizer reads YAML's (strings), tables as plain objects. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=[Z+-]|$)/, "");
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

export interface TomlRead {
  data: Record<string, unknown>;
  /** 1-based line within the TOML source of each key's path. */
  lines: Map<string, number>;
  /** Keys left out, each with why, when the whole could not be read but these alone could not either. */
  leftOut: Array<{ path: string; line: number; message: string }>;
  /** The whole could not be read and nothing was salvaged: its first error. */
  error?: { line: number; message: string };
}

const message = (e: unknown): string => `TOML: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]!.replace(/^Invalid TOML document: /, "")}`;

/**
 * Pure: the TOML source read. When it cannot be read whole and `salvage` is set, each key is
 * read with its table's header alone; the keys that cannot be are left out and named, the others
 * read together.
 */
export function readToml(source: string, salvage: boolean): TomlRead {
  const { entries, headers } = tomlEntries(source);
  const lines = new Map<string, number>([...headers.map((h) => [h.path, h.line] as const), ...entries.map((e) => [e.path, e.line] as const)]);
  try {
    return { data: plain(parse(source)) as Record<string, unknown>, lines, leftOut: [] };
  } catch (e) {
    const line = e instanceof TomlError ? e.line : 1;
    if (!salvage) return { data: {}, lines, leftOut: [], error: { line, message: message(e) } };
    const leftOut: TomlRead["leftOut"] = [];
    const kept = entries.filter((entry) => {
      try {
        parse(`${entry.header}\n${entry.text}`);
        return true;
      } catch (err) {
        leftOut.push({ path: entry.path, line: entry.line, message: message(err) });
        return false;
      }
    });
    const byHeader = new Map<string, string[]>();
    for (const entry of kept) byHeader.set(entry.header, [...(byHeader.get(entry.header) ?? []), entry.text]);
    const rebuilt = [...byHeader].map(([header, texts]) => [header, ...texts].join("\n")).join("\n");
    try {
      if (leftOut.length === 0) throw e;
      return { data: plain(parse(rebuilt)) as Record<string, unknown>, lines, leftOut };
    } catch {
      return { data: {}, lines, leftOut: [], error: { line, message: message(e) } };
    }
  }
}
