// Articles ingested on every core: each worker thread (ingest-thread.ts) loads the registries
// once and turns files into ArticleResults (src/ingest/job.ts); the results come back in file
// order, so slugs, warnings and the dataset are the same as from one thread.
import type { Worker } from "node:worker_threads";
import type { FileOutcome, FilePool, Job, NoteSetup, PoolSetup, StartPool } from "../ingest/job.ts";
import { defaultThreads, startThread } from "./threads.ts";

export interface PoolOptions extends PoolSetup {
  /** Worker threads; default: one per core. */
  workers?: number;
}

/** The first message a thread gets: what it reads every note with. */
export interface SetupMessage {
  setup: NoteSetup;
}

/** What a thread is started with (ingest-thread.ts). */
export interface ThreadSetup {
  contentDir: string;
  fallbackDir: string;
  /** ISO: a Date does not cross to a thread as one. */
  now: string;
  spillDir?: string | undefined;
  includeDrafts?: boolean | undefined;
}

/**
 * Each ingest thread's young generation. At 10,000 articles, four runs alternated: 96 MB took
 * 51–62 s of user time and 37.1–42.8 s wall; V8's default 61–72 s and 42.6–49.2 s; 48 MB as
 * the default, 192 MB no better than 96.
 */
export const INGEST_YOUNG_GENERATION_MB = 96;

/** Files sent to a worker ahead of its answers (outcomes' pump). */
const IN_FLIGHT = 6;

/** Below this many files the threads' start-up (registries, OpenCC) costs more than it saves. */
export const POOL_MIN_FILES = 200;

/**
 * Worker threads for one run's articles. The threads start at construction:
 * their start-up (2.5 s at 10,000 articles: modules, registries, OpenCC) overlaps what the
 * main thread does before it asks for the outcomes.
 */
export class IngestPool implements FilePool {
  private readonly workers: Worker[];
  private readonly jobs: Job[];
  private readonly firstCommits: Promise<ReadonlyMap<string, number>> | undefined;
  private readonly setup: Promise<NoteSetup> | undefined;

  constructor(articleFiles: readonly string[], opts: PoolOptions) {
    this.jobs = articleFiles.map((file, index): Job => ({ index, file }));
    this.firstCommits = opts.firstCommits;
    this.setup = opts.setup;
    const wanted = Math.min(opts.workers ?? defaultThreads(), this.jobs.length);
    const n = opts.ownThread ? Math.max(0, wanted - 1) : Math.max(1, wanted);
    const workerData: ThreadSetup = { contentDir: opts.contentDir, fallbackDir: opts.fallbackDir, now: opts.now.toISOString(), spillDir: opts.spillDir, includeDrafts: opts.includeDrafts };
    this.workers = Array.from({ length: n }, () =>
      startThread(new URL("./ingest-thread.ts", import.meta.url), {
        workerData,
        // A larger young generation: an article's tokens and strings die young, and in V8's
        // default many were promoted to the old generation first.
        resourceLimits: { maxYoungGenerationSizeMb: INGEST_YOUNG_GENERATION_MB },
      }),
    );
  }

  /**
   * Yields one outcome per file, in the order given. Once. With
   * `own` (and the ownThread option), this thread ingests a file whenever it has none.
   */
  async *outcomes(own?: (job: Job) => Promise<FileOutcome>): AsyncGenerator<FileOutcome> {
    const { workers, jobs } = this;
    // The git history was read while the threads started; each article's job carries its date.
    const firstCommits = await this.firstCommits;
    const setup = await this.setup;
    // Before any file: a thread handles its messages in order.
    if (setup) for (const w of workers) w.postMessage({ setup } satisfies SetupMessage);
    if (firstCommits?.size) {
      for (const job of jobs) {
        const when = firstCommits.get(job.file);
        if (when !== undefined) job.firstCommit = when;
      }
    }
    const done = new Map<number, FileOutcome>();
    const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
    let wake: (() => void) | undefined;
    let failure: Error | undefined;
    let next = 0;
    let yielded = 0;
    // This thread answers a worker only between two files of its own (one of them may take a
    // second), so each worker holds several files: with two it sat idle a fifth of the run.
    // The window bounds what waits behind a slow file; outcomes come without their bodies
    // (written by the threads), so it costs little memory.
    const window = (workers.length + 1) * IN_FLIGHT * 4;
    let ownBusy = false;
    const pump = () => {
      for (const w of workers) {
        while (inFlight.get(w)! < IN_FLIGHT && next < jobs.length && next - yielded < window) {
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

/** The build's threads for an ingest run (IngestOptions.pool): `workers` of them, or one per core. */
export function ingestPool(workers?: number): StartPool {
  return (articleFiles, setup) => (articleFiles.length >= POOL_MIN_FILES ? new IngestPool(articleFiles, { ...setup, ...(workers ? { workers } : {}) }) : undefined);
}
