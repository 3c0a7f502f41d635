// What goes into the search index and what a query becomes, in one module that runs both in
// Node (at index time) and in the browser (at query time), so the two can never disagree.
//
// - Script folding: Traditional characters become Simplified through one character map
//   built from the corpus at index time and shipped with the site (华为 = 華為).
// - Chinese is indexed as overlapping character pairs, with the last character of each run on
//   its own: 台积电 → "台积 积电 电". A query is split the same way, so 台积电 needs both 台积
//   and 积电 and never matches a page that only says 台湾. No dictionary is involved, so the
//   browser's word splitter (Intl.Segmenter) and the indexer's (jieba) no longer disagree.
// - Everything is then indexed as one language, so one index covers 简体, 繁體 and English.
import { escapeHtml } from "../render/escape.ts";

export type FoldMap = Record<string, string>;

const HAN = /\p{Script=Han}/u;
// A token is a run of Han characters, a word of letters and digits, or one other visible mark.
const W = String.raw`[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]`;
const TOKEN = new RegExp(String.raw`\p{Script=Han}+|${W}(?:[${"'"}’._-]*${W})*|\S`, "gu");
const CONNECTOR = /['’._-]/;
const CONNECTORS = /['’._-]+/;

/** NFKC (full-width letters and digits become ASCII), lower case, Traditional → Simplified. */
export function fold(text: string, map: FoldMap): string {
  return text.normalize("NFKC").toLowerCase().replace(foldPattern(map), (ch) => map[ch]!);
}

// One regular expression per map, matching its keys: only the characters to change call back
// (a loop over every character was a fifth of the index build at 10,000 notes).
const patterns = new WeakMap<FoldMap, RegExp>();
function foldPattern(map: FoldMap): RegExp {
  let re = patterns.get(map);
  if (!re) {
    const keys = Object.keys(map).map((k) => k.replace(/[\\\]^-]/g, "\\$&"));
    re = keys.length ? new RegExp(`[${keys.join("")}]`, "gu") : /(?!)/g;
    patterns.set(map, re);
  }
  return re;
}

/**
 * Visits the index tokens of already folded text without making a string of each: a pair or a
 * lone character of the Basic Multilingual Plane as a number (pairKey), anything else as its
 * string. The postings index counts tens of millions of tokens; strings of them were most of
 * its memory churn. tokenize() gives the same tokens as strings, but for the parts of
 * compound words, which only the index has.
 */
export function visitTokens(folded: string, onKey: (key: number) => void, onWord: (word: string) => void): void {
  for (const [tok] of folded.matchAll(TOKEN)) {
    const c0 = tok.charCodeAt(0);
    if (!isHanUnit(c0) && !HAN.test(tok[0]!)) {
      onWord(tok);
      // A compound (e-graph, afl-compiler-rt.o.c) is indexed whole and by its parts, so that
      // "graph" finds e-graph, as stock Pagefind does; a query keeps it whole (tokenize).
      if (CONNECTOR.test(tok)) for (const part of tok.split(CONNECTORS)) if (part.length > 1 && part !== tok) onWord(part);
      continue;
    }
    // A run of Han characters; one outside the BMP (a surrogate pair) goes the slow way.
    let bmp = true;
    for (let i = 0; i < tok.length; i++) {
      const c = tok.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) {
        bmp = false;
        break;
      }
    }
    if (!bmp) {
      // Pairs and characters of the main plane are keys here too: as words, "先科" in
      // "尤先科则遭到二𫫇英剧毒" was a second list of the same term beside the key's, and the
      // two were merged into one list with its records out of order.
      const chars = [...tok];
      for (let i = 0; i + 1 < chars.length; i++) {
        const [a, b] = [chars[i]!, chars[i + 1]!];
        if (a.length === 1 && b.length === 1) onKey(a.charCodeAt(0) * 0x10000 + b.charCodeAt(0));
        else onWord(a + b);
      }
      const last = chars[chars.length - 1]!;
      if (last.length === 1) onKey(last.charCodeAt(0));
      else onWord(last);
      continue;
    }
    for (let i = 0; i + 1 < tok.length; i++) onKey(tok.charCodeAt(i) * 0x10000 + tok.charCodeAt(i + 1));
    onKey(tok.charCodeAt(tok.length - 1));
  }
}

/** Whether a UTF-16 unit is in the main blocks of Han characters (a quick test before the regular expression). */
function isHanUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** The token a visitTokens key stands for. */
export function keyToken(key: number): string {
  return key >= 0x10000 ? String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000) : String.fromCharCode(key);
}

/** Index tokens of already folded text: character pairs for Chinese, words for the rest. */
export function tokenize(folded: string): string[] {
  const out: string[] = [];
  for (const [tok] of folded.matchAll(TOKEN)) {
    if (HAN.test(tok[0]!)) {
      const chars = [...tok];
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      out.push(chars[chars.length - 1]!);
    } else {
      out.push(tok);
    }
  }
  return out;
}

/**
 * The word a record carries for each actor or tag it names, so that a search by name is a
 * search for one word: Pagefind then loads the one index chunk holding it. (A filter-only
 * search, `search(null, {filters})`, makes Pagefind load every chunk of the index: tens of MB
 * at a few thousand articles.) Letters and digits only, so no tokenizer splits it.
 */
export function entityToken(id: string): string {
  // Two FNV-1a hashes of the id: stable, short, and the same in Node and in the browser.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return `kbe${h1.toString(36)}${h2.toString(36)}`;
}
const ENTITY_TOKEN = /^kbe[0-9a-z]{8,14}$/;
export function isEntityToken(word: string): boolean {
  return ENTITY_TOKEN.test(word);
}

/** The text Pagefind indexes for a document. */
export function indexText(text: string, map: FoldMap): string {
  return tokenize(fold(text, map)).join(" ");
}

/**
 * Turns a Pagefind excerpt of indexed text back into readable text: each character pair
 * stands for its first character, a lone character ends its run, and a character is marked
 * when any token covering it was matched.
 */
export function readableExcerpt(excerptHtml: string): string {
  // Pagefind marks whole tokens: `<mark>台积</mark> <mark>积电</mark> 电 …`.
  const tokens = excerptHtml
    .split(" ")
    .filter((t) => t !== "")
    .map((raw) => {
      const marked = raw.includes("<mark>");
      const text = decodeEntities(raw.replace(/<\/?mark>/g, ""));
      return { text, marked };
    })
    .filter((t) => !ENTITY_TOKEN.test(t.text));
  const out: Array<{ text: string; marked: boolean; han: boolean }> = [];
  let prevPairMarked = false;
  let prevWasPair = false;
  tokens.forEach((tok) => {
    const chars = [...tok.text];
    const isHan = chars.length > 0 && HAN.test(chars[0]!);
    if (isHan && chars.length === 2) {
      // The first character of a pair; it is also the second character of the previous pair.
      out.push({ text: chars[0]!, marked: tok.marked || (prevWasPair && prevPairMarked), han: true });
      prevPairMarked = tok.marked;
      prevWasPair = true;
    } else if (isHan && chars.length === 1) {
      out.push({ text: chars[0]!, marked: tok.marked || (prevWasPair && prevPairMarked), han: true });
      prevWasPair = false;
      prevPairMarked = false;
    } else {
      out.push({ text: tok.text, marked: tok.marked, han: false });
      prevWasPair = false;
      prevPairMarked = false;
    }
  });
  let html = "";
  let open = false;
  out.forEach((piece, i) => {
    const prev = out[i - 1];
    // Words of Latin text keep a space between them; Chinese and punctuation do not.
    const space = prev !== undefined && !prev.han && !piece.han && spaced(prev.text, piece.text);
    if (open && (!piece.marked || space)) {
      html += "</mark>";
      open = false;
    }
    if (space) html += " ";
    if (piece.marked && !open) {
      html += "<mark>";
      open = true;
    }
    html += escapeHtml(piece.text);
  });
  if (open) html += "</mark>";
  return html;
}

const CJK_PUNCT = /[\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]/u;
/** Whether Latin-script text had a space between two tokens: not before a stop, not after an opening bracket. */
function spaced(prev: string, next: string): boolean {
  if (CJK_PUNCT.test(prev) || CJK_PUNCT.test(next)) return false;
  if (/^[.,;:!?)\]}%]/.test(next)) return false;
  if (/[([{$#]$/.test(prev)) return false;
  return true;
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" })[e]!);
}

// ── Queries ───────────────────────────────────────────────────────────────────────────────

/** Registry names, folded, pointing at the actor or tag they name. */
export interface AliasIndex {
  /** folded surface → [kind, id] */
  keys: Record<string, [kind: "actor" | "tag", id: string]>;
  /** id → the surfaces to highlight on a page (names and aliases, as written). */
  surfaces: Record<string, string[]>;
  /** Longest key, in characters: bounds the matching loop. */
  longest: number;
  /** id → its English name, for the English interface (an older index has none). */
  en?: Record<string, string>;
}

export interface ParsedQuery {
  /** Actors and tags the query names, by any name in any script or language. */
  entities: Array<{ kind: "actor" | "tag"; id: string; surface: string }>;
  /** The rest, as index tokens (empty when the query is only names). */
  text: string;
  /** What Pagefind is asked: one word per name (see entityToken), then the text. */
  terms: string;
  /** Every surface to highlight: the query's words and the names of its entities. */
  highlight: string[];
  /**
   * A looser reading, for results after the query's own (empty when it has none): each Chinese
   * run split into words (Intl.Segmenter), each word's pairs needed but not the pairs across
   * words, names read as their words. 出口管制 then also finds 出口 … 管制 apart, as a search
   * engine that splits words does (Pagefind finds those too).
   */
  loose: string;
  /** The words of the looser reading, to highlight in its results. */
  looseHighlight: string[];
}

const ZH_WORDS = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("zh", { granularity: "word" }) : undefined;

/**
 * The looser reading of a folded query (see ParsedQuery.loose): its tokens, and its words. A run
 * that splits off a word of one character stays whole: 台 alone would find every 台湾.
 */
export function looseReading(folded: string): { tokens: string[]; words: string[] } {
  const tokens: string[] = [];
  const words: string[] = [];
  for (const [tok] of folded.matchAll(TOKEN)) {
    if (!HAN.test(tok[0]!)) {
      if (/[\p{L}\p{N}]/u.test(tok) && !/^[\p{Script=Latin}]$/u.test(tok)) tokens.push(tok), words.push(tok);
      continue;
    }
    const split = [...tok].length > 2 && ZH_WORDS ? [...ZH_WORDS.segment(tok)].map((s) => s.segment) : [tok];
    const parts = split.every((p) => [...p].length > 1) ? split : [tok];
    for (const part of parts) {
      const chars = [...part];
      words.push(part);
      if (chars.length === 1) tokens.push(part);
      else for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    }
  }
  return { tokens, words };
}

const LATIN = /[\p{Script=Latin}\p{N}]/u;

/**
 * Splits a query into registry names (matched longest first, Latin names on word boundaries)
 * and free text. 华为 芯片 → actor huawei + tag chips; 台积电扩产 → tsmc + "扩产".
 */
export function parseQuery(query: string, map: FoldMap, aliases: AliasIndex): ParsedQuery {
  const folded = fold(query, map).trim();
  const chars = [...folded];
  const entities: ParsedQuery["entities"] = [];
  const rest: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let hit: { len: number; kind: "actor" | "tag"; id: string } | undefined;
    for (let len = Math.min(aliases.longest, chars.length - i); len >= 1; len--) {
      const key = chars.slice(i, i + len).join("");
      const found = aliases.keys[key];
      if (!found) continue;
      const before = chars[i - 1];
      const after = chars[i + len];
      const latinEdge = LATIN.test(chars[i]!) && before !== undefined && LATIN.test(before);
      const latinEnd = LATIN.test(chars[i + len - 1]!) && after !== undefined && LATIN.test(after);
      if (latinEdge || latinEnd) continue;
      hit = { len, kind: found[0], id: found[1] };
      break;
    }
    if (hit) {
      if (!entities.some((e) => e.kind === hit!.kind && e.id === hit!.id)) {
        entities.push({ kind: hit.kind, id: hit.id, surface: chars.slice(i, i + hit.len).join("") });
      }
      for (let k = 0; k < hit.len; k++) rest.push(" ");
      i += hit.len;
    } else {
      rest.push(chars[i]!);
      i++;
    }
  }
  // A lone character closing a run is only needed when the run is one character long: the
  // pairs already cover every character, and Pagefind would match the lone one as a prefix of
  // the next pair on the page (工厂 + 厂 → 厂也).
  const tokens = tokenize(rest.join(""))
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .filter((t, k, all) => !(HAN.test(t) && [...t].length === 1 && k > 0 && HAN.test(all[k - 1]!) && [...all[k - 1]!].length === 2 && all[k - 1]!.endsWith(t)))
    // One Latin letter (the "a" of "ASML" while it is being typed) would match, as a prefix,
    // every word in the index that starts with it: megabytes of index for nothing.
    .filter((t) => !/^[\p{Script=Latin}]$/u.test(t));
  // Where free Chinese text touches a name (稀土出口 = 稀土 + 出口), keep the pair across the
  // seam (土出), so the words must stand together as in the query, not anywhere on the page.
  for (let k = 1; k < chars.length; k++) {
    const left = rest[k - 1] === " " && rest[k] !== " ";
    const right = rest[k - 1] !== " " && rest[k] === " ";
    if ((left || right) && HAN.test(chars[k - 1]!) && HAN.test(chars[k]!)) tokens.push(chars[k - 1]! + chars[k]!);
  }
  const words = rest.join("").split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const highlight = [...new Set([...words, ...entities.flatMap((e) => aliases.surfaces[e.id] ?? [e.surface])])];
  const text = tokens.join(" ");
  const terms = [...entities.map((e) => entityToken(e.id)), ...(text ? [text] : [])].join(" ");
  // Only a query with a Chinese run of three characters or more reads more loosely, or one that
  // names a name of several words: "export controls" then also finds export … controls apart,
  // as Pagefind does (a page that has both words but not the name).
  const loose = /\p{Script=Han}{3}/u.test(folded) || entities.some((e) => /\s/.test(e.surface)) ? looseReading(folded) : { tokens: [], words: [] };
  const looseTerms = [...new Set(loose.tokens)].join(" ");
  const strictTerms = new Set(terms.split(" "));
  const differs = loose.tokens.some((t) => !strictTerms.has(t)) || entities.length > 0 || loose.tokens.length < strictTerms.size;
  return { entities, text, terms, highlight, loose: differs ? looseTerms : "", looseHighlight: differs ? [...new Set([...highlight, ...loose.words])] : [] };
}

// Each character's fold, remembered: a text repeats a few thousand characters, and folding them
// one call at a time was 2.5–5 ms of every result's excerpt (most of a search's own time).
const characterFolds = new WeakMap<FoldMap, Map<string, string>>();
function foldedCharacters(map: FoldMap): Map<string, string> {
  let m = characterFolds.get(map);
  if (!m) characterFolds.set(map, (m = new Map()));
  return m;
}

/**
 * Where the folded forms of `terms` occur in `text`, as [start, end) ranges in `text`'s own
 * characters. Folding maps one character to one character, so positions carry over and a
 * Traditional page is highlighted for a Simplified query.
 */
export function findHighlights(text: string, terms: string[], map: FoldMap): Array<[number, number]> {
  // Fold character by character, remembering which original character (by UTF-16 offset)
  // each folded code unit came from.
  let folded = "";
  const origin: number[] = [];
  let offset = 0;
  const folds = foldedCharacters(map);
  for (const ch of text) {
    let f = folds.get(ch);
    if (f === undefined) {
      f = fold(ch, map);
      if (folds.size >= 100_000) folds.clear();
      folds.set(ch, f);
    }
    for (let k = 0; k < f.length; k++) origin.push(offset);
    folded += f;
    offset += ch.length;
  }
  origin.push(offset);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    const t = fold(term, map).trim();
    if (!t) continue;
    const latin = LATIN.test(t[0]!) || LATIN.test(t[t.length - 1]!);
    for (let idx = folded.indexOf(t); idx >= 0; idx = folded.indexOf(t, idx + 1)) {
      if (latin && ((idx > 0 && LATIN.test(folded[idx - 1]!)) || LATIN.test(folded[idx + t.length] ?? ""))) continue;
      const end = idx + t.length;
      // The end is the start of the next original character.
      ranges.push([origin[idx]!, end < folded.length ? origin[end]! : offset]);
    }
  }
  ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
