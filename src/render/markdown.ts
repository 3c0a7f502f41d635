// Article Markdown becomes HTML once, in ingest; pages only insert it. Raw HTML in notes is
// allowed (users paste tables, <sup>, <details>) but everything goes through sanitize-html's
// allowlist, and whatever the allowlist removes is reported with its line, never dropped silently.
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
};

function createParser(): MarkdownIt {
  const md = markdownIt({ html: true, linkify: true, typographer: false });
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    // WeChat's image host refuses requests that carry a Referer.
    token.attrSet("loading", "lazy");
    token.attrSet("decoding", "async");
    token.attrSet("referrerpolicy", "no-referrer");
    return defaultImage(tokens, idx, options, env, self);
  };
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet("href") ?? "");
    if (/^https?:\/\//i.test(href)) token.attrSet("rel", "noopener noreferrer");
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

export function renderMarkdown(body: string): RenderedBody {
  const tokens = md.parse(body, {});
  const headings: Heading[] = [];
  const usedIds = new Set<string>();
  const removed: RenderedBody["removed"] = [];
  let firstParagraph = "";
  const textParts: string[] = [];
  let blockLine = 1;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.map) blockLine = t.map[0] + 1;
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
        if (child.type === "html_inline") reportRemoved(child.content, blockLine, removed);
      }
    }
    if (t.type === "html_block") {
      reportRemoved(t.content, blockLine, removed);
      textParts.push(sanitizeHtml(t.content, { allowedTags: [], allowedAttributes: {} }));
    }
    if (t.type === "fence" || t.type === "code_block") textParts.push(t.content);
  }

  const html = sanitizeHtml(md.renderer.render(tokens, md.options, {}), SANITIZE);
  return { html, headings, firstParagraph, text: textParts.join("\n"), removed };
}

// Inline HTML comes in pieces (`<span>` and `</span>` separately), so it is judged tag by
// tag against the same allowlist the sanitizer applies.
const ALLOWED = new Set(SANITIZE.allowedTags as string[]);
function reportRemoved(fragment: string, line: number, out: RenderedBody["removed"]): void {
  const dropped = new Set<string>();
  const withoutComments = fragment.replace(/<!--[\s\S]*?-->/g, "");
  for (const [, name, attrs] of withoutComments.matchAll(/<\s*([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const lower = name!.toLowerCase();
    if (!ALLOWED.has(lower)) dropped.add(`<${lower}>`);
    else if (/\son[a-z]+\s*=/i.test(attrs!)) dropped.add(`event-handler attribute on <${lower}>`);
    else if (/(?:href|src)\s*=\s*["']?\s*(?:javascript|data|vbscript):/i.test(attrs!)) dropped.add(`unsafe URL on <${lower}>`);
  }
  if (dropped.size) out.push({ line, what: [...dropped].join(", ") });
}

/** Characters of Chinese and words of Latin text: what reading time is measured in. */
export function countWords(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.replace(/\p{Script=Han}/gu, " ").match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return han + latin;
}
