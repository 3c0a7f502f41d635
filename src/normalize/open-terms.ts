// Open vocabularies: the names notes use that no registry entry has become tags and actors of
// their own, without registration. Each article is ingested alone (on its own thread), so it can
// only give a name its slug; this settles the names over the whole collection: the spellings of
// one term (case, width, spacing, script) under one id, two different names whose slugs meet
// (网易 and 王毅 are both wang-yi) under two, and each term's names, kind and count.
import type { OpenKind, OpenName, OpenTerm } from "../model/types.ts";
import { disambiguated, openIdentity } from "./registry.ts";

/** Spellings kept per open term: enough for its page, not every typo of a 500-note name. */
export const OPEN_TERM_NAMES = 4;

/** Which kind wins when a name is written in several fields equally often: the more specific. */
const KIND_ORDER: readonly OpenKind[] = ["product", "person", "organization", "topic", "unregistered"];

export interface OpenVocabulary {
  terms: OpenTerm[];
  /** The settled id of each open name, by its identity (openIdentity). */
  idOf: Map<string, string>;
}

export interface SettledOpenTerms {
  tags: OpenVocabulary;
  actors: OpenVocabulary;
}

type WithOpenNames = { openNames?: { tags: OpenName[]; actors: OpenName[] } | undefined };

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The open terms of a collection (its published articles), each name settled to one id. */
export function settleOpenTerms(articles: Iterable<WithOpenNames>): SettledOpenTerms {
  const tags: OpenName[][] = [];
  const actors: OpenName[][] = [];
  for (const a of articles) {
    if (!a.openNames) continue;
    if (a.openNames.tags.length) tags.push(a.openNames.tags);
    if (a.openNames.actors.length) actors.push(a.openNames.actors);
  }
  return { tags: settle(tags), actors: settle(actors) };
}

interface Tally {
  /** The ids the articles gave it (one per spelling's slug: "AI Agent" ai-agent, "AIAgent" aiagent). */
  slugs: Set<string>;
  spellings: Map<string, number>;
  kinds: Map<OpenKind, number>;
  articles: number;
}

const identityOf = new Map<string, string>();
function identity(name: string): string {
  let k = identityOf.get(name);
  if (k === undefined) identityOf.set(name, (k = openIdentity(name) || name));
  return k;
}

function settle(perArticle: OpenName[][]): OpenVocabulary {
  const tallies = new Map<string, Tally>();
  for (const names of perArticle) {
    const seen = new Set<string>();
    for (const n of names) {
      const key = identity(n.name);
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = { slugs: new Set(), spellings: new Map(), kinds: new Map(), articles: 0 }));
      t.slugs.add(n.id);
      t.spellings.set(n.name, (t.spellings.get(n.name) ?? 0) + 1);
      t.kinds.set(n.kind, (t.kinds.get(n.kind) ?? 0) + 1);
      if (!seen.has(key)) {
        seen.add(key);
        t.articles++;
      }
    }
  }

  // One slug per name: the one with the most word breaks (ai-agent over aiagent), then the
  // first in code-point order; it depends on which spellings exist, never on their order.
  const slugOf = new Map<string, string>();
  const bySlug = new Map<string, string[]>();
  for (const [key, t] of tallies) {
    const slug = [...t.slugs].sort((a, b) => hyphens(b) - hyphens(a) || byCodePoint(a, b))[0]!;
    slugOf.set(key, slug);
    (bySlug.get(slug) ?? bySlug.set(slug, []).get(slug)!).push(key);
  }

  // Names that share a slug: the one that spells it (the Latin "Wang Yi" for wang-yi) keeps it,
  // each other one gets a short hash of itself, so the id of one never depends on the others' order.
  const idOf = new Map<string, string>();
  for (const [slug, keys] of bySlug) {
    for (const key of keys) idOf.set(key, keys.length === 1 || key === slug.replace(/-/g, "") ? slug : disambiguated(slug, key));
  }

  const terms: OpenTerm[] = [...tallies].map(([key, t]) => ({
    id: idOf.get(key)!,
    names: [...t.spellings].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0])).slice(0, OPEN_TERM_NAMES).map(([n]) => n),
    kind: [...t.kinds].sort((a, b) => b[1] - a[1] || KIND_ORDER.indexOf(a[0]) - KIND_ORDER.indexOf(b[0]))[0]![0],
    count: t.articles,
  }));
  terms.sort((a, b) => byCodePoint(a.id, b.id));
  return { terms, idOf };
}

function hyphens(s: string): number {
  let n = 0;
  for (const c of s) if (c === "-") n++;
  return n;
}

/**
 * The article with its open names under their settled ids, and without `openNames` (the
 * dataset holds each term once, in SettledOpenTerms). Unchanged where nothing moved.
 */
export function withSettledIds<A extends WithOpenNames & { tags: string[]; actors: string[]; unknownTags: string[] }>(
  article: A,
  settled: SettledOpenTerms,
): Omit<A, "openNames"> {
  const { openNames, ...rest } = article;
  if (!openNames) return rest;
  const move = (ids: string[], names: OpenName[], vocab: OpenVocabulary) => {
    const finals = names.map((n) => vocab.idOf.get(identity(n.name)) ?? n.id);
    if (finals.every((id, i) => id === names[i]!.id)) return undefined;
    // Provisional ids are never registered ids (Registry.openTagId), so only open ones go.
    const provisional = new Set(names.map((n) => n.id));
    return { all: [...new Set([...ids.filter((id) => !provisional.has(id)), ...finals])].sort(byCodePoint), open: [...new Set(finals)].sort(byCodePoint) };
  };
  const tags = move(article.tags, openNames.tags, settled.tags);
  const actors = move(article.actors, openNames.actors, settled.actors);
  if (!tags && !actors) return rest;
  return {
    ...rest,
    ...(tags ? { tags: tags.all, unknownTags: tags.open } : {}),
    ...(actors ? { actors: actors.all } : {}),
  };
}
