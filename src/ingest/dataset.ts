// The dataset is the one thing Eleventy reads: a JSON file of metadata for every article,
// actor and tag, and the rendered body of each article in a file of its own, so that a page
// reads only its own body and memory does not grow with the corpus.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Actor, Article, BuildSummary, Tag } from "../model/types.ts";
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
}

export const DATASET_FILE = "dataset.json";
export const BODIES_DIR = "bodies";
export const TEXT_DIR = "text";

export function toDataset(result: IngestResult): Dataset {
  const { seconds: _seconds, ...summary } = result.summary;
  return {
    summary,
    articles: result.articles.map((a) => ({ ...a.article, headings: a.headings })),
    events: result.events,
    actors: result.vocab.actors,
    tags: result.vocab.tags,
  };
}

/** Writes the dataset, replacing bodies of articles that no longer exist. */
export async function writeDataset(result: IngestResult, outDir: string): Promise<void> {
  const bodies = path.join(outDir, BODIES_DIR);
  const texts = path.join(outDir, TEXT_DIR);
  await fs.rm(bodies, { recursive: true, force: true });
  await fs.rm(texts, { recursive: true, force: true });
  await fs.mkdir(bodies, { recursive: true });
  await fs.mkdir(texts, { recursive: true });
  for (const a of result.articles) {
    await fs.writeFile(path.join(bodies, `${a.article.slug}.html`), a.html);
    await fs.writeFile(path.join(texts, `${a.article.slug}.txt`), a.text);
  }
  await fs.writeFile(path.join(outDir, DATASET_FILE), JSON.stringify(toDataset(result)));
}

export async function readDataset(dir: string): Promise<Dataset> {
  return JSON.parse(await fs.readFile(path.join(dir, DATASET_FILE), "utf8")) as Dataset;
}
