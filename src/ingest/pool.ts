// Articles and events ingested on every core: each worker thread loads the registries once and
// turns files into ArticleResults and ParsedEvents; the results come back in file order, so
// slugs, warnings and the dataset are the same as from one thread.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { ArticleResult } from "./article.ts";
import type { RenderOptions } from "../render/markdown.ts";
import type { ParsedEvent } from "./events.ts";

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
  /** File → epoch ms of its first commit (file-dates.ts), awaited before the first file is sent. */
  firstCommits?: Promise<ReadonlyMap<string, number>>;
  /** The run's class allowlist and wikilink targets, sent to each thread before its first file. */
  render?: Promise<RenderOptions>;
  /**
   * The calling thread ingests files too (outcomes' `own`), so one thread fewer is started: the
   * caller has the modules and registries loaded already, and a thread of its own would cost
   * their memory again (150–250 MB) while the caller waits.
   */
  ownThread?: boolean;
}

/**
 * With a spill folder, `result` comes without body and text: they are in the folder under the
 * name `pending`, or, for a draft left out, nowhere. An event file comes back parsed, its
 * article sources still to be resolved (events.ts linkEvents).
 */
export type FileOutcome =
  | { file: string; result: ArticleResult; pending?: string }
  | { file: string; event: ParsedEvent; pending?: undefined }
  | { file: string; error: string; pending?: undefined };

/** What the main thread sends a worker: the `index`-th file of the run, an article or an event. */
export interface Job {
  index: number;
  file: string;
  kind: "article" | "event";
  /** An article's first commit in git, epoch ms: its date if it gives no usable one. */
  firstCommit?: number;
}

/** The first message a thread gets: what it renders every body with. */
export interface RenderSetup {
  render: RenderOptions;
}

// Worker threads do not inherit the TypeScript loader of the main thread (Node 20): each one
// registers tsx itself before it imports the worker module.
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(new URL("./worker.ts", import.meta.url).href)}); });`;

/**
 * Each ingest thread's young generation. At 10,000 articles, four runs alternated: 96 MB took
 * 51–62 s of user time and 37.1–42.8 s wall; V8's default 61–72 s and 42.6–49.2 s; 48 MB as
 * the default, 192 MB no better than 96.
 */
export const INGEST_YOUNG_GENERATION_MB = 96;

/** Below this many files the threads' start-up (registries, OpenCC) costs more than it saves. */
export const POOL_MIN_FILES = 200;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
}

/**
 * Worker threads for one run's articles, then its events. The threads start at construction:
 * their start-up (2.5 s at 10,000 articles: modules, registries, OpenCC) overlaps what the
 * main thread does before it asks for the outcomes.
 */
export class IngestPool {
  private readonly workers: Worker[];
  private readonly jobs: Job[];
  private readonly firstCommits: Promise<ReadonlyMap<string, number>> | undefined;
  private readonly render: Promise<RenderOptions> | undefined;

  constructor(articleFiles: readonly string[], eventFiles: readonly string[], opts: PoolOptions) {
    this.jobs = [
      ...articleFiles.map((file, index): Job => ({ index, file, kind: "article" })),
      ...eventFiles.map((file, i): Job => ({ index: articleFiles.length + i, file, kind: "event" })),
    ];
    this.firstCommits = opts.firstCommits;
    this.render = opts.render;
    const wanted = Math.min(opts.workers ?? defaultWorkers(), this.jobs.length);
    const n = opts.ownThread ? Math.max(0, wanted - 1) : Math.max(1, wanted);
    this.workers = Array.from(
      { length: n },
      () =>
        new Worker(BOOTSTRAP, {
          eval: true,
          // A larger young generation: an article's tokens and strings die young, and in V8's
          // default many were promoted to the old generation first.
          resourceLimits: { maxYoungGenerationSizeMb: INGEST_YOUNG_GENERATION_MB },
          workerData: { contentDir: opts.contentDir, fallbackDir: opts.fallbackDir, now: opts.now.toISOString(), spillDir: opts.spillDir, includeDrafts: opts.includeDrafts },
        }),
    );
  }

  /**
   * Yields one outcome per file, articles then events, each in the order given. Once. With
   * `own` (and the ownThread option), this thread ingests a file whenever it has none.
   */
  async *outcomes(own?: (job: Job) => Promise<FileOutcome>): AsyncGenerator<FileOutcome> {
    const { workers, jobs } = this;
    // The git history was read while the threads started; each article's job carries its date.
    const firstCommits = await this.firstCommits;
    const render = await this.render;
    // Before any file: a thread handles its messages in order.
    if (render) for (const w of workers) w.postMessage({ render } satisfies RenderSetup);
    if (firstCommits?.size) {
      for (const job of jobs) {
        const when = job.kind === "article" ? firstCommits.get(job.file) : undefined;
        if (when !== undefined) job.firstCommit = when;
      }
    }
    const done = new Map<number, FileOutcome>();
    const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
    let wake: (() => void) | undefined;
    let failure: Error | undefined;
    let next = 0;
    let yielded = 0;
    // Two files in flight per worker keeps each busy; the window bounds what waits for its turn
    // behind a slow file, so memory stays flat.
    const window = workers.length * 8;
    let ownBusy = false;
    const pump = () => {
      for (const w of workers) {
        while (inFlight.get(w)! < 2 && next < jobs.length && next - yielded < window) {
          w.postMessage(jobs[next]);
          inFlight.set(w, inFlight.get(w)! + 1);
          next++;
        }
      }
      if (own && !ownBusy && next < jobs.length && next - yielded < window) {
        const job = jobs[next++]!;
        ownBusy = true;
        // On the next turn, not now: the threads' answers are taken between two files of ours.
        setImmediate(() => {
          own(job).then(
            (outcome) => {
              done.set(job.index, outcome);
              ownBusy = false;
              pump();
              wake?.();
            },
            (e: Error) => {
              failure = e;
              wake?.();
            },
          );
        });
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
      while (yielded < jobs.length) {
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
      await this.terminate();
    }
  }

  /** Stops the threads; the run calls it whether or not it asked for the outcomes. */
  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
