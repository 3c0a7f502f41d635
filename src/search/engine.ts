// One search, the same in the browser and in Node's quality tests: the query is read against
// the registry (names become actor and tag filters, so Huawei finds 华为 and gallium finds 镓),
// the rest is folded and split like the index, and Pagefind answers with the reader's filters.
import { isEntityToken, parseQuery, type AliasIndex, type FoldMap, type ParsedQuery } from "./fold.ts";

export const FILTER_KEYS = ["type", "jurisdiction", "actor", "tag", "year"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface SearchRequest {
  q: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: "relevance" | "date";
}

interface PagefindResult {
  id: string;
  score: number;
  /** Where the searched words are in the record's text, counted in words. */
  words?: number[];
  data(): Promise<any>;
}

interface PagefindLike {
  search(term: string | null, opts?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

/** Words of indexed text in a result's excerpt (Pagefind's `excerptLength` on the search page). */
export const EXCERPT_WORDS = 40;

export interface SearchOutcome {
  parsed: ParsedQuery;
  results: Array<{ id: string; score: number; data(): Promise<any> }>;
  /** True when the query is only registry names: results are every page that names them. */
  namesOnly: boolean;
}

/**
 * `shards`: how many indexes `pagefind` has merged; `pages`: how many records they hold
 * together (both from search/index.json). `stale`: true once the reader has typed on, so that
 * the shards are not asked on for a query nobody waits for (they answer one search at a time).
 */
export async function runSearch(
  pagefind: PagefindLike,
  req: SearchRequest,
  map: FoldMap,
  aliases: AliasIndex,
  shards = 1,
  pages = 0,
  stale: () => boolean = () => false,
): Promise<SearchOutcome> {
  const parsed = parseQuery(req.q, map, aliases);
  const filters: Record<string, string[]> = {};
  for (const key of FILTER_KEYS) {
    const v = req.filters[key];
    if (v) (filters[key] ??= []).push(v);
  }
  const namesOnly = parsed.text === "" && parsed.entities.length > 0;
  if (parsed.terms === "" && Object.keys(filters).length === 0) return { parsed, results: [], namesOnly: false };
  // A search by names alone has no relevance to rank by: newest first.
  const term = parsed.terms === "" ? null : parsed.terms;
  const dated = req.sort === "date" || namesOnly;
  if (shards <= 1) {
    const found = await pagefind.search(term, { filters, ...(dated ? { sort: { date: "desc" } } : {}) });
    return { parsed, results: found?.results ?? [], namesOnly };
  }
  const each = term === null ? [] : words(term);
  if (each.length === 0 && !dated) {
    const found = await pagefind.search(null, { filters });
    return { parsed, results: found?.results ?? [], namesOnly };
  }
  if (!dated) return { parsed, results: ranked(await pagesWithEveryWord(pagefind, each, filters), pages), namesOnly };
  // One word needs no check against the others.
  const found = each.length > 1 ? await pagesWithEveryWord(pagefind, each, filters) : undefined;
  // Pagefind merges shards by score, and a date-sorted score is a rank within one shard. The
  // shards hold consecutive date ranges, newest first, so their own date orders, one after
  // another, are the whole order. The shards are asked for the rarest word only; the pages
  // found for every word say which of its pages to keep.
  const lead = each.length ? lookUpTerm(each[found?.rarest ?? 0]!) : null;
  const results: SearchOutcome["results"] = [];
  for (let k = 0; k < shards && !stale(); k++) {
    const page = await pagefind.search(lead, { filters: { ...filters, shard: [String(k)] }, sort: { date: "desc" } });
    for (const r of page?.results ?? []) {
      if (!found) results.push(r);
      else if (found.hits.has(r.id)) results.push(withEveryWord(r, found.hits.get(r.id)!));
    }
  }
  return { parsed, results, namesOnly };
}

/** The pages found for every word, with each word's hit in word order; and how many pages each word is on. */
interface EveryWord {
  hits: Map<string, PagefindResult[]>;
  pagesPerWord: number[];
  /** Index of the word on the fewest pages. */
  rarest: number;
}

/**
 * Pagefind drops a query word that its index does not hold at all, rather than finding
 * nothing. In one index of the whole corpus that is rare; in a shard it is common (南京工厂 in
 * a shard without 京工 would find every page with 南京). With shards, each word is looked up
 * alone (lookUp) and only pages found for every word are kept. A result's id is its fragment's
 * hash, the same whichever search found it.
 */
async function pagesWithEveryWord(pagefind: PagefindLike, each: string[], filters: Record<string, string[]>): Promise<EveryWord> {
  const lists = (await Promise.all(each.map((w) => lookUpTerm(w)).map((t) => pagefind.search(t, { filters })))).map((f) => f?.results ?? []);
  const pagesPerWord = lists.map((l) => l.length);
  const rarest = pagesPerWord.indexOf(Math.min(...pagesPerWord));
  const byId = lists.map((l) => new Map(l.map((r) => [r.id, r])));
  const hits = new Map<string, PagefindResult[]>();
  for (const r of lists[rarest]!) {
    const every = byId.map((m) => m.get(r.id));
    if (every.every((h) => h !== undefined)) hits.set(r.id, every as PagefindResult[]);
  }
  return { hits, pagesPerWord, rarest };
}

function words(term: string): string[] {
  return [...new Set(term.split(/\s+/).filter(Boolean))];
}

function lookUpTerm(word: string): string {
  return isWholeToken(word) ? `"${word}"` : word;
}

// BM25's term saturation (Pagefind's default too).
const K1 = 1.2;

/**
 * Relevance over shards, from one lookup per word instead of Pagefind's ranked search of the
 * whole query in every shard. That search looks for prefix matches of each word by walking
 * every word loaded so far, so at 10,000 articles it took seconds and grew with each query of
 * a visit; the lookups take a tenth of the time. A page found for every word scores
 * Σ idf × saturated term frequency (BM25 without length normalization: the indexed text of an
 * article is capped, so lengths differ little), idf from the pages each word is on among all
 * `pages`.
 */
function ranked(found: EveryWord, pages: number): SearchOutcome["results"] {
  const total = Math.max(pages, ...found.pagesPerWord);
  const idf = found.pagesPerWord.map((n) => Math.log(1 + (total - n + 0.5) / (n + 0.5)));
  const out = [...found.hits].map(([id, every]) => {
    let score = 0;
    every.forEach((hit, i) => {
      const tf = Math.max(1, hit.words?.length ?? 1);
      score += (idf[i]! * tf * (K1 + 1)) / (tf + K1);
    });
    return { ...withEveryWord(every[found.rarest]!, every), id, score };
  });
  // Ties in a fixed order, so that the browser and Node list the same pages.
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A result whose excerpt marks every word's places, not only those of the word that found it. */
function withEveryWord(r: PagefindResult, every: PagefindResult[]): PagefindResult {
  const places = every.flatMap((h) => h.words ?? []);
  return { ...r, data: async () => {
    const data = await r.data();
    return { ...data, excerpt: markedExcerpt(data.raw_content ?? data.content, places, EXCERPT_WORDS) };
  } };
}

/**
 * An excerpt of `length` words of a record's text, as Pagefind writes one: the stretch with
 * the most of the given places, from a few words before the first, with the words at those
 * places in <mark>. `content` is Pagefind's raw_content (its < and > already escaped).
 */
export function markedExcerpt(content: string, places: number[], length: number): string {
  // Split as Pagefind splits it when it counts places.
  const all = content.split(/[\r\n\s]+/g);
  const at = [...new Set(places)].filter((p) => p >= 0 && p < all.length).sort((a, b) => a - b);
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while (j < at.length && at[j]! < at[i]! + length) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = i;
    }
  }
  const lead = Math.min(3, Math.floor(length / 4));
  const start = Math.max(0, Math.min((at[best] ?? 0) - lead, all.length - length));
  const marked = new Set(at);
  return all
    .slice(start, start + length)
    .map((w, k) => (marked.has(start + k) ? `<mark>${w}</mark>` : w))
    .join(" ");
}

/**
 * A character pair or a name's word is a whole index token: quoted, Pagefind looks it up as it
 * is (no prefix matches, no falling back to a shorter word, no ranking: a tenth of the time of
 * a ranked search). A lone character or a Latin word keeps prefix matching, as in one index:
 * 镓 finds 镓的, and a half-typed "hua" finds huawei.
 */
function isWholeToken(word: string): boolean {
  return /^\p{Script=Han}{2}$/u.test(word) || isEntityToken(word);
}

/** The request a URL describes: /search/?q=华为&type=article&sort=date */
export function requestFromParams(params: URLSearchParams): SearchRequest {
  const filters: SearchRequest["filters"] = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v) filters[key] = v;
  }
  return { q: params.get("q") ?? "", filters, sort: params.get("sort") === "date" ? "date" : "relevance" };
}

export function paramsFromRequest(req: SearchRequest): URLSearchParams {
  const p = new URLSearchParams();
  if (req.q) p.set("q", req.q);
  for (const key of FILTER_KEYS) if (req.filters[key]) p.set(key, req.filters[key]!);
  if (req.sort === "date") p.set("sort", "date");
  return p;
}
