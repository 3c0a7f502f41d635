// The benchmark from start to end: generate the corpus, build it with our pipeline and with
// the baseline (interleaved when repeated, so that a noisy moment of the machine does not
// fall on one side only), then optionally a profiled build and the search measurements.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadMaterial } from "./material.ts";
import { generateCorpus } from "./corpus.ts";
import type { CorpusOptions } from "./plan.ts";
import { corpusStats, writeCorpus, type CorpusStats } from "./write.ts";
import { listArticleFiles, listEventFiles } from "../src/ingest/ingest.ts";
import { measureOurBuild } from "./ours.ts";
import { compareRecall, type RecallRow } from "./recall.ts";
import { measureBaseline } from "./baseline.ts";
import { measureSearch, DEFAULT_QUERIES, type SearchDeps, type SearchFigures } from "./search.ts";
import { firstStarted, profilesByStage, readProfiles, summarizeCpuProfiles, type ProfileSummary } from "./profile.ts";
import type { BuildFigures } from "./figures.ts";
import { measureEdit, type EditFigures } from "./edit.ts";
import type { SizeProfileName } from "./sizes.ts";

export interface BenchOptions {
  /** The repository: scripts/build.ts, node_modules, and content/ with the seeds and registries. */
  root: string;
  /** A folder of notes to bench as it is (--corpus), instead of a synthetic corpus; never written to. */
  corpus?: string;
  articles: number;
  /** Default: a fifth of the articles. */
  events?: number;
  size: SizeProfileName;
  seed: string;
  /** Where the corpus and the builds go; kept. Default: a temporary folder. */
  out?: string;
  /** Keep the temporary folder. */
  keep: boolean;
  skipBaseline: boolean;
  repeat: number;
  search: boolean;
  queries?: string[];
  /** One more build of ours, under --cpu-prof, summarised per stage. */
  profile: boolean;
  /** Time saved edits under `npm start` on the corpus (needs a browser). */
  edit?: boolean;
}

export interface BenchResult {
  dir: string;
  kept: boolean;
  corpus: CorpusStats;
  generateSeconds: number;
  ours: BuildFigures[];
  baseline: BuildFigures[];
  search?: SearchFigures;
  /** With --corpus: which notes a search finds, ours against stock Pagefind on the same notes. */
  recall?: RecallRow[];
  edit?: EditFigures;
  /** Measurements that failed, with why. */
  failures: string[];
  profile?: { file: string; stages: Array<{ name: string; summary: ProfileSummary }> };
}

export function corpusOptions(o: Pick<BenchOptions, "articles" | "events" | "size" | "seed">): CorpusOptions {
  return { articles: o.articles, events: o.events ?? Math.round(o.articles / 5), size: o.size, seed: o.seed };
}

/** What a folder of notes holds, as our build reads it: its articles and its events, by size. */
export async function folderStats(dir: string): Promise<CorpusStats> {
  const root = path.resolve(dir);
  const sized = async (rel: string, as: string) => ({ path: as, bytes: (await fs.stat(path.join(root, rel))).size });
  const files: Array<{ path: string; bytes: number }> = [];
  for (const rel of await listArticleFiles(root)) files.push(await sized(rel, rel));
  for (const rel of await listEventFiles(root)) files.push(await sized(rel, `events/${rel}`));
  if (files.length === 0) throw new Error(`${dir} has no Markdown notes`);
  return corpusStats(files);
}

export async function runBench(opts: BenchOptions, deps: { log(line: string): void; search?: SearchDeps }): Promise<BenchResult> {
  const dir = opts.out ? path.resolve(opts.out) : await fs.mkdtemp(path.join(os.tmpdir(), "kb-bench-"));
  await fs.mkdir(dir, { recursive: true });
  const corpusDir = path.join(dir, "corpus");
  const kept = Boolean(opts.out) || opts.keep;
  try {
    const t0 = performance.now();
    const corpus = opts.corpus ? await folderStats(opts.corpus) : await writeCorpus(corpusDir, generateCorpus(corpusOptions(opts), await loadMaterial(path.join(opts.root, "content"))));
    const generateSeconds = (performance.now() - t0) / 1000;
    const notesDir = opts.corpus ? path.resolve(opts.corpus) : corpusDir;

    const ours: BuildFigures[] = [];
    const baseline: BuildFigures[] = [];
    let lastSite = "";
    let lastBaselineSite: string | undefined;
    for (let i = 0; i < opts.repeat; i++) {
      const order = opts.skipBaseline ? ["ours"] : i % 2 === 0 ? ["baseline", "ours"] : ["ours", "baseline"];
      for (const who of order) {
        if (who === "ours") {
          const f = await measureOurBuild({ root: opts.root, contentDir: notesDir, workDir: path.join(dir, "ours"), allowErrors: Boolean(opts.corpus) });
          lastSite = f.siteDir;
          ours.push(f);
          deps.log(`run ${i + 1}/${opts.repeat} ours: wall ${f.wallSeconds.toFixed(2)} s`);
        } else {
          const f = await measureBaseline({ root: opts.root, corpusDir: notesDir, workDir: path.join(dir, "baseline") });
          baseline.push(f);
          if (!f.failed) lastBaselineSite = f.siteDir;
          deps.log(`run ${i + 1}/${opts.repeat} baseline: wall ${f.wallSeconds.toFixed(2)} s`);
        }
      }
    }

    const result: BenchResult = { dir, kept, corpus, generateSeconds, ours, baseline, failures: [] };
    // A folder of real notes: does our index find every note stock Pagefind finds?
    if (opts.corpus && lastBaselineSite && lastSite) {
      try {
        result.recall = await compareRecall({ notesDir, ourSite: lastSite, ourData: path.join(path.dirname(lastSite), "data"), stockSite: lastBaselineSite, ...(opts.queries ? { queries: opts.queries } : {}) });
      } catch (e) {
        result.failures.push(`search comparison: ${(e as Error).message.split("\n")[0]}`);
      }
    }
    if (opts.search) {
      if (!deps.search) throw new Error("--search needs a browser and a server");
      // A failed measurement is a result too: the build figures above are not thrown away.
      try {
        result.search = await measureSearch(lastSite, deps.search, opts.queries ?? DEFAULT_QUERIES);
      } catch (e) {
        result.failures.push(`search: ${(e as Error).message.split("\n")[0]}`);
      }
    }
    if (opts.edit) {
      if (!deps.search) throw new Error("--edit needs a browser");
      try {
        result.edit = await measureEdit({ root: opts.root, corpusDir: notesDir, workDir: path.join(dir, "edit"), launchBrowser: deps.search.launchBrowser });
        deps.log(`edits: ${result.edit.editsMs.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}`);
      } catch (e) {
        result.failures.push(`edit: ${(e as Error).message.split("\n")[0]}`);
      }
    }
    if (opts.profile) {
      const profDir = path.join(dir, "profiles");
      await fs.rm(profDir, { recursive: true, force: true });
      const f = await measureOurBuild({ root: opts.root, contentDir: notesDir, workDir: path.join(dir, "ours-profiled"), cpuProfDir: profDir, allowErrors: Boolean(opts.corpus) });
      const profiles = await readProfiles(profDir);
      if (profiles.length) {
        const main = firstStarted(profiles);
        // Stage boundaries from when the build's lines arrived (ms after spawn), moved to the
        // profile's clock: the profile ends as the process exits, so it began `shift` ms in.
        const shift = f.wallSeconds * 1000 - (main.profile.endTime - main.profile.startTime) / 1000;
        const ingestStart = Math.max(0, f.output.finishedAt - f.output.total * 1000 - shift);
        const renderStart = f.output.ingestDoneAt - shift;
        const indexStart = f.output.finishedAt - f.output.index.seconds * 1000 - shift;
        const stages = profilesByStage(profiles, [
          { name: "start-up (loading modules)", from: 0, to: ingestStart },
          { name: "ingest", from: ingestStart, to: renderStart },
          { name: "render", from: renderStart, to: indexStart },
          { name: "index", from: indexStart, to: Infinity },
        ]);
        result.profile = {
          file: profDir,
          stages: stages.map((s) => ({ name: `${s.name} (${s.files} thread profile${s.files === 1 ? "" : "s"})`, summary: summarizeCpuProfiles(s.parts, 12) })),
        };
      }
    }
    return result;
  } finally {
    if (!kept) await fs.rm(dir, { recursive: true, force: true });
  }
}
