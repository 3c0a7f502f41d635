// The registries an ingest run resolves names against: actors and tags. A content folder
// may bring its own actors.yaml and tags.yaml; where it has none, the shipped ones are used.
// Vocabularies are open: a name neither registry has is a term of its own (openTagId,
// openActorId), settled over the collection in src/normalize/open-terms.ts. Only registered
// names are searched for in article text.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Actor, Tag } from "../model/registry.ts";
import type { DiagnosticLog } from "../model/diagnostics.ts";
import { loadActors, loadTags, Registry } from "../normalize/registry.ts";
import { buildMentionMatcher, type MentionMatcher } from "../normalize/mentions.ts";
import { createHash } from "node:crypto";
import { parseContentFile } from "../content/frontmatter.ts";
import { articleFrontMatter, withBlogFields } from "../model/schema.ts";
import type { NoteNames } from "../normalize/vocab-suggest.ts";

export interface Vocabulary {
  /** Changes whenever a registry file changes: cached results resolved against it expire. */
  stamp: string;
  actors: Actor[];
  tags: Tag[];
  /** Where each registry was read from, relative to the working directory. */
  actorsFile: string;
  tagsFile: string;
  resolveActor(name: string): string | undefined;
  resolveTag(name: string): string | undefined;
  /** The id of a name actors.yaml does not have (an open actor): its slug, never a registered id. */
  openActorId(name: string): string;
  /** The id of a name tags.yaml does not have (an open tag): its slug, never a registered id. */
  openTagId(name: string): string;
  findMentions(text: string, opts?: { nested?: boolean }): { actors: string[]; tags: string[] };
  findMentionsWithNested(text: string): ReturnType<MentionMatcher["findWithNested"]>;
  /** The registries themselves, for tools that look at names (npm run vocab). */
  registry: Registry;
}

async function readFirst(files: string[]): Promise<{ file: string; text: string } | undefined> {
  for (const file of files) {
    try {
      return { file, text: await fs.readFile(file, "utf8") };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  return undefined;
}

export async function loadVocabulary(contentDir: string, fallbackDir: string, log: DiagnosticLog): Promise<Vocabulary> {
  const stamps: string[] = [];
  const load = async <T>(name: string, parse: (text: string, file: string) => { items: T[]; diagnostics: import("../model/diagnostics.ts").Diagnostic[] }) => {
    const found = await readFirst([path.join(contentDir, name), path.join(fallbackDir, name)]);
    if (!found) {
      log.warn(name, `no ${name} in ${contentDir} or ${fallbackDir}; nothing will be resolved against it`);
      return { file: name, items: [] as T[] };
    }
    stamps.push(createHash("sha256").update(found.text).digest("hex").slice(0, 12));
    const shown = path.relative(process.cwd(), found.file) || found.file;
    const r = parse(found.text, shown);
    r.diagnostics.forEach((d) => log.add(d));
    return { file: shown, items: r.items };
  };
  const actors = await load<Actor>("actors.yaml", loadActors);
  const tags = await load<Tag>("tags.yaml", loadTags);
  const registry = new Registry(actors.items, tags.items);
  const matcher = buildMentionMatcher(actors.items, tags.items);
  return {
    stamp: stamps.join(":"),
    actors: actors.items,
    tags: tags.items,
    actorsFile: actors.file,
    tagsFile: tags.file,
    resolveActor: (n) => registry.resolveActor(n),
    resolveTag: (n) => registry.resolveTag(n),
    openTagId: (n) => registry.openTagId(n),
    openActorId: (n) => registry.openActorId(n),
    findMentions: (text, opts) => matcher.find(text, opts),
    findMentionsWithNested: (text) => matcher.findWithNested(text),
    registry,
  };
}

/** The fields open names are read from, by vocabulary, with the kind each implies. */
export const NAME_FIELDS = {
  tags: [["tags", "topic"], ["products_models", "product"]],
  actors: [["actors", "unregistered"], ["people", "person"], ["companies_orgs", "organization"]],
} as const;

/** The names a note's front matter gives (as ingest reads them: lists, comma lines, #tags). */
export function noteNames(frontMatter: string): NoteNames {
  const data = withBlogFields(parseContentFile(frontMatter, { lenient: true }).data).fields;
  const out: NoteNames = { tags: [], actors: [] };
  for (const vocab of ["tags", "actors"] as const) {
    for (const [field, kind] of NAME_FIELDS[vocab]) {
      const r = articleFrontMatter.shape[field].safeParse(data[field]);
      if (r.success) for (const name of r.data ?? []) out[vocab].push({ name, kind });
    }
  }
  return out;
}
