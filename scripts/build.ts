// npm run build — the production site in _site/: ingest, render, index.
import { loadConfig } from "../src/config.ts";
import { runIngest, renderSite, indexSite } from "../src/build.ts";
import { reportLines } from "../src/ingest/report.ts";

const cfg = loadConfig();
const t0 = performance.now();
const result = await runIngest(cfg);
for (const line of reportLines(result.log.sorted(), result.summary)) console.log(line);
const t1 = performance.now();
const site = await renderSite(cfg);
const t2 = performance.now();
const search = await indexSite(cfg);
const t3 = performance.now();
const s = (ms: number) => (ms / 1000).toFixed(2);
console.log(`render: ${site.pages} files in ${s(t2 - t1)} s; search index: ${search.pages} pages in ${s(t3 - t2)} s; total ${s(t3 - t0)} s → ${cfg.outputDir}`);
if (result.summary.errors > 0) {
  console.log(`build finished with ${result.summary.errors} error(s): the articles above were left out.`);
  process.exitCode = 1;
}
