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

interface PagefindLike {
  search(term: string | null, opts?: Record<string, unknown>): Promise<{ results: Array<{ id: string; score: number; data(): Promise<any> }> } | null>;
}

export interface SearchOutcome {
  parsed: ParsedQuery;
  results: Array<{ id: string; score: number; data(): Promise<any> }>;
  /** True when the query is only registry names: results are every page that names them. */
  namesOnly: boolean;
}

/** `shards`: how many indexes `pagefind` has merged (search/index.json). */
export async function runSearch(pagefind: PagefindLike, req: SearchRequest, map: FoldMap, aliases: AliasIndex, shards = 1): Promise<SearchOutcome> {
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
  const keep = await pagesWithEveryTerm(pagefind, term, filters, shards);
  if (req.sort === "date" || namesOnly) {
    // Pagefind merges shards by score, and a date-sorted score is a rank within one shard. The
    // shards hold consecutive date ranges, newest first, so their own date orders, one after
    // another, are the whole order.
    const results: SearchOutcome["results"] = [];
    for (let k = 0; k < shards; k++) {
      const found = await pagefind.search(term, { filters: shards > 1 ? { ...filters, shard: [String(k)] } : filters, sort: { date: "desc" } });
      results.push(...(found?.results ?? []).filter(keep));
    }
    return { parsed, results, namesOnly };
  }
  const found = await pagefind.search(term, { filters });
  return { parsed, results: (found?.results ?? []).filter(keep), namesOnly };
}

/**
 * Pagefind drops a query word that its index does not hold at all, rather than finding
 * nothing. In one index of the whole corpus that is rare; in a shard it is common (南京工厂 in
 * a shard without 京工 would find every page with 南京). With shards, each word is searched
 * alone (isWholeToken) and only pages found for every word are kept. A result's id is its
 * fragment's hash, the same whichever search found it.
 */
async function pagesWithEveryTerm(
  pagefind: PagefindLike,
  term: string | null,
  filters: Record<string, string[]>,
  shards: number,
): Promise<(r: { id: string }) => boolean> {
  const words = term === null ? [] : [...new Set(term.split(/\s+/).filter(Boolean))];
  if (shards <= 1 || words.length < 2) return () => true;
  const found = await Promise.all(words.map((w) => pagefind.search(isWholeToken(w) ? `"${w}"` : w, { filters })));
  let keep: Set<string> | undefined;
  for (const f of found) {
    const ids = new Set((f?.results ?? []).map((r) => r.id));
    keep = keep ? new Set([...keep].filter((id) => ids.has(id))) : ids;
  }
  return (r) => keep!.has(r.id);
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
