// The render in slices, planned. Eleventy keeps every page it renders in memory until its build
// ends, so a corpus of many thousand articles renders in several Eleventy runs, each writing a
// contiguous slice of every one-page-per-item template (articles, events, tag and actor list
// pages); the first also writes the pages that exist once (src/site/views.ts says which are
// which). The runs take turns in a few worker processes (render.ts), each with a fixed heap
// (KB_RENDER_HEAP_MB). A slice is bounded in items and in the size of its articles' text: 1,000
// notes of 1 MB are not 1,000 of 6 KB.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { KbConfig } from "../config.ts";
import { readSummary } from "../model/dataset.ts";

/** The text size of each article, in dataset order, for planning the render's slices (planSlices). */
export const SLICE_WEIGHTS_FILE = "slice-weights.json";

/**
 * An article's text in UTF-8 bytes, estimated from what ingest counted: a CJK character is 3
 * bytes, a Latin word with its space about 6. (Rendered bodies are not in memory when the
 * build plans its slices; the word counts are, in a file of their own.)
 */
export function articleTextBytes(a: { wordCount: number; lang: string }): number {
  return a.wordCount * (a.lang === "en" ? 6 : 3);
}

export interface SliceLimits {
  /** Articles and events per slice. */
  items: number;
  /** Estimated article text per slice, bytes. */
  bytes: number;
}

export interface SlicePlan {
  /** Render slices in all (1: the whole site in one run). */
  count: number;
  /** For each slice (by index), its articles [from, to); absent for one slice. */
  articles?: Array<readonly [number, number]>;
}

/**
 * Pure: how many slices, and which articles each renders, for articles of these text sizes (in
 * dataset order) and `events` events. An article costs the larger of its share of a slice's
 * items and of its bytes, an event its share of the items; the paged slices are as many as the
 * costs add up to, and the articles are cut where the running cost crosses each slice's equal
 * share. So no slice has more than `items` items or `bytes` bytes, give or take one article.
 * Beyond one slice, slice 0 renders only the pages that exist once (src/site/views.ts).
 */
export function planSlices(articleBytes: readonly number[], events: number, limits: SliceLimits): SlicePlan {
  const costs = articleBytes.map((b) => Math.max(1 / limits.items, b / limits.bytes));
  const articleCost = costs.reduce((s, c) => s + c, 0);
  const parts = Math.max(1, Math.ceil(articleCost + events / limits.items - 1e-9));
  if (parts === 1) return { count: 1 };
  const articles: Array<readonly [number, number]> = [[0, 0]];
  let from = 0;
  let running = 0;
  let i = 0;
  for (let k = 1; k <= parts; k++) {
    const target = (articleCost * k) / parts;
    // The last part takes what is left; the others end where the running cost reaches their share.
    if (k === parts) i = costs.length;
    else while (i < costs.length && running + costs[i]! / 2 < target) running += costs[i++]!;
    articles.push([from, i]);
    from = i;
  }
  return { count: parts + 1, articles };
}

/**
 * How many slices for a corpus: one up to `perSlice` articles and events; beyond, one slice
 * for the pages that exist once and as many as needed for the paged templates.
 */
export function sliceCount(items: number, perSlice: number): number {
  return items <= perSlice ? 1 : Math.ceil(items / perSlice) + 1;
}

/** Written by ingest beside the dataset: each article's text size, in dataset order. */
export async function writeSliceWeights(dataDir: string, articles: ReadonlyArray<{ wordCount: number; lang: string }>): Promise<void> {
  await fs.writeFile(path.join(dataDir, SLICE_WEIGHTS_FILE), JSON.stringify(articles.map(articleTextBytes)));
}

/**
 * The render's slices for the dataset in cfg.dataDir: by count and by text size when ingest
 * wrote the articles' sizes, by count alone otherwise (a data folder from an older build).
 * Reads the summary and the sizes, never the dataset.
 */
export async function renderPlan(cfg: KbConfig): Promise<SlicePlan> {
  const summary = await readSummary(cfg.dataDir);
  let weights: number[] | undefined;
  try {
    weights = JSON.parse(await fs.readFile(path.join(cfg.dataDir, SLICE_WEIGHTS_FILE), "utf8")) as number[];
  } catch {
    weights = undefined;
  }
  if (weights && weights.length === summary.articles) return planSlices(weights, summary.events, { items: cfg.renderSliceItems, bytes: cfg.renderSliceBytes });
  return { count: sliceCount(summary.articles + summary.events, cfg.renderSliceItems) };
}
