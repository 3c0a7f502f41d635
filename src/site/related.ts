// The reading aids that lead from an article to others: its neighbours by date, and the articles
// that share the most, and the rarest, actors and tags with it. Computed once for the corpus, in
// time that grows with the corpus, not with its square.

/** Order by time, then by key, so articles of the same minute still have a fixed order. */
function byTime<T extends { time: number; key: string }>(a: T, b: T): number {
  return a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** For each item (by index), the one just before and just after it in time. */
export function neighboursByTime(items: Array<{ key: string; time: number }>): Array<{ older?: number; newer?: number }> {
  const order = items.map((it, index) => ({ ...it, index })).sort(byTime);
  const out: Array<{ older?: number; newer?: number }> = items.map(() => ({}));
  order.forEach((it, i) => {
    const older = order[i - 1];
    const newer = order[i + 1];
    out[it.index] = { ...(older ? { older: older.index } : {}), ...(newer ? { newer: newer.index } : {}) };
  });
  return out;
}

export interface RelatedInput {
  key: string;
  time: number;
  /** Ids the relation is measured by, e.g. "actor:us-bis", "tag:gallium". */
  terms: string[];
}

export interface RelatedMatch {
  index: number;
  score: number;
  /** Shared terms, the rarest first. */
  shared: string[];
}

export const RELATED_LIMIT = 5;
/**
 * How many articles one term may bring in as candidates. An id like `cn` or `us` is on most
 * articles; scoring all of them would make the whole pass quadratic. Those nearest in time are
 * taken, since a common id says little beyond "the same story at the same time".
 */
export const RELATED_CANDIDATES_PER_TERM = 60;
/** Candidates one article may bring in through all its common ids together (see above). */
export const RELATED_CANDIDATES = 1200;
/** However many common ids an article names, each brings in at least this many. */
export const RELATED_MIN_WINDOW = 8;

/**
 * The most related items of each item: those sharing the most, and the rarest, terms. Each
 * shared term weighs log(1 + N/df), so a term on every article still counts a little and one
 * on two articles counts a lot. An inverted index term → items means only items that share a
 * term are ever scored, at most `cap` of them per term: O(n·k·cap), not O(n²).
 */
export function relatedByTerms(
  items: RelatedInput[],
  opts: { limit?: number; cap?: number; budget?: number; stats?: { scored: number } } = {},
): RelatedMatch[][] {
  const limit = opts.limit ?? RELATED_LIMIT;
  const cap = opts.cap ?? RELATED_CANDIDATES_PER_TERM;
  const budget = opts.budget ?? RELATED_CANDIDATES;
  const n = items.length;
  // Each item's place in time order: comparing two numbers, not times and then keys, is what
  // keeps this pass fast when articles name dozens of terms each.
  const rank = new Int32Array(n);
  items
    .map((_, i) => i)
    .sort((a, b) => byTime(items[a]!, items[b]!))
    .forEach((i, r) => (rank[i] = r));
  // Terms as numbers: the loops below look terms up millions of times at 10,000 long notes.
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const termsOf = items.map((it) => {
    const ids = new Set<number>();
    for (const term of it.terms) {
      let id = termIds.get(term);
      if (id === undefined) termIds.set(term, (id = termNames.push(term) - 1));
      ids.add(id);
    }
    return [...ids];
  });
  const postings: number[][] = termNames.map(() => []);
  termsOf.forEach((ids, i) => ids.forEach((t) => postings[t]!.push(i)));
  for (const list of postings) list.sort((a, b) => rank[a]! - rank[b]!);
  const weight = Float64Array.from(postings, (list) => Math.log(1 + n / list.length));
  // An item's terms, the rarest first (then by name).
  const rarestFirst = (i: number) => [...termsOf[i]!].sort((a, b) => weight[b]! - weight[a]! || (termNames[a]! < termNames[b]! ? -1 : 1));

  // One score slot per item, reset after each item: no allocation per candidate.
  const score = new Float64Array(n);
  const seen = new Uint8Array(n);
  // Which item last marked a term: the terms two items share without a set per item.
  const markedBy = new Int32Array(termNames.length).fill(-1);
  const touched: number[] = [];
  // Best first: higher score, then nearer in time, then the fixed order.
  const better = (i: number, a: number, b: number) =>
    score[a]! - score[b]! || Math.abs(items[b]!.time - items[i]!.time) - Math.abs(items[a]!.time - items[i]!.time) || rank[b]! - rank[a]!;

  return items.map((_, i) => {
    touched.length = 0;
    // An article naming a hundred common ids would score a hundred windows of `cap` (65
    // million scorings at 10,000 long notes): the windows share one budget instead.
    let common = 0;
    for (const t of termsOf[i]!) if (postings[t]!.length > cap + 1) common++;
    const window = Math.max(RELATED_MIN_WINDOW, Math.min(cap, Math.floor(budget / Math.max(1, common))));
    for (const t of termsOf[i]!) {
      const list = postings[t]!;
      if (list.length < 2) continue;
      let from = 0;
      let to = list.length;
      if (list.length > cap + 1) {
        // The window of items around this one in time.
        let lo = 0;
        let hi = list.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (rank[list[mid]!]! < rank[i]!) lo = mid + 1;
          else hi = mid;
        }
        from = Math.max(0, Math.min(lo - (window >> 1), list.length - window - 1));
        to = from + window + 1;
      }
      const w = weight[t]!;
      for (let p = from; p < to; p++) {
        const j = list[p]!;
        if (j === i) continue;
        if (opts.stats) opts.stats.scored++;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        score[j] = score[j]! + w;
      }
    }
    // The top `limit` by insertion: `limit` is small, candidates are many.
    const top: number[] = [];
    for (const j of touched) {
      if (top.length === limit && better(i, j, top[limit - 1]!) <= 0) continue;
      let at = Math.min(top.length, limit - 1);
      if (top.length < limit) top.push(j);
      else top[at] = j;
      while (at > 0 && better(i, top[at]!, top[at - 1]!) > 0) {
        [top[at - 1], top[at]] = [top[at]!, top[at - 1]!];
        at--;
      }
    }
    const ordered = top.length > 0 ? rarestFirst(i) : [];
    const out = top.map((j) => {
      for (const t of termsOf[j]!) markedBy[t] = j;
      return { index: j, score: score[j]!, shared: ordered.filter((t) => markedBy[t] === j).map((t) => termNames[t]!) };
    });
    for (const j of touched) {
      score[j] = 0;
      seen[j] = 0;
    }
    return out;
  });
}
