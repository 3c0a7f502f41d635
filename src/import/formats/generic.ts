// The fallback for clippings in none of the known formats: plain text, plain Markdown, or a
// saved HTML page. Text: the title is the first heading (else the first line), metadata comes
// from `Key: value` lines at the top (`Date:`, `日期：`, `发布时间:`, `Author:`…) or a bare
// date line there. HTML: metadata from the page's meta tags, the body from its <article>
// (else <main>, else <body>) without navigation, headers, footers and asides.
import type { ClippingFormat, Extraction } from "../types.ts";
import { htmlToMarkdown } from "../html.ts";
import { NoiseLog, headerValue, repairSplitHeadings, splitLines, tidyMarkdown, unwrapEmptyLinks } from "../text.ts";

/** Header keys at the top of a plain clipping, and the field each fills. */
const HEADER_FIELDS: Record<string, string> = {
  title: "title",
  标题: "title",
  date: "date",
  published: "date",
  "published on": "date",
  "published at": "date",
  "publish date": "date",
  "publication date": "date",
  posted: "date",
  "posted on": "date",
  日期: "date",
  时间: "date",
  发布时间: "date",
  发布日期: "date",
  发表时间: "date",
  发表日期: "date",
  发布于: "date",
  author: "author",
  authors: "author",
  by: "author",
  作者: "author",
  撰文: "author",
  记者: "author",
  source: "source",
  url: "source",
  link: "source",
  原文链接: "source",
  原文地址: "source",
  链接: "source",
  outlet: "outlet",
  publication: "outlet",
  publisher: "outlet",
  来源: "outlet",
  媒体: "outlet",
  出处: "outlet",
  place: "place",
  location: "place",
  地点: "place",
  发布地: "place",
  summary: "summary",
  摘要: "summary",
  导语: "summary",
};
const HEADER_KEYS = Object.keys(HEADER_FIELDS);

/** A line that is only a date (and maybe a time): `2024-03-01`, `2024年3月1日 10:00`. */
const DATE_LINE =
  /^\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?)\s*$/;
const ISO_IN_LINE = /\b(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)\b/;
const URL = /^https?:\/\/\S+$/;

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 20000);
  if (/<!doctype html|<html[\s>]|<body[\s>]|<article[\s>]|<main[\s>]/i.test(head)) return true;
  // A fragment: starts with a tag and is mostly block elements (Markdown with a little HTML is not).
  const blocks = head.match(/<\/(p|div|h[1-6]|li|section)>/gi)?.length ?? 0;
  return head.trimStart().startsWith("<") && blocks >= 3;
}

// ---------------------------------------------------------------------------------------
// Plain text and Markdown

function setField(fields: Record<string, unknown>, field: string, value: string): void {
  const v = value.trim();
  if (!v || fields[field] !== undefined) return;
  if (field === "outlet" && URL.test(v)) field = "source";
  if (field === "source" && !URL.test(v)) field = "outlet";
  if (fields[field] === undefined) fields[field] = v;
}

function extractText(text: string): Extraction {
  const lines = repairSplitHeadings(splitLines(text));
  const fields: Record<string, unknown> = {};
  const metadataLines = new Set<number>();

  // The leading block: the title, then header lines and bare date lines, blank lines between.
  let seen = 0;
  let i = 0;
  for (; i < lines.length && seen < 15; i++) {
    const line = lines[i] ?? "";
    if (!line.trim()) continue;
    seen++;
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    const header = headerValue(line.replace(/^[*_]+|[*_]+$/g, ""), HEADER_KEYS);
    const by = /^\s*by\s+([^\d:：]{2,60})$/i.exec(line);
    const dateLine = DATE_LINE.exec(line);
    if (header) {
      setField(fields, HEADER_FIELDS[header.key] ?? header.key, header.value);
    } else if (dateLine?.[1] && fields.date === undefined) {
      fields.date = dateLine[1];
    } else if (by?.[1] && fields.author === undefined) {
      fields.author = by[1].trim();
    } else if (fields.title === undefined && (heading || (seen === 1 && [...line.trim()].length <= 200))) {
      // The title: the first heading, or the first thing the clipping says if it is line-sized.
      fields.title = heading?.[1] ?? line.trim();
    } else {
      break;
    }
    metadataLines.add(i);
  }
  const bodyStart = i;

  // Failing a header, an ISO date on one of the first short lines (a dateline or byline).
  if (fields.date === undefined) {
    let n = 0;
    for (let k = 0; k < lines.length && n < 5; k++) {
      const line = lines[k] ?? "";
      if (!line.trim()) continue;
      n++;
      const iso = line.length <= 100 ? ISO_IN_LINE.exec(line) : null;
      if (iso?.[1]) {
        fields.date = iso[1];
        break;
      }
    }
  }

  const body = lines.slice(bodyStart).filter((_l, k) => !metadataLines.has(k + bodyStart));
  return {
    fields,
    body: tidyMarkdown(unwrapEmptyLinks(body.join("\n"))),
    noiseLines: 0,
    strippedSamples: [],
  };
}

// ---------------------------------------------------------------------------------------
// HTML pages

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    const name = (m[1] ?? "").toLowerCase();
    out[name] = decodeEntities(m[3] ?? m[4] ?? m[5] ?? "");
  }
  return out;
}

function metaTags(html: string): Map<string, string> {
  const meta = new Map<string, string>();
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const key = (a.property ?? a.name ?? a.itemprop ?? "").toLowerCase();
    if (key && a.content !== undefined && !meta.has(key)) meta.set(key, a.content.trim());
  }
  return meta;
}

function innerText(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, "")).replace(/\s+/g, " ").trim();
}

/** The outermost element of `tag`, from its first opening to its last closing tag. */
function outermost(html: string, tag: string): string | undefined {
  const open = new RegExp(`<${tag}[\\s>]`, "i").exec(html);
  const close = html.toLowerCase().lastIndexOf(`</${tag}>`);
  if (!open || close < open.index) return undefined;
  return html.slice(open.index, close + tag.length + 3);
}

function firstOf(...values: Array<string | undefined>): string | undefined {
  return values.map((v) => v?.trim()).find((v) => !!v);
}

function extractHtml(html: string): Extraction {
  const meta = metaTags(html);
  const canonical = /<link\b[^>]*rel=["']?canonical["']?[^>]*>/i.exec(html);
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const time = /<time\b[^>]*datetime=["']([^"']+)["'][^>]*>/i.exec(html);
  const ldDate = /"datePublished"\s*:\s*"([^"]+)"/.exec(html);

  const fields: Record<string, unknown> = {};
  const set = (k: string, v: string | undefined): void => {
    if (v) fields[k] = v;
  };
  set("title", firstOf(meta.get("og:title"), meta.get("twitter:title"), h1 ? innerText(h1[1] ?? "") : undefined, titleTag ? innerText(titleTag[1] ?? "") : undefined));
  set(
    "date",
    firstOf(
      meta.get("article:published_time"),
      meta.get("datepublished"),
      meta.get("pubdate"),
      meta.get("publishdate"),
      meta.get("publish-date"),
      meta.get("dc.date.issued"),
      meta.get("dc.date"),
      meta.get("date"),
      ldDate?.[1],
      time?.[1],
    ),
  );
  const source = firstOf(canonical ? attributes(canonical[0]).href : undefined, meta.get("og:url"));
  set("source", source && URL.test(source) ? source : undefined);
  set("outlet", meta.get("og:site_name"));
  const author = firstOf(meta.get("author"), meta.get("article:author"));
  set("author", author && !URL.test(author) ? author : undefined);
  set("summary", firstOf(meta.get("og:description"), meta.get("description")));
  const image = meta.get("og:image");
  set("image", image && URL.test(image) ? image : undefined);

  const page = outermost(html, "body") ?? html;
  const region = outermost(page, "article") ?? outermost(page, "main") ?? page;
  const drop = ["nav", "header", "footer", "aside", "head", "title"];
  const base = typeof fields.source === "string" ? fields.source : undefined;
  let body = htmlToMarkdown(region, { drop, ...(base ? { baseUrl: base } : {}) });
  // The title is in the front matter; a heading repeating it at the top goes.
  const title = typeof fields.title === "string" ? fields.title : "";
  body = body.replace(/^#{1,6}\s+(.+)\n*/, (m, h: string) => (h.trim() === title ? "" : m));

  // Noise: what a reader of the whole page saw that the article does not keep.
  const kept = new Set(body.split("\n").map((l) => l.trim()));
  const whole = htmlToMarkdown(page, { ...(base ? { baseUrl: base } : {}) });
  const noise = new NoiseLog();
  for (const l of whole.split("\n")) if (!kept.has(l.trim()) && l.trim() !== title) noise.drop(l);

  return { fields, body, noiseLines: noise.count, strippedSamples: noise.samples };
}

export const generic: ClippingFormat = {
  id: "generic",
  label: "Plain text, Markdown or HTML page (fallback)",
  detect: () => true,
  extract: (text) => (looksLikeHtml(text) ? extractHtml(text) : extractText(text)),
};
