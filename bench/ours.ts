// Our production build on the corpus, exactly as users run it: `node --import tsx
// scripts/build.ts` in a child process, every draft included, the dataset and the site in the
// benchmark's folder. Stage times come from the lines the build prints; stage memory from the
// samples taken while each stage ran.
import path from "node:path";
import { promises as fs } from "node:fs";
import { dirSize, dirSizes, flushWrites, peakIn, runMeasured, type OutputLine } from "./measure.ts";
import type { BuildFigures } from "./figures.ts";

export interface OurBuildOutput {
  ingest: { articles: number; events: number; warnings: number; errors: number; seconds: number };
  render: { files: number; seconds: number };
  index: { pages: number; seconds: number };
  /** In-process seconds from the start of ingest to the end of indexing. */
  total: number;
  /** When the ingest summary and the final line reached us, ms after the start. */
  ingestDoneAt: number;
  finishedAt: number;
  renderSlices: number;
  /** Which search index the build wrote (src/search/manifest.ts). */
  indexEngine: string;
  /** The index was built beside the render (a corpus of one render slice), not after it. */
  indexBesideRender: boolean;
}

const INGEST_LINE = /^ingest: (\d+) articles?, (\d+) events?, .*?(\d+) warnings?, (\d+) errors?, ([\d.]+) s$/;
const FINAL_LINE = /^render: (\d+) files in ([\d.]+) s; search index: (\d+) pages in ([\d.]+) s; total ([\d.]+) s/;

/** Pure: the stage figures in what scripts/build.ts printed; undefined when a line is missing. */
export function parseOurBuildOutput(lines: readonly OutputLine[]): OurBuildOutput | undefined {
  let ingest: OurBuildOutput["ingest"] | undefined;
  let ingestDoneAt = 0;
  for (const l of lines) {
    const m = INGEST_LINE.exec(l.text.trim());
    if (m) {
      ingest = { articles: Number(m[1]), events: Number(m[2]), warnings: Number(m[3]), errors: Number(m[4]), seconds: Number(m[5]) };
      ingestDoneAt = l.t;
    }
    const f = FINAL_LINE.exec(l.text.trim());
    if (f && ingest) {
      return {
        ingest,
        render: { files: Number(f[1]), seconds: Number(f[2]) },
        index: { pages: Number(f[3]), seconds: Number(f[4]) },
        total: Number(f[5]),
        ingestDoneAt,
        finishedAt: l.t,
        renderSlices: Number(/render: (\d+) slices?/.exec(l.text)?.[1] ?? 1),
        indexEngine: /; index: (\w+)/.exec(l.text)?.[1] ?? "",
        indexBesideRender: /built beside the render/.test(l.text),
      };
    }
  }
  return undefined;
}

export interface OurBuildOptions {
  /** The repository: where scripts/build.ts and node_modules are. */
  root: string;
  contentDir: string;
  /** Receives data/ and site/; emptied first. */
  workDir: string;
  /** Write V8 CPU profiles (--cpu-prof) here. */
  cpuProfDir?: string;
  /**
   * A real folder of notes (--corpus): ingest errors are notes left out, not a broken benchmark;
   * the build's exit 1 for them is a result.
   */
  allowErrors?: boolean;
}

export async function measureOurBuild(opts: OurBuildOptions): Promise<BuildFigures & { output: OurBuildOutput; siteDir: string }> {
  await fs.rm(opts.workDir, { recursive: true, force: true });
  await fs.mkdir(opts.workDir, { recursive: true });
  const siteDir = path.join(opts.workDir, "site");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KB_CONTENT_DIR: opts.contentDir,
    KB_INCLUDE_DRAFTS: "1",
    KB_DATA_DIR: path.join(opts.workDir, "data"),
    KB_OUTPUT_DIR: siteDir,
    // Its output is a pipe: no progress line, whatever the benchmark's own terminal.
    KB_PROGRESS: "0",
  };
  delete env.KB_PATH_PREFIX;
  if (opts.cpuProfDir) env.KB_CPU_PROF_DIR = opts.cpuProfDir;
  else delete env.KB_CPU_PROF_DIR;
  const prof = opts.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  flushWrites();
  const run = await runMeasured(process.execPath, [...prof, "--import", "tsx", path.join(opts.root, "scripts/build.ts")], { cwd: opts.root, env });
  const output = parseOurBuildOutput(run.lines);
  if ((run.code !== 0 && !(opts.allowErrors && run.code === 1)) || !output) {
    const tail = run.lines.slice(-30).map((l) => l.text).join("\n");
    throw new Error(`our build failed (exit ${run.code ?? run.signal}):\n${tail}`);
  }
  if (output.ingest.errors > 0 && !opts.allowErrors) throw new Error(`the corpus does not ingest cleanly: ${output.ingest.errors} error(s)`);
  // A small corpus renders and indexes side by side (the index in a process of its own), and
  // each window's peak then includes the other's memory; a large one indexes after the render.
  const sideBySide = output.indexBesideRender ? Math.min(output.render.seconds, output.index.seconds) : 0;
  const indexStart = output.finishedAt - output.index.seconds * 1000;
  const renderEnd = output.ingestDoneAt + output.render.seconds * 1000;
  const site = await dirSize(siteDir);
  // The search index: Pagefind's bundle or our postings index, and the files beside it.
  const pagefind = await dirSizes(siteDir, (name) => name === "pagefind" || name === "search");
  const ingestSeconds = Math.max(0, output.total - output.render.seconds - output.index.seconds + sideBySide);
  return {
    who: "ours",
    stages: [
      // Start-up (loading tsx, Eleventy and our modules) is in the ingest window's memory, not its time.
      { name: "ingest", seconds: ingestSeconds, peakRss: peakIn(run.samples, 0, output.ingestDoneAt) },
      { name: "render", seconds: output.render.seconds, peakRss: peakIn(run.samples, output.ingestDoneAt, renderEnd) },
      { name: "index", seconds: output.index.seconds, peakRss: peakIn(run.samples, indexStart, Infinity) },
    ],
    wallSeconds: run.wallMs / 1000,
    peakRss: run.peakRss,
    ...(sideBySide > 0 ? { overlapSeconds: sideBySide } : {}),
    site,
    pagefind,
    pagesPerSecond: output.render.seconds > 0 ? site.htmlFiles / output.render.seconds : 0,
    facts: {
      articles: output.ingest.articles,
      events: output.ingest.events,
      warnings: output.ingest.warnings,
      errors: output.ingest.errors,
      renderedFiles: output.render.files,
      indexedPages: output.index.pages,
      startupAndExitSeconds: run.wallMs / 1000 - output.total,
      renderSlices: output.renderSlices,
      postingsIndex: output.indexEngine === "postings" ? 1 : 0,
      // What a person reads at the end of a build: every line it printed.
      reportLines: run.lines.length,
    },
    output,
    siteDir,
  };
}
