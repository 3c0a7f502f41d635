// The Eleventy side of the house: wiring only. Data comes shaped from src/site/shape.ts,
// strings and dates from src/site/i18n.ts; nothing here knows about articles' content.
import { readFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { loadConfig } from "../config.ts";
import { readDataset, BODIES_DIR } from "../ingest/dataset.ts";
import { shapeSite } from "./shape.ts";
import { t, formatDate, formatEventDate, readingMinutes, DEFAULT_UI_LANG, type UiLang } from "./i18n.ts";
import { toCsv } from "../timeline/csv.ts";
import type { Lang, NormalizedDate } from "../model/types.ts";

/** A site path under the path prefix; absolute URLs and fragments pass through. */
export function withPrefix(u: string, prefix: string): string {
  if (!u.startsWith("/") || u.startsWith("//")) return u;
  return `${prefix.replace(/\/$/, "")}${u}`;
}

export default function kbSite(eleventyConfig: UserConfig): void {
  const kb = loadConfig();

  eleventyConfig.addGlobalData("kb", async () => shapeSite(await readDataset(kb.dataDir), DEFAULT_UI_LANG, { pathPrefix: kb.pathPrefix }));
  eleventyConfig.addGlobalData("uiLang", DEFAULT_UI_LANG);

  // Bodies are read one page at a time, never held all at once.
  // Our own `url`, from the one config every part of the build reads (Eleventy's is deprecated).
  eleventyConfig.addFilter("url", (u: string) => withPrefix(u, kb.pathPrefix));
  eleventyConfig.addFilter("articleBody", (slug: string) => readFileSync(path.join(kb.dataDir, BODIES_DIR, `${slug}.html`), "utf8"));
  eleventyConfig.addFilter("t", (key: string, vars?: Record<string, string | number>, lang?: UiLang) => t(key, lang ?? DEFAULT_UI_LANG, vars));
  eleventyConfig.addFilter("formatDate", (d: NormalizedDate, lang?: UiLang) => formatDate(d, lang ?? DEFAULT_UI_LANG));
  eleventyConfig.addFilter("readingMinutes", (n: number, lang: Lang) => readingMinutes(n, lang));
  eleventyConfig.addFilter("formatEventDate", (d: Parameters<typeof formatEventDate>[0], lang?: UiLang) => formatEventDate(d, lang ?? DEFAULT_UI_LANG));
  eleventyConfig.addFilter("csv", (rows: Array<Record<string, unknown>>) => toCsv(rows));
  eleventyConfig.addFilter("json", (v: unknown) => JSON.stringify(v, null, 1));

  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  eleventyConfig.addPassthroughCopy({ "pages/assets": "assets" });
  eleventyConfig.addWatchTarget(path.join(kb.dataDir, "dataset.json"));
}
