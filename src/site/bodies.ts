// Article bodies reach their pages after Eleventy has written them. Eleventy keeps every page
// it renders in memory until the build ends (each page's final HTML, twice), so bodies that
// passed through it made the render's memory grow with the size of the corpus. In a build the
// article template writes a marker where the body goes, and this pass puts each body in its
// page, one file at a time. Under `npm start` the template reads the body itself.
import { promises as fs } from "node:fs";
import path from "node:path";
import { BODIES_DIR } from "../ingest/dataset.ts";
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

export async function readBody(dataDir: string, slug: string): Promise<string> {
  return pageBody(await fs.readFile(path.join(dataDir, BODIES_DIR, `${slug}.html`), "utf8"));
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
    const [page, body] = await Promise.all([fs.readFile(file, "utf8"), readBody(dataDir, slug)]);
    const marker = bodyMarker(slug);
    const at = page.indexOf(marker);
    if (at < 0) throw new Error(`${file}: no place for the body of ${slug}`);
    await fs.writeFile(file, page.slice(0, at) + body + page.slice(at + marker.length));
  };
  // A few files at a time: enough to keep the disk busy, few enough to keep memory flat.
  const lanes = Array.from({ length: 8 }, async () => {
    while (next < pages.length) await one(pages[next++]!);
  });
  await Promise.all(lanes);
  return pages.length;
}
