// Article Markdown becomes HTML once, in ingest; pages only insert it. Raw HTML in notes is
// allowed (users paste tables, <sup>, <details>) but goes through sanitize-html's allowlist, and
// whatever the allowlist removes is reported with its line, never dropped silently. A body
// without raw HTML is markup markdown-it wrote itself, every text and attribute escaped; it is
// made to keep to the same allowlist (no classes or styles, links and images judged by
// sanitize-html itself) and skips the sanitizer, a tenth of ingest (docs/performance.md).
import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { slugify } from "../normalize/slug.ts";

export interface Heading {
  level: number;
  id: string;
  text: string;
}

export interface RenderedBody {
  html: string;
  headings: Heading[];
  /** The first paragraph as plain text. */
  firstParagraph: string;
  /** All text, for word counts and search. */
  text: string;
  /** What sanitizing removed, by body line (1-based, relative to the body). */
  removed: Array<{ line: number; what: string }>;
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
  },
};

/** Every image is remote and below the fold more often than not; WeChat's host refuses a Referer. */
const IMAGE_ATTRS = { loading: "lazy", decoding: "async", referrerpolicy: "no-referrer" } as const;

/** The body as the page may show it: everything outside the allowlist removed. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, SANITIZE);
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
    if (!urlKept("img", "src", escapeAttr(String(token.attrGet("src") ?? "")))) dropAttr(token, "src");
    // The caption under the image says what it shows better than the alt a clipper left.
    const caption = (token.meta as { caption?: string } | null)?.caption;
    token.attrSet("alt", (caption ?? self.renderInlineAsText(token.children ?? [], options, env)).trim());
    for (const [k, v] of Object.entries(IMAGE_ATTRS)) token.attrSet(k, v);
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet("href") ?? "");
    if (!urlKept("a", "href", escapeAttr(href))) dropAttr(token, "href");
    else if (/^https?:\/\//i.test(href)) token.attrSet("rel", "noopener noreferrer");
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

const md = createParser();

function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? "";
  return token.children
    .filter((t) => t.type === "text" || t.type === "code_inline")
    .map((t) => t.content)
    .join("");
}

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

export function renderMarkdown(body: string): RenderedBody {
  const tokens = md.parse(body, {});
  closeHeadingGaps(tokens);
  captionImages(tokens);
  const headings: Heading[] = [];
  const usedIds = new Set<string>();
  const removed: RenderedBody["removed"] = [];
  let firstParagraph = "";
  const textParts: string[] = [];
  let blockLine = 1;
  let rawHtml = false;

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
      for (const child of t.children ?? []) {
        if (child.type === "html_inline") {
          rawHtml = true;
          reportRemoved(child.content, blockLine, removed);
        }
      }
    }
    if (t.type === "html_block") {
      rawHtml = true;
      reportRemoved(t.content, blockLine, removed);
      textParts.push(sanitizeHtml(t.content, { allowedTags: [], allowedAttributes: {} }));
    }
    if (t.type === "fence" || t.type === "code_block") textParts.push(t.content);
  }

  const rendered = md.renderer.render(tokens, md.options, {});
  const html = rawHtml ? sanitizeBody(rendered) : rendered;
  return { html, headings, firstParagraph, text: textParts.join("\n"), removed };
}

// Inline HTML comes in pieces (`<span>` and `</span>` separately), so it is judged tag by
// tag against the same allowlist the sanitizer applies: elements and attributes here, URLs by
// the sanitizer itself (urlKept).
const ALLOWED = new Set(SANITIZE.allowedTags as string[]);
const ATTRS = SANITIZE.allowedAttributes as Record<string, string[]>;
const ATTR_RE = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function reportRemoved(fragment: string, line: number, out: RenderedBody["removed"]): void {
  const dropped = new Set<string>();
  const withoutComments = fragment.replace(/<!--[\s\S]*?-->/g, "");
  for (const [, name, attrs] of withoutComments.matchAll(/<\s*([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const tag = name!.toLowerCase();
    if (!ALLOWED.has(tag)) {
      dropped.add(`<${tag}>`);
      continue;
    }
    const allowed = new Set([...(ATTRS[tag] ?? []), ...(ATTRS["*"] ?? [])]);
    for (const [, rawName, dq, sq, bare] of attrs!.matchAll(ATTR_RE)) {
      const attr = rawName!.toLowerCase();
      const value = dq ?? sq ?? bare ?? "";
      if (attr.startsWith("on")) dropped.add(`event-handler attribute on <${tag}>`);
      else if (!allowed.has(attr)) dropped.add(`attribute "${attr}" on <${tag}>`);
      else if ((attr === "href" || attr === "src") && !urlKept(tag, attr, value)) dropped.add(`unsafe URL on <${tag}>`);
    }
  }
  if (!dropped.size) return;
  // Several pieces of one line make one report.
  const last = out.at(-1);
  if (last?.line === line) {
    const what = new Set([...last.what.split(", "), ...dropped]);
    last.what = [...what].join(", ");
  } else out.push({ line, what: [...dropped].join(", ") });
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
