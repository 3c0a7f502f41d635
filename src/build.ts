// The production pipeline as functions: ingest → dataset → Eleventy → search index.
// scripts/ only parse arguments and print; this is what they call.
import { promises as fs } from "node:fs";
import path from "node:path";
import { ROOT, configEnv, type KbConfig } from "./config.ts";
import type { IngestResult, ArticleCache } from "./ingest/ingest.ts";
import { DATASET_FILE, readSummary, type Dataset, type WrittenBodies } from "./ingest/dataset.ts";
import { createEleventy, writeWithEleventy } from "./site/eleventy.ts";
import { sliceCount } from "./site/slices.ts";
import type { IndexFigures } from "./search/index-build.ts";
import { bundleClientScripts } from "./site/bundle.ts";

export { createEleventy, writeWithEleventy };

/** With `incremental` (npm start), unchanged files are neither re-read nor re-written. */
export async function runIngest(cfg: KbConfig, incremental?: { cache: ArticleCache; written: WrittenBodies }): Promise<IngestResult> {
  // Loaded here, not above: `npm run build` ingests in a child process and need not load it.
  const { ingest } = await import("./ingest/ingest.ts");
  const { bodyWriter, writeDataset } = await import("./ingest/dataset.ts");
  await fs.mkdir(cfg.dataDir, { recursive: true });
  const result = await ingest({
    contentDir: cfg.contentDir,
    fallbackDir: cfg.shippedContentDir,
    includeDrafts: cfg.includeDrafts,
    // A full build writes each body as it goes and uses every core; npm start keeps its cache.
    ...(incremental ? { cache: incremental.cache } : { workers: "auto" as const, spill: await bodyWriter(cfg.dataDir) }),
  });
  await writeDataset(result, cfg.dataDir, incremental?.written);
  return result;
}

/** Renders the site from the dataset, in slices of its own processes when the corpus is large. */
export async function renderSite(cfg: KbConfig, opts: { clean?: boolean } = {}): Promise<{ pages: number; slices: number }> {
  if (opts.clean !== false) await fs.rm(cfg.outputDir, { recursive: true, force: true });
  // The summary, not the dataset: this process only counts; each slice reads what it renders.
  const summary = await readSummary(cfg.dataDir);
  const count = sliceCount(summary.articles + summary.events, cfg.renderSliceItems);
  let pages = 0;
  if (count === 1) {
    pages = await writeWithEleventy(cfg);
  } else {
    // Each slice a process of its own, `renderJobs` at a time; the first writes the pages
    // that exist once, so it starts first.
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next++;
        const { files } = await runScript<{ files: number }>("scripts/render-slice.ts", { ...configEnv(cfg), KB_RENDER_SLICE: `${index}/${count}` });
        pages += files;
      }
    };
    await Promise.all(Array.from({ length: Math.min(cfg.renderJobs, count) }, worker));
  }
  await bundleClientScripts(cfg.outputDir);
  return { pages, slices: count };
}

export async function indexSite(cfg: KbConfig): Promise<IndexFigures> {
  const { buildSearchIndex } = await import("./search/index-build.ts");
  return buildSearchIndex(cfg);
}

/**
 * runIngest in a child process (scripts/ingest.ts), its report on our output: the ingest's
 * memory (worker threads, every article's metadata) ends with it. Resolves to the run's
 * summary (its errors are articles left out); rejects if the ingest itself failed.
 */
export async function ingestInChild(cfg: KbConfig): Promise<Dataset["summary"]> {
  const { code } = await spawnScript("scripts/ingest.ts", configEnv(cfg), "inherit");
  // scripts/ingest.ts exits 1 when some articles had errors: they are left out, the rest builds.
  if (code !== 0 && code !== 1) throw new Error(`ingest failed (exit ${code})`);
  return readSummary(cfg.dataDir);
}

/**
 * indexSite in a child process (scripts/search-index.ts), its heap held to what the dataset
 * needs: V8 otherwise lets garbage grow while the Pagefind processes beside it need the memory
 * (at 10,000 articles our process reached 0.7 GB and the stage 2.16 GB; held, 0.5 and 1.6 GB).
 */
export async function indexSiteInChild(cfg: KbConfig): Promise<IndexFigures> {
  const { size } = await fs.stat(path.join(cfg.dataDir, DATASET_FILE));
  return runScript<IndexFigures>("scripts/search-index.ts", configEnv(cfg), [`--max-old-space-size=${indexHeapMiB(size)}`]);
}

/** The index process's heap: a base for Pagefind's answers and the fold map, and the dataset several times over as objects. */
function indexHeapMiB(datasetBytes: number): number {
  return 256 + Math.ceil((5 * datasetBytes) / 2 ** 20);
}

/** One of our scripts whose last line of output is JSON, in a child process; rejects with its output if it fails. */
async function runScript<T>(script: string, env: Record<string, string>, nodeFlags: string[] = []): Promise<T> {
  const { code, out } = await spawnScript(script, env, "pipe", nodeFlags);
  if (code !== 0) throw new Error(`${script} failed (exit ${code}):\n${out}`);
  return JSON.parse(out.trim().split("\n").pop() ?? "") as T;
}

/** Runs one of our scripts in a child Node process with `env` added; its errors go to ours. */
async function spawnScript(script: string, env: Record<string, string>, stdout: "pipe" | "inherit", nodeFlags: string[] = []): Promise<{ code: number | null; out: string }> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", stdout, "inherit"],
  });
  let out = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (out += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  return { code, out };
}
