// The search index on every core: threads for a corpus this large, each making a share of the
// postings index (src/search/index-share.ts makeShare, in index-thread.ts), this thread making
// the first share itself; then each merging one range of terms of every share's runs into
// chunks (src/search/index-build.ts mergeRange), numbered here.
import { promises as fs } from "node:fs";
import v8 from "node:v8";
import type { Worker } from "node:worker_threads";
import type { KbConfig } from "../config.ts";
import { readSummary } from "../model/dataset.ts";
import { DEFAULT_PAGEFIND_MAX_WORDS } from "../search/manifest.ts";
import { buildSearchIndex, mergeRange, numberChunks, type IndexFigures, type PostingsMade } from "../search/index-build.ts";
import type { ShareAnswer } from "../search/index-share.ts";
import { rangeCuts, rangesOf, runsDir, type Run, type TermRange } from "../search/postings-write.ts";
import { defaultThreads, startThread } from "./threads.ts";

/** What an index thread is started with (index-thread.ts). */
export interface IndexThreadSetup {
  cfg: KbConfig;
  share: number;
  of: number;
}

/** What a thread is asked to merge once every share is made (null: nothing, end). */
export interface MergeRequest {
  runs: Run[];
  range: TermRange;
  part: number;
}

/** The search index of cfg's dataset, on as many threads as its size is worth. */
export function indexWithThreads(cfg: KbConfig): Promise<IndexFigures> {
  return buildSearchIndex(cfg, async () => {
    const threads = await threadsBySummary(cfg);
    return threads > 1 ? postingsInThreads(cfg, threads) : undefined;
  });
}

/**
 * Threads for a corpus this large, from the dataset's summary (written beside it, read before
 * any record is made; below about 500 records a thread's start-up costs more than it saves).
 * Without a summary (a data folder from before it existed), one.
 */
async function threadsBySummary(cfg: KbConfig): Promise<number> {
  let summary: Awaited<ReturnType<typeof readSummary>>;
  try {
    summary = await readSummary(cfg.dataDir);
  } catch {
    return 1;
  }
  const records = summary.articles + summary.events;
  // A corpus Pagefind will index is indexed by this thread alone: threads would each prepare
  // every record only to find that out, and this thread prepare them once more (3,000 notes of
  // a vault: three times, 1.5 s and a thread's memory).
  if (summary.words !== undefined && surelyPagefind(summary.words, records, cfg.pagefindMaxWords)) return 1;
  return cfg.indexThreads ?? Math.min(defaultThreads(), Math.max(1, Math.floor(records / 500)));
}

/**
 * Pure: whether a corpus of `words` article words and `records` articles and events is under
 * Pagefind's limit (manifest.ts) by any estimate of its records (index-share.ts engineFor counts
 * them exactly): each article's words a fifth more for its title, summary and names, and 100
 * words a record besides. Wrong, the index is still right: the exact count decides the engine.
 */
export function surelyPagefind(words: number, records: number, pagefindMaxWords = DEFAULT_PAGEFIND_MAX_WORDS): boolean {
  return words * 1.2 + records * 100 < pagefindMaxWords;
}

/**
 * The postings index of every record, made on every core: each thread prepares the records and
 * makes its run (reading, folding, splitting and finding names is most of the work) and writes
 * their files; then each merges one range of terms of every thread's runs into chunks (merged
 * on this thread alone, the last 2–3 s of 1,000 notes left the other core idle), numbered here
 * in term order. Undefined when the threads found the corpus small enough for Pagefind.
 */
async function postingsInThreads(cfg: KbConfig, threads: number): Promise<PostingsMade | undefined> {
  // Each thread gets the heap this process has (KB_INDEX_HEAP_MB).
  const heapMb = Math.ceil(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
  const workers: Worker[] = [];
  const others = Array.from(
    { length: threads - 1 },
    (_, i) =>
      new Promise<ShareAnswer>((resolve, reject) => {
        const share = i + 1;
        const w = startThread(new URL("./index-thread.ts", import.meta.url), { workerData: { cfg, share, of: threads } satisfies IndexThreadSetup, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
        workers.push(w);
        w.once("message", resolve);
        w.once("error", reject);
        w.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`search index thread ${share + 1} of ${threads} exited with ${code}`))));
      }),
  );
  // This thread makes the first share itself, while the others start: a thread of its own
  // would only add its memory (modules, registries: 150 MB) while this one waits. Loaded now,
  // not above: loaded first (2 s with OpenCC's dictionaries) it kept a core idle.
  const own = import("../search/index-share.ts").then(({ makeShare }) => makeShare(cfg, 0, threads));
  const answers = await Promise.all([own, ...others]).catch((e) => {
    workers.forEach((w) => void w.terminate());
    throw e;
  });
  const parts = answers.filter((a): a is Extract<ShareAnswer, { engine: "postings" }> => a.engine === "postings");
  if (parts.length < answers.length) {
    workers.forEach((w) => w.postMessage(null));
    return undefined;
  }
  const first = parts[0]!;
  const runs = parts.flatMap((p) => p.runs);
  try {
    const ranges = rangesOf(rangeCuts(runs, threads));
    const merged = await Promise.all(ranges.map((range, part) => (part === 0 ? mergeRange(cfg, runs, range, 0) : mergeOn(workers[part - 1]!, { runs, range, part }))));
    workers.slice(ranges.length - 1).forEach((w) => w.postMessage(null));
    const firsts = await numberChunks(cfg, merged);
    return { firsts, postings: parts.reduce((n, p) => n + p.postings, 0), pages: first.pages, map: first.map!, aliases: first.aliases! };
  } catch (e) {
    workers.forEach((w) => void w.terminate());
    throw e;
  } finally {
    await fs.rm(runsDir(cfg.dataDir), { recursive: true, force: true });
  }
}

/** Has a thread merge a range; resolves to its chunks' first terms. */
function mergeOn(w: Worker, req: MergeRequest): Promise<string[]> {
  return new Promise((resolve, reject) => {
    w.once("message", resolve);
    w.once("error", reject);
    w.once("exit", (code) => reject(new Error(`search index thread ${req.part + 1} exited with ${code} before merging its range`)));
    w.postMessage(req satisfies MergeRequest);
  });
}
