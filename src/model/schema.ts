// The schema of an article's front matter. It is deliberately forgiving about form (a tag
// list may be a comma-separated string, a draft flag may be "true") and strict about meaning
// (a source must be an http(s) URL). Fields it does not know are kept, not rejected: users'
// notes carry speaker, people, area, status… and those belong to them. A value that means
// nothing (`None`, `N/A`, `""`, `[]`) is a field not given, and a field whose value cannot be
// read is left out with a note of why: one bad field never costs the article.
import { z } from "zod";
import { LANGS } from "./types.ts";
import { fieldsWithoutNothing, isNothing, withoutNothing } from "./blank.ts";
import { unwikilink } from "./wikilink.ts";

// Web clippers write names as links (`author: "[[Jane Doe]]"`): the name is what is meant.
const text = z.union([z.string(), z.number()], { error: "must be text (a string or a number), not a list or a mapping" }).transform((v) => unwikilink(String(v)).trim());

// Notes name tags as Obsidian does (#芯片, #export-control) as often as not: the # is not part of the name.
const LIST_SEPARATORS = /[,，、;；]/;
const stringList = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number(), z.null()]))], { error: "must be a list of names or one comma-separated line of them" })
  .transform((v) => {
    const items = Array.isArray(v) ? v : String(v).split(LIST_SEPARATORS);
    return items
      .filter((x): x is string | number => x !== null)
      .map((x) => unwikilink(String(x)).trim().replace(/^#(?=\S)/, ""))
      .filter((x) => !isNothing(x));
  });

/**
 * A field left empty (`tags:` with nothing after it, which YAML reads as null) or holding only
 * what means nothing (`None`, `[""]`) is a field not given; items that mean nothing leave lists.
 * Here, so that a field's schema used alone (vocabulary.ts) reads values as the whole does.
 */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(withoutNothing, schema.optional());

const flag = z.union([z.boolean(), z.enum(["true", "false", "yes", "no"])]).transform((v) =>
  typeof v === "boolean" ? v : v === "true" || v === "yes",
);

export const httpUrl = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http:// or https:// URL");

export const articleFrontMatter = z.looseObject({
  slug: optional(text.pipe(z.string().min(1, "must not be empty"))),
  title: optional(text.pipe(z.string().min(1, "must not be empty"))),
  // Dates are checked by the date normalizer, which knows many more forms than a schema can.
  date: optional(z.unknown()),
  updated: optional(z.unknown()),
  timezone: optional(z.string()),
  lang: optional(z.enum(LANGS)),
  source: optional(httpUrl),
  outlet: optional(text),
  // Several authors (a web clipper's `author: ["[[Jane Doe]]", "[[Li Wei]]"]`) are one line of names.
  author: optional(z.union([text, stringList.transform((names) => names.join(", "))])),
  place: optional(text),
  summary: optional(text),
  image: optional(httpUrl),
  tags: optional(stringList),
  actors: optional(stringList),
  people: optional(stringList),
  companies_orgs: optional(stringList),
  products_models: optional(stringList),
  draft: optional(flag),
  raw: optional(z.string()),
  format: optional(z.string()),
  /** How the importer knew the date when the clipping gave none of its own: `crawled`. */
  date_source: optional(z.string()),
});

export type ArticleFrontMatter = z.output<typeof articleFrontMatter>;

/** Fields the model reads; every other front-matter field is kept in `extra`. */
export const KNOWN_ARTICLE_FIELDS = new Set(Object.keys(articleFrontMatter.shape));

/** A field left out of the front matter because its value could not be read. */
export interface DroppedField {
  field: string;
  /** The value as written. */
  value: unknown;
  /** Why, in the schema's words. */
  reason: string;
}

/**
 * Fields blogs name otherwise (Hugo, Hexo, Jekyll): `description` (or `excerpt`) is the summary
 * when there is none, `lastmod` (or `modified`) the update, and `categories` are tags. Pure;
 * `from` names the field a value was read from, for messages about it.
 */
export function withBlogFields(data: Record<string, unknown>): { fields: Record<string, unknown>; from: Map<string, string> } {
  const fields = { ...data };
  const from = new Map<string, string>();
  for (const [field, names] of [["summary", ["description", "excerpt"]], ["updated", ["lastmod", "modified"]]] as const) {
    const name = names.find((n) => fields[n] !== undefined);
    if (fields[field] === undefined && name) {
      fields[field] = fields[name];
      from.set(field, name);
    }
  }
  if (fields.categories !== undefined) {
    const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : typeof v === "string" ? v.split(LIST_SEPARATORS) : [v]);
    // Hexo's nested categories ([[Diary, Life]]) are each a category.
    const tags = [...list(fields.tags), ...list(fields.categories).flat()];
    fields.tags = tags;
    if (tags.length && data.tags === undefined) from.set("tags", "categories");
  }
  return { fields, from };
}

/**
 * The front matter as the model reads it: values that mean nothing removed (in every field,
 * the ones kept for the user too), then each field the schema cannot read left out and named
 * in `dropped`, so the rest of the article still stands.
 */
export function readArticleFrontMatter(data: Record<string, unknown>): { fields: ArticleFrontMatter; dropped: DroppedField[] } {
  const { fields: input, from } = withBlogFields(fieldsWithoutNothing(data));
  const dropped: DroppedField[] = [];
  // Each round drops at least one field, so this ends; a field-less object always parses.
  for (;;) {
    const r = articleFrontMatter.safeParse(input);
    if (r.success) return { fields: r.data, dropped };
    const seen = new Set<string>();
    for (const issue of r.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (seen.has(field) || !(field in input)) continue;
      seen.add(field);
      dropped.push({ field: from.get(field) ?? field, value: input[field], reason: issue.message });
      delete input[field];
    }
    if (seen.size === 0) throw new Error(`front matter schema failed without naming a field: ${r.error.message}`);
  }
}
