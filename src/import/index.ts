// One clipping in, one article out (front matter + Markdown body), without touching the disk.
// The format is recognised by content; the importer then normalizes the date, detects the
// language, fills what can be derived (outlet from the source's host) and says what is missing.
import type { Lang } from "../model/types.ts";
import { normalizeDate } from "../normalize/date.ts";
import { withoutNothing } from "../model/blank.ts";
import { detectLang } from "../normalize/lang.ts";
import type { ClippingFormat } from "./types.ts";
import { normalizeNewlines } from "./text.ts";
import { outletFromUrl } from "./outlet.ts";
import { orderFrontMatter } from "./write.ts";
import { frontmatterNote } from "./formats/frontmatter-note.ts";
import { wechat } from "./formats/wechat.ts";
import { netease } from "./formats/netease.ts";
import { dwRss } from "./formats/dw-rss.ts";
import { initium } from "./formats/initium.ts";
import { generic } from "./formats/generic.ts";

export type { ClippingFormat, Extraction } from "./types.ts";

/**
 * Tried in order; the first whose detector accepts the text wins. A user's own front matter
 * is the strongest signal, the generic fallback accepts everything and comes last.
 */
export const FORMATS: readonly ClippingFormat[] = [frontmatterNote, wechat, netease, dwRss, initium, generic];

export function detectFormat(text: string): ClippingFormat {
  const t = normalizeNewlines(text);
  return FORMATS.find((f) => f.detect(t)) ?? generic;
}

export interface ImportOptions {
  /** Overrides (or supplies) the publication date. */
  date?: string;
  /** Overrides (or supplies) the title. */
  title?: string;
  /** Overrides (or supplies) the source URL. */
  source?: string;
  /** How to name the clipping in messages. */
  file?: string;
}

export interface ImportResult {
  format: string;
  formatLabel: string;
  /** In the written order; `raw` is added by the writer, which knows where the copy goes. */
  frontMatter: Record<string, unknown>;
  body: string;
  noiseLines: number;
  strippedSamples: string[];
  /** Fields the clipping itself gave. */
  found: string[];
  /** Fields the importer derived (lang, an outlet from the source's host, …). */
  derived: string[];
  /** Of title, date, source, outlet, author: those neither found nor derived. */
  missing: string[];
  warnings: string[];
  /** Calendar day of the publication date, YYYY-MM-DD: the slug's prefix. */
  day: string;
}

/** A clipping that cannot become an article: the message says what to add. */
export class ImportError extends Error {
  override name = "ImportError";
}

/** What every article should have; missing ones are reported, only title and date are required. */
const EXPECTED = ["title", "date", "source", "outlet", "author"] as const;

/** A value that says something: not empty, and not what scripts write for nothing (`None`, `N/A`…). */
function present(v: unknown): boolean {
  return withoutNothing(v) !== undefined;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** Language is told from the words, not from the addresses of images and links. */
function proseOf(markdown: string): string {
  return markdown.replace(/\]\([^)]*\)/g, "]").replace(/https?:\/\/\S+/g, "");
}

function isLang(v: unknown): v is Lang {
  return v === "zh-Hans" || v === "zh-Hant" || v === "en";
}

export function importClipping(text: string, opts: ImportOptions = {}): ImportResult {
  const file = opts.file ?? "the clipping";
  const clean = normalizeNewlines(text);
  if (clean.trim() === "") throw new ImportError(`${file} is empty`);
  const format = detectFormat(clean);
  const ex = format.extract(clean);
  const fields: Record<string, unknown> = { ...ex.fields };
  const found = Object.keys(fields).filter((k) => present(fields[k]));
  const derived: string[] = [];
  const warnings: string[] = [];

  if (opts.title !== undefined) fields.title = opts.title;
  if (opts.source !== undefined) fields.source = opts.source;
  if (typeof fields.title === "string") fields.title = fields.title.trim();
  if (!present(fields.title)) {
    throw new ImportError(`no title found in ${file}: add a \`title:\` line or a \`# \` heading, or pass --title "…"`);
  }

  const detected = detectLang(proseOf(ex.body) || String(fields.title));
  if (!present(fields.lang)) {
    fields.lang = detected;
    derived.push("lang");
  } else if (!isLang(fields.lang)) {
    warnings.push(`lang ${JSON.stringify(fields.lang)} is not one of zh-Hans, zh-Hant, en (the text reads as ${detected})`);
  }
  const lang = isLang(fields.lang) ? fields.lang : detected;
  const zone =
    typeof fields.timezone === "string" && fields.timezone.trim()
      ? fields.timezone.trim()
      : (ex.zone ?? (lang === "en" ? "UTC" : "Asia/Shanghai"));

  const rawDate = opts.date ?? fields.date;
  let date = present(rawDate) ? normalizeDate(rawDate, { zone }) : undefined;
  // A feed item whose only date is when the reader fetched it (DW's `<!--epoch ms-->`): that
  // time is the best there is, and the article says that is what its date is.
  const crawled = opts.date === undefined && !date?.ok && present(fields.fetched) ? normalizeDate(fields.fetched, { zone }) : undefined;
  if (crawled?.ok) {
    const why = date && !date.ok ? `the publication date ${JSON.stringify(rawDate)} cannot be read (${date.error})` : "no publication date found";
    warnings.push(`${why}; dated by when the item was fetched, ${crawled.value.day}, and marked \`date_source: crawled\`: pass --date YYYY-MM-DD if the publication date is known`);
    date = crawled;
    fields.date_source = "crawled";
  }
  if (!date) {
    throw new ImportError(`no publication date found in ${file}: add a \`date:\` line or pass --date YYYY-MM-DD`);
  }
  if (!date.ok) {
    throw new ImportError(
      `cannot read the publication date ${JSON.stringify(rawDate)} in ${file}: ${date.error}; fix it or pass --date YYYY-MM-DD`,
    );
  }
  // A note's date is the user's: ingest normalizes it; anything the importer found is written as ISO.
  if (!(ex.userFields && opts.date === undefined && !crawled)) fields.date = date.value.iso;

  if (present(fields.source)) {
    if (typeof fields.source !== "string" || !isHttpUrl(fields.source.trim())) {
      warnings.push(`source ${JSON.stringify(fields.source)} is not an http(s) URL`);
    } else if (!present(fields.outlet)) {
      const outlet = outletFromUrl(fields.source.trim(), lang);
      if (outlet) {
        fields.outlet = outlet;
        derived.push("outlet");
      }
    }
  }

  // A talk's speaker is its author (notes summarizing videos name a speaker, not an author).
  if (!present(fields.author) && typeof fields.speaker === "string" && fields.speaker.trim()) {
    fields.author = fields.speaker.trim();
    derived.push("author");
  }

  const missing = EXPECTED.filter((k) => !present(fields[k]));
  for (const k of missing) {
    warnings.push(
      k === "source"
        ? "no source URL found: add `source:` to the article or pass --source URL"
        : `no ${k} found: add \`${k}:\` to the article if it is known`,
    );
  }

  // `raw` and `format` belong to the importer; a note that used them for something else is told.
  for (const k of ["raw", "format"] as const) {
    const own = fields[k];
    if (present(own) && !(k === "format" && FORMATS.some((f) => f.id === own))) {
      warnings.push(`the clipping's own \`${k}: ${String(own)}\` is replaced by the importer's`);
    }
  }
  delete fields.raw;
  fields.format = format.id;
  return {
    format: format.id,
    formatLabel: format.label,
    frontMatter: orderFrontMatter(fields),
    body: ex.body,
    noiseLines: ex.noiseLines,
    strippedSamples: ex.strippedSamples ?? [],
    found,
    derived,
    missing,
    warnings,
    day: date.value.day,
  };
}
