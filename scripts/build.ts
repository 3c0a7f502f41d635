// npm run build — the production site in _site/: ingest, render, search index, each in
// processes of their own. Flags: --strict (KB_STRICT=1: warnings fail the build too),
// --verbose (KB_VERBOSE=1: every ingest problem one a line, not grouped by kind).
import { promises as fs } from "node:fs";
import { loadConfig, type KbConfig } from "../src/config.ts";
import { ingestInChild, indexSiteInChild, siteSizeReport } from "../src/build.ts";
import { renderSite } from "../src/build/render.ts";
import { renderPlan } from "../src/build/slices.ts";
import { exitOnStageOutOfMemory } from "../src/build/processes.ts";

const flags: Partial<KbConfig> = {};
if (process.argv.includes("--strict")) flags.strict = true;
if (process.argv.includes("--verbose")) flags.verbose = true;
// The ingest child gets both through the environment (configEnv).
const cfg = loadConfig(process.env, flags);
// A stage that runs out of memory ends the build with one line naming it and the setting to raise.
exitOnStageOutOfMemory();
const t0 = performance.now();
// Each stage in a process of its own: its memory ends with it.
const summary = await ingestInChild(cfg);
const t1 = performance.now();
await fs.rm(cfg.outputDir, { recursive: true, force: true });
// A corpus that renders in one slice renders beside the index, on the other core. A larger one
// renders first and indexes after: side by side, an Eleventy slice and a Pagefind shard would
// together pass the 2 GB this build is held to (docs/performance.md). The index starts when
// the render is down to its last slice, on the core that slice leaves free: the index's first
// seconds (threads starting, records prepared) take little memory. With one render job
// (KB_RENDER_JOBS=1) the index takes the other core from the start: on two cores, 1,000 real
// notes build in ×0.9 the time at ×1.1 the peak memory, 9,180 in ×1.14 the time.
const sideBySide = (await renderPlan(cfg)).count === 1 || cfg.renderJobs === 1;
const index = () => {
  const started = indexSiteInChild(cfg).then((figures) => ({ figures, done: performance.now() }));
  // Without an early handler a failed index would be an unhandled rejection while rendering.
  started.catch(() => undefined);
  return started;
};
let indexing = sideBySide ? index() : undefined;
const site = await renderSite(cfg, { clean: false, onCoreFree: () => (indexing ??= index()) });
const t2 = performance.now();
const search = await (indexing ?? index());
const t3 = performance.now();
const s = (ms: number) => (ms / 1000).toFixed(2);
console.log(
  `render: ${site.pages} files in ${s(t2 - t1)} s; search index: ${search.figures.pages} pages in ${s(search.done - (sideBySide ? t1 : t2))} s; total ${s(t3 - t0)} s → ${cfg.outputDir}` +
    ` (render: ${site.slices} slice${site.slices === 1 ? "" : "s"}; index: ${search.figures.engine}${search.figures.chunks ? ` in ${search.figures.chunks} chunks` : ""}, ${sideBySide ? "built beside the render" : "started on the core the render's last slice left free, timed from the render's end"})`,
);
for (const line of await siteSizeReport(cfg)) console.log(line);
// Everything that could be published was; the exit code says whether all of it could.
if (summary.errors > 0) {
  console.log(`build finished with ${summary.errors} error(s): the articles above were left out.`);
  process.exitCode = 1;
}
if (cfg.strict && summary.warnings > 0) {
  console.log(`build finished with ${summary.warnings} warning(s), and --strict (KB_STRICT=1) makes warnings fail it.`);
  process.exitCode = 1;
}
