// The dataset is the one thing Eleventy reads: a JSON file of metadata for every article,
// actor and tag, and the rendered body of each article in a file of its own, so that a page
// reads only its own body and memory does not grow with the corpus.
// This is its contract: what it holds, where each part is, and how to read it. Ingest writes it
// (src/ingest/dataset.ts); the site, the search index and the build read it from here.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Article, BuildSummary, OpenTerm } from "./types.ts";
import type { Actor, Tag } from "./registry.ts";
import type { TimelineEvent } from "./event.ts";

/** A heading of an article's body, for its table of contents. */
export interface Heading {
  level: number;
  id: string;
  text: string;
}

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

/** The file of the body ingested under `name` (a slug, or a pending name). */
export function bodyFile(dataDir: string, name: string): string {
  return path.join(dataDir, BODIES_DIR, `${name}.html`);
}

/** The file of the plain text ingested under `name` (a slug, or a pending name): what search indexes. */
export function textFile(dataDir: string, name: string): string {
  return path.join(dataDir, TEXT_DIR, `${name}.txt`);
}

export async function readSummary(dir: string): Promise<Dataset["summary"]> {
  return JSON.parse(await fs.readFile(path.join(dir, SUMMARY_FILE), "utf8")) as Dataset["summary"];
}

export async function readDataset(dir: string): Promise<Dataset> {
  return JSON.parse(await fs.readFile(path.join(dir, DATASET_FILE), "utf8")) as Dataset;
}
