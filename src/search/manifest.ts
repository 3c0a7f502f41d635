// The search index in shards: Pagefind holds every record of an index in memory and needs
// several times that while it writes the index (about 0.4 KB per indexed word at 1,000
// articles), so one index of a large corpus exhausts a small machine. Records are split,
// newest first, into indexes of at most a word budget each; the browser merges them
// (Pagefind's mergeIndex). Because shards cover consecutive date ranges, a date-sorted search
// is the shards' own date-sorted results one after another (see engine.ts).

/** Where shard k's bundle goes, relative to the site root. Shard 0 is Pagefind's usual place. */
export function shardDir(k: number): string {
  return k === 0 ? "pagefind/" : `pagefind-s${k}/`;
}

/** Whether a folder of the site is one of the shards (shardDir). */
export function isShardDir(name: string): boolean {
  return /^pagefind(-s\d+)?\/?$/.test(name);
}

/**
 * The one language every record is indexed and searched as. Text is folded and split by us
 * (fold.ts); as English, Pagefind splits it only at spaces (and stems Latin words), so one index
 * serves 简体, 繁體 and English alike.
 */
export const INDEX_LANGUAGE = "en";

/** Where the browser's search files go: the fold map, the registry's names, the manifest. */
export const SEARCH_DATA_DIR = "search";
export const SEARCH_MANIFEST = "index.json";

/** The file that tells the browser which shards exist: search/index.json. */
export interface SearchManifest {
  shards: string[];
  /** Records in all shards together: a word's rarity is counted against it (engine.ts). */
  pages: number;
}

/** Default words per shard: Pagefind then peaks around 1 GB (measured, docs/performance.md). */
export const DEFAULT_SHARD_WORDS = 2_000_000;

export function wordCount(content: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < content.length; i++) {
    const space = content.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Newest first by `date`; ties keep their input order. */
export function newestFirst<T extends { date: string }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.date < b.item.date ? 1 : a.item.date > b.item.date ? -1 : a.i - b.i))
    .map((x) => x.item);
}

/**
 * Consecutive runs of at most `budget` words, in the order given (a record larger than the
 * budget gets a shard of its own). Lazy: a shard's records are made only when it is cut.
 */
export function* cutShards<R extends { content: string }>(records: Iterable<R>, budget: number): Generator<R[]> {
  let current: R[] = [];
  let words = 0;
  for (const r of records) {
    const n = wordCount(r.content);
    if (current.length > 0 && words + n > budget) {
      yield current;
      current = [];
      words = 0;
    }
    current.push(r);
    words += n;
  }
  if (current.length > 0) yield current;
}
