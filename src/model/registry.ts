// The actor registry and the tag vocabulary (content/actors.yaml, content/tags.yaml): each
// entry's schema, written once. An entry as the YAML writes it is the dataset's Actor or Tag
// plus its text rules (how it is found in article text); the dataset's types are that schema
// without the text rules, so each field is spelled in one place. Loading, resolving and
// folding names are src/normalize/registry.ts.
import { z } from "zod";
import { LANGS, type Lang } from "./types.ts";
import { httpUrl } from "./schema.ts";

export const ACTOR_TYPES = ["authority", "company", "person", "jurisdiction", "organization", "outlet"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const TAG_KINDS = ["topic", "material", "technology", "instrument", "policy", "product"] as const;
export type TagKind = (typeof TAG_KINDS)[number];

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const name = z.string({ error: "must be text" }).trim().min(1, "must not be empty");
const nameList = z.array(name, { error: "must be a list of names" }).default([]);

/** A name in each language we show; any may be missing in content, never all. */
const names = z
  .strictObject(
    Object.fromEntries(LANGS.map((l) => [l, name.optional()])) as Record<Lang, z.ZodOptional<typeof name>>,
    { error: (iss) => (iss.input === undefined ? "is required" : `must be a mapping of ${LANGS.join(", ")} to names`) },
  )
  .refine((n) => LANGS.some((l) => n[l]), `needs a name in at least one of ${LANGS.join(", ")}`);
export type Names = z.output<typeof names>;

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `is required: one of ${values.join(", ")}`
        : `unknown ${what} ${JSON.stringify(iss.input)}; expected one of ${values.join(", ")}`,
  });

/** Every entry's fields, then its text rules: optional in YAML, see the head of content/actors.yaml. */
const common = {
  id: z
    .string({ error: (iss) => (iss.input === undefined ? "is required" : "must be text") })
    .regex(ID, "must be lower-case ASCII words joined by hyphens, e.g. us-bis"),
  names,
  aliases: nameList,
  /** Names found in text only with exactly this capitalisation ("Micron", not "micron"). */
  exactCase: nameList,
  /** Names that resolve in front matter but are never searched in text ("X", "美"). */
  resolveOnly: nameList,
  /** Phrases that contain one of the names but do not mention the entry (印度尼西亚 ⊅ 印度). */
  falseFriends: nameList,
};

/** The text rules every entry has, left out of the dataset. */
const TEXT_RULE_LISTS = { exactCase: true, resolveOnly: true, falseFriends: true } as const;

const entryError = { error: "each entry must be a mapping of fields (id:, names:, …)" };

/** An entry of content/actors.yaml. Its key order is the order of its fields in the dataset. */
export const actorEntrySchema = z.strictObject({
  ...common,
  type: enumOf(ACTOR_TYPES, "type"),
  /** false: never searched in text (actors default to true). A text rule. */
  detect: z.boolean({ error: "must be true or false" }).optional(),
  /** ISO-like code of the jurisdiction the actor belongs to (US, CN, NL, JP, EU, TW, …). */
  jurisdiction: z
    .string({ error: "must be a jurisdiction code such as US" })
    .regex(/^[A-Z]{2,3}$/, "must be a jurisdiction code in capitals, such as US, CN or EU")
    .optional(),
  description: names.optional(),
  url: httpUrl.optional(),
}, entryError);

/** An entry of content/tags.yaml. */
export const tagEntrySchema = z.strictObject({
  ...common,
  kind: enumOf(TAG_KINDS, "kind"),
  /** Found in article bodies by alias (materials, technologies), not only when tagged. */
  detect: z.boolean({ error: "must be true or false" }).default(false),
}, entryError);

/** An actor as the dataset holds it: the entry without its text rules. */
export const actorSchema = actorEntrySchema.omit({ ...TEXT_RULE_LISTS, detect: true });
export type Actor = z.output<typeof actorSchema>;

/** A tag as the dataset holds it: the entry without its text rules (a tag's `detect` is its own). */
export const tagSchema = tagEntrySchema.omit(TEXT_RULE_LISTS);
export type Tag = z.output<typeof tagSchema>;

/** How an entry is found in article text. Optional: loading drops empty lists. */
export type TextRules = Partial<Omit<z.output<typeof actorEntrySchema>, keyof Actor>>;

export type ActorEntry = Actor & TextRules;
export type TagEntry = Tag & TextRules;
