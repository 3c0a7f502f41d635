// Which index a site's search reads, and when a corpus is too large for Pagefind.
//
// Pagefind holds a whole index in memory and needs several times that while it writes it
// (about 0.4 KB per indexed word at 1,000 articles); writing costs about 3.7 s per million
// words on this machine; and a reader downloads at least one 20,000-posting chunk (about
// 21 KB) per word per index. A corpus of up to `pagefindMaxWords` indexed words gets one
// Pagefind index; a larger one gets our postings index (postings.ts), written in a fraction of
// the time, whose reader fetches one small chunk per word (docs/performance.md).

/**
 * The one language every record is indexed and searched as. Text is folded and split by us
 * (fold.ts); as English, Pagefind splits it only at spaces (and stems Latin words), so one index
 * serves 简体, 繁體 and English alike.
 */
export const INDEX_LANGUAGE = "en";

/** Where the browser's search files go: the fold map, the registry's names, the manifest. */
export const SEARCH_DATA_DIR = "search";
export const SEARCH_MANIFEST = "index.json";

/** Where Pagefind's bundle goes, relative to the site root. */
export const PAGEFIND_DIR = "pagefind/";

/** search/index.json: which index the site has. */
export type SearchManifest =
  | { engine: "pagefind"; pages: number }
  /** `firsts`: each postings chunk's first term (postings.ts). */
  | { engine: "postings"; pages: number; firsts: string[] };

/**
 * Default for KB_PAGEFIND_MAX_WORDS: a few hundred notes. Beyond it our postings index is
 * written in a third of Pagefind's time and half its memory (a vault of 3,139 notes, 0.9
 * million words: 1.7 s and 375 MiB against 5.3 s and 813 MiB; docs/performance.md).
 */
export const DEFAULT_PAGEFIND_MAX_WORDS = 200_000;

/** Newest first by `date`; ties keep their input order. */
export function newestFirst<T extends { date: string }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.date < b.item.date ? 1 : a.item.date > b.item.date ? -1 : a.i - b.i))
    .map((x) => x.item);
}
