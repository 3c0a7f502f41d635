// The term lists of one run of records as the index build collects them: every posting is three
// numbers appended to typed arrays, and each term is a number, found through a hash table of
// typed arrays for Chinese pairs and characters (most tokens) and a Map for words. A posting
// list as an object per term (a Map entry, an object, a growing byte array) cost a third of the
// build in lookups and a sixth in garbage collection on a real collection of 9,180 notes, whose
// runs hold half a million terms each. The lists come out in term order (drain), as
// postings-write.ts writes them.
import { keyToken } from "./fold.ts";
import { writeVarint } from "./postings.ts";

/** A term's whole posting list for this run; the first gap counts from record 0. */
export interface TermList {
  term: string;
  records: number;
  /** Its last record's number. */
  last: number;
  postings: Uint8Array;
}

/** What a term costs besides its postings: its slots in the arrays, and a word's Map entry and string. */
const TERM_BYTES = 40;
/** What a posting costs held: list, record and count, four bytes each. */
const POSTING_BYTES = 12;

function grown<T extends Uint32Array | Int32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  bigger.set(a);
  return bigger;
}

export class RunLists {
  /** Open addressing: a key (never 0: Han code units are far above it) and its term's number. */
  private slots = new Uint32Array(1 << 16);
  private slotTerm = new Int32Array(1 << 16);
  /** 32 less the table's bits: Fibonacci hashing takes the product's top bits. */
  private shift = 16;
  private keyed = 0;
  private readonly words = new Map<string, number>();
  /** Each term as its key (a number) or its word. */
  private readonly terms: Array<number | string> = [];
  /** Per term: the record it was last met in, its count there, and the records holding it. */
  private current = new Int32Array(1024).fill(-1);
  private count = new Uint32Array(1024);
  private records = new Uint32Array(1024);
  /** The postings, in the order met: term, record, count. */
  private logTerm = new Uint32Array(1 << 16);
  private logRecord = new Uint32Array(1 << 16);
  private logCount = new Uint32Array(1 << 16);
  private logged = 0;
  private met = new Int32Array(1024);
  private metCount = 0;
  private record = -1;
  private wordBytes = 0;

  /** About what the lists take in memory now. */
  get heldBytes(): number {
    return this.logged * POSTING_BYTES + this.terms.length * TERM_BYTES + this.slots.length * 8 + this.wordBytes;
  }

  get size(): number {
    return this.terms.length;
  }

  /** Starts record `n`; its tokens follow (meetKey, meetWord), then endRecord. */
  beginRecord(n: number): void {
    this.record = n;
    this.metCount = 0;
  }

  private newTerm(term: number | string): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id >= this.current.length) {
      const n = this.current.length * 2;
      const current = new Int32Array(n).fill(-1);
      current.set(this.current);
      this.current = current;
      this.count = grown(this.count, n);
      this.records = grown(this.records, n);
    }
    return id;
  }

  private meet(id: number): void {
    if (this.current[id] !== this.record) {
      this.current[id] = this.record;
      this.count[id] = 0;
      if (this.metCount === this.met.length) this.met = grown(this.met, this.metCount + 1);
      this.met[this.metCount++] = id;
    }
    this.count[id]!++;
  }

  /** A Chinese pair or character by its number (fold.ts visitTokens). */
  meetKey = (key: number): void => {
    const mask = this.slots.length - 1;
    // Fibonacci hashing spreads the pairs' clustered numbers over the table.
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.slots[i]!;
      if (k === key) return this.meet(this.slotTerm[i]!);
      if (k === 0) break;
      i = (i + 1) & mask;
    }
    const id = this.newTerm(key);
    this.slots[i] = key;
    this.slotTerm[i] = id;
    if (++this.keyed * 2 > this.slots.length) this.rehash();
    this.meet(id);
  };

  private idOfKey(key: number): number {
    const mask = this.slots.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) if (this.slots[i] === key) return this.slotTerm[i]!;
  }

  /** Any other term: a word, a name's token, a filter. */
  meetWord = (word: string): void => {
    let id = this.words.get(word);
    if (id === undefined) {
      id = this.newTerm(word);
      this.words.set(word, id);
      this.wordBytes += 40 + word.length * 2;
    }
    this.meet(id);
  };

  private rehash(): void {
    const old = this.slots;
    const oldTerm = this.slotTerm;
    this.slots = new Uint32Array(old.length * 2);
    this.slotTerm = new Int32Array(old.length * 2);
    this.shift--;
    const mask = this.slots.length - 1;
    for (let j = 0; j < old.length; j++) {
      const key = old[j]!;
      if (key === 0) continue;
      let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = key;
      this.slotTerm[i] = oldTerm[j]!;
    }
  }

  /** Ends the record: one posting for each term it holds; returns how many. */
  endRecord(): number {
    const need = this.logged + this.metCount;
    if (need > this.logTerm.length) {
      this.logTerm = grown(this.logTerm, need);
      this.logRecord = grown(this.logRecord, need);
      this.logCount = grown(this.logCount, need);
    }
    for (let i = 0; i < this.metCount; i++) {
      const id = this.met[i]!;
      this.logTerm[this.logged] = id;
      this.logRecord[this.logged] = this.record;
      this.logCount[this.logged++] = this.count[id]!;
      this.records[id]!++;
    }
    return this.metCount;
  }

  /**
   * The lists in term order, each encoded as it is taken (gaps and counts as variable-length
   * integers). A list's postings are valid until the next is taken: keep a copy to hold them.
   */
  *drain(): Generator<TermList> {
    // Term order is UTF-16 code-unit order. The Chinese terms are sorted as numbers (a lone
    // character c as c·2¹⁶, before every pair it starts), the words as strings, natively; the
    // two are then merged. A comparator over half a million strings was a sixth of the build.
    // A pair's number is its two code units; a lone character's is shifted to sort before them.
    const keyed = new Uint32Array(this.keyed);
    let k = 0;
    for (const t of this.terms) if (typeof t === "number") keyed[k++] = t < 0x10000 ? t * 0x10000 : t;
    keyed.sort();
    const words = [...this.words.keys()].sort();
    // The postings grouped by term, keeping their order (records ascending): a counting sort.
    const count = this.terms.length;
    const start = new Uint32Array(count + 1);
    for (let id = 0; id < count; id++) start[id + 1] = start[id]! + this.records[id]!;
    const fill = start.slice(0, count);
    const at = new Uint32Array(this.logged);
    for (let i = 0; i < this.logged; i++) at[fill[this.logTerm[i]!]!++] = i;
    let scratch = new Uint8Array(1 << 16);
    const list = (id: number, term: string): TermList => {
      const need = (start[id + 1]! - start[id]!) * 10;
      if (need > scratch.length) scratch = new Uint8Array(Math.max(need, scratch.length * 2));
      let n = 0;
      const put = (v: number) => {
        while (v >= 0x80) {
          scratch[n++] = (v & 0x7f) | 0x80;
          v >>>= 7;
        }
        scratch[n++] = v;
      };
      let last = 0;
      for (let k = start[id]!; k < start[id + 1]!; k++) {
        const i = at[k]!;
        const record = this.logRecord[i]!;
        put(record - last);
        put(this.logCount[i]!);
        last = record;
      }
      return { term, records: this.records[id]!, last, postings: scratch.subarray(0, n) };
    };
    let w = 0;
    for (const order of keyed) {
      const key = order % 0x10000 === 0 ? order / 0x10000 : order;
      const id = this.idOfKey(key);
      const term = keyToken(key);
      while (w < words.length && words[w]! < term) {
        const word = words[w++]!;
        yield list(this.words.get(word)!, word);
      }
      yield list(id, term);
    }
    while (w < words.length) {
      const word = words[w++]!;
      yield list(this.words.get(word)!, word);
    }
  }
}
