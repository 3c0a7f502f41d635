// npm run build — the production site in _site/: ingest, then render and the search index side
// by side (the index in a process of its own).
import { promises as fs } from "node:fs";
import { loadConfig } from "../src/config.ts";
import { runIngest, renderSite, indexSiteInChild } from "../src/build.ts";
import { reportLines } from "../src/ingest/report.ts";

const cfg = loadConfig();
const t0 = performance.now();
// In a function, so that nothing of the ingest run stays reachable while the site renders.
const summary = await (async () => {
  const result = await runIngest(cfg);
  for (const line of reportLines(result.log.sorted(), result.summary)) console.log(line);
  return result.summary;
})();
const t1 = performance.now();
await fs.rm(cfg.outputDir, { recursive: true, force: true });
const indexing = indexSiteInChild(cfg).then((figures) => ({ figures, done: performance.now() }));
// Without an early handler a failed index would be an unhandled rejection while rendering.
indexing.catch(() => undefined);
const site = await renderSite(cfg, { clean: false });
const t2 = performance.now();
const search = await indexing;
const t3 = performance.now();
const s = (ms: number) => (ms / 1000).toFixed(2);
console.log(
  `render: ${site.pages} files in ${s(t2 - t1)} s; search index: ${search.figures.pages} pages in ${s(search.done - t1)} s; total ${s(t3 - t0)} s → ${cfg.outputDir}` +
    ` (render: ${site.slices} slice${site.slices === 1 ? "" : "s"}; index: ${search.figures.shards} shard${search.figures.shards === 1 ? "" : "s"}, built beside the render)`,
);
if (summary.errors > 0) {
  console.log(`build finished with ${summary.errors} error(s): the articles above were left out.`);
  process.exitCode = 1;
}
