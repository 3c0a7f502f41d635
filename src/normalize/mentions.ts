// Finding the actors and tags an article's text mentions. Every name of every entry, in every
// script, goes into one Aho–Corasick automaton built once; each text is then read once,
// character by character, however many names there are. The rules (whole Latin words,
// exact-case acronyms, longest name wins, false friends) are the ones content/actors.yaml
// explains to its editors.
import type { Actor, Tag, TextRules } from "../model/registry.ts";
import { detectableNames, scriptVariants } from "./registry.ts";

export interface Mentions {
  actors: string[];
  tags: string[];
}

export interface MentionMatcher {
  /**
   * Ids of every actor and `detect` tag named in `text`, each list sorted and unique. With
   * `nested`, names inside a longer name count too (芯片 in AI芯片, 华为 in 华为昇腾): what the
   * words literally contain, which is what a search for the shorter name expects to find.
   */
  find(text: string, opts?: { nested?: boolean }): Mentions;
  /** Both readings of one scan of `text`: the mentions, and the names nested in them that are not mentions themselves. */
  findWithNested(text: string): { mentions: Mentions; nestedOnly: Mentions };
}

// ─── Character classes, one table lookup per character ─────────────────────────────────────

/** What a character is compared as: lower case, ASCII for full-width Latin, separators as " ". */
const FOLD = new Uint16Array(65536);
/** The character as written, full-width Latin narrowed: exact-case names compare to this. */
const NARROW = new Uint16Array(65536);
/** Letters and digits of Latin script: a Latin name must not touch one at either end. */
const WORD = new Uint8Array(65536);

for (let c = 0; c < 65536; c++) {
  const narrow = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  NARROW[c] = narrow;
  const lower = String.fromCharCode(narrow).toLowerCase();
  FOLD[c] = lower.length === 1 ? lower.charCodeAt(0) : narrow;
  const ch = String.fromCharCode(narrow);
  if (/[\p{Script=Latin}\p{Nd}]/u.test(ch) && narrow < 0x2000) WORD[c] = 1;
}
// "rare-earth", "rare earth", "rare_earth" and a line break between the two words are one name.
for (const sep of " \t\n\r\u00a0\u3000-_\u2010\u2011\u2012\u2013\u2014\u2015") FOLD[sep.charCodeAt(0)] = 0x20;
for (const q of "‘’`´") FOLD[q.charCodeAt(0)] = 0x27;
for (const d of "・•‧･") FOLD[d.charCodeAt(0)] = 0xb7;

/** The name as the scanner reads text: no separators at the ends, none twice in a row. */
function squeeze(name: string): string {
  let out = "";
  let space = true;
  for (let i = 0; i < name.length; i++) {
    const isSpace = FOLD[name.charCodeAt(i)] === 0x20;
    if (isSpace && space) continue;
    space = isSpace;
    out += name[i];
  }
  return space ? out.slice(0, -1) : out;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** BIS, SMIC, G7, U.S., AI芯片: capitals and no small letters, at most six letters. */
function isAcronym(name: string): boolean {
  let letters = 0;
  for (let i = 0; i < name.length; i++) {
    const c = NARROW[name.charCodeAt(i)]!;
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters > 0 && letters <= 6;
}

/** tariff → tariffs, policy → policies, tax → taxes, embargo → embargoes: a name's plurals. */
function plurals(name: string): string[] {
  const last = name.charCodeAt(name.length - 1);
  if (!isAsciiLetter(last) || /[sS]$/.test(name)) return [];
  if (/[xz]$|[cs]h$/i.test(name)) return [`${name}es`];
  if (/[^aeiou]y$/i.test(name)) return [`${name.slice(0, -1)}ies`];
  if (/o$/i.test(name)) return [`${name}s`, `${name}es`];
  return [`${name}s`];
}

// ─── The automaton ──────────────────────────────────────────────────────────────────────────

interface Pattern {
  /** The name as written, for exact-case comparison. */
  text: string;
  length: number;
  /** Index into targets. */
  target: number;
  /** Hides mentions of its target inside it instead of being one. */
  falseFriend: boolean;
  exactCase: boolean;
  /** A Latin letter or digit starts/ends the name: the text must not continue the word there. */
  wordStart: boolean;
  wordEnd: boolean;
}

interface Target {
  kind: "actor" | "tag";
  id: string;
}

type Entry = (Actor | Tag) & TextRules;

class Automaton {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: (number[] | undefined)[] = [undefined];
  /** Transitions from the root for every character: the common case, without a Map lookup. */
  private readonly root = new Int32Array(65536);
  /**
   * The other transitions, laid out by build(): state s reads edgeChar[k] to edgeTo[k] for k in
   * [edgeStart[s], edgeStart[s + 1]). Most states read one or two characters, which a short loop
   * over typed arrays finds faster than a Map per state.
   */
  private edgeStart = new Int32Array(0);
  private edgeChar = new Uint16Array(0);
  private edgeTo = new Int32Array(0);
  readonly patterns: Pattern[] = [];
  /** Where in the text each of the last characters read was: a ring as long as the longest name. */
  private fedAt = new Int32Array(1);
  private mask = 0;

  add(p: Pattern): void {
    if (p.length > this.fedAt.length) {
      let size = this.fedAt.length;
      while (size < p.length) size *= 2;
      this.fedAt = new Int32Array(size);
      this.mask = size - 1;
    }
    let s = 0;
    for (let i = 0; i < p.text.length; i++) {
      const c = FOLD[p.text.charCodeAt(i)]!;
      let n = this.next[s]!.get(c);
      if (n === undefined) {
        n = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push(undefined);
        this.next[s]!.set(c, n);
      }
      s = n;
    }
    (this.out[s] ??= []).push(this.patterns.length);
    this.patterns.push(p);
  }

  /** Failure links, breadth first; each state's output also lists its suffixes' names. */
  build(): void {
    const queue: number[] = [];
    for (const [c, n] of this.next[0]!) {
      this.root[c] = n;
      queue.push(n);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const [c, n] of this.next[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[n] = target !== undefined && target !== n ? target : 0;
        const inherited = this.out[this.fail[n]!];
        if (inherited) this.out[n] = [...(this.out[n] ?? []), ...inherited];
        queue.push(n);
      }
    }
    const states = this.next.length;
    this.edgeStart = new Int32Array(states + 1);
    for (let st = 0; st < states; st++) this.edgeStart[st + 1] = this.edgeStart[st]! + this.next[st]!.size;
    this.edgeChar = new Uint16Array(this.edgeStart[states]!);
    this.edgeTo = new Int32Array(this.edgeStart[states]!);
    for (let st = 0; st < states; st++) {
      let k = this.edgeStart[st]!;
      for (const [c, n] of this.next[st]!) {
        this.edgeChar[k] = c;
        this.edgeTo[k++] = n;
      }
    }
  }

  /**
   * Every occurrence of every name that keeps its rules, as flat [start, end, pattern] triples.
   * A run of spaces or line breaks is read as one space, so a name wrapped over two lines or
   * written with two spaces is still found; `fedAt` maps what was read back to the text.
   */
  scan(text: string): number[] {
    const found: number[] = [];
    const { fail, out, root, patterns, fedAt, mask, edgeStart, edgeChar, edgeTo } = this;
    /** Where state st goes on c, or -1 if it reads no c. */
    const step = (st: number, c: number): number => {
      for (let k = edgeStart[st]!, end = edgeStart[st + 1]!; k < end; k++) if (edgeChar[k] === c) return edgeTo[k]!;
      return -1;
    };
    const n = text.length;
    let s = 0;
    let fed = 0;
    let space = false;
    for (let i = 0; i < n; i++) {
      const c = FOLD[text.charCodeAt(i)]!;
      if (c === 0x20) {
        if (space) continue;
        space = true;
      } else {
        space = false;
      }
      fedAt[fed++ & mask] = i;
      if (s === 0) {
        s = root[c]!;
        if (s === 0) continue;
      } else {
        // Follow failure links until some state reads c; the root reads everything (maybe to itself).
        let t = step(s, c);
        while (t < 0) {
          s = fail[s]!;
          if (s === 0) {
            t = root[c]!;
            break;
          }
          t = step(s, c);
        }
        s = t;
        if (s === 0) continue;
      }
      const hits = out[s];
      if (!hits) continue;
      for (let h = 0; h < hits.length; h++) {
        const p = patterns[hits[h]!]!;
        const start = fedAt[(fed - p.length) & mask]!;
        if (p.wordStart && start > 0 && WORD[text.charCodeAt(start - 1)]) continue;
        if (p.wordEnd && i + 1 < n && WORD[text.charCodeAt(i + 1)]) continue;
        if (p.exactCase && !sameCase(text, start, p.text)) continue;
        found.push(start, i + 1, hits[h]!);
      }
    }
    return found;
  }
}

/** Letters as written in the name; spaces in it may be any run of spaces in the text. */
function sameCase(text: string, start: number, name: string): boolean {
  let t = start;
  for (let j = 0; j < name.length; j++) {
    const want = name.charCodeAt(j);
    if (FOLD[want] === 0x20) {
      while (FOLD[text.charCodeAt(t)] === 0x20) t++;
      continue;
    }
    if (isAsciiLetter(want) && NARROW[text.charCodeAt(t)] !== want) return false;
    t++;
  }
  return true;
}

// ─── Building and finding ───────────────────────────────────────────────────────────────────

/** Built once per run: the cost is in the build, not in each text. */
export function buildMentionMatcher(actors: readonly Entry[], tags: readonly Entry[]): MentionMatcher {
  const automaton = new Automaton();
  const targets: Target[] = [];
  const seen = new Set<string>();

  const add = (name: string, target: number, falseFriend: boolean, exactCase: boolean) => {
    const text = squeeze(name);
    let folded = "";
    for (let i = 0; i < text.length; i++) folded += String.fromCharCode(FOLD[text.charCodeAt(i)]!);
    const key = `${target}\0${falseFriend}\0${exactCase ? text : folded}`;
    if (!text || seen.has(key)) return;
    seen.add(key);
    automaton.add({
      text,
      length: text.length,
      target,
      falseFriend,
      exactCase,
      wordStart: WORD[text.charCodeAt(0)] === 1,
      wordEnd: WORD[text.charCodeAt(text.length - 1)] === 1,
    });
  };

  const addEntry = (e: Entry, kind: Target["kind"]) => {
    const detect = e.detect ?? kind === "actor";
    if (!detect) return;
    const target = targets.push({ kind, id: e.id }) - 1;
    const exact = new Set(e.exactCase ?? []);
    for (const name of detectableNames(e)) {
      for (const raw of scriptVariants(name.normalize("NFKC"))) {
        const v = squeeze(raw);
        if (exact.has(name) || isAcronym(v)) {
          add(v, target, false, true);
        } else {
          add(v, target, false, false);
          for (const p of plurals(v)) add(p, target, false, false);
        }
      }
    }
    for (const ff of e.falseFriends ?? []) {
      for (const v of scriptVariants(ff.normalize("NFKC"))) add(v, target, true, false);
    }
  };

  actors.forEach((a) => addEntry(a, "actor"));
  tags.forEach((t) => addEntry(t, "tag"));
  automaton.build();

  return {
    find(text: string, opts: { nested?: boolean } = {}): Mentions {
      const { chosen, inside } = choose(automaton.scan(text), automaton.patterns, opts.nested ?? false);
      return idsOf(opts.nested ? inside : chosen);
    },
    findWithNested(text: string) {
      // One choice gives both readings: choosing twice was a fifth of the matcher's time.
      const { chosen, inside } = choose(automaton.scan(text), automaton.patterns, true);
      const mentions = idsOf(chosen);
      const nested = idsOf(inside);
      return {
        mentions,
        nestedOnly: { actors: nested.actors.filter((a) => !mentions.actors.includes(a)), tags: nested.tags.filter((t) => !mentions.tags.includes(t)) },
      };
    },
  };

  function idsOf(chosen: number[]): Mentions {
    const ids = { actor: new Set<string>(), tag: new Set<string>() };
    for (const m of chosen) {
      const t = targets[automaton.patterns[m]!.target]!;
      ids[t.kind].add(t.id);
    }
    return { actors: [...ids.actor].sort(), tags: [...ids.tag].sort() };
  }
}

/**
 * Which occurrences are mentions: drop those inside a false friend of their own entry, then
 * among overlapping names keep the longest (美光科技, not 美光; 光刻机 in 对美光刻机, not 美光).
 * Returns pattern indices: `chosen`, and with `nested` also `inside`, every name within a
 * chosen one (the chosen included).
 */
function choose(found: number[], patterns: Pattern[], nested: boolean): { chosen: number[]; inside: number[] } {
  const count = found.length / 3;
  const inside: number[] = [];
  if (count === 0) return { chosen: [], inside };
  const friends: number[] = [];
  for (let k = 0; k < count; k++) if (patterns[found[3 * k + 2]!]!.falseFriend) friends.push(k);

  const live: number[] = [];
  for (let k = 0; k < count; k++) {
    const p = patterns[found[3 * k + 2]!]!;
    if (p.falseFriend) continue;
    const start = found[3 * k]!;
    const end = found[3 * k + 1]!;
    const hidden = friends.some((f) => {
      const fp = patterns[found[3 * f + 2]!]!;
      return fp.target === p.target && found[3 * f]! <= start && end <= found[3 * f + 1]!;
    });
    if (!hidden) live.push(k);
  }

  live.sort((a, b) => found[3 * a]! - found[3 * b]! || found[3 * b + 1]! - found[3 * a + 1]!);
  const chosen: number[] = [];
  // Overlapping names form a cluster; clusters are small, so each is settled by sorting. A
  // name nested in a chosen one overlaps it, so it is in the same cluster: looking only there
  // keeps a long text linear in its number of mentions.
  for (let i = 0; i < live.length; ) {
    const chosenSpans: Array<[number, number]> = [];
    let end = found[3 * live[i]! + 1]!;
    let j = i + 1;
    while (j < live.length && found[3 * live[j]!]! < end) {
      end = Math.max(end, found[3 * live[j]! + 1]!);
      j++;
    }
    if (j - i === 1) {
      chosen.push(found[3 * live[i]! + 2]!);
      chosenSpans.push([found[3 * live[i]!]!, found[3 * live[i]! + 1]!]);
    } else {
      const cluster = live.slice(i, j);
      const len = (k: number) => found[3 * k + 1]! - found[3 * k]!;
      cluster.sort((a, b) => len(b) - len(a) || found[3 * a]! - found[3 * b]!);
      const kept: number[] = [];
      for (const k of cluster) {
        const s = found[3 * k]!;
        const e = found[3 * k + 1]!;
        // The same span named twice (an actor and a tag of one name) is two mentions.
        const clash = kept.some((q) => {
          const qs = found[3 * q]!;
          const qe = found[3 * q + 1]!;
          return s < qe && qs < e && !(s === qs && e === qe);
        });
        if (!clash) kept.push(k);
      }
      for (const k of kept) {
        chosen.push(found[3 * k + 2]!);
        chosenSpans.push([found[3 * k]!, found[3 * k + 1]!]);
      }
    }
    if (nested) {
      for (let n = i; n < j; n++) {
        const k = live[n]!;
        const s = found[3 * k]!;
        const e = found[3 * k + 1]!;
        if (chosenSpans.some(([cs, ce]) => cs <= s && e <= ce)) inside.push(found[3 * k + 2]!);
      }
    }
    i = j;
  }
  return { chosen, inside };
}
