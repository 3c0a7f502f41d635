// Notes that already are Markdown with YAML front matter (a notes site's summary of a talk,
// say). The front matter is the user's: every field is kept with its value as written, and
// the body is kept as written. The importer only adds what is missing.
import { parseDocument, isMap } from "yaml";
import type { ClippingFormat, Extraction } from "../types.ts";
import { normalizeNewlines } from "../text.ts";

interface Split {
  data: Record<string, unknown>;
  body: string;
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

function split(text: string): Split | undefined {
  const t = normalizeNewlines(text);
  if (!OPEN.test(t)) return undefined;
  const rest = t.replace(OPEN, "");
  const close = CLOSE.exec(rest);
  if (!close) return undefined;
  // YAML 1.2 core schema: `2025-10-14` stays the string the user wrote, not a Date.
  const doc = parseDocument(rest.slice(0, close.index), { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  return { data, body: rest.slice(close.index + close[0].length) };
}

function detect(text: string): boolean {
  return split(text) !== undefined;
}

function extract(text: string): Extraction {
  const s = split(text);
  if (!s) throw new Error("not a note: no YAML front matter between `---` lines");
  const fields: Record<string, unknown> = { ...s.data };
  const hasTitle = typeof fields.title === "string" ? fields.title.trim() !== "" : fields.title != null;
  if (!hasTitle) {
    const heading = /^#{1,2}\s+(.+?)\s*#*\s*$/m.exec(s.body);
    if (heading?.[1]) fields.title = heading[1];
  }
  // Kept as written: only the blank lines around it go (trailing spaces may be hard breaks).
  const body = s.body.replace(/^\s*\n/, "").replace(/\s+$/, "");
  return { fields, body, noiseLines: 0, strippedSamples: [], userFields: true };
}

export const frontmatterNote: ClippingFormat = {
  id: "frontmatter-note",
  label: "Markdown note with YAML front matter",
  detect,
  extract,
};
