// An article page's table of contents: only when the article is long enough to need one.
import type { Lang } from "../model/types.ts";
import type { Heading } from "../model/dataset.ts";
import type { TocEntry } from "./site-model.ts";

export const TOC_MIN_HEADINGS = 3;
/** Characters (of Chinese, or their equivalent in English words) that make an article long. */
export const TOC_LONG_TEXT = 3000;
const CHARS_PER_ENGLISH_WORD = 6;

/**
 * A table of contents when an article is long enough to need one: three headings or more, or
 * two in a long text. The title itself, repeated as a heading in the body, is left out.
 */
export function tableOfContents(headings: Heading[], wordCount: number, lang: Lang, title = ""): TocEntry[] {
  const entries = headings.filter((h) => h.level <= 4 && h.text && h.text !== title);
  const length = lang === "en" ? wordCount * CHARS_PER_ENGLISH_WORD : wordCount;
  if (!(entries.length >= TOC_MIN_HEADINGS || (entries.length >= 2 && length >= TOC_LONG_TEXT))) return [];
  const top = Math.min(...entries.map((h) => h.level));
  return entries.map((h) => ({ ...h, depth: Math.min(2, h.level - top) }));
}
