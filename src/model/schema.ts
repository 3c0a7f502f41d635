// The schema of an article's front matter. It is deliberately forgiving about form (a tag
// list may be a comma-separated string, a draft flag may be "true") and strict about meaning
// (a source must be an http(s) URL). Fields it does not know are kept, not rejected: users'
// notes carry speaker, people, area, status… and those belong to them.
import { z } from "zod";
import { LANGS } from "./types.ts";

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

const stringList = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number(), z.null()]))])
  .transform((v) => {
    const items = Array.isArray(v) ? v : String(v).split(/[,，、;；]/);
    return items.filter((x): x is string | number => x !== null).map((x) => String(x).trim()).filter(Boolean);
  });

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
  title: text.pipe(z.string().min(1, "must not be empty")).optional(),
  // Dates are checked by the date normalizer, which knows many more forms than a schema can.
  date: z.unknown().optional(),
  updated: z.unknown().optional(),
  timezone: z.string().optional(),
  lang: z.enum(LANGS as [string, ...string[]]).optional(),
  source: httpUrl.optional(),
  outlet: text.optional(),
  author: text.optional(),
  place: text.optional(),
  summary: text.optional(),
  image: httpUrl.optional(),
  tags: stringList.optional(),
  actors: stringList.optional(),
  people: stringList.optional(),
  companies_orgs: stringList.optional(),
  draft: flag.optional(),
  raw: z.string().optional(),
  format: z.string().optional(),
});

export type ArticleFrontMatter = z.output<typeof articleFrontMatter>;

/** Fields the model reads; every other front-matter field is kept in `extra`. */
export const KNOWN_ARTICLE_FIELDS = new Set(Object.keys(articleFrontMatter.shape));
