// Writing an imported article and its raw clipping. Everything here is deterministic: the same
// clipping imported twice gives byte-identical files at the same paths, and two different
// clippings never overwrite each other's article or raw copy.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { slugify } from "../normalize/slug.ts";

/** Fields written first, in this order; then the others as found; then `raw` and `format`. */
export const FIELD_ORDER = [
  "title",
  "date",
  "date_source",
  "lang",
  "source",
  "outlet",
  "author",
  "place",
  "summary",
  "tags",
  "image",
  "draft",
] as const;
const LAST = ["raw", "format"] as const;

export function orderFrontMatter(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fixed = new Set<string>([...FIELD_ORDER, ...LAST]);
  for (const k of FIELD_ORDER) if (fields[k] !== undefined) out[k] = fields[k];
  for (const [k, v] of Object.entries(fields)) if (!fixed.has(k) && v !== undefined) out[k] = v;
  for (const k of LAST) if (fields[k] !== undefined) out[k] = fields[k];
  return out;
}

/**
 * `---\n<yaml>---\n\n<body>\n`. The YAML 1.1 schema decides quoting, so strings that any YAML
 * reader (js-yaml in gray-matter included) would take for a date, a boolean or a number are
 * quoted; lines are never folded.
 */
export function serializeArticle(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = stringify(orderFrontMatter(frontMatter), { version: "1.1", lineWidth: 0, singleQuote: true });
  return `---\n${yaml}---\n\n${body.replace(/\n+$/, "")}\n`;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** `<YYYY-MM-DD>-<pinyin/ASCII words of the title>`. */
export function baseSlug(day: string, title: string, hash: string): string {
  const words = slugify(title);
  // A title with no letters or Han characters (emoji, punctuation) still needs a stable name.
  return `${day}-${words || hash.slice(0, 6)}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** The `raw:` of an existing article file, if it has front matter that says. */
function rawOf(articleFile: string): string | undefined {
  const text = readFileSync(articleFile, "utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return undefined;
  try {
    const data = parse(m[1] ?? "") as unknown;
    if (data && typeof data === "object" && "raw" in data) {
      const raw = (data as Record<string, unknown>).raw;
      return typeof raw === "string" ? raw : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export interface WriteOptions {
  /** Folder of the articles; its parent is the content folder `raw:` paths are relative to. */
  outDir: string;
  /** Folder of the raw copies; default `raw` beside `outDir`. */
  rawDir?: string;
  /** The clipping's file name; the raw copy keeps it. */
  fileName: string;
}

export interface WriteResult {
  slug: string;
  articlePath: string;
  rawPath: string;
  /** As written to front matter: relative to the content folder, `/`-separated. */
  raw: string;
  /** False when an identical raw copy was already there. */
  rawWritten: boolean;
  /** True when an article from the same clipping was replaced. */
  replaced: boolean;
}

/** Copies the clipping verbatim to the raw folder, keeping its name unless another clipping has it. */
export function writeRawCopy(clipping: Uint8Array, rawDir: string, fileName: string): { rawPath: string; written: boolean } {
  mkdirSync(rawDir, { recursive: true });
  const name = path.basename(fileName);
  let rawPath = path.join(rawDir, name);
  if (existsSync(rawPath) && !sameBytes(readFileSync(rawPath), clipping)) {
    rawPath = path.join(rawDir, `${sha256(clipping).slice(0, 8)}-${name}`);
  }
  if (existsSync(rawPath) && sameBytes(readFileSync(rawPath), clipping)) return { rawPath, written: false };
  writeFileSync(rawPath, clipping);
  return { rawPath, written: true };
}

export function writeImport(
  result: { frontMatter: Record<string, unknown>; body: string; day: string },
  clipping: Uint8Array,
  opts: WriteOptions,
): WriteResult {
  const outDir = path.resolve(opts.outDir);
  const contentDir = path.dirname(outDir);
  const rawDir = path.resolve(opts.rawDir ?? path.join(contentDir, "raw"));
  const { rawPath, written } = writeRawCopy(clipping, rawDir, opts.fileName);
  const raw = toPosix(path.relative(contentDir, rawPath));

  const hash = sha256(clipping);
  const title = String(result.frontMatter.title ?? "");
  const base = baseSlug(result.day, title, hash);
  // The article at the plain slug is ours to replace if it came from this very clipping:
  // the same raw copy, or a raw copy with the same bytes under another name.
  const ours = (file: string): boolean => {
    const existing = rawOf(file);
    if (existing === undefined) return false;
    if (existing === raw) return true;
    const existingRaw = path.resolve(contentDir, existing);
    return existsSync(existingRaw) && sameBytes(readFileSync(existingRaw), clipping);
  };
  let slug = base;
  let articlePath = path.join(outDir, `${slug}.md`);
  if (existsSync(articlePath) && !ours(articlePath)) {
    slug = `${base}-${hash.slice(0, 6)}`;
    articlePath = path.join(outDir, `${slug}.md`);
  }
  const replaced = existsSync(articlePath);

  mkdirSync(outDir, { recursive: true });
  const { raw: _drop, ...rest } = result.frontMatter;
  writeFileSync(articlePath, serializeArticle({ ...rest, raw }, result.body));
  return { slug, articlePath, rawPath, raw, rawWritten: written, replaced };
}
