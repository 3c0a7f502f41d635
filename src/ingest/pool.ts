// Articles ingested on every core: each worker thread loads the registries once and turns
// files into ArticleResults; the results come back in file order, so slugs, warnings and the
// dataset are the same as from one thread.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { ArticleResult } from "./article.ts";

export interface PoolOptions {
  contentDir: string;
  fallbackDir: string;
  now: Date;
  /** Worker threads; default: one per core. */
  workers?: number;
  /** Each worker writes the bodies it makes here (dataset.ts writeBody), under pending names. */
  spillDir?: string;
  /** Drafts are published: their bodies are written too. */
  includeDrafts?: boolean;
}

/**
 * With a spill folder, `result` comes without body and text: they are in the folder under the
 * name `pending`, or, for a draft left out, nowhere.
 */
export type FileOutcome = { file: string; result: ArticleResult; pending?: string } | { file: string; error: string; pending?: undefined };

// Worker threads do not inherit the TypeScript loader of the main thread (Node 20): each one
// registers tsx itself before it imports the worker module.
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(new URL("./worker.ts", import.meta.url).href)}); });`;

/** Below this many files the threads' start-up (registries, OpenCC) costs more than it saves. */
export const POOL_MIN_FILES = 200;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
}

/** Yields one outcome per file, in the order of `files`. */
export async function* ingestInWorkers(files: readonly string[], opts: PoolOptions): AsyncGenerator<FileOutcome> {
  const n = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), files.length));
  const workers = Array.from(
    { length: n },
    () =>
      new Worker(BOOTSTRAP, {
        eval: true,
        workerData: { contentDir: opts.contentDir, fallbackDir: opts.fallbackDir, now: opts.now.toISOString(), spillDir: opts.spillDir, includeDrafts: opts.includeDrafts },
      }),
  );
  const done = new Map<number, FileOutcome>();
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let next = 0;
  let yielded = 0;
  // Two files in flight per worker keeps each busy; the window bounds what waits for its turn
  // behind a slow file, so memory stays flat.
  const window = n * 8;
  const pump = () => {
    for (const w of workers) {
      while (inFlight.get(w)! < 2 && next < files.length && next - yielded < window) {
        w.postMessage({ index: next, file: files[next] });
        inFlight.set(w, inFlight.get(w)! + 1);
        next++;
      }
    }
  };
  for (const w of workers) {
    w.on("message", (m: { index: number; outcome: FileOutcome }) => {
      done.set(m.index, m.outcome);
      inFlight.set(w, inFlight.get(w)! - 1);
      pump();
      wake?.();
    });
    w.on("error", (e) => {
      failure = e;
      wake?.();
    });
  }
  try {
    pump();
    while (yielded < files.length) {
      const outcome = done.get(yielded);
      if (outcome) {
        done.delete(yielded);
        yielded++;
        pump();
        yield outcome;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
