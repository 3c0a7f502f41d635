// Article Markdown becomes HTML once, in ingest; pages only insert it. Raw HTML in notes is
// allowed (users paste tables, <sup>, <details>) but goes through sanitize-html's allowlist, and
// whatever the allowlist removes is reported once per kind per note (with its count and first
// line), never dropped silently. Classes the content configuration names (site.yaml
// html.classes) are kept, silently. A body without raw HTML is markup markdown-it wrote itself,
// every text and attribute escaped; it is made to keep to the same allowlist (no classes or
// styles, links and images judged by sanitize-html itself) and skips the sanitizer, a tenth of
// ingest (docs/performance.md).
import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { Parser } from "htmlparser2";
import { slugify } from "../normalize/slug.ts";
import type { Heading } from "../model/dataset.ts";
import { literalUnknownTags } from "./literal-tags.ts";
import { wikilinks, type LinkTargets, type WikilinkEnv, type WikilinkOutcome } from "./wikilinks.ts";

/** What a run renders every body with: the same for every note, passed to the ingest threads. */
export interface RenderOptions {
  /** Classes kept on any allowed element (site.yaml `html.classes`). */
  classes?: readonly string[];
  /** Where [[wikilinks]] lead (src/render/wikilinks.ts). */
  links?: LinkTargets;
}

/** One kind of removal in one body: how often, and where first (body line, 1-based). */
export interface Removal {
  what: string;
  line: number;
  count: number;
}

export interface RenderedBody {
  html: string;
  headings: Heading[];
  /** The first paragraph as plain text. */
  firstParagraph: string;
  /** A `#` heading that opens the body, before any other block: the note's own title. */
  leadingH1?: string;
  /** All text, for word counts and search. */
  text: string;
  /** What sanitizing removed, one entry per kind, in order of first appearance. */
  removed: Removal[];
  /**
   * Originals of a bilingual transcript: `<details>` whose summary says it holds the original
   * ("View/Hide Original English", "原文"). The page offers to open them all.
   */
  originals: number;
  /** [[Wikilinks]] that led somewhere, and each target that did not (once, at its first line). */
  wikilinks: { resolved: number; unresolved: Array<{ target: string; line: number }> };
  /** Images of the content folder the body shows (![[image.png]]), as paths in that folder. */
  attachments: string[];
  /** The first body line nested deeper than a page shows (quotes in quotes, lists in lists), when one is. */
  flattenedFrom?: number;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong", "b", "i", "u",
    "s", "del", "ins", "mark", "small", "sub", "sup", "kbd", "abbr", "cite", "q", "span", "div", "ul", "ol", "li",
    "dl", "dt", "dd", "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "details", "summary", "ruby", "rt", "rp",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel", "id"],
    img: ["src", "alt", "title", "width", "height", "loading", "decoding", "referrerpolicy"],
    "*": ["id", "lang", "dir"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
    abbr: ["title"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  // Text inside removed elements (a <script>'s code) is dropped with them; we report it.
  disallowedTagsMode: "discard",
  // Images pasted as raw HTML get what Markdown images get (see the image rule below).
  transformTags: {
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, ...IMAGE_ATTRS } }),
    iframe: (tagName, attribs) => {
      const href = embedAsLink(attribs.src);
      return href ? { tagName: "a", attribs: { href, rel: "noopener noreferrer", ...(attribs.title ? { title: attribs.title } : {}) }, text: href } : { tagName, attribs };
    },
  },
};

/**
 * An embedded page (a YouTube or Bilibili player) cannot be framed under the site's CSP; it
 * becomes a link to what it showed, so nothing of the note is lost. Its web address, or
 * undefined for one that is not a web address.
 */
export function embedAsLink(src: string | undefined): string | undefined {
  const s = src?.trim() ?? "";
  if (s.startsWith("//")) return `https:${s}`;
  return /^https?:\/\/[^\s/]/i.test(s) ? s : undefined;
}

/** Every image is remote and below the fold more often than not; WeChat's host refuses a Referer. */
const IMAGE_ATTRS = { loading: "lazy", decoding: "async", referrerpolicy: "no-referrer" } as const;

/** The body as the page may show it: everything outside the allowlist removed. */
export function sanitizeBody(html: string, classes: readonly string[] = []): string {
  return sanitizeHtml(html, sanitizeOptions(classes));
}

const optionsByClasses = new Map<string, sanitizeHtml.IOptions>();

/** The allowlist with the collection's classes on every allowed element. */
function sanitizeOptions(classes: readonly string[]): sanitizeHtml.IOptions {
  if (!classes.length) return SANITIZE;
  const k = classes.join(" ");
  let o = optionsByClasses.get(k);
  if (!o) optionsByClasses.set(k, (o = { ...SANITIZE, allowedClasses: { "*": [...classes] } }));
  return o;
}

/** Text as a double-quoted attribute value. */
function escapeAttr(v: string): string {
  return v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Whether the sanitizer keeps this URL on this tag: one decision, the sanitizer's own, for
 * markdown-it's links and for the report on raw HTML. `valueHtml` is the attribute's value as
 * HTML writes it (entities not decoded: `java&#115;cript:` is javascript: to the sanitizer too).
 */
function urlKept(tag: string, attr: string, valueHtml: string): boolean {
  // Nearly every URL: both tags allow http(s) to a host (130,000 links and images at 10,000 notes).
  if (/^https?:\/\/[a-z0-9]/i.test(valueHtml)) return true;
  return sanitizeBody(`<${tag} ${attr}="${valueHtml.replace(/"/g, "&quot;")}">`).includes(` ${attr}="`);
}

function dropAttr(token: Token, name: string): void {
  if (token.attrs) token.attrs = token.attrs.filter(([k]) => k !== name);
}

function createParser(): MarkdownIt {
  // xhtmlOut: <br /> and <img … />, as the sanitizer writes them, whichever path a body takes.
  const md = markdownIt({ html: true, linkify: true, typographer: false, xhtmlOut: true });
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const ours = (token.meta as { wikilink?: unknown } | null)?.wikilink;
    if (!ours && !urlKept("img", "src", escapeAttr(String(token.attrGet("src") ?? "")))) dropAttr(token, "src");
    // The caption under the image says what it shows better than the alt a clipper left.
    const caption = (token.meta as { caption?: string } | null)?.caption;
    token.attrSet("alt", (caption ?? self.renderInlineAsText(token.children ?? [], options, env)).trim());
    for (const [k, v] of Object.entries(IMAGE_ATTRS)) token.attrSet(k, v);
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet("href") ?? "");
    // A wikilink's href is ours, a path to one of the site's pages.
    if ((token.meta as { wikilink?: unknown } | null)?.wikilink) return self.renderToken(tokens, idx, options);
    if (!urlKept("a", "href", escapeAttr(href))) dropAttr(token, "href");
    else if (/^https?:\/\//i.test(href)) token.attrSet("rel", "noopener noreferrer");
    return self.renderToken(tokens, idx, options);
  };
  md.use(wikilinks);
  md.use(literalUnknownTags);
  return md;
}

const md = createParser();

function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? "";
  let out = "";
  let lineBreak = false;
  for (const t of token.children) {
    if (t.type === "softbreak" || t.type === "hardbreak") lineBreak = true;
    if ((t.type !== "text" && t.type !== "code_inline" && t.type !== "wikilink_text") || !t.content) continue;
    // A line break inside a paragraph is a space between words ("libraries." / "Compilers"
    // made one word of two, for search and excerpts) but nothing between Chinese characters,
    // whose sentence runs on across the break, as the page shows it.
    if (lineBreak && out && !(CJK_END.test(out) && CJK_START.test(t.content))) out += " ";
    lineBreak = false;
    out += t.content;
  }
  return out;
}

const CJK_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;


/** The words of a caption line, or undefined: all italic, or all in 【】 or [] brackets. */
export function captionText(inline: Token): string | undefined {
  const children = (inline.children ?? []).filter((c) => !(c.type === "text" && !c.content.trim()));
  const text = inlineText(inline).trim();
  if (!text) return undefined;
  if (children[0]?.type === "em_open" && children.at(-1)?.type === "em_close" && children.filter((c) => c.type === "em_open").length === 1) return text;
  if (children.some((c) => c.type !== "text")) return undefined;
  const bracketed = /^【([^【】]+)】$/.exec(text) ?? /^\[([^[\]]+)\]$/.exec(text);
  return bracketed?.[1]?.trim();
}

function isImageParagraph(tokens: Token[], i: number): boolean {
  const inline = tokens[i + 1];
  const children = (inline?.children ?? []).filter((c) => !(c.type === "text" && !c.content.trim()) && c.type !== "softbreak");
  return tokens[i]?.type === "paragraph_open" && inline?.type === "inline" && tokens[i + 2]?.type === "paragraph_close" && children.length === 1 && children[0]!.type === "image";
}

/**
 * An image alone in its paragraph with a caption line right under it becomes a <figure> with
 * a <figcaption>, and the caption becomes the image's alt text.
 */
function captionImages(tokens: Token[]): void {
  for (let i = 0; i + 5 < tokens.length; i++) {
    if (!isImageParagraph(tokens, i) || tokens[i + 3]?.type !== "paragraph_open" || tokens[i + 5]?.type !== "paragraph_close") continue;
    const caption = captionText(tokens[i + 4]!);
    if (!caption) continue;
    const image = tokens[i + 1]!.children!.find((c) => c.type === "image")!;
    image.meta = { ...(image.meta ?? {}), caption };
    tokens[i]!.tag = "figure";
    tokens[i + 3]!.tag = "figcaption";
    tokens[i + 5]!.tag = "figcaption";
    // The image paragraph's close now closes the figure, after the caption.
    const [close] = tokens.splice(i + 2, 1);
    close!.tag = "figure";
    tokens.splice(i + 5, 0, close!);
    i += 5;
  }
}

/**
 * Gives every image without alt text a generic one, in the interface language, with the
 * English for the client to swap in. Works on sanitized HTML, whose attribute values are quoted
 * and escaped, so a tag never contains a stray ">".
 */
export function fillMissingAlts(html: string, fallback: { alt: string; lang: string; en: string }): string {
  return html.replace(/<img\b[^>]*>/g, (tag) => {
    if (/\salt="[^"]*[^"\s][^"]*"/.test(tag)) return tag;
    const rest = tag.slice(4).replace(/\salt="\s*"/, "");
    return `<img alt="${escapeAttr(fallback.alt)}" lang="${escapeAttr(fallback.lang)}" data-en-alt="${escapeAttr(fallback.en)}"${rest}`;
  });
}

/**
 * Section headings start at h2 under the page's h1 and skip no level: notes often use ### for
 * their top sections. Levels 2–6 are renumbered in order (### and ##### become h2 and h3); an h1
 * in the body stays one (ingest reads it as the title when front matter has none).
 */
function closeHeadingGaps(tokens: Token[]): void {
  const used = [...new Set(tokens.filter((t) => t.type === "heading_open" && t.tag !== "h1").map((t) => Number(t.tag.slice(1))))].sort();
  const to = new Map(used.map((level, i) => [level, `h${i + 2}`]));
  for (const t of tokens) if ((t.type === "heading_open" || t.type === "heading_close") && t.tag !== "h1") t.tag = to.get(Number(t.tag.slice(1)))!;
}

export function renderMarkdown(body: string, opts: RenderOptions = {}): RenderedBody {
  const classes = opts.classes ?? [];
  const env: WikilinkEnv = opts.links ? { linkTargets: opts.links } : {};
  let tokens = md.parse(body, env);
  // markdown-it stops reading a block nested maxNesting deep and leaves out what is inside it:
  // such a body is read again with its deepest levels brought up, so that none of its text is lost.
  let flattenedFrom: number | undefined;
  if (tokens.some((t) => t.level >= md.options.maxNesting - 1)) {
    const flat = flattenDeepNesting(body);
    if (flat.from !== undefined) {
      flattenedFrom = flat.from;
      tokens = md.parse(flat.body, env);
    }
  }
  const leadingH1 = tokens[0]?.type === "heading_open" && tokens[0].tag === "h1" ? inlineText(tokens[1]).trim() : "";
  closeHeadingGaps(tokens);
  captionImages(tokens);
  const headings: Heading[] = [];
  const usedIds = new Set<string>();
  const removed = new RemovalLog(new Set(classes));
  let firstParagraph = "";
  const textParts: string[] = [];
  let blockLine = 1;
  let rawHtml = false;
  let resolved = 0;
  const unresolved = new Map<string, number>();
  const attachments = new Set<string>();

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.map) blockLine = t.map[0] + 1;
    // What the allowlist would take off markdown-it's own markup: a fence's language class, a
    // table column's alignment style.
    if (t.type === "fence") t.info = "";
    if (t.type === "th_open" || t.type === "td_open") dropAttr(t, "style");
    if (t.type === "heading_open") {
      const text = inlineText(tokens[i + 1]).trim();
      let id = slugify(text, 6) || `section-${headings.length + 1}`;
      for (let n = 2; usedIds.has(id); n++) id = `${slugify(text, 6) || "section"}-${n}`;
      usedIds.add(id);
      t.attrSet("id", id);
      headings.push({ level: Number(t.tag.slice(1)), id, text });
    }
    if (t.type === "inline") {
      const text = inlineText(t);
      textParts.push(text);
      if (!firstParagraph && tokens[i - 1]?.type === "paragraph_open" && text.trim()) firstParagraph = text.trim();
      // A wikilink shown by another name ([[Wald test.pdf|Holy Trinity]]) is found by its
      // target too, as in Obsidian's own search: the target is searched, not shown.
      const hiddenTargets: string[] = [];
      const children = t.children ?? [];
      children.forEach((child, k) => {
        if (child.type === "html_inline") {
          rawHtml = true;
          removed.check(child.content, blockLine);
        }
        const link = (child.meta as { wikilink?: WikilinkOutcome } | null)?.wikilink;
        if (!link) return;
        if (link.attachment) attachments.add(link.attachment);
        if (link.resolved) resolved++;
        else if (!unresolved.has(link.target)) unresolved.set(link.target, blockLine);
        const shown = child.type === "link_open" ? (children[k + 1]?.content ?? "") : child.content;
        if (!link.attachment && link.target && !link.target.startsWith("#") && !shown.toLowerCase().includes(link.target.toLowerCase())) hiddenTargets.push(link.target);
      });
      if (hiddenTargets.length) textParts.push(hiddenTargets.join(" "));
    }
    if (t.type === "html_block") {
      rawHtml = true;
      removed.check(t.content, blockLine);
      textParts.push(htmlText(t.content));
    }
    if (t.type === "fence" || t.type === "code_block") textParts.push(t.content);
  }

  const rendered = md.renderer.render(tokens, md.options, env);
  const sanitized = rawHtml ? sanitizeBody(rendered, classes) : rendered;
  const { html, originals } = rawHtml ? markOriginals(sanitized) : { html: sanitized, originals: 0 };
  return {
    html,
    headings,
    firstParagraph,
    ...(leadingH1 ? { leadingH1 } : {}),
    text: textParts.join("\n"),
    removed: removed.entries,
    originals,
    wikilinks: { resolved, unresolved: [...unresolved].map(([target, line]) => ({ target, line })) },
    attachments: [...attachments],
    ...(flattenedFrom !== undefined ? { flattenedFrom } : {}),
  };
}

/** The deepest quote markers and list indentation a body keeps: well within markdown-it's maxNesting (100 levels) together. */
export const MAX_QUOTE_DEPTH = 24;
const MAX_INDENT = 48;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE_MARKER = / {0,3}>[ \t]?/y;

/**
 * Pure: a body whose lines quote more than MAX_QUOTE_DEPTH levels deep or are indented more than
 * MAX_INDENT columns, with those levels brought up to the limit (lines inside fenced code are left
 * as written). `from`: the first line changed (1-based), undefined when none was.
 */
export function flattenDeepNesting(body: string): { body: string; from?: number } {
  let from: number | undefined;
  let fence: string | undefined;
  const lines = body.split("\n").map((line, i) => {
    const f = FENCE.exec(line)?.[1];
    if (f && (fence === undefined || (f[0] === fence[0] && f.length >= fence.length))) {
      fence = fence === undefined ? f : undefined;
      return line;
    }
    if (fence !== undefined) return line;
    let out = line;
    let depth = 0;
    let kept = 0;
    let end = 0;
    QUOTE_MARKER.lastIndex = 0;
    while (QUOTE_MARKER.exec(out)) {
      end = QUOTE_MARKER.lastIndex;
      if (++depth === MAX_QUOTE_DEPTH) kept = end;
    }
    if (depth > MAX_QUOTE_DEPTH) out = out.slice(0, kept) + out.slice(end);
    const indent = /^[ \t]*/.exec(out)![0];
    const width = [...indent].reduce((w, c) => (c === "\t" ? w + 4 - (w % 4) : w + 1), 0);
    if (width > MAX_INDENT) out = " ".repeat(MAX_INDENT) + out.slice(indent.length);
    if (out !== line) from ??= i + 1;
    return out;
  });
  return from === undefined ? { body } : { body: lines.join("\n"), from };
}

/** A summary that says its details hold the original of the text above (in English or Chinese). */
const ORIGINAL_SUMMARY = /\boriginal\b|原文/i;
const ENGLISH_SUMMARY = /\benglish\b|英文/i;
const OTHER_LANGUAGE_SUMMARY = /\b(chinese|text|transcript)\b|中文/i;

/**
 * Marks each `<details>` holding a transcript's original (class "original", and lang="en" when
 * its summary says the original is English) on the sanitized body: the class is ours, not the
 * note's, so it is added after the allowlist. Counts them.
 */
export function markOriginals(html: string): { html: string; originals: number } {
  let originals = 0;
  const out = html.replace(/<details>(\s*<summary>([^<]*)<\/summary>)/g, (whole, rest: string, summary: string) => {
    if (!ORIGINAL_SUMMARY.test(summary)) return whole;
    originals++;
    const english = ENGLISH_SUMMARY.test(summary) && !OTHER_LANGUAGE_SUMMARY.test(summary.replace(/original\s+english/i, ""));
    return `<details class="original"${english ? ' lang="en"' : ""}>${rest}`;
  });
  return { html: out, originals };
}

/** Elements whose content is not text of the note. */
const NON_TEXT = new Set(["script", "style", "textarea", "option", "noscript", "summary"]);

/**
 * The text of a raw HTML fragment, for search and word counts: tags removed, entities decoded.
 * A <summary> is the label of a <details>, not text of the note ("View/Hide Original English"
 * a hundred times over would be found by every search for "original"). Read with sanitize-html's
 * own parser, not sanitize-html: nothing is kept but text, and a transcript has hundreds of such
 * fragments (a tenth of the time sanitize-html took on a real collection, same text).
 */
export function htmlText(fragment: string): string {
  let text = "";
  let inside = 0;
  const parser = new Parser(
    {
      onopentagname: (name) => void (NON_TEXT.has(name) && inside++),
      onclosetag: (name) => void (NON_TEXT.has(name) && inside && inside--),
      ontext: (t) => void (inside || (text += t)),
    },
    { decodeEntities: true },
  );
  parser.end(fragment);
  return text;
}

// Inline HTML comes in pieces (`<span>` and `</span>` separately), so it is judged tag by
// tag against the same allowlist the sanitizer applies: elements and attributes here, URLs by
// the sanitizer itself (urlKept).
const ALLOWED = new Set(SANITIZE.allowedTags as string[]);
const ATTRS = SANITIZE.allowedAttributes as Record<string, string[]>;
const ATTR_RE = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attrValue(attrs: string, name: string): string | undefined {
  for (const [, rawName, dq, sq, bare] of attrs.matchAll(ATTR_RE)) if (rawName!.toLowerCase() === name) return dq ?? sq ?? bare ?? "";
  return undefined;
}

/**
 * What the allowlist removes from one body, one entry per kind: 148,928 paragraphs with a class
 * in a real collection made as many warnings when each line had its own.
 */
class RemovalLog {
  readonly entries: Removal[] = [];
  private readonly byWhat = new Map<string, Removal>();

  constructor(private readonly classes: ReadonlySet<string>) {}

  check(fragment: string, line: number): void {
    const withoutComments = fragment.replace(/<!--[\s\S]*?-->/g, "");
    // A tag starts right after "<" (as HTML parsers read it): "that much,>< but I will" is text.
    for (const [, name, attrs] of withoutComments.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
      const tag = name!.toLowerCase();
      if (!ALLOWED.has(tag)) {
        // Shown as a link (SANITIZE's transformTags), not removed; a script on it is.
        if (tag === "iframe" && embedAsLink(attrValue(attrs!, "src"))) {
          if ([...attrs!.matchAll(ATTR_RE)].some((m) => m[1]!.toLowerCase().startsWith("on"))) this.add(`event-handler attribute on <${tag}>`, line);
          continue;
        }
        this.add(`<${tag}>`, line);
        continue;
      }
      const allowed = new Set([...(ATTRS[tag] ?? []), ...(ATTRS["*"] ?? [])]);
      for (const [, rawName, dq, sq, bare] of attrs!.matchAll(ATTR_RE)) {
        const attr = rawName!.toLowerCase();
        const value = dq ?? sq ?? bare ?? "";
        if (attr.startsWith("on")) this.add(`event-handler attribute on <${tag}>`, line);
        else if (attr === "class") {
          for (const c of value.split(/\s+/)) if (c && !this.classes.has(c)) this.add(`class "${c}" on <${tag}>`, line);
        } else if (!allowed.has(attr)) this.add(`attribute "${attr}" on <${tag}>`, line);
        else if ((attr === "href" || attr === "src") && !urlKept(tag, attr, value)) this.add(`unsafe URL on <${tag}>`, line);
      }
    }
  }

  private add(what: string, line: number): void {
    const seen = this.byWhat.get(what);
    if (seen) seen.count++;
    else {
      const entry = { what, line, count: 1 };
      this.byWhat.set(what, entry);
      this.entries.push(entry);
    }
  }
}

/** Characters of Chinese and words of Latin text: what reading time is measured in. */
export function countWords(text: string): number {
  // One pass over a table of the Basic Multilingual Plane: the regular expressions this
  // replaces built an array of every character of a note (a tenth of ingest at 1,000 notes).
  const kinds = (CHAR_KINDS ??= charKinds());
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const pair = text.slice(i, i + 2);
      kind = HAN_CHAR.test(pair) ? HAN_KIND : WORD_CHAR.test(pair) ? WORD_KIND : 0;
      i++;
    } else {
      kind = kinds[c]!;
    }
    if (kind === HAN_KIND) {
      words++;
      inWord = false;
    } else if (kind === WORD_KIND) {
      if (!inWord) words++;
      inWord = true;
    } else {
      inWord = false;
    }
  }
  return words;
}

const HAN_KIND = 1;
const WORD_KIND = 2;
const HAN_CHAR = /^\p{Script=Han}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
let CHAR_KINDS: Uint8Array | undefined;
function charKinds(): Uint8Array {
  const kinds = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    kinds[c] = HAN_CHAR.test(ch) ? HAN_KIND : WORD_CHAR.test(ch) ? WORD_KIND : 0;
  }
  return kinds;
}
