// Builds the search index from the dataset (not from the rendered pages): folded, pair-split
// text in one Pagefind index, or in our postings index when the corpus is too large for
// Pagefind (manifest.ts), plus the fold map, the registry's names and the manifest that says
// which index the browser reads.
// This module writes what is made, on this thread, or from the runs the build's threads made
// (src/build/index-threads.ts hands the shares out); index-share.ts makes the records. It loads
// that module only when it makes records itself: loaded first (2 s with OpenCC's dictionaries
// then) it kept a core idle while the threads started.
import { promises as fs } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { KbConfig } from "../config.ts";
import type { SearchRecord } from "./records.ts";
import type { AliasIndex, FoldMap } from "./fold.ts";
import { PAGEFIND_DIR, SEARCH_DATA_DIR, SEARCH_MANIFEST, type SearchManifest } from "./manifest.ts";
import { mergeRuns, runsDir, writeChunks, type Run, type TermRange } from "./postings-write.ts";
import { chunkPath, CHUNK_BYTES, POSTINGS_DIR } from "./postings.ts";

export interface IndexFigures {
  pages: number;
  engine: SearchManifest["engine"];
  /** Postings chunks written (0 with Pagefind). */
  chunks: number;
  foldEntries: number;
  aliasKeys: number;
}

/** A record for Pagefind: its tokens as one string (a tenth of the memory of the array). */
type HeldRecord = Omit<SearchRecord, "folded" | "names"> & { content: string };

/**
 * Written by us, not by Pagefind's writeFiles: its service answers before its last writes
 * reach the disk, and ending the process then left truncated files (an empty
 * pagefind-entry.json in one index of 22 at 10,000 articles).
 */
async function writePagefind(records: HeldRecord[], dir: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
    for (const { url, content, language, meta, filters, sort } of records) {
      const r = await index.addCustomRecord({ url, content, language, meta, filters, sort });
      if (r.errors.length) throw new Error(`pagefind: ${url}: ${r.errors.join("; ")}`);
    }
    const built = await index.getFiles();
    if (built.errors.length) throw new Error(`pagefind: ${built.errors.join("; ")}`);
    for (const file of built.files) {
      const target = path.join(dir, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.content);
    }
  } finally {
    await pagefind.close();
  }
}

/** The postings index made elsewhere (the build's threads): its chunks written, what the site needs besides. */
export interface PostingsMade {
  firsts: string[];
  postings: number;
  pages: number;
  map: FoldMap;
  aliases: AliasIndex;
}

/** Where range `part` of a merge split between threads writes its k-th chunk, before numberChunks. */
const rangeChunkPath = (part: number, k: number) => `${POSTINGS_DIR}c/p${part}-${k}.kbp`;

/** The lists of one range of terms in every run (in record order), merged into chunks of its own; their first terms. */
export async function mergeRange(cfg: Pick<KbConfig, "outputDir">, runs: readonly Run[], range: TermRange, part: number): Promise<string[]> {
  return (await writeChunks(cfg.outputDir, mergeRuns(runs, range), CHUNK_BYTES, (k) => rangeChunkPath(part, k))).firsts;
}

/** The chunks of the ranges (their first terms, ranges in term order) renamed to the index's numbers; every first term, in order. */
export async function numberChunks(cfg: Pick<KbConfig, "outputDir">, ranges: ReadonlyArray<readonly string[]>): Promise<string[]> {
  let n = 0;
  for (const [part, firsts] of ranges.entries()) {
    for (let k = 0; k < firsts.length; k++) await fs.rename(path.join(cfg.outputDir, rangeChunkPath(part, k)), path.join(cfg.outputDir, chunkPath(n++)));
  }
  return ranges.flat();
}

/** The runs (in record order) merged into the chunks, on this thread; their first terms. The run files are removed. */
async function mergeAndWrite(cfg: KbConfig, runs: readonly Run[]): Promise<string[]> {
  try {
    return (await writeChunks(cfg.outputDir, mergeRuns(runs))).firsts;
  } finally {
    await fs.rm(runsDir(cfg.dataDir), { recursive: true, force: true });
  }
}

/**
 * The index of the dataset in cfg.dataDir, written to cfg.outputDir. `inThreads`, when given,
 * makes the postings index on threads of its own once the old index is gone, and answers
 * undefined when it did not (one thread is enough, or the corpus is small enough for Pagefind):
 * then this thread makes the index.
 */
export async function buildSearchIndex(cfg: KbConfig, inThreads?: () => Promise<PostingsMade | undefined>): Promise<IndexFigures> {
  // An index left from an earlier build of another size would be published but read by nobody.
  await fs.rm(path.join(cfg.outputDir, PAGEFIND_DIR), { recursive: true, force: true });
  await fs.rm(path.join(cfg.outputDir, POSTINGS_DIR), { recursive: true, force: true });
  // Runs of an earlier build that stopped half-way would be merged into this one's.
  await fs.rm(runsDir(cfg.dataDir), { recursive: true, force: true });
  await fs.mkdir(runsDir(cfg.dataDir), { recursive: true });

  let manifest: SearchManifest;
  let chunks = 0;
  let map: FoldMap;
  let aliases: AliasIndex;
  // A large corpus goes to the threads at once: this thread preparing the records first, only
  // to share them out, kept a core idle for 4 s at 10,000 articles (docs/performance.md).
  const threaded = await inThreads?.();
  if (threaded) {
    ({ map, aliases } = threaded);
    manifest = { engine: "postings", pages: threaded.pages, firsts: threaded.firsts };
    chunks = threaded.firsts.length;
  } else {
    const { engineFor, prepareRecords, writeRecords } = await import("./index-share.ts");
    const { recordTokens } = await import("./records.ts");
    const prepared = await prepareRecords(cfg);
    const { sources } = prepared;
    ({ map, aliases } = prepared);
    if (engineFor(sources, cfg.pagefindMaxWords) === "postings") {
      // Few records (or no summary to count them by): made on this thread.
      const firsts = await mergeAndWrite(cfg, (await writeRecords(cfg, sources, 0, sources.length, "t00")).runs);
      manifest = { engine: "postings", pages: sources.length, firsts };
      chunks = firsts.length;
    } else {
      const held: HeldRecord[] = sources.map((source) => {
        const { folded, names, ...record } = source.make();
        return { ...record, content: recordTokens({ folded, names }).join(" ") };
      });
      await writePagefind(held, path.join(cfg.outputDir, PAGEFIND_DIR));
      manifest = { engine: "pagefind", pages: held.length };
    }
  }

  const dir = path.join(cfg.outputDir, SEARCH_DATA_DIR);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, SEARCH_MANIFEST), JSON.stringify(manifest));
  await fs.writeFile(path.join(dir, "fold.json"), JSON.stringify(map));
  await fs.writeFile(path.join(dir, "aliases.json"), JSON.stringify(aliases));
  return { pages: manifest.pages, engine: manifest.engine, chunks, foldEntries: Object.keys(map).length, aliasKeys: Object.keys(aliases.keys).length };
}
