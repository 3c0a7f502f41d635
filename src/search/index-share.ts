// The records of the search index, made from the dataset: what each thread of the index build
// (src/build/index-thread.ts) does with its share, and what index-build.ts does itself for a small corpus.
import { readFileSync } from "node:fs";
import type { KbConfig } from "../config.ts";
import { readDataset, textFile } from "../model/dataset.ts";
import { buildAliasIndex, buildFoldMap, hanCharacters, recordSources, type RecordSource } from "./records.ts";
import type { AliasIndex, FoldMap } from "./fold.ts";
import { DEFAULT_PAGEFIND_MAX_WORDS, newestFirst, type SearchManifest } from "./manifest.ts";
import { PostingsWriter, RUN_BUDGET_BYTES, runsDir, type Run } from "./postings-write.ts";
import { loadVocabulary } from "../ingest/vocabulary.ts";
import { DiagnosticLog } from "../model/diagnostics.ts";

/** What every thread of the index build starts from: the records to make, newest first. */
export async function prepareRecords(cfg: KbConfig): Promise<{ sources: RecordSource[]; map: FoldMap; aliases: AliasIndex }> {
  const data = await readDataset(cfg.dataDir);
  // Texts are read from disk as each record is made, never all held.
  const textOf = (slug: string) => readFileSync(textFile(cfg.dataDir, slug), "utf8");
  const map = buildFoldMap(hanCharacters());
  const aliases = buildAliasIndex(data.actors, data.tags, map);
  // The registries were checked by ingest; here they only find names in text.
  const vocab = await loadVocabulary(cfg.contentDir, cfg.shippedContentDir, new DiagnosticLog());
  const sources = newestFirst(recordSources(data, textOf, map, (text) => vocab.findMentions(text, { nested: true })));
  return { sources, map, aliases };
}

/**
 * Adds records `from`..`to` (numbers in date order) to a writer of their own, which spills its
 * lists to run files named after `name` in runsDir past a fixed budget; returns the runs.
 */
export async function writeRecords(cfg: KbConfig, sources: readonly RecordSource[], from: number, to: number, name: string): Promise<{ runs: Run[]; postings: number }> {
  const writer = new PostingsWriter(cfg.outputDir, { firstRecord: from, spill: { dir: runsDir(cfg.dataDir), name, budgetBytes: RUN_BUDGET_BYTES } });
  for (let i = from; i < to; i++) {
    const r = sources[i]!.make();
    await writer.add(r.folded, r.names, r.filters, { url: r.url, meta: r.meta, text: r.text });
  }
  return { runs: await writer.runs(), postings: writer.figures.postings };
}

/** What making a record costs besides its words, in words: for sharing records between threads. */
const RECORD_COST_WORDS = 100;

/** Consecutive runs of records of about equal weight, one per thread. */
export function shareRecords(weights: readonly number[], threads: number): Array<[from: number, to: number]> {
  const total = weights.reduce((a, b) => a + b, 0);
  const runs: Array<[number, number]> = [];
  let from = 0;
  let sum = 0;
  for (let i = 0; i < weights.length && runs.length < threads - 1; i++) {
    sum += weights[i]!;
    if (sum >= (total * (runs.length + 1)) / threads) {
      runs.push([from, i + 1]);
      from = i + 1;
    }
  }
  runs.push([from, weights.length]);
  return runs.filter(([a, b]) => b > a);
}

/** What a thread of the postings build answers: its run's term lists, and from the first thread what the site needs besides. */
export type ShareAnswer =
  | { engine: "pagefind" }
  | { engine: "postings"; pages: number; runs: Run[]; postings: number; map?: FoldMap; aliases?: AliasIndex };

/**
 * One thread's share of the postings build (src/build/index-thread.ts): it prepares the records itself,
 * decides the engine as buildSearchIndex would, and makes run `share` of `of` runs. Every
 * thread computes the same records and runs, so none waits for another to hand them out.
 */
export async function makeShare(cfg: KbConfig, share: number, of: number): Promise<ShareAnswer> {
  const { sources, map, aliases } = await prepareRecords(cfg);
  if (engineFor(sources, cfg.pagefindMaxWords) !== "postings") return { engine: "pagefind" };
  // A record costs about its words, and a little whatever its size (its files, its names).
  const run = shareRecords(sources.map((s) => s.words + RECORD_COST_WORDS), of)[share];
  // Named by share, so that the runs' names sort in record order.
  const made = run ? await writeRecords(cfg, sources, run[0], run[1], `t${String(share).padStart(2, "0")}`) : { runs: [], postings: 0 };
  return { engine: "postings", pages: sources.length, ...made, ...(share === 0 ? { map, aliases } : {}) };
}

/**
 * Which index a corpus gets: from the words its records will index, estimated before any is
 * made, against KB_PAGEFIND_MAX_WORDS (KbConfig.pagefindMaxWords) or its default.
 */
export function engineFor(sources: readonly Pick<RecordSource, "words">[], pagefindMaxWords = DEFAULT_PAGEFIND_MAX_WORDS): SearchManifest["engine"] {
  return sources.reduce((n, s) => n + s.words, 0) > pagefindMaxWords ? "postings" : "pagefind";
}
