// The domain model: what ingest produces and every page is rendered from.
// Content files are the user's; these types are the shape after validation and normalization.
// Actors and tags, whose types are inferred from their schemas, are src/model/registry.ts.

/** Languages and scripts we distinguish. BCP 47 tags, as they go into `<html lang>`. */
export const LANGS = ["zh-Hans", "zh-Hant", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** A point in time as stored: ISO 8601 with the offset of the zone it was read in. */
export interface NormalizedDate {
  /** e.g. 2024-12-04T09:24:00+08:00 */
  iso: string;
  /** The calendar day in that zone, YYYY-MM-DD: what every page shows. Never shifted by UTC. */
  day: string;
  /** How much the source said: a bare day is not midnight. */
  precision: "day" | "minute" | "second" | "millisecond";
  /** IANA zone or fixed offset (UTC+8) the value was read in. */
  zone: string;
}

/**
 * What an open name (one no registry entry has) is taken to be, from the field it was written
 * in: `tags` → topic, `products_models` → product (tags: what a measure controls is a tag, as
 * in an event's items), `people` → person, `companies_orgs` → organization, `actors` → unregistered.
 */
export type OpenKind = "topic" | "product" | "person" | "organization" | "unregistered";

/** An open name as one article wrote it, with the id ingest gave it. */
export interface OpenName {
  id: string;
  name: string;
  kind: OpenKind;
}

/**
 * An open term over the whole collection: a tag or actor used without registration. Only
 * what pages need: 10,000 of them must not make the dataset grow like the registry's entries.
 */
export interface OpenTerm {
  id: string;
  /** The spellings used, the most used first (at most OPEN_TERM_NAMES). */
  names: string[];
  kind: OpenKind;
  /** Published articles that name it. */
  count: number;
}

/** One article after ingest. The body HTML lives beside the dataset, one file per article. */
export interface Article {
  slug: string;
  url: string;
  /** Path of the source file relative to the content folder. */
  file: string;
  title: string;
  date: NormalizedDate;
  /** Date the user last changed the note, when it says. */
  updated?: NormalizedDate;
  lang: Lang;
  source?: string;
  outlet?: string;
  author?: string;
  place?: string;
  summary?: string;
  /** First paragraph as plain text, for descriptions when there is no summary. */
  excerpt: string;
  image?: string;
  draft: boolean;
  /** Canonical tag ids: front-matter tags plus those detected in the text. */
  tags: string[];
  /** Tags the user wrote that the vocabulary does not know, kept as slugified ids. */
  unknownTags: string[];
  /** Names from front matter no registry has, as written; folded into the dataset's open terms (src/normalize/open-terms.ts). */
  openNames?: { tags: OpenName[]; actors: OpenName[] };
  /** Canonical actor ids: from front matter and found in the text. */
  actors: string[];
  /**
   * Names found only inside longer names in the text (芯片 in AI芯片): not the article's
   * subjects, but what a search for the shorter name finds (src/search/records.ts).
   */
  nestedNames?: { actors: string[]; tags: string[] };
  /** Path of the verbatim clipping relative to the content folder, when imported. */
  raw?: string;
  /** Importer format id, when imported. */
  format?: string;
  /** Count of characters of text (CJK characters and Latin words), for reading time. */
  wordCount: number;
  /**
   * A bilingual transcript: its body holds originals under `<details>` (src/render/markdown.ts
   * markOriginals), and its page offers to open them all.
   */
  transcript?: boolean;
  /**
   * Events of the timeline the article reports, found in its text at ingest (by instrument, by
   * name, or by side, period and items: src/timeline/article-events.ts), with the file line
   * where it first does and the words that show it.
   */
  events?: ArticleEventMention[];
  /** Every other front-matter field, kept as the user wrote it. */
  extra: Record<string, unknown>;
}

/** An event an article reports, as ingest found it. */
export interface ArticleEventMention {
  event: string;
  how: "instrument" | "name" | "description";
  line: number;
  named: string;
}

export interface BuildSummary {
  articles: number;
  events: number;
  draftsSkipped: number;
  includeDrafts: boolean;
  warnings: number;
  errors: number;
  /** Words of the articles' text (their word counts added up): which search index the corpus gets is known from it. */
  words?: number;
  seconds: number;
}
