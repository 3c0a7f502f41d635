// Feed items as a feed reader saves them (DW Chinese is the one we have): an
// `<!--epoch ms-->` comment (when the reader fetched the item), a Markdown link heading
// `[title](url)` underlined with `------`, then the item's HTML: the publication time as ISO
// in `<i>`, a lead image with a `<small>` caption, the paragraphs, sometimes a gallery, and
// the outlet's copyright line. All of the HTML after the time is the article.
import type { ClippingFormat, Extraction } from "../types.ts";
import { normalizeDate } from "../../normalize/date.ts";
import { htmlToMarkdown } from "../html.ts";
import { hostOf } from "../outlet.ts";
import { splitLines } from "../text.ts";

const EPOCH_COMMENT = /^\s*<!--\s*(\d{10}|\d{13})\s*-->\s*$/;
const LINK_HEADING = /^\s*\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)\s*$/;
const UNDERLINE = /^\s*(-{3,}|={3,})\s*$/;
/** The ISO publication time in `<i>`, with the `<div>` that holds only it. */
const TIME_ELEMENT =
  /(?:<div[^>]*>\s*)?<i[^>]*>(?:\s|<br\s*\/?>)*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)(?:\s|<br\s*\/?>)*<\/i>(?:\s*<\/div>)?/i;

interface Head {
  fetched?: string;
  title: string;
  source: string;
  /** Line index where the HTML starts. */
  htmlStart: number;
}

function parseHead(lines: readonly string[]): Head | undefined {
  const idx: number[] = [];
  for (let i = 0; i < lines.length && idx.length < 3; i++) if ((lines[i] ?? "").trim()) idx.push(i);
  let k = 0;
  let fetched: string | undefined;
  const epoch = EPOCH_COMMENT.exec(lines[idx[0] ?? -1] ?? "");
  if (epoch?.[1]) {
    const n = normalizeDate(epoch[1], { zone: "UTC" });
    if (n.ok) fetched = n.value.iso;
    k = 1;
  }
  const link = LINK_HEADING.exec(lines[idx[k] ?? -1] ?? "");
  const under = idx[k + 1];
  if (!link?.[1] || !link[2] || under === undefined || !UNDERLINE.test(lines[under] ?? "")) return undefined;
  return { ...(fetched ? { fetched } : {}), title: link[1].trim(), source: link[2], htmlStart: under + 1 };
}

function detect(text: string): boolean {
  const lines = splitLines(text);
  const head = parseHead(lines);
  if (!head) return false;
  return /<(p|div|img|h[1-6])\b[^>]*>/i.test(lines.slice(head.htmlStart).join("\n"));
}

/** DW items link related articles through its API; readers need the article page. */
function readableDwLinks(markdown: string, source: string): string {
  const lang = /dw\.com\/([a-z]{2}(?:-[a-z]+)?)\//i.exec(source)?.[1] ?? "zh";
  return markdown.replace(
    /\]\(https?:\/\/api\.dw\.com\/api\/detail\/article\/(\d+)\)/g,
    (_m, id: string) => `](https://www.dw.com/${lang}/a-${id})`,
  );
}

function outletName(source: string, html: string): string | undefined {
  const host = hostOf(source);
  if (!host) return undefined;
  if (host === "dw.com" || host.endsWith(".dw.com")) {
    // DW's Chinese service calls itself 德国之声; its other services, DW.
    return /德国之声|\/zh\//.test(`${source} ${html}`) ? "德国之声" : "DW";
  }
  return undefined;
}

function extract(text: string): Extraction {
  const lines = splitLines(text);
  const head = parseHead(lines);
  if (!head) throw new Error("not a feed item: no `[title](url)` heading underlined with `---`");
  let html = lines.slice(head.htmlStart).join("\n");
  const fields: Record<string, unknown> = { title: head.title, source: head.source };

  const time = TIME_ELEMENT.exec(html);
  if (time?.[1]) {
    fields.date = time[1];
    html = html.replace(time[0], "");
  }
  const outlet = outletName(head.source, html);
  if (outlet) fields.outlet = outlet;
  if (head.fetched) fields.fetched = head.fetched;

  const body = readableDwLinks(htmlToMarkdown(html), head.source);
  // No zone: the time carries its offset, and a feed may be in any language.
  return { fields, body, noiseLines: 0, strippedSamples: [] };
}

export const dwRss: ClippingFormat = {
  id: "dw-rss",
  label: "Feed item (epoch comment, link heading, HTML), e.g. DW RSS",
  detect,
  extract,
};
