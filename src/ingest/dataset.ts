// The dataset is the one thing Eleventy reads: a JSON file of metadata for every article,
// actor and tag, and the rendered body of each article in a file of its own, so that a page
// reads only its own body and memory does not grow with the corpus.
import { promises as fs, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Actor, Article, BuildSummary, OpenTerm, Tag } from "../model/types.ts";
import { settleOpenTerms, withSettledIds } from "../normalize/open-terms.ts";
import type { Heading } from "../render/markdown.ts";
import type { TimelineEvent } from "../model/event.ts";
import type { IngestResult } from "./ingest.ts";

export interface DatasetArticle extends Article {
  headings: Heading[];
}

export interface Dataset {
  summary: Omit<BuildSummary, "seconds">;
  articles: DatasetArticle[];
  events: TimelineEvent[];
  actors: Actor[];
  tags: Tag[];
  /** Names no registry has, one entry per term (id, names, kind, count); see src/normalize/open-terms.ts. */
  openActors?: OpenTerm[];
  openTags?: OpenTerm[];
}

export const DATASET_FILE = "dataset.json";
export const BODIES_DIR = "bodies";
export const TEXT_DIR = "text";
/**
 * Every error and warning of the last ingest, one Diagnostic each (with its `kind` where it has
 * one), in file order: for the page banner under `npm start`, and for whoever needs more than
 * the run's grouped report (README § Errors).
 */
export const DIAGNOSTICS_FILE = "diagnostics.json";
/** The dataset's summary alone: the build's parent process reads it without the whole dataset. */
export const SUMMARY_FILE = "summary.json";

export function toDataset(result: IngestResult): Dataset {
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
export async function writeDataset(result: IngestResult, outDir: string, written?: WrittenBodies): Promise<void> {
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
    await fs.writeFile(path.join(bodies, `${slug}.html`), a.html);
    await fs.writeFile(path.join(texts, `${slug}.txt`), a.text);
    written?.set(slug, { html: a.html, text: a.text });
  }
  if (written) {
    for (const slug of [...written.keys()].filter((s) => !live.has(s))) {
      written.delete(slug);
      await fs.rm(path.join(bodies, `${slug}.html`), { force: true });
      await fs.rm(path.join(texts, `${slug}.txt`), { force: true });
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

/** The file of the body ingested under `name` (a slug, or a pending name). */
export function bodyFile(dataDir: string, name: string): string {
  return path.join(dataDir, BODIES_DIR, `${name}.html`);
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
  writeFileSync(path.join(outDir, TEXT_DIR, `${name}.txt`), text);
}

/** The name a worker thread writes the body of the `index`-th file under (dot-first: never a slug). */
export function pendingBodyName(index: number): string {
  return `.pending-${index}`;
}

/** A pending body under its settled slug. */
export function settleBody(outDir: string, pending: string, slug: string): void {
  renameSync(bodyFile(outDir, pending), bodyFile(outDir, slug));
  renameSync(path.join(outDir, TEXT_DIR, `${pending}.txt`), path.join(outDir, TEXT_DIR, `${slug}.txt`));
}

export async function readSummary(dir: string): Promise<Dataset["summary"]> {
  return JSON.parse(await fs.readFile(path.join(dir, SUMMARY_FILE), "utf8")) as Dataset["summary"];
}

export async function readDataset(dir: string): Promise<Dataset> {
  return JSON.parse(await fs.readFile(path.join(dir, DATASET_FILE), "utf8")) as Dataset;
}
