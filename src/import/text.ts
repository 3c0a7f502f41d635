// Line-level helpers shared by the formats: normalizing what clippers leave behind, counting
// what is dropped as noise, and tidying the Markdown that remains.
import type { Extraction } from "./types.ts";

/** Drops a byte-order mark and turns CRLF/CR line ends into LF, so every format sees one shape. */
export function normalizeNewlines(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

export function splitLines(text: string): string[] {
  return normalizeNewlines(text).split("\n");
}

/** What a format's extract() returns once it has its fields, its body and what it dropped. */
export function extraction(fields: Extraction["fields"], markdown: string, noise: NoiseLog, zone?: string): Extraction {
  return { fields, body: tidyMarkdown(markdown), noiseLines: noise.count, strippedSamples: noise.samples, ...(zone ? { zone } : {}) };
}

/** Counts the non-empty lines a format drops and keeps a few of them for the report. */
export class NoiseLog {
  count = 0;
  readonly samples: string[] = [];

  constructor(private readonly maxSamples = 5) {}

  drop(line: string): void {
    const t = line.trim();
    if (!t) return;
    this.count++;
    if (this.samples.length < this.maxSamples) this.samples.push(shorten(t, 60));
  }

  dropAll(lines: readonly string[]): void {
    for (const l of lines) this.drop(l);
  }
}

export function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * Some Markdown exporters write a heading as an empty `##` line followed by its text as the
 * next paragraph (`##\n\n反制措施`); this puts the text back on the heading line. An empty
 * heading with no text after it is dropped.
 */
export function repairSplitHeadings(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const m = /^\s*(#{1,6})\s*$/.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    let j = i + 1;
    while (j < lines.length && (lines[j] ?? "").trim() === "") j++;
    const next = (lines[j] ?? "").trim();
    // Only plain text can be the heading's text: not another heading, an image, a list or a quote.
    if (next && !/^(#|!\[|[-*+>]\s|\d+[.)]\s|```)/.test(next)) {
      out.push(`${m[1]} ${next}`);
      i = j;
    }
  }
  return out;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF“”‘’]/u;
/** What CommonMark (and markdown-it) count as punctuation when deciding if `**` opens or closes. */
const PUNCT = /[\p{P}\p{S}]/u;
const NOT_PROSE = /^\s*(#|!\[|[-*+>|]\s|\d+[.)]\s|```|~~~|<|\||$)/;

/**
 * Whether a soft line break inside a Chinese paragraph can go without changing the Markdown:
 * both sides are CJK, and an emphasis run at the break keeps its role (a `**` that closed at
 * the end of a line must still close when followed by the next line's first character).
 */
function canJoin(prev: string, next: string): boolean {
  if (NOT_PROSE.test(prev) || NOT_PROSE.test(next) || isImageOnlyLine(prev) || /(\\| {2})$/.test(prev)) return false;
  const closing = /\*+$/.exec(prev)?.[0] ?? "";
  const opening = /^\*+/.exec(next)?.[0] ?? "";
  if (closing && opening) return false;
  const before = [...prev.slice(0, prev.length - closing.length)].pop() ?? "";
  const after = [...next.slice(opening.length)][0] ?? "";
  if (!CJK.test(before) || !CJK.test(after)) return false;
  if (closing) return !PUNCT.test(before) || PUNCT.test(after);
  if (opening) return !PUNCT.test(after) || PUNCT.test(before);
  return true;
}

/**
 * Exporters break Chinese paragraphs after bold runs (`**…**\n”。`); a browser shows such a
 * break as a space between two characters. Joins the lines where that is safe.
 */
export function joinCjkSoftBreaks(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.trim() !== "" && line.trim() !== "" && canJoin(prev.trimEnd(), line.trimStart())) {
      out[out.length - 1] = prev.trimEnd() + line.trimStart();
    } else {
      out.push(line);
    }
  }
  return out;
}

/** `[text](#)` and `[text]()` are links a clipper emptied: keep the text, drop the link. */
export function unwrapEmptyLinks(markdown: string): string {
  return markdown.replace(/(?<!!)\[([^\]\n]*)\]\(\s*#?\s*\)/g, "$1");
}

/**
 * Final shape of every body: no trailing blanks on lines, at most one empty line between
 * blocks, no empty lines at the start or the end, no trailing newline (the writer adds it).
 */
export function tidyMarkdown(markdown: string): string {
  return normalizeNewlines(markdown)
    .split("\n")
    .map((l) => l.replace(/[ \t\u00A0\u3000]+$/u, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

/** A line made only of images (possibly linked) and whitespace: decoration or a figure. */
export function isImageOnlyLine(line: string): boolean {
  const rest = line
    .replace(/\[!\[[^\]]*\]\([^)]*\)[^\]]*\]\([^)]*\)/g, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/[*_\s]/g, "");
  return rest === "" && /!\[/.test(line);
}

/** First value of a `key: value` / `key：value` line whose key is one of `keys`. */
export function headerValue(line: string, keys: readonly string[]): { key: string; value: string } | undefined {
  const m = /^\s*([^:：]{1,20}?)\s*[:：]\s*(.*?)\s*$/.exec(line);
  if (!m) return undefined;
  const key = m[1] ?? "";
  const hit = keys.find((k) => k.toLowerCase() === key.toLowerCase());
  return hit ? { key: hit, value: m[2] ?? "" } : undefined;
}
