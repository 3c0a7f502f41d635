// One search, the same in the browser and in Node's quality tests: the query is read against
// the registry (names become actor and tag filters, so Huawei finds 华为 and gallium finds 镓),
// the rest is folded and split like the index, and Pagefind answers with the reader's filters.
import { parseQuery, type AliasIndex, type FoldMap, type ParsedQuery } from "./fold.ts";

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

export async function runSearch(pagefind: PagefindLike, req: SearchRequest, map: FoldMap, aliases: AliasIndex): Promise<SearchOutcome> {
  const parsed = parseQuery(req.q, map, aliases);
  const filters: Record<string, string[]> = {};
  for (const key of FILTER_KEYS) {
    const v = req.filters[key];
    if (v) (filters[key] ??= []).push(v);
  }
  const namesOnly = parsed.text === "" && parsed.entities.length > 0;
  if (parsed.terms === "" && Object.keys(filters).length === 0) return { parsed, results: [], namesOnly: false };
  // A search by names alone has no relevance to rank by: newest first.
  const sort = req.sort === "date" || namesOnly ? { sort: { date: "desc" } } : {};
  const found = await pagefind.search(parsed.terms === "" ? null : parsed.terms, { filters, ...sort });
  return { parsed, results: found?.results ?? [], namesOnly };
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
