// Article bodies reach their pages after Eleventy has written them. Eleventy keeps every page
// it renders in memory until the build ends (each page's final HTML, twice), so bodies that
// passed through it made the render's memory grow with the size of the corpus. In a build the
// article template writes a marker where the body goes, and this pass puts each body in its
// page, one file at a time. Under `npm start` the template reads the body itself.
import { promises as fs } from "node:fs";
import { bodyFile } from "../model/dataset.ts";
import { fillMissingAlts } from "../render/markdown.ts";
import { t, DEFAULT_UI_LANG } from "./i18n.ts";

const MARKER_OPEN = "<!--kb-article-body:";
const MARKER_CLOSE = "-->";

/** Where the body of `slug` goes. Content can never produce it: comments are sanitized away. */
export function bodyMarker(slug: string): string {
  return `${MARKER_OPEN}${slug}${MARKER_CLOSE}`;
}

const imageFallback = { alt: t("imageAlt", DEFAULT_UI_LANG), lang: DEFAULT_UI_LANG, en: t("imageAlt", "en") };

/** A body as the page shows it: images without alt text get one in both interface languages. */
export function pageBody(html: string): string {
  return fillMissingAlts(html, imageFallback);
}

const IMG_TAG = Buffer.from("<img");
const GT = 0x3e;

/** A byte that continues a word after "<img" (`\b` in fillMissingAlts' pattern is not there). */
function isWordByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;
}

/**
 * pageBody on UTF-8 bytes: only the image tags that change are decoded. A body goes from its
 * file to its page without being decoded and encoded again (1 GB at 10,000 articles, a tenth
 * of the render workers' memory faults: docs/performance.md). Tags begin with "<" and end with
 * ">", which UTF-8 never uses inside a character, so each tag is found among the bytes and
 * treated exactly as pageBody treats it.
 */
export function pageBodyBytes(html: Buffer): Buffer {
  const parts: Buffer[] = [];
  let copied = 0;
  let from = 0;
  for (let at = html.indexOf(IMG_TAG); at >= 0; at = html.indexOf(IMG_TAG, from)) {
    from = at + IMG_TAG.length;
    const after = html[from];
    if (after !== undefined && isWordByte(after)) continue;
    const end = html.indexOf(GT, from);
    if (end < 0) break;
    from = end + 1;
    const tag = html.toString("utf8", at, from);
    const filled = pageBody(tag);
    if (filled !== tag) {
      parts.push(html.subarray(copied, at), Buffer.from(filled));
      copied = from;
    }
  }
  if (copied === 0) return html;
  parts.push(html.subarray(copied));
  return Buffer.concat(parts);
}

/** The pages of an Eleventy run that wait for a body, and whose: read from their markers. */
export function pagesAwaitingBodies(written: ReadonlyArray<{ outputPath?: unknown; content?: unknown }>): Array<{ slug: string; file: string }> {
  const out: Array<{ slug: string; file: string }> = [];
  for (const page of written) {
    if (typeof page.content !== "string" || typeof page.outputPath !== "string") continue;
    const at = page.content.indexOf(MARKER_OPEN);
    if (at < 0) continue;
    const end = page.content.indexOf(MARKER_CLOSE, at);
    out.push({ slug: page.content.slice(at + MARKER_OPEN.length, end), file: page.outputPath });
  }
  return out;
}

/** Puts each body into its written page; throws naming a page without its marker. */
export async function injectBodies(dataDir: string, pages: ReadonlyArray<{ slug: string; file: string }>): Promise<number> {
  let next = 0;
  const one = async ({ slug, file }: { slug: string; file: string }) => {
    const [page, body] = await Promise.all([fs.readFile(file), fs.readFile(bodyFile(dataDir, slug)).then(pageBodyBytes)]);
    // The marker is ASCII and the page UTF-8: found among the bytes as among the characters.
    const marker = Buffer.from(bodyMarker(slug));
    const at = page.indexOf(marker);
    if (at < 0) throw new Error(`${file}: no place for the body of ${slug}`);
    await fs.writeFile(file, Buffer.concat([page.subarray(0, at), body, page.subarray(at + marker.length)]));
  };
  // A few files at a time: enough to keep the disk busy, few enough to keep memory flat.
  const lanes = Array.from({ length: 8 }, async () => {
    while (next < pages.length) await one(pages[next++]!);
  });
  await Promise.all(lanes);
  return pages.length;
}
