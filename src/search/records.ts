// What the search index holds: one record per article, event, actor and tag, its text folded
// and split by src/search/fold.ts, with filters for type, jurisdiction, actor, tag and year and
// a date to sort by. Also builds the two small files the browser needs to read queries the way
// the index was written: the character fold map and the registry's names.
import type { Actor, Tag } from "../model/registry.ts";
import type { Dataset } from "../model/dataset.ts";
import { entityToken, fold, tokenize, type AliasIndex, type FoldMap } from "./fold.ts";
import { displayName } from "../model/names.ts";
import { countWords } from "../render/markdown.ts";
import { hongKongToSimplified as t2s, simplifiedToHongKong as s2hk, simplifiedToTaiwan as s2tw, taiwanToSimplified as t2s2 } from "../normalize/chinese-script.ts";
import { INDEX_LANGUAGE } from "./manifest.ts";
import { NAMED_IN_SEARCH, SEARCH_FILTERS, SEARCH_META, SEARCH_TEXT } from "../model/event-fields.ts";
import { clipText } from "./snippet.ts";

export interface SearchRecord {
  url: string;
  /** The indexed text, folded (fold.ts); its tokens are recordTokens(). */
  folded: string;
  /** One token per actor and tag the record names (entityToken), after the text's. */
  names: string[];
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  /** The text as written, that `folded` was made from (its start for an article): our index's excerpts come from it. */
  text: string;
}

const HAN = /\p{Script=Han}/u;

/** Characters of a result's excerpt when the query matched no words of it (a search by name). */
export const EXCERPT_CHARS = 240;

/** The English name, for the English interface's results. */
const titleEn = (names: Actor["names"]): { title_en?: string } => (names.en ? { title_en: names.en } : {});

/** A text's paragraphs in Chinese and in English, each kind joined. */
export function paragraphsByLanguage(text: string): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  for (const p of text.split(/\n\s*\n|\n/)) {
    const t = p.trim();
    if (!t) continue;
    const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
    (han >= t.length * 0.3 ? zh : en).push(t);
  }
  return { zh: zh.join(" "), en: en.join(" ") };
}

/**
 * How much of an article's text its result file keeps, for the excerpt: every word is indexed,
 * but a reader downloads this file for each result shown, and a real note's text is 24 KB.
 */
export const RECORD_TEXT_CHARS = 3000;

/** Every Han character of the Basic Multilingual Plane: CJK Unified Ideographs and Extension A. */
export function* hanCharacters(): Generator<string> {
  for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff]] as const) {
    let block = "";
    for (let c = from; c <= to; c++) block += String.fromCharCode(c);
    yield block;
  }
}

/**
 * The Traditional → Simplified character map, for every Han character of `texts` and every
 * Traditional form of the Simplified characters they contain: a query typed in either script
 * folds to what the index holds. Character for character, so folding never moves text. The
 * index build gives it every Han character (hanCharacters): 3,656 entries, 19 KB compressed,
 * made in 0.2 s, where reading a corpus of 10,000 notes for its characters took 9 s.
 */
export function buildFoldMap(texts: Iterable<string>): FoldMap {
  const seen = new Set<string>();
  for (const text of texts) for (const ch of text) if (!seen.has(ch) && HAN.test(ch)) seen.add(ch);
  const map: FoldMap = {};
  const simplified = new Set<string>();
  for (const ch of seen) {
    let s = t2s(ch);
    if ([...s].length !== 1) s = ch;
    if (s === ch) {
      const s2 = t2s2(ch);
      if ([...s2].length === 1) s = s2;
    }
    if (s !== ch) map[ch] = s;
    simplified.add(s);
  }
  for (const s of simplified) {
    for (const t of [s2tw(s), s2hk(s)]) {
      if ([...t].length === 1 && t !== s && !(t in map) && !simplified.has(t)) map[t] = s;
    }
  }
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function surfacesOf(e: { names: Actor["names"]; aliases: string[] } & { exactCase?: string[] }): string[] {
  return [...new Set([...Object.values(e.names).filter((n): n is string => Boolean(n)), ...e.aliases, ...(e.exactCase ?? [])])];
}

/** Registry names → actor or tag, for the entities the site has pages for. */
export function buildAliasIndex(actors: Actor[], tags: Tag[], map: FoldMap): AliasIndex {
  const keys: AliasIndex["keys"] = {};
  const surfaces: AliasIndex["surfaces"] = {};
  const en: Record<string, string> = {};
  let longest = 1;
  const add = (kind: "actor" | "tag", e: Actor | Tag) => {
    const all = surfacesOf(e as Actor & { exactCase?: string[] });
    surfaces[e.id] = [...new Set([...all, ...all.filter((n) => HAN.test(n)).flatMap((n) => [s2tw(n), s2hk(n)])])];
    if (e.names.en) en[e.id] = e.names.en;
    for (const surface of all) {
      const key = fold(surface, map).trim();
      const chars = [...key];
      // One Latin letter or one character of a person's or state's name is too ambiguous.
      if (chars.length < 2 && !(kind === "tag" && HAN.test(key))) continue;
      if (!(key in keys)) keys[key] = [kind, e.id];
      longest = Math.max(longest, chars.length);
    }
  };
  for (const a of actors) add("actor", a);
  for (const t of tags) add("tag", t);
  return { keys, surfaces, longest, en };
}

/** The folded text and one token per actor and tag the record names (see entityToken). */
function withNames(text: string, map: FoldMap, named: { actor: string[]; tag: string[] }): { folded: string; names: string[] } {
  return { folded: fold(text, map), names: [...named.actor, ...named.tag].map(entityToken) };
}

/** A record's index tokens: its text's, then its names'. */
export function recordTokens(r: Pick<SearchRecord, "folded" | "names">): string[] {
  const tokens = tokenize(r.folded);
  for (const n of r.names) tokens.push(n);
  return tokens;
}

/** Finds the actors and tags a text names, nested names included (芯片 in AI芯片). */
export type NestedMentions = (text: string) => { actors: string[]; tags: string[] };

/** A record not built yet: the index builds records one at a time, newest first. */
export interface RecordSource {
  /** The record's sort date (0000-00-00 for actors and tags). */
  date: string;
  /** About how many words it will index, known before it is made: which index the corpus gets depends on their sum. */
  words: number;
  make(): SearchRecord;
}

/** One source per article, event, actor and tag, in that order; `textOf` is read when made. */
export function recordSources(
  data: Dataset,
  textOf: (slug: string) => string,
  map: FoldMap,
  mentionsOf: NestedMentions,
  uiLang: "zh-Hans" | "en" = "zh-Hans",
): RecordSource[] {
  const actorById = new Map(data.actors.map((a) => [a.id, a]));
  const tagById = new Map(data.tags.map((t) => [t.id, t]));
  // A page's actor and tag filters: what it is tagged with and every name its words contain,
  // so that a search by name finds exactly the pages whose text has that name.
  const filtersOf = (text: string, actors: string[], tags: string[]) => {
    const m = mentionsOf(text);
    return {
      actor: [...new Set([...actors, ...m.actors])].sort(),
      tag: [...new Set([...tags, ...m.tags])].sort(),
    };
  };
  // Open terms (names no registry has) by their spellings.
  const openById = new Map([...(data.openActors ?? []), ...(data.openTags ?? [])].map((t) => [t.id, t.names]));
  const namesOf = (ids: string[]) =>
    ids
      .map((id) => {
        const known = actorById.get(id) ?? tagById.get(id);
        return known ? Object.values(known.names).join(" ") : (openById.get(id)?.join(" ") ?? "");
      })
      .join(" ");
  const jurisdictionsOf = (ids: string[]) =>
    [...new Set(ids.map((id) => actorById.get(id)).filter((a) => a?.type === "jurisdiction").map((a) => a!.id.toUpperCase()))];
  const records: RecordSource[] = [];

  // Characters of Chinese and words of Latin text are each one token (fold.ts), as countWords
  // counts them (punctuation is a token too, so a fifth more).
  const length = (s: string | undefined) => (s ? countWords(s) * 1.2 : 0);
  for (const a of data.articles) records.push({ date: a.date.day, words: a.wordCount * 1.2 + length(a.title) + length(a.summary) + a.actors.length + a.tags.length, make: () => {
    // Every word of the text is indexed (a transcript's originals too); ingest found the names
    // in it, nested ones too (an older dataset has only the mentions).
    const text = `${a.title}\n${a.summary ?? ""}\n${textOf(a.slug)}`;
    const named = a.nestedNames
      ? { actor: [...new Set([...a.actors, ...a.nestedNames.actors])].sort(), tag: [...new Set([...a.tags, ...a.nestedNames.tags])].sort() }
      : filtersOf(text, a.actors, a.tags);
    return {
      url: a.url,
      text: text.slice(0, RECORD_TEXT_CHARS),
      // Its tags' and names' own words too: a note that lists Jensen Huang among its people
      // is found by his name even where its text says only 黄仁勋.
      ...withNames(`${text}\n${namesOf([...a.actors, ...a.tags])}`, map, named),
      language: INDEX_LANGUAGE,
      meta: {
        title: a.title,
        type: "article",
        date: a.date.day,
        lang: a.lang,
        excerpt: clipText(a.summary ?? a.excerpt, EXCERPT_CHARS),
        ...(a.outlet ? { outlet: a.outlet } : {}),
      },
      filters: {
        type: ["article"],
        year: [a.date.day.slice(0, 4)],
        ...named,
        jurisdiction: jurisdictionsOf(named.actor),
      },
      sort: { date: a.date.day },
    };
  } });

  for (const e of data.events) records.push({ date: e.date.start, words: length(e.text) + length(e.title["zh-Hans"]) + length(e.title.en) + 10, make: () => {
    const text = SEARCH_TEXT.map((part) => part(e)).join("\n");
    const actors = NAMED_IN_SEARCH.actors(e);
    const tags = NAMED_IN_SEARCH.tags(e);
    // Names kept as written (no registry entry) are text, not filters; an authority always has one.
    const named = filtersOf(text, actors.filter((a) => actorById.has(a)), tags.filter((t) => tagById.has(t)));
    const c = { uiLang, named };
    const meta: Record<string, string> = {};
    for (const [key, value] of SEARCH_META) {
      const v = value(e, c);
      if (v !== undefined) meta[key] = v;
    }
    // A description is written in English and in Chinese, a paragraph each: a result shows the
    // interface language's, cut between words; the title in English beside the Chinese one.
    const { zh, en } = paragraphsByLanguage(e.text);
    meta.excerpt = clipText(zh || e.text, EXCERPT_CHARS);
    if (en) meta.excerpt_en = clipText(en, EXCERPT_CHARS);
    meta.title_en = e.title.en;
    return {
      url: e.url,
      text,
      ...withNames(`${text}\n${namesOf([...actors, ...tags])}`, map, named),
      language: INDEX_LANGUAGE,
      meta,
      filters: Object.fromEntries(SEARCH_FILTERS.map(([key, values]) => [key, values(e, c)])),
      sort: { date: e.date.start },
    };
  } });

  for (const a of data.actors) records.push({ date: "0000-00-00", words: 20, make: () => {
    const names = surfacesOf(a);
    const named = filtersOf(names.join("\n"), [a.id], []);
    return {
      url: `/actors/${a.id}/`,
      text: names.join(" · "),
      ...withNames(`${names.join("\n")}\n${Object.values(a.description ?? {}).join("\n")}`, map, named),
      language: INDEX_LANGUAGE,
      meta: { title: displayName(a.names, uiLang, a.id), ...titleEn(a.names), type: "actor", lang: uiLang, excerpt: clipText(names.join(" · "), EXCERPT_CHARS), kind: a.type },
      filters: { type: ["actor"], ...named, jurisdiction: a.jurisdiction ? [a.jurisdiction] : [] },
      sort: { date: "0000-00-00" },
    };
  } });
  for (const t of data.tags) records.push({ date: "0000-00-00", words: 10, make: () => {
    const names = surfacesOf(t);
    const named = filtersOf(names.join("\n"), [], [t.id]);
    return {
      url: `/tags/${t.id}/`,
      text: names.join(" · "),
      ...withNames(names.join("\n"), map, named),
      language: INDEX_LANGUAGE,
      meta: { title: displayName(t.names, uiLang, t.id), ...titleEn(t.names), type: "tag", lang: uiLang, excerpt: clipText(names.join(" · "), EXCERPT_CHARS), kind: t.kind },
      filters: { type: ["tag"], ...named },
      sort: { date: "0000-00-00" },
    };
  } });
  return records;
}
