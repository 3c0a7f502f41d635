// HTML → Markdown for clippings that carry HTML (feed items, saved pages). Turndown does the
// conversion; the rules here keep what a reader of the clipping sees as part of the article:
// images on their own lines with their captions, `<small>`/`<figcaption>` caption text, and
// real image addresses instead of the resizing proxies feed readers wrap them in.
import TurndownService from "turndown";
import { tidyMarkdown, unwrapEmptyLinks } from "./text.ts";

export interface HtmlToMarkdownOptions {
  /** Extra tags to drop with their content (page chrome: nav, aside, footer…). */
  drop?: string[];
  /** Base for relative `src`/`href`, when the page's own address is known. */
  baseUrl?: string;
}

/** Tags that never carry article text. */
const ALWAYS_DROPPED = ["script", "style", "noscript", "template", "iframe", "form", "button", "svg", "select", "input"];

/**
 * `https://images.weserv.nl/?url=static.dw.com/x.jpg` → `https://static.dw.com/x.jpg`.
 * The proxy only resizes; the original is the stable address. weserv's `ssl:` prefix means https.
 */
export function unwrapImageProxy(src: string): string {
  let u: URL;
  try {
    u = new URL(src, "https://invalid.example/");
  } catch {
    return src;
  }
  if (!/(^|\.)(images\.)?weserv\.nl$/.test(u.hostname)) return src;
  const target = u.searchParams.get("url");
  if (!target) return src;
  const t = target.trim().replace(/^ssl:/, "https://");
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t.replace(/^\/+/, "")}`;
}

function resolveUrl(href: string, base: string | undefined): string {
  const h = href.trim();
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith("#")) return h;
  try {
    return new URL(h, base).href;
  } catch {
    return h;
  }
}

/** Markdown-safe URL: spaces and parentheses would end the link early. */
function mdUrl(url: string): string {
  return url.replace(/ /g, "%20").replace(/\(/g, "%28").replace(/\)/g, "%29");
}

function mdAlt(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[[\]\\]/g, "\\$&").trim();
}

function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, " ").trim();
}

function elementSibling(node: Element): Element | null {
  return node.nextElementSibling;
}

/** Caption-like element: a `<small>`, bold title or figcaption, or a block holding only a `<small>`. */
function captionText(el: Element | null): string {
  if (!el) return "";
  const tag = el.nodeName.toLowerCase();
  if (tag === "small" || tag === "figcaption" || tag === "b" || tag === "strong") return textOf(el);
  if (tag === "div" || tag === "p" || tag === "span") {
    const small = el.querySelector("small, figcaption");
    if (small && textOf(small) === textOf(el)) return textOf(small);
  }
  return "";
}

/** The caption a reader sees with an image: figcaption, else a caption element right after it. */
function captionFor(img: Element): string {
  const figure = img.closest("figure");
  if (figure) {
    const cap = figure.querySelector("figcaption");
    if (cap) return textOf(cap);
  }
  const direct = captionText(elementSibling(img));
  if (direct) return direct;
  // `<p><img></p><p><small>…</small></p>`: the image alone in its block, the caption in the next.
  const parent = img.parentElement;
  if (parent && parent.children.length === 1 && textOf(parent) === "") return captionText(elementSibling(parent));
  return "";
}

function isAlone(el: Element): boolean {
  const parent = el.parentElement;
  return !!parent && textOf(parent) === textOf(el);
}

function service(opts: HtmlToMarkdownOptions): TurndownService {
  const td = new TurndownService({
    headingStyle: "atx",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "*",
    strongDelimiter: "**",
    // A backslash hard break survives the trimming of trailing spaces.
    br: "\\",
  });
  td.remove([...ALWAYS_DROPPED, ...(opts.drop ?? [])] as TurndownService.TagName[]);

  td.addRule("image", {
    filter: "img",
    replacement: (_content, node) => {
      const el = node as unknown as Element;
      const raw = el.getAttribute("src") || el.getAttribute("data-src") || "";
      if (!raw.trim()) return "";
      const src = mdUrl(unwrapImageProxy(resolveUrl(raw, opts.baseUrl)));
      const alt = mdAlt(el.getAttribute("alt") || captionFor(el));
      const md = `![${alt}](${src})`;
      // Inside a link the image is the link's text; elsewhere it stands on its own line.
      return el.closest("a") ? md : `\n\n${md}\n\n`;
    },
  });

  td.addRule("link", {
    filter: (node) => node.nodeName === "A" && !!node.getAttribute("href"),
    replacement: (content, node) => {
      const el = node as unknown as Element;
      const href = resolveUrl(el.getAttribute("href") ?? "", opts.baseUrl);
      const text = content.trim();
      if (!text) return "";
      if (href === "" || href === "#" || /^javascript:/i.test(href)) return text;
      const title = el.getAttribute("title");
      const t = title ? ` "${title.replace(/"/g, '\\"')}"` : "";
      return `[${text}](${mdUrl(href)}${t})`;
    },
  });

  // `- item` and `1. item` rather than turndown's `-   item`; continuation lines indented to match.
  td.addRule("listItem", {
    filter: "li",
    replacement: (content, node) => {
      const el = node as unknown as Element;
      const parent = el.parentElement;
      let prefix = "- ";
      if (parent?.nodeName === "OL") {
        const start = Number(parent.getAttribute("start") ?? "1");
        prefix = `${(Number.isFinite(start) ? start : 1) + Array.prototype.indexOf.call(parent.children, el)}. `;
      }
      const text = content.replace(/^\n+/, "").replace(/\n+$/, "\n").replace(/\n(?!$)/gm, `\n${" ".repeat(prefix.length)}`);
      return prefix + text + (el.nextSibling && !text.endsWith("\n") ? "\n" : "");
    },
  });

  // Caption text is content: a line of its own, in italics, under the image it describes.
  td.addRule("figcaption", {
    filter: "figcaption",
    replacement: (content) => captionLine(content),
  });
  td.addRule("small", {
    filter: "small",
    replacement: (content, node) => (isAlone(node as unknown as Element) ? captionLine(content) : content),
  });

  return td;
}

function captionLine(content: string): string {
  const t = content.trim();
  if (!t) return "";
  return t.includes("*") ? `\n\n${t}\n\n` : `\n\n*${t}*\n\n`;
}

export function htmlToMarkdown(html: string, opts: HtmlToMarkdownOptions = {}): string {
  return tidyMarkdown(unwrapEmptyLinks(service(opts).turndown(html)));
}
