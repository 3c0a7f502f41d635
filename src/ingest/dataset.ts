// Writing the dataset (its contract, and the readers, are in src/model/dataset.ts): the
// metadata file, and each article's body and text in files of their own, written as the run
// goes or at its end, only what changed under `npm start`.
import { promises as fs, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Article, BuildSummary } from "../model/types.ts";
import type { Actor, Tag } from "../model/registry.ts";
import type { Diagnostic } from "../model/diagnostics.ts";
import type { TimelineEvent } from "../model/event.ts";
import { BODIES_DIR, DATASET_FILE, DIAGNOSTICS_FILE, SUMMARY_FILE, TEXT_DIR, bodyFile, textFile, type Dataset, type Heading } from "../model/dataset.ts";
import { settleOpenTerms, withSettledIds } from "../normalize/open-terms.ts";

export interface IngestedArticle {
  article: Article;
  html: string;
  headings: Heading[];
  text: string;
  /** Body and text were written to IngestOptions.spillDir and are empty here. */
  spilled?: boolean;
}

/** What a run gives the dataset (an IngestResult, src/ingest/ingest.ts, is one). */
export interface DatasetSource {
  articles: IngestedArticle[];
  events: TimelineEvent[];
  vocab: { actors: Actor[]; tags: Tag[] };
  log: { sorted(): Diagnostic[] };
  summary: BuildSummary;
}

export function toDataset(result: DatasetSource): Dataset {
  const { seconds: _seconds, ...summary } = result.summary;
  const open = settleOpenTerms(result.articles.map((a) => a.article));
  return {
    summary,
    articles: result.articles.map((a) => ({ ...withSettledIds(a.article, open), headings: a.headings })),
    events: result.events,
    actors: result.vocab.actors,
    tags: result.vocab.tags,
    openActors: open.actors.terms,
    openTags: open.tags.terms,
  };
}

/**
 * What was last written for each article, so that `npm start` rewrites only what changed. The
 * strings themselves: an unchanged article is the cached result's own strings, compared in
 * constant time (hashing every body on every save was a quarter of a save at 1,000 notes).
 */
export type WrittenBodies = Map<string, { html: string; text: string }>;

/** Writes the dataset; with `written`, only the bodies that changed since the last call. */
export async function writeDataset(result: DatasetSource, outDir: string, written?: WrittenBodies): Promise<void> {
  const bodies = path.join(outDir, BODIES_DIR);
  const texts = path.join(outDir, TEXT_DIR);
  const spilled = result.articles.some((a) => a.spilled);
  if (!spilled && (!written || written.size === 0)) await clearBodies(outDir);
  await fs.mkdir(bodies, { recursive: true });
  await fs.mkdir(texts, { recursive: true });
  const live = new Set<string>();
  for (const a of result.articles) {
    const slug = a.article.slug;
    live.add(slug);
    if (a.spilled) continue;
    const last = written?.get(slug);
    if (last && last.html === a.html && last.text === a.text) continue;
    await fs.writeFile(bodyFile(outDir, slug), a.html);
    await fs.writeFile(textFile(outDir, slug), a.text);
    written?.set(slug, { html: a.html, text: a.text });
  }
  if (written) {
    for (const slug of [...written.keys()].filter((s) => !live.has(s))) {
      written.delete(slug);
      await fs.rm(bodyFile(outDir, slug), { force: true });
      await fs.rm(textFile(outDir, slug), { force: true });
    }
  }
  const dataset = toDataset(result);
  await fs.writeFile(path.join(outDir, DATASET_FILE), JSON.stringify(dataset));
  await fs.writeFile(path.join(outDir, SUMMARY_FILE), JSON.stringify(dataset.summary));
  await fs.writeFile(path.join(outDir, DIAGNOSTICS_FILE), JSON.stringify(result.log.sorted()));
}

/** Empties the bodies and texts folders, before a run that writes them afresh. */
export async function clearBodies(outDir: string): Promise<void> {
  await fs.rm(path.join(outDir, BODIES_DIR), { recursive: true, force: true });
  await fs.rm(path.join(outDir, TEXT_DIR), { recursive: true, force: true });
}

/** Empties and makes the bodies and texts folders for a run that writes each body as it goes (IngestOptions.spillDir). */
export async function prepareBodies(outDir: string): Promise<void> {
  await clearBodies(outDir);
  await fs.mkdir(path.join(outDir, BODIES_DIR), { recursive: true });
  await fs.mkdir(path.join(outDir, TEXT_DIR), { recursive: true });
}

/**
 * An article's body and text, written by the thread that ingested it: under `name`, its slug,
 * or, in a worker thread, a pending name (pendingBodyName) until the main thread settles the
 * slug (two notes may want the same one) and renames it. Synchronous: a worker thread has
 * nothing else to do meanwhile, and the main thread was spending a third of a core on the
 * promises of 20,000 writes at 10,000 articles.
 */
export function writeBody(outDir: string, name: string, html: string, text: string): void {
  writeFileSync(bodyFile(outDir, name), html);
  writeFileSync(textFile(outDir, name), text);
}

/** The name a worker thread writes the body of the `index`-th file under (dot-first: never a slug). */
export function pendingBodyName(index: number): string {
  return `.pending-${index}`;
}

/** A pending body under its settled slug. */
export function settleBody(outDir: string, pending: string, slug: string): void {
  renameSync(bodyFile(outDir, pending), bodyFile(outDir, slug));
  renameSync(textFile(outDir, pending), textFile(outDir, slug));
}
