// The production pipeline as functions: ingest → dataset → Eleventy → search index.
// scripts/ only parse arguments and print; this is what they call.
import { promises as fs } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ROOT, type KbConfig } from "./config.ts";
import { ingest, type IngestResult, type ArticleCache } from "./ingest/ingest.ts";
import { writeDataset, type WrittenBodies } from "./ingest/dataset.ts";
import { buildSearchIndex } from "./search/index-build.ts";
import { bundleClientScripts } from "./site/bundle.ts";

/** With `incremental` (npm start), unchanged files are neither re-read nor re-written. */
export async function runIngest(cfg: KbConfig, incremental?: { cache: ArticleCache; written: WrittenBodies }): Promise<IngestResult> {
  const result = await ingest({
    contentDir: cfg.contentDir,
    fallbackDir: cfg.shippedContentDir,
    includeDrafts: cfg.includeDrafts,
    ...(incremental ? { cache: incremental.cache } : {}),
  });
  await fs.mkdir(cfg.dataDir, { recursive: true });
  await writeDataset(result, cfg.dataDir, incremental?.written);
  return result;
}

/** An Eleventy for this config. The environment carries cfg to .eleventy.ts. */
export function createEleventy(cfg: KbConfig, runMode: "build" | "serve"): Eleventy {
  process.env.KB_DATA_DIR = cfg.dataDir;
  process.env.KB_OUTPUT_DIR = cfg.outputDir;
  process.env.KB_PATH_PREFIX = cfg.pathPrefix;
  return new Eleventy(path.join(ROOT, "pages"), cfg.outputDir, {
    configPath: path.join(ROOT, ".eleventy.ts"),
    // Quiet for builds; under npm start its rebuild lines are worth seeing.
    quietMode: runMode === "build",
    runMode,
    // Set here, not only in .eleventy.ts: Eleventy keeps the first prefix it saw in a process.
    pathPrefix: cfg.pathPrefix,
  });
}

/** Renders the site from the dataset. The environment carries cfg to .eleventy.ts. */
export async function renderSite(cfg: KbConfig, opts: { clean?: boolean } = {}): Promise<{ pages: number }> {
  if (opts.clean !== false) await fs.rm(cfg.outputDir, { recursive: true, force: true });
  const eleventy = createEleventy(cfg, "build");
  const written = (await eleventy.write()) as unknown as Array<unknown[]> | unknown[];
  const results = Array.isArray(written[0]) ? (written as unknown[][]).flat() : written;
  await bundleClientScripts(cfg.outputDir);
  return { pages: results.length };
}

export async function indexSite(cfg: KbConfig): Promise<{ pages: number; foldEntries: number; aliasKeys: number }> {
  return buildSearchIndex(cfg);
}
