// Searching the postings index (postings.ts), the same in the browser and in Node: each query
// word is one chunk to fetch (a prefix a few), records with every word and every filter are
// kept, and ranked by Σ idf × saturated count, or by date (their numbers).
import { Chunk, chunkOf, chunkPath, chunksOfPrefix, filterTerm, recordPath, type Postings, type RecordData } from "./postings.ts";
import { findHighlights, type FoldMap } from "./fold.ts";
import { snippetBounds } from "./snippet.ts";
import { escapeHtml } from "../render/escape.ts";

export interface PostingsSource {
  /** Each chunk's first term (from the manifest). */
  firsts: readonly string[];
  /** Records in the index. */
  records: number;
  /** A file of the index, decompressed; `rel` is relative to the site's root. */
  load(rel: string): Promise<Uint8Array>;
  /** The site's root URL path, put before records' root-relative URLs (/kb/ on a project site). */
  base: string;
}

/**
 * A prefix (a lone character, a half-typed Latin word) spanning more chunks than this is looked
 * up as the word alone: 中 as a prefix is every pair that starts with 中, megabytes of postings.
 */
export const MAX_PREFIX_CHUNKS = 4;

/** Records kept after use: a reader going back to a query, or on to a narrower one, sees them again. */
export const RECORD_CACHE = 200;

export class PostingsIndex {
  private readonly chunks = new Map<number, Promise<Chunk>>();
  private readonly records = new Map<number, Promise<RecordData>>();
  constructor(readonly source: PostingsSource) {}

  private chunk(k: number): Promise<Chunk> {
    let c = this.chunks.get(k);
    if (!c) {
      c = this.source.load(chunkPath(k)).then((b) => new Chunk(b));
      // A failed fetch is not kept: the next search tries again.
      c.catch(() => this.chunks.delete(k));
      this.chunks.set(k, c);
    }
    return c;
  }

  /** The records holding `term` exactly. */
  async exact(term: string): Promise<Postings> {
    if (this.source.firsts.length === 0) return { records: [], counts: [] };
    const chunk = await this.chunk(chunkOf(this.source.firsts, term));
    return chunk.postings(term) ?? { records: [], counts: [] };
  }

  /** The records holding any term that starts with `prefix`, with the counts summed. */
  async prefix(prefix: string): Promise<Postings> {
    const ks = chunksOfPrefix(this.source.firsts, prefix);
    if (ks.length > MAX_PREFIX_CHUNKS) return this.exact(prefix);
    const lists: Postings[] = [];
    for (const chunk of await Promise.all(ks.map((k) => this.chunk(k)))) {
      for (const term of chunk.terms()) if (term.startsWith(prefix)) lists.push(chunk.postings(term)!);
    }
    return union(lists);
  }

  record(n: number): Promise<RecordData> {
    let r = this.records.get(n);
    if (r) {
      // Most recently used last: the oldest is the one let go.
      this.records.delete(n);
    } else {
      r = this.source.load(recordPath(n)).then((b) => {
        const data = JSON.parse(new TextDecoder().decode(b)) as RecordData;
        return { ...data, url: `${this.source.base}${data.url.replace(/^\//, "")}` };
      });
      r.catch(() => this.records.delete(n));
    }
    this.records.set(n, r);
    if (this.records.size > RECORD_CACHE) this.records.delete(this.records.keys().next().value!);
    return r;
  }
}

/** Records on any of the lists, counts summed. */
export function union(lists: Postings[]): Postings {
  if (lists.length === 1) return lists[0]!;
  const counts = new Map<number, number>();
  for (const l of lists) l.records.forEach((r, i) => counts.set(r, (counts.get(r) ?? 0) + l.counts[i]!));
  const records = [...counts.keys()].sort((a, b) => a - b);
  return { records, counts: records.map((r) => counts.get(r)!) };
}

/** The records on both lists (both increasing), with the first list's counts. */
export function intersect(a: Postings, b: Postings): Postings {
  const records: number[] = [];
  const counts: number[] = [];
  for (let i = 0, j = 0; i < a.records.length && j < b.records.length; ) {
    const x = a.records[i]!;
    const y = b.records[j]!;
    if (x === y) {
      records.push(x);
      counts.push(a.counts[i]!);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return { records, counts };
}

// BM25's term saturation (Pagefind's default too).
const K1 = 1.2;

export interface PostingsQuery {
  /** Index words; `exact` ones are looked up as they are, the others as prefixes. */
  words: Array<{ word: string; exact: boolean }>;
  filters: Record<string, string[]>;
  /** Newest first instead of by relevance. */
  dated: boolean;
}

export interface PostingsResult {
  id: string;
  score: number;
  record: number;
}

/**
 * The records with every word and every filter. By relevance: Σ idf × saturated count (BM25
 * without length normalization: an article's indexed text is capped, so lengths differ
 * little), idf counted over all records; ties newest first. By date: newest first.
 */
export async function findRecords(index: PostingsIndex, q: PostingsQuery): Promise<PostingsResult[]> {
  const filterLists = Object.entries(q.filters).flatMap(([key, values]) => values.map((v) => index.exact(filterTerm(key, v))));
  const [wordLists, filters] = await Promise.all([
    Promise.all(q.words.map((w) => (w.exact ? index.exact(w.word) : index.prefix(w.word)))),
    Promise.all(filterLists),
  ]);
  if (wordLists.length === 0 && filters.length === 0) return [];
  // Narrowed from the shortest list; each word's own counts kept for its score.
  const all = [...wordLists, ...filters];
  const shortest = all.reduce((a, b) => (b.records.length < a.records.length ? b : a));
  let keep = shortest;
  for (const l of all) if (l !== shortest) keep = intersect(keep, l);
  if (q.dated || wordLists.length === 0) return keep.records.map((r) => ({ id: String(r), score: 0, record: r }));
  const total = Math.max(index.source.records, 1);
  const scores = new Map<number, number>(keep.records.map((r) => [r, 0]));
  for (const list of wordLists) {
    const n = list.records.length;
    const idf = Math.log(1 + (total - n + 0.5) / (n + 0.5));
    const mine = intersect(list, keep);
    mine.records.forEach((r, i) => {
      const tf = mine.counts[i]!;
      scores.set(r, scores.get(r)! + (idf * tf * (K1 + 1)) / (tf + K1));
    });
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([r, score]) => ({ id: String(r), score, record: r }));
}

/** Characters of text an excerpt shows. */
export const EXCERPT_CHARS = 120;

/**
 * An excerpt of a record's own text (in its own script) around the stretch with the most
 * matches of `highlight`, matches in <mark>, the rest escaped; "" when nothing matches.
 */
export function excerptOf(text: string, highlight: string[], map: FoldMap, chars = EXCERPT_CHARS): string {
  const ranges = findHighlights(text, highlight, map);
  if (ranges.length === 0) return "";
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < ranges.length; i++) {
    while (j < ranges.length && ranges[j]![0] < ranges[i]![0] + chars) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = i;
    }
  }
  const lead = Math.floor(chars / 6);
  const first = ranges[best]!;
  // Cut where a sentence or a word ends, never inside a word (snippet.ts).
  const from = Math.max(0, Math.min(first[0] - lead, text.length - chars));
  const [start, end] = snippetBounds(text, from, Math.min(text.length, from + chars), first[0], first[1]);
  const plain = (s: string) => escapeHtml(s.replace(/\s+/g, " "));
  let html = start > 0 ? "… " : "";
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    html += `${plain(text.slice(at, from))}<mark>${plain(text.slice(from, to))}</mark>`;
    at = to;
  }
  html += plain(text.slice(at, end));
  return end < text.length ? `${html} …` : html;
}
