// The production pipeline as functions: ingest → dataset → Eleventy → search index.
// scripts/ only parse arguments and print; this is what they call.
import { promises as fs } from "node:fs";
import type { ChildProcess, StdioOptions } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { ROOT, configEnv, type KbConfig } from "./config.ts";
import type { IngestResult, ArticleCache } from "./ingest/ingest.ts";
import { readSummary, type Dataset, type WrittenBodies } from "./ingest/dataset.ts";
import { articleTextBytes, formatRenderSlice, planSlices, sliceCount, type RenderSlice, type SlicePlan } from "./site/slices.ts";
import type { IndexFigures } from "./search/index-build.ts";
import { isProgressMessage, ProgressLine, progressWanted, stageReporter, type Stage } from "./build/progress.ts";
import { endedOutOfMemory, StageOutOfMemoryError, StderrFilter } from "./build/out-of-memory.ts";

/** The text size of each article, in dataset order, for planning the render's slices (planSlices). */
export const SLICE_WEIGHTS_FILE = "slice-weights.json";

/** With `incremental` (npm start), unchanged files are neither re-read nor re-written. */
export async function runIngest(cfg: KbConfig, incremental?: { cache: ArticleCache; written: WrittenBodies }): Promise<IngestResult> {
  // Loaded here, not above: `npm run build` ingests in a child process and need not load it.
  const { ingest } = await import("./ingest/ingest.ts");
  const { prepareBodies, writeDataset } = await import("./ingest/dataset.ts");
  await fs.mkdir(cfg.dataDir, { recursive: true });
  if (!incremental) await prepareBodies(cfg.dataDir);
  // A full build's count of notes, for the progress line (npm start's saves are quick).
  const progress = incremental ? undefined : stageReporter("ingest", "notes");
  const result = await ingest({
    contentDir: cfg.contentDir,
    fallbackDir: cfg.shippedContentDir,
    includeDrafts: cfg.includeDrafts,
    // A full build writes each body as it goes and uses every core; npm start keeps its cache.
    ...(incremental ? { cache: incremental.cache } : { workers: "auto" as const, spillDir: cfg.dataDir }),
    ...(progress ? { onProgress: (done: number, total: number) => progress.set(done, total) } : {}),
  });
  progress?.end();
  await writeDataset(result, cfg.dataDir, incremental?.written);
  // The images published notes embed (![[image.png]]), beside the dataset: the site copies them.
  const { copyAttachments } = await import("./ingest/links.ts");
  await copyAttachments(cfg.contentDir, cfg.dataDir, result.attachments);
  await fs.writeFile(path.join(cfg.dataDir, SLICE_WEIGHTS_FILE), JSON.stringify(result.articles.map((a) => articleTextBytes(a.article))));
  return result;
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

/**
 * Renders the site from the dataset, in slices of its own processes when the corpus is large.
 * `onCoreFree` is called once, when a render worker finds no slice left and the others are
 * still on their last.
 */
export async function renderSite(cfg: KbConfig, opts: { clean?: boolean; onCoreFree?: () => void } = {}): Promise<{ pages: number; slices: number }> {
  if (opts.clean !== false) await fs.rm(cfg.outputDir, { recursive: true, force: true });
  // The summary and the sizes, not the dataset: this process only plans; each slice reads what it renders.
  const plan = await renderPlan(cfg);
  const count = plan.count;
  let pages = 0;
  const progress = buildProgress().stage("render", count > 1 ? { unit: "slices", total: count } : {});
  try {
    if (count === 1) {
      // Loaded here, not above: Eleventy takes 0.8 s to load, and the processes that only
      // ingest, index or hand out slices never use it.
      const { writeWithEleventy } = await import("./site/eleventy.ts");
      pages = await writeWithEleventy(cfg);
    } else {
      // `renderJobs` worker processes; each takes the next slice when done with one. The first
      // slice writes the pages that exist once and needs the most, so it goes first.
      let next = 0;
      let coreFreed = false;
      const worker = async () => {
        if (next >= count) return;
        const render = await renderWorker(cfg);
        try {
          while (next < count) {
            const index = next++;
            // Not `pages += await …`: that reads `pages` before the other worker adds to it.
            const files = await render({ index, count, ...(plan.articles ? { articles: plan.articles[index]! } : {}) });
            pages += files;
            progress.add(1);
            progress.extra("pages", pages);
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
  } finally {
    progress.end();
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
 * A render worker process: a function that has it render one slice and resolves to the files
 * written, rejecting if the slice failed or the process died (out of memory: a
 * StageOutOfMemoryError naming the slice and KB_RENDER_HEAP_MB).
 */
async function renderWorker(cfg: KbConfig): Promise<((slice: RenderSlice) => Promise<number>) & { close(): void }> {
  // Eleventy's own lines on stdout are not wanted; its errors go to ours.
  const child = await scriptProcess("scripts/render-slice.ts", configEnv(cfg), ["ignore", "ignore", "pipe", "ipc"], [`--max-old-space-size=${cfg.renderHeapMiB}`]);
  const stderr = filterStderr(child);
  let exited: string | undefined;
  let outOfMemory: string | undefined;
  let pending: { slice: string; resolve: (n: number) => void; reject: (e: Error) => void } | undefined;
  const fail = (why: string) => {
    exited = why;
    pending?.reject(new Error(`render worker for slice ${pending.slice} ${why}`));
    pending = undefined;
  };
  child.on("error", (e) => fail(`could not start: ${e.message}`));
  // "close", not "exit": by then its stderr has been read, and V8's report with it.
  child.on("close", (code, signal) => {
    stderr.end();
    if (endedOutOfMemory({ code, signal }, stderr.outOfMemory)) {
      outOfMemory = pending?.slice ?? "";
      pending?.reject(new StageOutOfMemoryError({ stage: "render", slice: pending.slice, heapMiB: cfg.renderHeapMiB }));
      pending = undefined;
    }
    fail(`exited (${signal ?? `code ${code}`})`);
  });
  child.on("message", (reply: RenderReply) => {
    const p = pending;
    pending = undefined;
    if (!p) return;
    if ("error" in reply) p.reject(new Error(`render slice ${p.slice} failed:\n${reply.error}`));
    else p.resolve(reply.files);
  });
  const render = (s: RenderSlice) =>
    new Promise<number>((resolve, reject) => {
      const slice = `${s.index}/${s.count}`;
      if (outOfMemory !== undefined) return reject(new StageOutOfMemoryError({ stage: "render", slice: outOfMemory || slice, heapMiB: cfg.renderHeapMiB }));
      if (exited) return reject(new Error(`render worker ${exited} before slice ${slice}`));
      pending = { slice, resolve, reject };
      child.send({ slice: formatRenderSlice(s) } satisfies RenderRequest);
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
 * summary (its errors are articles left out); rejects if the ingest itself failed, with a
 * StageOutOfMemoryError if it ran out of memory.
 */
export async function ingestInChild(cfg: KbConfig): Promise<Dataset["summary"]> {
  const progress = buildProgress().stage("ingest", { unit: "notes" });
  try {
    const run = await runStage("scripts/ingest.ts", configEnv(cfg), "inherit", [`--max-old-space-size=${cfg.ingestHeapMiB}`], progress);
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
  const progress = buildProgress().stage("index");
  try {
    const run = await runStage("scripts/search-index.ts", configEnv(cfg), "pipe", [`--max-old-space-size=${cfg.indexHeapMiB}`], progress);
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

/**
 * For the build's script: a stage that ran out of memory (StageOutOfMemoryError) ends the
 * build with its one line and exit code 1, the other stages' processes ended; any other
 * uncaught error is printed as Node prints it.
 */
export function exitOnStageOutOfMemory(): void {
  process.on("uncaughtException", (e) => {
    stopStages();
    progressLine?.clear();
    process.stderr.write(e instanceof StageOutOfMemoryError ? `${e.message}\n` : `${inspect(e)}\n`);
    process.exit(1);
  });
}

let progressLine: ProgressLine | undefined;

/** The build's one progress line (drawn on a terminal only). */
function buildProgress(): ProgressLine {
  return (progressLine ??= new ProgressLine(process.stderr, progressWanted(process.env, process.stderr)));
}

/** The stages' processes still running, to end when the build gives up. */
const running = new Set<ChildProcess>();

/** Ends every stage process still running (the build failed and will not wait for them). */
export function stopStages(): void {
  for (const child of running) child.kill();
}

/** A stage's stderr to ours, through the filter that takes out V8's out-of-memory report. */
function filterStderr(child: ChildProcess): StderrFilter {
  const filter = new StderrFilter((text) => process.stderr.write(text));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => filter.write(d));
  return filter;
}

/**
 * One of our scripts as a stage, in a child Node process with `env` added: its stderr to ours
 * (filtered), its stdout to ours or kept, its progress messages to `progress`.
 */
async function runStage(
  script: string,
  env: Record<string, string>,
  stdout: "pipe" | "inherit",
  nodeFlags: string[],
  progress: Stage,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; outOfMemory: boolean }> {
  const child = await scriptProcess(script, { ...env, KB_PROGRESS_IPC: "1" }, ["ignore", stdout, "pipe", "ipc"], nodeFlags);
  const stderr = filterStderr(child);
  let out = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.on("message", (m: unknown) => {
    if (!isProgressMessage(m)) return;
    // The stage's line goes before the stage prints its report.
    if (m.kbProgress.end) progress.end();
    else progress.set(m.kbProgress.done, m.kbProgress.total);
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c, s) => resolve([c, s]));
  });
  stderr.end();
  return { code, signal, out, outOfMemory: endedOutOfMemory({ code, signal }, stderr.outOfMemory) };
}

/**
 * One of our scripts started in a child Node process (through tsx) with `env` added; a thread
 * of it that runs out of heap ends it with OUT_OF_MEMORY_EXIT (src/build/child-exit.ts).
 */
async function scriptProcess(script: string, env: Record<string, string>, stdio: StdioOptions, nodeFlags: string[]): Promise<ChildProcess> {
  const { spawn } = await import("node:child_process");
  // The benchmark's --profile: every stage's process profiles itself (Node refuses --cpu-prof in NODE_OPTIONS).
  const dir = process.env.KB_CPU_PROF_DIR;
  const prof = dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
  const exitHook = pathToFileURL(path.join(ROOT, "src/build/child-exit.ts")).href;
  const child = spawn(process.execPath, [...prof, ...nodeFlags, "--import", "tsx", "--import", exitHook, path.join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env }, stdio });
  running.add(child);
  child.on("exit", () => running.delete(child));
  return child;
}
