// The postings index: our own search index for corpora too large for one Pagefind index
// (docs/performance.md). Read in Node and in the browser, written by postings-write.ts.
//
// - A record's number is its place in date order, newest first, so sorting by date is
//   sorting by number, and a posting list is a run of increasing numbers.
// - Each term (a token of fold.ts, or a filter as `#key:value`) has a posting list: for each
//   record holding it, the gap from the previous record's number and how often it occurs, both
//   as variable-length integers.
// - Terms are sorted and cut into chunks of about CHUNK_BYTES, and always at SEGMENT_BREAKS;
//   the manifest lists each chunk's first term, so one term is one chunk to fetch and a prefix
//   is a run of chunks.
// - Each record's display data (url, meta, the start of its text) is a file of its own.
// Chunks and records are gzip-compressed by us, so what a reader downloads does not depend on
// whether the server compresses.

/** Raw bytes of posting lists per chunk before compression (about a third of it on the wire). */
export const CHUNK_BYTES = 32 * 1024;

/**
 * Terms at which a chunk always ends, whatever its size: Latin words at e, j, n and s, Chinese
 * characters every 1,536 code points. The build's threads each merge a run of these segments
 * (never cutting one), so the index is the same file for file on any number of cores.
 */
export const SEGMENT_BREAKS: readonly string[] = ["e", "j", "n", "s", "\u4e00", ...Array.from({ length: 13 }, (_, k) => String.fromCharCode(0x5400 + k * 0x600))];

/** Where the postings index lives in the site, and its files' names. */
export const POSTINGS_DIR = "search/ix/";
export const chunkPath = (k: number) => `${POSTINGS_DIR}c/${k}.kbp`;
export const recordPath = (n: number) => `${POSTINGS_DIR}r/${Math.floor(n / 1000)}/${n}.kbr`;

/** A filter as a term: `#` never starts an index token (fold.ts splits it off on its own). */
export function filterTerm(key: string, value: string): string {
  return `#${key}:${value}`;
}

/** What a record's file holds: what a result shows. */
export interface RecordData {
  url: string;
  meta: Record<string, string>;
  /** The start of the record's own text, in its own script: the excerpt is cut from it. */
  text: string;
}

export function writeVarint(out: number[], n: number): void {
  // Division, not bit shifts: lengths past 2³¹ stay whole.
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** Writes n as writeVarint does into `out` at `at`, for writers that size their buffer first; returns where it ends. */
export function putVarint(out: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    out[at++] = (n % 0x80) | 0x80;
    n = Math.floor(n / 0x80);
  }
  out[at++] = n;
  return at;
}

/** Reads a variable-length integer at `at.i`, moving `at.i` past it. */
export function readVarint(buf: Uint8Array, at: { i: number }): number {
  let n = 0;
  let shift = 0;
  for (;;) {
    const b = buf[at.i++]!;
    if (b === undefined) throw new Error("postings: truncated integer");
    n += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return n;
    shift += 7;
  }
}

/** One chunk's bytes: its term count, then per term its UTF-8 name, record count and posting list. */
export function encodeChunk(terms: ReadonlyArray<{ term: string; records: number; postings: Uint8Array }>): Uint8Array {
  // Sized first, then written in place: a small array per number and name was a third of the
  // index's merge (a chunk holds a thousand terms).
  const enc = new TextEncoder();
  const names = terms.map((t) => enc.encode(t.term));
  let size = varintBytes(terms.length);
  terms.forEach((t, k) => (size += varintBytes(names[k]!.length) + names[k]!.length + varintBytes(t.records) + varintBytes(t.postings.length) + t.postings.length));
  const out = new Uint8Array(size);
  let at = putVarint(out, 0, terms.length);
  terms.forEach((t, k) => {
    const name = names[k]!;
    at = putVarint(out, at, name.length);
    out.set(name, at);
    at += name.length;
    at = putVarint(out, at, t.records);
    at = putVarint(out, at, t.postings.length);
    out.set(t.postings, at);
    at += t.postings.length;
  });
  return out;
}

/** How many bytes writeVarint writes for n. */
function varintBytes(n: number): number {
  let bytes = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    bytes++;
  }
  return bytes;
}

/** A term's posting list: record numbers, increasing, and the term's count in each. */
export interface Postings {
  records: number[];
  counts: number[];
}

/** The terms of a chunk, their posting lists decoded when asked for. */
export class Chunk {
  private readonly where = new Map<string, { at: number; records: number; length: number }>();
  constructor(private readonly buf: Uint8Array) {
    const dec = new TextDecoder();
    const at = { i: 0 };
    const n = readVarint(buf, at);
    for (let k = 0; k < n; k++) {
      const len = readVarint(buf, at);
      const term = dec.decode(buf.subarray(at.i, at.i + len));
      at.i += len;
      const records = readVarint(buf, at);
      const length = readVarint(buf, at);
      this.where.set(term, { at: at.i, records, length });
      at.i += length;
    }
  }
  terms(): IterableIterator<string> {
    return this.where.keys();
  }
  postings(term: string): Postings | undefined {
    const w = this.where.get(term);
    if (!w) return undefined;
    const records: number[] = new Array(w.records);
    const counts: number[] = new Array(w.records);
    const at = { i: w.at };
    let n = 0;
    for (let k = 0; k < w.records; k++) {
      n += readVarint(this.buf, at);
      records[k] = n;
      counts[k] = readVarint(this.buf, at);
    }
    return { records, counts };
  }
}

/** The chunk that would hold `term`: the last whose first term is not after it (firsts sorted). */
export function chunkOf(firsts: readonly string[], term: string): number {
  let lo = 0;
  let hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid]! <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The chunks that may hold terms starting with `prefix`. */
export function chunksOfPrefix(firsts: readonly string[], prefix: string): number[] {
  const from = chunkOf(firsts, prefix);
  const to = chunkOf(firsts, `${prefix}\uffff`);
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
