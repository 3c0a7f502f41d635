// The production pipeline as functions: ingest → dataset → Eleventy → search index.
// scripts/ only parse arguments and print; this is what they call. The machinery each stage
// runs on (threads, processes, slices, heaps) is in src/build/.
import { promises as fs } from "node:fs";
import type { KbConfig } from "./config.ts";
import type { IngestResult, ArticleCache } from "./ingest/ingest.ts";
import { readSummary, type Dataset } from "./model/dataset.ts";
import type { WrittenBodies } from "./ingest/dataset.ts";
import type { IndexFigures } from "./search/index-build.ts";
import { stageReporter } from "./build/progress.ts";
import { StageOutOfMemoryError } from "./build/out-of-memory.ts";
import { buildProgress, runStage } from "./build/processes.ts";

/** With `incremental` (npm start), unchanged files are neither re-read nor re-written. */
export async function runIngest(cfg: KbConfig, incremental?: { cache: ArticleCache; written: WrittenBodies }): Promise<IngestResult> {
  // Loaded here, not above: `npm run build` ingests in a child process and need not load it.
  const { ingest } = await import("./ingest/ingest.ts");
  const { prepareBodies, writeDataset } = await import("./ingest/dataset.ts");
  const { ingestPool } = await import("./build/ingest-pool.ts");
  const { writeSliceWeights } = await import("./build/slices.ts");
  await fs.mkdir(cfg.dataDir, { recursive: true });
  if (!incremental) await prepareBodies(cfg.dataDir);
  // A full build's count of notes, for the progress line (npm start's saves are quick).
  const progress = incremental ? undefined : stageReporter("ingest", "notes", cfg);
  const result = await ingest({
    contentDir: cfg.contentDir,
    fallbackDir: cfg.shippedContentDir,
    includeDrafts: cfg.includeDrafts,
    // A full build writes each body as it goes and uses every core; npm start keeps its cache.
    ...(incremental ? { cache: incremental.cache } : { pool: ingestPool(), spillDir: cfg.dataDir }),
    ...(progress ? { onProgress: (done: number, total: number) => progress.set(done, total) } : {}),
  });
  progress?.end();
  await writeDataset(result, cfg.dataDir, incremental?.written);
  // The images published notes embed (![[image.png]]), beside the dataset: the site copies them.
  const { copyAttachments } = await import("./ingest/links.ts");
  await copyAttachments(cfg.contentDir, cfg.dataDir, result.attachments);
  await writeSliceWeights(cfg.dataDir, result.articles.map((a) => a.article));
  return result;
}

/** The search index, on as many threads as the corpus is worth (src/build/index-threads.ts). */
export async function indexSite(cfg: KbConfig): Promise<IndexFigures> {
  const { indexWithThreads } = await import("./build/index-threads.ts");
  return indexWithThreads(cfg);
}

/**
 * runIngest in a child process (scripts/ingest.ts), its report on our output: the ingest's
 * memory (worker threads, every article's metadata) ends with it. Resolves to the run's
 * summary (its errors are articles left out); rejects if the ingest itself failed, with a
 * StageOutOfMemoryError if it ran out of memory.
 */
export async function ingestInChild(cfg: KbConfig): Promise<Dataset["summary"]> {
  const progress = buildProgress(cfg).stage("ingest", { unit: "notes" });
  try {
    const run = await runStage("scripts/ingest.ts", "ingest", cfg, "inherit", progress);
    if (run.outOfMemory) throw new StageOutOfMemoryError({ stage: "ingest", heapMiB: cfg.ingestHeapMiB });
    // scripts/ingest.ts exits 1 when some articles had errors (they are left out, the rest builds)
    // or, under --strict, warnings: the caller decides the build's exit from the summary.
    if (run.code !== 0 && run.code !== 1) throw new Error(`ingest failed (exit ${run.signal ?? run.code})`);
  } finally {
    progress.end();
  }
  return readSummary(cfg.dataDir);
}

/**
 * indexSite in a child process (scripts/search-index.ts), with a fixed heap for it and each of
 * its threads (KB_INDEX_HEAP_MB): V8 otherwise lets garbage grow while the Pagefind processes
 * beside it need the memory. Rejects with a StageOutOfMemoryError if it ran out.
 */
export async function indexSiteInChild(cfg: KbConfig): Promise<IndexFigures> {
  // The index counts nothing yet: its line shows its time (it may send counts: stageReporter).
  const progress = buildProgress(cfg).stage("index");
  try {
    const run = await runStage("scripts/search-index.ts", "index", cfg, "pipe", progress);
    if (run.outOfMemory) throw new StageOutOfMemoryError({ stage: "index", heapMiB: cfg.indexHeapMiB });
    if (run.code !== 0) throw new Error(`scripts/search-index.ts failed (exit ${run.signal ?? run.code}):\n${run.out}`);
    return JSON.parse(run.out.trim().split("\n").pop() ?? "") as IndexFigures;
  } finally {
    progress.end();
  }
}

/** The site's size on the build's summary, with a warning near GitHub Pages' limit. */
export async function siteSizeReport(cfg: KbConfig): Promise<string[]> {
  const { siteBytes, siteSizeLines } = await import("./build/site-size.ts");
  const { bytes } = await siteBytes(cfg.outputDir);
  return siteSizeLines(bytes, { includeDrafts: cfg.includeDrafts });
}
