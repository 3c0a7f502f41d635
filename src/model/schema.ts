// The schema of an article's front matter. It is deliberately forgiving about form (a tag
// list may be a comma-separated string, a draft flag may be "true") and strict about meaning
// (a source must be an http(s) URL). Fields it does not know are kept, not rejected: users'
// notes carry speaker, people, area, status… and those belong to them.
import { z } from "zod";
import { LANGS } from "./types.ts";

const text = z.union([z.string(), z.number()], { error: "must be text (a string or a number), not a list or a mapping" }).transform((v) => String(v).trim());

// Notes name tags as Obsidian does (#芯片, #export-control) as often as not: the # is not part of the name.
const stringList = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number(), z.null()]))], { error: "must be a list of names or one comma-separated line of them" })
  .transform((v) => {
    const items = Array.isArray(v) ? v : String(v).split(/[,，、;；]/);
    return items
      .filter((x): x is string | number => x !== null)
      .map((x) => String(x).trim().replace(/^#(?=\S)/, ""))
      .filter(Boolean);
  });

/** A field left empty (`tags:` with nothing after it, which YAML reads as null) is a field not given. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema.optional());

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
  title: optional(text.pipe(z.string().min(1, "must not be empty"))),
  // Dates are checked by the date normalizer, which knows many more forms than a schema can.
  date: optional(z.unknown()),
  updated: optional(z.unknown()),
  timezone: optional(z.string()),
  lang: optional(z.enum(LANGS as [string, ...string[]])),
  source: optional(httpUrl),
  outlet: optional(text),
  author: optional(text),
  place: optional(text),
  summary: optional(text),
  image: optional(httpUrl),
  tags: optional(stringList),
  actors: optional(stringList),
  people: optional(stringList),
  companies_orgs: optional(stringList),
  draft: optional(flag),
  raw: optional(z.string()),
  format: optional(z.string()),
});

export type ArticleFrontMatter = z.output<typeof articleFrontMatter>;

/** Fields the model reads; every other front-matter field is kept in `extra`. */
export const KNOWN_ARTICLE_FIELDS = new Set(Object.keys(articleFrontMatter.shape));
