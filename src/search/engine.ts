// One search, the same in the browser and in Node's quality tests: the query is read against
// the registry (names become actor and tag filters, so Huawei finds 华为 and gallium finds 镓),
// the rest is folded and split like the index, and the site's index answers with the reader's
// filters: Pagefind's, or for a corpus too large for it, ours (postings.ts).
import { isEntityToken, parseQuery, type AliasIndex, type FoldMap, type ParsedQuery } from "./fold.ts";
import { excerptOf, findRecords, type PostingsIndex, type PostingsQuery } from "./postings-search.ts";

export const FILTER_KEYS = ["type", "jurisdiction", "actor", "tag", "year"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface SearchRequest {
  q: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: "relevance" | "date";
}

interface PagefindLike {
  search(term: string | null, opts?: Record<string, unknown>): Promise<{ results: SearchOutcome["results"] } | null>;
}

/**
 * Results a search shows at first and at each "more": as Pagefind's own interface does, few,
 * so the first answer waits for few record fetches (each one a request at 10,000 articles).
 */
export const RESULTS_PER_PAGE = 5;

/** Words of indexed text in a Pagefind result's excerpt (its `excerptLength` on the search page). */
export const EXCERPT_WORDS = 40;

/** The index a site has (search/index.json says which): Pagefind's, or ours for a large corpus. */
export type SearchIndex = { kind: "pagefind"; pagefind: PagefindLike } | { kind: "postings"; postings: PostingsIndex };

export interface ResultData {
  url: string;
  meta: Record<string, string>;
  /** HTML: Pagefind's excerpt of indexed text (pairs), or, when `readable`, ready to show. */
  excerpt: string;
  readable?: boolean;
}

export interface SearchOutcome {
  parsed: ParsedQuery;
  results: Array<{ id: string; score: number; data(): Promise<ResultData> }>;
  /** True when the query is only registry names: results are every page that names them. */
  namesOnly: boolean;
  /**
   * Where the results of the query's looser reading begin (ParsedQuery.loose: its words apart,
   * not together); `results.length` when it has none. The page shows them after a line of their own.
   */
  looserFrom: number;
}

/**
 * `stale`: true once the reader has typed on, so that a record's data is not fetched for a
 * query nobody waits for.
 */
export async function runSearch(
  index: SearchIndex,
  req: SearchRequest,
  map: FoldMap,
  aliases: AliasIndex,
  stale: () => boolean = () => false,
): Promise<SearchOutcome> {
  const parsed = parseQuery(req.q, map, aliases);
  const filters: Record<string, string[]> = {};
  for (const key of FILTER_KEYS) {
    const v = req.filters[key];
    if (v) (filters[key] ??= []).push(v);
  }
  const namesOnly = parsed.text === "" && parsed.entities.length > 0;
  if (parsed.terms === "" && Object.keys(filters).length === 0) return { parsed, results: [], namesOnly: false, looserFrom: 0 };
  // A search by names alone has no relevance to rank by: newest first.
  const dated = req.sort === "date" || namesOnly;
  if (index.kind === "pagefind") {
    const pagefind = index.pagefind;
    const search = async (terms: string) =>
      (await allPairsIndexed(pagefind, terms)) ? pagefind.search(terms === "" ? null : terms, { filters, ...(dated ? { sort: { date: "desc" } } : {}) }) : null;
    const [found, looser] = await Promise.all([search(parsed.terms), parsed.loose ? search(parsed.loose) : undefined]);
    const own = found?.results ?? [];
    return { parsed, results: afterOwn(own, looser?.results ?? []), namesOnly, looserFrom: own.length };
  }
  const [found, looser] = await Promise.all([
    findRecords(index.postings, { words: indexWords(parsed.terms), filters, dated }),
    parsed.loose ? findRecords(index.postings, { words: indexWords(parsed.loose), filters, dated }) : [],
  ]);
  const result = (highlight: string[]) => (r: (typeof found)[number]) => ({
    id: r.id,
    score: r.score,
    data: async (): Promise<ResultData> => {
      const d = await index.postings.record(r.record);
      return { url: d.url, meta: d.meta, excerpt: stale() ? "" : excerptOf(d.text, highlight, map), readable: true };
    },
  });
  return { parsed, results: afterOwn(found.map(result(parsed.highlight)), looser.map(result(parsed.looseHighlight))), namesOnly, looserFrom: found.length };
}

/**
 * Whether every character pair of the query is a word of the Pagefind index. Pagefind looks a
 * word it does not have up by its longest prefix that it has (its "backtracking", which cannot
 * be turned off: Pagefind issue #780): a pair no page has, 中兴 before ZTE was registered, was
 * looked up as 中, the lone character that ends runs like 其中, and found pages that only share
 * it. A quoted search is exact and never backtracks, so each pair is asked for once, quoted; a
 * query with a pair no page has finds nothing, as it does in our postings index.
 */
async function allPairsIndexed(pagefind: PagefindLike, terms: string): Promise<boolean> {
  let known = pairsSeen.get(pagefind);
  if (!known) pairsSeen.set(pagefind, (known = new Map()));
  const pairs = [...new Set(terms.split(/\s+/).filter((w) => /^\p{Script=Han}{2}$/u.test(w)))];
  const found = await Promise.all(
    pairs.map((pair) => {
      let hit = known.get(pair);
      // The promise is kept, so the query and its looser reading ask for a pair once.
      if (!hit) known.set(pair, (hit = pagefind.search(`"${pair}"`).then((out) => (out?.results.length ?? 0) > 0)));
      return hit;
    }),
  );
  return found.every(Boolean);
}
/** Pairs asked for, per index: whether the index has them. */
const pairsSeen = new WeakMap<PagefindLike, Map<string, Promise<boolean>>>();

/** The query's own results, then those of its looser reading that it does not have. */
function afterOwn<T extends { id: string }>(own: T[], looser: T[]): T[] {
  if (looser.length === 0) return own;
  const seen = new Set(own.map((r) => r.id));
  return [...own, ...looser.filter((r) => !seen.has(r.id))];
}

/**
 * While the reader is still typing, the index chunks of the query's whole words (character
 * pairs, names) are fetched, so the search after the pause finds them loaded: one round trip
 * less between the last keystroke and the results. Half-typed words (a lone character, a Latin
 * prefix) are left alone: their chunks are seldom the ones the finished query needs.
 */
export function prefetchSearch(index: SearchIndex, req: SearchRequest, map: FoldMap, aliases: AliasIndex): Promise<unknown> {
  if (index.kind !== "postings") return Promise.resolve();
  const whole = indexWords(parseQuery(req.q, map, aliases).terms).filter((w) => w.exact);
  // Best effort: a failed fetch is not kept (postings-search.ts) and the search tries again.
  return Promise.all(whole.map((w) => index.postings.exact(w.word).catch(() => undefined)));
}

/** A query's index words, each once; whole tokens are looked up as they are, the rest as prefixes. */
function indexWords(terms: string): PostingsQuery["words"] {
  return [...new Set(terms.split(/\s+/).filter(Boolean))].map((word) => ({ word, exact: isWholeToken(word) }));
}

/**
 * A character pair or a name's word is a whole index token, looked up as it is. A lone
 * character or a Latin word is looked up as a prefix: 镓 finds 镓的, and a half-typed "hua"
 * finds huawei.
 */
export function isWholeToken(word: string): boolean {
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
