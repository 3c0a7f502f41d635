// Writes the synthetic corpus to disk and says what was written.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { CorpusFile } from "./plan.ts";
import { median, quantile } from "./sizes.ts";

export interface CorpusStats {
  articles: number;
  events: number;
  bytes: number;
  /** Sizes of the article files, UTF-8 bytes. */
  articleBytes: { median: number; p90: number; p99: number; max: number; total: number };
}

export function corpusStats(files: Iterable<CorpusFile> | Array<{ path: string; bytes: number }>): CorpusStats {
  const sizes: number[] = [];
  let events = 0;
  let bytes = 0;
  for (const f of files as Iterable<CorpusFile | { path: string; bytes: number }>) {
    const b = "bytes" in f ? f.bytes : Buffer.byteLength(f.text);
    bytes += b;
    if (f.path.startsWith("events/")) events++;
    // Notes only: a corpus's site.yaml is a setting, not an article.
    else if (/\.(md|markdown)$/i.test(f.path)) sizes.push(b);
  }
  return {
    articles: sizes.length,
    events,
    bytes,
    articleBytes: {
      median: median(sizes),
      p90: quantile(sizes, 0.9),
      p99: quantile(sizes, 0.99),
      max: sizes.length ? Math.max(...sizes) : 0,
      total: sizes.reduce((s, x) => s + x, 0),
    },
  };
}

/** Writes every file under `dir` (which must not hold an older corpus: it is emptied first). */
export async function writeCorpus(dir: string, files: Iterable<CorpusFile>): Promise<CorpusStats> {
  await fs.rm(dir, { recursive: true, force: true });
  const made = new Set<string>();
  const written: Array<{ path: string; bytes: number }> = [];
  for (const f of files) {
    const full = path.join(dir, f.path);
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      await fs.mkdir(parent, { recursive: true });
      made.add(parent);
    }
    await fs.writeFile(full, f.text);
    written.push({ path: f.path, bytes: Buffer.byteLength(f.text) });
  }
  return corpusStats(written);
}
