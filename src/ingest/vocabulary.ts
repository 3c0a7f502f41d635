// The registries an ingest run resolves names against: actors and tags. A content folder
// may bring its own actors.yaml and tags.yaml; where it has none, the shipped ones are used.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Actor, Tag } from "../model/types.ts";
import type { DiagnosticLog } from "../model/diagnostics.ts";
import { loadActors, loadTags, Registry } from "../normalize/registry.ts";
import { buildMentionMatcher, type MentionMatcher } from "../normalize/mentions.ts";
import { slugify } from "../normalize/slug.ts";
import { createHash } from "node:crypto";

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
  unknownActorId(name: string): string;
  unknownTagId(name: string): string;
  findMentions(text: string, opts?: { nested?: boolean }): { actors: string[]; tags: string[] };
  findMentionsWithNested(text: string): ReturnType<MentionMatcher["findWithNested"]>;
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
    unknownTagId: (n) => registry.unknownTagId(n),
    unknownActorId: (n) => slugify(n, 8) || `actor-${createHash("sha256").update(n).digest("hex").slice(0, 8)}`,
    findMentions: (text, opts) => matcher.find(text, opts),
    findMentionsWithNested: (text) => matcher.findWithNested(text),
  };
}
