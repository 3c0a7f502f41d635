// The production pipeline as functions: ingest → dataset → Eleventy → search index.
// scripts/ only parse arguments and print; this is what they call.
import { promises as fs } from "node:fs";
import type { ChildProcess, StdioOptions } from "node:child_process";
import path from "node:path";
import { ROOT, configEnv, type KbConfig } from "./config.ts";
import type { IngestResult, ArticleCache } from "./ingest/ingest.ts";
import { DATASET_FILE, readSummary, type Dataset, type WrittenBodies } from "./ingest/dataset.ts";
import { sliceCount } from "./site/slices.ts";
import type { IndexFigures } from "./search/index-build.ts";

/** With `incremental` (npm start), unchanged files are neither re-read nor re-written. */
export async function runIngest(cfg: KbConfig, incremental?: { cache: ArticleCache; written: WrittenBodies }): Promise<IngestResult> {
  // Loaded here, not above: `npm run build` ingests in a child process and need not load it.
  const { ingest } = await import("./ingest/ingest.ts");
  const { prepareBodies, writeDataset } = await import("./ingest/dataset.ts");
  await fs.mkdir(cfg.dataDir, { recursive: true });
  if (!incremental) await prepareBodies(cfg.dataDir);
  const result = await ingest({
    contentDir: cfg.contentDir,
    fallbackDir: cfg.shippedContentDir,
    includeDrafts: cfg.includeDrafts,
    // A full build writes each body as it goes and uses every core; npm start keeps its cache.
    ...(incremental ? { cache: incremental.cache } : { workers: "auto" as const, spillDir: cfg.dataDir }),
  });
  await writeDataset(result, cfg.dataDir, incremental?.written);
  return result;
}

/**
 * Renders the site from the dataset, in slices of its own processes when the corpus is large.
 * `onCoreFree` is called once, when a render worker finds no slice left and the others are
 * still on their last.
 */
export async function renderSite(cfg: KbConfig, opts: { clean?: boolean; onCoreFree?: () => void } = {}): Promise<{ pages: number; slices: number }> {
  if (opts.clean !== false) await fs.rm(cfg.outputDir, { recursive: true, force: true });
  // The summary, not the dataset: this process only counts; each slice reads what it renders.
  const summary = await readSummary(cfg.dataDir);
  const count = sliceCount(summary.articles + summary.events, cfg.renderSliceItems);
  let pages = 0;
  if (count === 1) {
    // Loaded here, not above: Eleventy takes 0.8 s to load, and the processes that only
    // ingest, index or hand out slices never use it.
    const { writeWithEleventy } = await import("./site/eleventy.ts");
    pages = await writeWithEleventy(cfg);
  } else {
    const { size } = await fs.stat(path.join(cfg.dataDir, DATASET_FILE));
    const heapMiB = renderHeapMiB(size);
    // `renderJobs` worker processes; each takes the next slice when done with one. The first
    // slice writes the pages that exist once and needs the most, so it goes first.
    let next = 0;
    let coreFreed = false;
    const worker = async () => {
      if (next >= count) return;
      const render = await renderWorker(cfg, heapMiB);
      try {
        while (next < count) {
          // Not `pages += await …`: that reads `pages` before the other worker adds to it.
          const files = await render(`${next++}/${count}`);
          pages += files;
        }
        // No slice left for this worker while another renders its last: a core is free.
        if (!coreFreed) {
          coreFreed = true;
          opts.onCoreFree?.();
        }
      } catch (e) {
        next = count; // the other workers take no more slices
        throw e;
      } finally {
        render.close();
      }
    };
    // Settled, not all: on a failure the other worker finishes its slice before we answer.
    const settled = await Promise.allSettled(Array.from({ length: Math.min(cfg.renderJobs, count) }, worker));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }
  const { bundleClientScripts } = await import("./site/bundle.ts");
  await bundleClientScripts(cfg.outputDir);
  return { pages, slices: count };
}

/** What the build sends a render worker (scripts/render-slice.ts), and its answer. */
export interface RenderRequest {
  slice: string;
}
export type RenderReply = { files: number } | { error: string };

/**
 * A render worker process: a function that has it render one slice ("i/n") and resolves to the
 * files written, rejecting if the slice failed or the process died.
 */
async function renderWorker(cfg: KbConfig, heapMiB: number): Promise<((slice: string) => Promise<number>) & { close(): void }> {
  // Eleventy's own lines on stdout are not wanted; its errors go to ours.
  const child = await scriptProcess("scripts/render-slice.ts", configEnv(cfg), ["ignore", "ignore", "inherit", "ipc"], [`--max-old-space-size=${heapMiB}`]);
  let exited: string | undefined;
  let pending: { slice: string; resolve: (n: number) => void; reject: (e: Error) => void } | undefined;
  const fail = (why: string) => {
    exited = why;
    pending?.reject(new Error(`render worker for slice ${pending.slice} ${why}`));
    pending = undefined;
  };
  child.on("error", (e) => fail(`could not start: ${e.message}`));
  child.on("exit", (code, signal) => fail(`exited (${signal ?? `code ${code}`})`));
  child.on("message", (reply: RenderReply) => {
    const p = pending;
    pending = undefined;
    if (!p) return;
    if ("error" in reply) p.reject(new Error(`render slice ${p.slice} failed:\n${reply.error}`));
    else p.resolve(reply.files);
  });
  const render = (slice: string) =>
    new Promise<number>((resolve, reject) => {
      if (exited) return reject(new Error(`render worker ${exited} before slice ${slice}`));
      pending = { slice, resolve, reject };
      child.send({ slice } satisfies RenderRequest);
    });
  return Object.assign(render, {
    close: () => {
      if (child.connected) child.disconnect();
    },
  });
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

/**
 * A render worker's heap: room for a slice's pages and the shaped dataset it keeps between
 * slices (about 5.5 times the file). Unheld, V8 let each worker's garbage grow to 1.5 GB at
 * 10,000 articles, 3.1 GB for the two; held, 1.8 GB at the same speed (docs/performance.md).
 */
function renderHeapMiB(datasetBytes: number): number {
  return 512 + Math.ceil((8 * datasetBytes) / 2 ** 20);
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
  const child = await scriptProcess(script, env, ["ignore", stdout, "inherit"], nodeFlags);
  let out = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (out += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  return { code, out };
}

/** One of our scripts started in a child Node process (through tsx) with `env` added. */
async function scriptProcess(script: string, env: Record<string, string>, stdio: StdioOptions, nodeFlags: string[]): Promise<ChildProcess> {
  const { spawn } = await import("node:child_process");
  // The benchmark's --profile: every stage's process profiles itself (Node refuses --cpu-prof in NODE_OPTIONS).
  const dir = process.env.KB_CPU_PROF_DIR;
  const prof = dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
  return spawn(process.execPath, [...prof, ...nodeFlags, "--import", "tsx", path.join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env }, stdio });
}
