// Writes the postings index (postings.ts) of a site: records go in newest first, each record's
// file is written as it comes, and the posting lists are held compressed in memory (about
// three bytes a posting). A writer given a spill folder holds at most a fixed budget of lists:
// past it, it writes them out, sorted, as a run file and starts afresh, so memory does not grow
// with the corpus (a whole real collection's text is some 70 million postings). Several writers
// can each take a consecutive run of records (one per thread); all their runs are then merged,
// streamed from disk, into the chunks (mergeRuns, writeChunks).
import { promises as fs, closeSync, openSync, readSync, writeSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { gzip as gzipCb } from "node:zlib";
import { visitTokens } from "./fold.ts";
import { RunLists, type TermList } from "./postings-run.ts";

export type { TermList };
import { chunkPath, CHUNK_BYTES, encodeChunk, filterTerm, putVarint, readVarint, recordPath, SEGMENT_BREAKS, writeVarint, type RecordData } from "./postings.ts";

const gzip = promisify(gzipCb);

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
  /**
   * Where this writer spills its lists (`dir`, files named `<name>-<n>.run`) when they pass
   * `budgetBytes`. Without it, every list is held until the end.
   */
  spill?: { dir: string; name: string; budgetBytes: number };
}

/**
 * A writer's term lists for a consecutive run of records, in term order: in memory, or in a
 * file with marks (a list's first term and where it starts, about every megabyte) that let a
 * merge start in the middle (mergeRuns' range) and the build cut the terms into ranges of about
 * equal size (rangeCuts).
 */
export type Run = { packed: Uint8Array } | { file: string; marks?: RunMark[]; bytes?: number };

/** How far apart a run file's marks are, at least. */
const MARK_BYTES = 256 * 1024;

/** Where in a run file a term's list starts. */
export interface RunMark {
  term: string;
  offset: number;
}

/** A span of terms [from, to): either end open when undefined. */
export interface TermRange {
  from?: string;
  to?: string;
}

/** Where the index build spills its runs of term lists: beside the dataset, never published. */
export function runsDir(dataDir: string): string {
  return path.join(dataDir, "index-runs");
}

/** What one writer holds before it spills (RUN_BUDGET_BYTES × threads is the index's share of memory). */
export const RUN_BUDGET_BYTES = 64 * 2 ** 20;

export class PostingsWriter {
  private lists = new RunLists();
  private next: number;
  private added = 0;
  private postings = 0;
  private readonly files: FileWriter;
  private readonly spill: PostingsWriterOptions["spill"];
  private readonly spilled: Array<{ file: string; marks: RunMark[]; bytes: number }> = [];

  constructor(siteDir: string, opts: PostingsWriterOptions = {}) {
    this.next = opts.firstRecord ?? 0;
    this.files = new FileWriter(siteDir);
    this.spill = opts.spill;
  }

  /**
   * Adds the next record (records must come newest first: their number is their date order):
   * the tokens of its `folded` text (fold.ts), then `words` (its names' tokens), and its
   * filter values.
   */
  async add(folded: string, words: readonly string[], filters: Record<string, string[]>, data: RecordData): Promise<number> {
    const n = this.next++;
    this.added++;
    const lists = this.lists;
    lists.beginRecord(n);
    visitTokens(folded, lists.meetKey, lists.meetWord);
    for (const w of words) lists.meetWord(w);
    for (const [key, values] of Object.entries(filters)) for (const v of values) lists.meetWord(filterTerm(key, v));
    this.postings += lists.endRecord();
    await this.files.write(recordPath(n), Buffer.from(JSON.stringify(data)));
    if (this.spill && lists.heldBytes > this.spill.budgetBytes) this.spillRun();
    return n;
  }

  /** Writes the lists held now to a run file of their own, in term order, and lets them go. */
  private spillRun(): void {
    const { dir, name } = this.spill!;
    const file = path.join(dir, `${name}-${String(this.spilled.length).padStart(4, "0")}.run`);
    this.spilled.push({ file, ...writeRunFile(file, this.drain()) });
  }

  /**
   * Every record file written, and the term lists as runs in record order: the files spilled
   * along the way, then what is held at the end (spilled too, when the writer spills at all).
   */
  async runs(): Promise<Run[]> {
    await this.files.done();
    if (!this.spill) return [{ packed: packLists(this.drain()) }];
    if (this.lists.size) this.spillRun();
    return this.spilled.map((r) => ({ ...r }));
  }

  get figures(): { records: number; postings: number } {
    return { records: this.added, postings: this.postings };
  }

  /** The lists held now, in term order; the writer starts afresh. */
  private drain(): Generator<TermList> {
    const held = this.lists;
    this.lists = new RunLists();
    return held.drain();
  }
}

/** One term list as bytes: its name's length and UTF-8 name, record count, last record, postings' length and postings. */
function packedHead(enc: TextEncoder, l: TermList): [Uint8Array, Uint8Array, Uint8Array] {
  const name = enc.encode(l.term);
  const head: number[] = [];
  writeVarint(head, name.length);
  const counts: number[] = [];
  writeVarint(counts, l.records);
  writeVarint(counts, l.last);
  writeVarint(counts, l.postings.length);
  return [Uint8Array.from(head), name, Uint8Array.from(counts)];
}

/**
 * Writes term lists to a run file as packLists lays them out, through a buffer of 1 MB; returns
 * its size and a mark at its first list and then every MARK_BYTES or so.
 */
function writeRunFile(file: string, lists: Iterable<TermList>): { marks: RunMark[]; bytes: number } {
  const fd = openSync(file, "w");
  const marks: RunMark[] = [];
  let flushed = 0;
  try {
    let buf = Buffer.allocUnsafe(2 ** 20);
    let used = 0;
    const varint = (n: number) => (used = putVarint(buf, used, n));
    for (const l of lists) {
      const nameBytes = Buffer.byteLength(l.term);
      const need = nameBytes + l.postings.length + 40;
      if (used + need > buf.length) {
        writeSync(fd, buf, 0, used);
        flushed += used;
        used = 0;
        if (need > buf.length) buf = Buffer.allocUnsafe(need);
      }
      if (!marks.length || flushed + used - marks.at(-1)!.offset >= MARK_BYTES) marks.push({ term: l.term, offset: flushed + used });
      varint(nameBytes);
      used += buf.write(l.term, used, "utf8");
      varint(l.records);
      varint(l.last);
      varint(l.postings.length);
      buf.set(l.postings, used);
      used += l.postings.length;
    }
    if (used) writeSync(fd, buf, 0, used);
    flushed += used;
  } finally {
    closeSync(fd);
  }
  return { marks, bytes: flushed };
}

/** A run file's term lists from byte `position` (a list's start), read through a buffer (each list's postings are its own copy). */
function* readRunFile(file: string, position = 0): Generator<TermList> {
  const dec = new TextDecoder();
  const fd = openSync(file, "r");
  let filePosition = position;
  let buf = Buffer.allocUnsafe(2 ** 20);
  let start = 0;
  let end = 0;
  let eof = false;
  // At least `need` unread bytes in the buffer from `start`, unless the file ends first.
  const fill = (need: number) => {
    if (end - start >= need || eof) return;
    if (need > buf.length) {
      const bigger = Buffer.allocUnsafe(need);
      buf.copy(bigger, 0, start, end);
      buf = bigger;
    } else buf.copy(buf, 0, start, end);
    end -= start;
    start = 0;
    while (end - start < need && !eof) {
      const n = readSync(fd, buf, end, buf.length - end, filePosition);
      filePosition += n;
      if (n === 0) eof = true;
      end += n;
    }
  };
  try {
    for (;;) {
      fill(64);
      if (start >= end) return;
      const at = { i: start };
      const len = readVarint(buf, at);
      let rel = at.i - start;
      fill(rel + len + 32);
      at.i = start + rel;
      const term = dec.decode(buf.subarray(at.i, at.i + len));
      at.i += len;
      const records = readVarint(buf, at);
      const last = readVarint(buf, at);
      const size = readVarint(buf, at);
      rel = at.i - start;
      fill(rel + size);
      at.i = start + rel;
      const postings = new Uint8Array(size);
      postings.set(buf.subarray(at.i, at.i + size));
      start = at.i + size;
      yield { term, records, last, postings };
    }
  } finally {
    closeSync(fd);
  }
}

/** A run's term lists in `range`, in term order: a file is read from the last mark at or before the range's start. */
export function readRun(run: Run, range: TermRange = {}): Generator<TermList> {
  const { from, to } = range;
  let lists: Generator<TermList>;
  if ("packed" in run) lists = unpackLists(run.packed);
  else {
    const start = from === undefined ? undefined : (run.marks ?? []).filter((m) => m.term <= from).at(-1);
    lists = readRunFile(run.file, start?.offset ?? 0);
  }
  return from === undefined && to === undefined ? lists : within(lists, range);
}

function* within(lists: Generator<TermList>, { from, to }: TermRange): Generator<TermList> {
  try {
    for (const l of lists) {
      if (from !== undefined && l.term < from) continue;
      if (to !== undefined && l.term >= to) return;
      yield l;
    }
  } finally {
    // Closes a run file left before its end.
    lists.return(undefined);
  }
}

/**
 * Pure: up to `parts - 1` of the segment breaks (postings.ts SEGMENT_BREAKS) that cut the runs'
 * terms into ranges of about equal size, from their marks (each stands for the bytes of lists up
 * to the next, or to its file's end); fewer when a range would be empty. Runs held in memory (a
 * single thread's) have no marks: one range.
 */
export function rangeCuts(runs: readonly Run[], parts: number, breaks: readonly string[] = SEGMENT_BREAKS): string[] {
  const spans = runs.flatMap((r) => ("file" in r ? (r.marks ?? []).map((m, i, all) => ({ term: m.term, bytes: (all[i + 1]?.offset ?? r.bytes ?? m.offset + MARK_BYTES) - m.offset })) : []));
  // The bytes before each break.
  const before = breaks.map((b) => spans.reduce((n, s) => n + (s.term < b ? s.bytes : 0), 0));
  const total = spans.reduce((n, s) => n + s.bytes, 0);
  const cuts: string[] = [];
  let last = 0;
  for (let k = 1; k < parts; k++) {
    // The break nearest this range's share of the bytes, after the previous cut and short of the end.
    const share = (total * k) / parts;
    let best = -1;
    for (let b = 0; b < breaks.length; b++) {
      if (before[b]! <= last || before[b]! >= total) continue;
      if (best < 0 || Math.abs(before[b]! - share) < Math.abs(before[best]! - share)) best = b;
    }
    if (best < 0) break;
    cuts.push(breaks[best]!);
    last = before[best]!;
  }
  return cuts.sort();
}

/** The ranges `cuts` makes: from the first term to the first cut, …, from the last cut on. */
export function rangesOf(cuts: readonly string[]): TermRange[] {
  return [...cuts, undefined].map((to, i) => ({ ...(i > 0 ? { from: cuts[i - 1]! } : {}), ...(to !== undefined ? { to } : {}) }));
}

/**
 * Runs given in record order (each run's records after the previous run's) as one sequence of
 * term lists in term order, those of `range` only when given: a k-way merge on a heap, each run
 * read as it is needed, so memory holds one list per run whatever the corpus.
 */
export function* mergeRuns(runs: readonly Run[], range: TermRange = {}): Generator<TermList> {
  const sources = runs.map((r) => readRun(r, range));
  type Head = { list: TermList; run: number };
  const heap: Head[] = [];
  const before = (a: Head, b: Head) => (a.list.term < b.list.term ? true : a.list.term > b.list.term ? false : a.run < b.run);
  const push = (h: Head) => {
    heap.push(h);
    for (let i = heap.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const pop = (): Head => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  };
  const advance = (run: number) => {
    const next = sources[run]!.next();
    if (!next.done) push({ list: next.value, run });
  };
  sources.forEach((_, run) => advance(run));
  while (heap.length) {
    const first = pop();
    advance(first.run);
    let joined = first.list;
    // The same term in later runs: popped in run order, so in record order.
    while (heap.length && heap[0]!.list.term === joined.term) {
      const more = pop();
      advance(more.run);
      joined = joinLists(joined, more.list);
    }
    yield joined;
  }
}

/** One term's lists from two runs, `later`'s records all after `earlier`'s: its first gap is counted again from `earlier`'s last record. */
function joinLists(earlier: TermList, later: TermList): TermList {
  const at = { i: 0 };
  const firstRecord = readVarint(later.postings, at);
  const gap: number[] = [];
  writeVarint(gap, firstRecord - earlier.last);
  const joined = new Uint8Array(earlier.postings.length + gap.length + later.postings.length - at.i);
  joined.set(earlier.postings, 0);
  joined.set(gap, earlier.postings.length);
  joined.set(later.postings.subarray(at.i), earlier.postings.length + gap.length);
  return { term: earlier.term, records: earlier.records + later.records, last: later.last, postings: joined };
}

/** Term lists as one buffer, to pass to another thread without copying. */
export function packLists(lists: Iterable<TermList>): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const l of lists) {
    // A copy of the postings: a run's lists reuse one buffer (RunLists.drain).
    for (const p of [...packedHead(enc, l), l.postings.slice()]) {
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

export interface ChunkFigures {
  terms: number;
  /** Each chunk's first term, in order: the browser's table of where terms are. */
  firsts: string[];
}

/**
 * Writes term lists (in term order) as chunks of about `chunkBytes` of postings each, ended too
 * at every segment break, the k-th at `pathOf(k)` (a range merged apart is written under names
 * of its own, renumbered after).
 */
export async function writeChunks(siteDir: string, lists: Iterable<TermList>, chunkBytes = CHUNK_BYTES, pathOf: (k: number) => string = chunkPath, breaks: readonly string[] = SEGMENT_BREAKS): Promise<ChunkFigures> {
  const files = new FileWriter(siteDir);
  const firsts: string[] = [];
  let terms = 0;
  let batch: TermList[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    firsts.push(batch[0]!.term);
    await files.write(pathOf(firsts.length - 1), encodeChunk(batch));
    batch = [];
    bytes = 0;
  };
  let nextBreak = 0;
  for (const list of lists) {
    if (nextBreak < breaks.length && list.term >= breaks[nextBreak]!) {
      await flush();
      while (nextBreak < breaks.length && list.term >= breaks[nextBreak]!) nextBreak++;
    }
    batch.push(list);
    terms++;
    bytes += list.postings.length + list.term.length * 3 + 8;
    if (bytes >= chunkBytes) await flush();
  }
  await flush();
  await files.done();
  return { terms, firsts };
}
