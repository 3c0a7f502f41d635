// The build's stages in processes of their own, so that each one's memory ends with it: each is
// one of our scripts started through tsx, with the config in its environment and a fixed heap
// (its stage's KB_*_HEAP_MB), its stderr filtered for V8's out-of-memory report, its progress
// sent over IPC to the build's one progress line; all are ended together when the build gives up.
import type { ChildProcess, StdioOptions } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";
import { ROOT, configEnv, type KbConfig } from "../config.ts";
import { isProgressMessage, ProgressLine, progressWanted, type Stage } from "./progress.ts";
import { endedOutOfMemory, StageOutOfMemoryError, StderrFilter, type BuildStage } from "./out-of-memory.ts";
import { bundledFile, bundleStages, isBundledStage } from "./stage-bundle.ts";

/** A stage's heap, MiB, for its process and each of its threads: fixed, whatever the corpus. */
/**
 * The ingest process's main thread's semi-space, MiB (V8's default is 16). It ingests its share
 * of the notes and holds the run's results; at 1,000 real notes half the default took 30–70 MB
 * off the process's peak in the same time (its threads keep their own young generation,
 * build/ingest-pool.ts).
 */
export const INGEST_MAIN_SEMI_SPACE_MB = 8;

/**
 * Each render worker's semi-space, MiB. Two workers render side by side and their young
 * generations were the peak of a 1,000-note build: at 1,000 real notes 4 MiB took the peak from
 * 600 to 542 MiB (medians of 3) in the same time (docs/performance.md, seventeenth session).
 */
export const RENDER_SEMI_SPACE_MB = 4;

export function stageHeapMiB(stage: BuildStage, cfg: KbConfig): number {
  return stage === "ingest" ? cfg.ingestHeapMiB : stage === "render" ? cfg.renderHeapMiB : cfg.indexHeapMiB;
}

let progressLine: ProgressLine | undefined;

/** The build's one progress line (drawn on a terminal only, or as cfg.progress says). */
export function buildProgress(cfg: KbConfig): ProgressLine {
  return (progressLine ??= new ProgressLine(process.stderr, progressWanted(cfg.progress, process.stderr)));
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

/** The stages' processes still running, to end when the build gives up. */
const running = new Set<ChildProcess>();

/** Ends every stage process still running (the build failed and will not wait for them). */
export function stopStages(): void {
  for (const child of running) child.kill();
}

/** A stage's stderr to ours, through the filter that takes out V8's out-of-memory report. */
export function filterStderr(child: ChildProcess): StderrFilter {
  const filter = new StderrFilter((text) => process.stderr.write(text));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => filter.write(d));
  return filter;
}

/**
 * One of our scripts as a stage, run to its end in a child Node process with cfg: its stderr
 * to ours (filtered), its stdout to ours or kept, its progress messages to `progress`.
 */
export async function runStage(
  script: string,
  stage: BuildStage,
  cfg: KbConfig,
  stdout: "pipe" | "inherit",
  progress: Stage,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; outOfMemory: boolean }> {
  const child = await stageProcess(script, stage, { ...cfg, progressIpc: true }, ["ignore", stdout, "pipe", "ipc"]);
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
 * Pure: what a stage's process adds to its environment. A render slice builds once and exits, so
 * Eleventy's ESM resolver, there to reload a changed file under --watch, is left out: it runs as a
 * loader on a thread of its own, and every import of the process waits on it.
 */
export function stageEnv(stage: BuildStage): Record<string, string> {
  return stage === "render" ? { ELEVENTY_SKIP_ESM_RESOLVER: "1" } : {};
}

/** The stage bundles of this build, made once (stage-bundle.ts). */
let stageBundles: Promise<string | undefined> | undefined;

/**
 * One of our scripts started in a child Node process (from its bundle, or through tsx) with cfg in its environment
 * and its stage's heap; a thread of it that runs out of heap ends it with OUT_OF_MEMORY_EXIT
 * (src/build/child-exit.ts).
 */
export async function stageProcess(script: string, stage: BuildStage, cfg: KbConfig, stdio: StdioOptions): Promise<ChildProcess> {
  const { spawn } = await import("node:child_process");
  // The benchmark's --profile: every stage's process profiles itself (Node refuses --cpu-prof in NODE_OPTIONS).
  const prof = cfg.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cfg.cpuProfileDir}`] : [];
  const semiSpace = stage === "ingest" ? INGEST_MAIN_SEMI_SPACE_MB : stage === "render" ? RENDER_SEMI_SPACE_MB : undefined;
  const heap = [`--max-old-space-size=${stageHeapMiB(stage, cfg)}`, ...(semiSpace ? [`--max-semi-space-size=${semiSpace}`] : [])];
  const bundle = isBundledStage(script) ? await (stageBundles ??= bundleStages()) : undefined;
  const run = bundle
    ? ["--import", pathToFileURL(bundledFile(bundle, "child-exit.ts")).href, bundledFile(bundle, script)]
    : ["--import", "tsx", "--import", pathToFileURL(path.join(ROOT, "src/build/child-exit.ts")).href, path.join(ROOT, script)];
  const child = spawn(process.execPath, [...prof, ...heap, ...run], { cwd: ROOT, env: { ...process.env, ...configEnv(cfg), ...stageEnv(stage) }, stdio });
  running.add(child);
  child.on("exit", () => running.delete(child));
  return child;
}
