// Writes the postings index (postings.ts) of a site: records go in newest first, each record's
// file is written as it comes, and the posting lists are held compressed in memory (about
// three bytes a posting) until the chunks are written at the end. Several writers can each
// take a consecutive run of records (one per thread); their lists are then merged (mergeLists).
import { promises as fs } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { gzip as gzipCb } from "node:zlib";
import { keyToken, visitTokens } from "./fold.ts";
import { chunkPath, CHUNK_BYTES, encodeChunk, filterTerm, readVarint, recordPath, writeVarint, type RecordData } from "./postings.ts";

const gzip = promisify(gzipCb);

/** One term's posting list as it grows: gaps and counts as variable-length integers. */
class Growing {
  bytes = new Uint8Array(8);
  length = 0;
  last = 0;
  records = 0;
  /** The record being added, and the term's count in it so far. */
  current = -1;
  count = 0;
  push(record: number, count: number): void {
    if (this.length + 10 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes.subarray(0, this.length));
      this.bytes = bigger;
    }
    this.put(record - this.last);
    this.put(count);
    this.last = record;
    this.records++;
  }
  private put(n: number): void {
    while (n >= 0x80) {
      this.bytes[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.bytes[this.length++] = n;
  }
}

/** A term's whole posting list; the first gap counts from record 0. */
export interface TermList {
  term: string;
  records: number;
  /** Its last record's number. */
  last: number;
  postings: Uint8Array;
}

/** At most this many files are being compressed and written at once (zlib runs off the main thread). */
const IN_FLIGHT = 16;

/** Compresses and writes files, a bounded number at a time. */
class FileWriter {
  private readonly writing = new Set<Promise<void>>();
  private readonly dirs = new Set<string>();
  private failure: unknown;
  constructor(private readonly siteDir: string) {}

  async write(rel: string, raw: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.writing.size >= IN_FLIGHT) await Promise.race(this.writing);
    const file = path.join(this.siteDir, rel);
    const job = (async () => {
      const packed = await gzip(raw, { level: 6 });
      const dir = path.dirname(file);
      if (!this.dirs.has(dir)) {
        await fs.mkdir(dir, { recursive: true });
        this.dirs.add(dir);
      }
      await fs.writeFile(file, packed);
    })().catch((e: unknown) => {
      this.failure ??= e;
    });
    const tracked = job.then(() => void this.writing.delete(tracked));
    this.writing.add(tracked);
  }

  async done(): Promise<void> {
    await Promise.all(this.writing);
    if (this.failure) throw this.failure;
  }
}

export interface PostingsWriterOptions {
  /** The number of the first record this writer adds (a later run of records in another thread). */
  firstRecord?: number;
}

export class PostingsWriter {
  private readonly terms = new Map<string, Growing>();
  /** Chinese pairs and lone characters, by number (fold.ts visitTokens): no string per token. */
  private readonly keyed = new Map<number, Growing>();
  private next: number;
  private added = 0;
  private postings = 0;
  private readonly files: FileWriter;

  constructor(siteDir: string, opts: PostingsWriterOptions = {}) {
    this.next = opts.firstRecord ?? 0;
    this.files = new FileWriter(siteDir);
  }

  /**
   * Adds the next record (records must come newest first: their number is their date order):
   * the tokens of its `folded` text (fold.ts), then `words` (its names' tokens), and its
   * filter values.
   */
  async add(folded: string, words: readonly string[], filters: Record<string, string[]>, data: RecordData): Promise<number> {
    const n = this.next++;
    this.added++;
    // One map lookup per token: each term counts itself, and is listed once when first met.
    const met: Growing[] = [];
    const count = (list: Growing) => {
      if (list.current !== n) {
        list.current = n;
        list.count = 0;
        met.push(list);
      }
      list.count++;
    };
    const meet = (term: string) => {
      let list = this.terms.get(term);
      if (!list) this.terms.set(term, (list = new Growing()));
      count(list);
    };
    const meetKey = (key: number) => {
      let list = this.keyed.get(key);
      if (!list) this.keyed.set(key, (list = new Growing()));
      count(list);
    };
    visitTokens(folded, meetKey, meet);
    for (const w of words) meet(w);
    for (const [key, values] of Object.entries(filters)) for (const v of values) meet(filterTerm(key, v));
    for (const list of met) list.push(n, list.count);
    this.postings += met.length;
    await this.files.write(recordPath(n), Buffer.from(JSON.stringify(data)));
    return n;
  }

  get figures(): { records: number; postings: number } {
    return { records: this.added, postings: this.postings };
  }

  /** The term lists in term order, each let go of as it is taken; every record file written. */
  async lists(): Promise<Generator<TermList>> {
    await this.files.done();
    const terms = this.terms;
    for (const [key, list] of this.keyed) terms.set(keyToken(key), list);
    this.keyed.clear();
    return (function* () {
      for (const term of [...terms.keys()].sort()) {
        const list = terms.get(term)!;
        terms.delete(term);
        yield { term, records: list.records, last: list.last, postings: list.bytes.subarray(0, list.length) };
      }
    })();
  }
}

/** Term lists as one buffer, to pass to another thread without copying. */
export function packLists(lists: Iterable<TermList>): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const l of lists) {
    const name = enc.encode(l.term);
    const head: number[] = [];
    writeVarint(head, name.length);
    const counts: number[] = [];
    writeVarint(counts, l.records);
    writeVarint(counts, l.last);
    writeVarint(counts, l.postings.length);
    for (const p of [Uint8Array.from(head), name, Uint8Array.from(counts), l.postings]) {
      parts.push(p);
      size += p.length;
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function* unpackLists(buf: Uint8Array): Generator<TermList> {
  const dec = new TextDecoder();
  const at = { i: 0 };
  while (at.i < buf.length) {
    const len = readVarint(buf, at);
    const term = dec.decode(buf.subarray(at.i, at.i + len));
    at.i += len;
    const records = readVarint(buf, at);
    const last = readVarint(buf, at);
    const size = readVarint(buf, at);
    yield { term, records, last, postings: buf.subarray(at.i, at.i + size) };
    at.i += size;
  }
}

/**
 * Two writers' lists as one, in term order: every record of `later` comes after every record
 * of `earlier`, so a term in both is the one list followed by the other, whose first gap is
 * counted again from the earlier list's last record.
 */
export function* mergeLists(earlier: Iterable<TermList>, later: Iterable<TermList>): Generator<TermList> {
  const a = earlier[Symbol.iterator]();
  const b = later[Symbol.iterator]();
  let x = a.next();
  let y = b.next();
  while (!x.done || !y.done) {
    if (y.done || (!x.done && x.value.term < y.value.term)) {
      yield x.value;
      x = a.next();
    } else if (x.done || y.value.term < x.value.term) {
      yield y.value;
      y = b.next();
    } else {
      const first = x.value;
      const second = y.value;
      const at = { i: 0 };
      const firstRecord = readVarint(second.postings, at);
      const gap: number[] = [];
      writeVarint(gap, firstRecord - first.last);
      const joined = new Uint8Array(first.postings.length + gap.length + second.postings.length - at.i);
      joined.set(first.postings, 0);
      joined.set(gap, first.postings.length);
      joined.set(second.postings.subarray(at.i), first.postings.length + gap.length);
      yield { term: first.term, records: first.records + second.records, last: second.last, postings: joined };
      x = a.next();
      y = b.next();
    }
  }
}

export interface ChunkFigures {
  terms: number;
  /** Each chunk's first term, in order: the browser's table of where terms are. */
  firsts: string[];
}

/** Writes term lists (in term order) as chunks of about `chunkBytes` of postings each. */
export async function writeChunks(siteDir: string, lists: Iterable<TermList>, chunkBytes = CHUNK_BYTES): Promise<ChunkFigures> {
  const files = new FileWriter(siteDir);
  const firsts: string[] = [];
  let terms = 0;
  let batch: TermList[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    firsts.push(batch[0]!.term);
    await files.write(chunkPath(firsts.length - 1), encodeChunk(batch));
    batch = [];
    bytes = 0;
  };
  for (const list of lists) {
    batch.push(list);
    terms++;
    bytes += list.postings.length + list.term.length * 3 + 8;
    if (bytes >= chunkBytes) await flush();
  }
  await flush();
  await files.done();
  return { terms, firsts };
}
