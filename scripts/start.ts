// npm start — ingest (drafts included), build, index, then serve with live reload. A saved
// file under the content folder re-runs ingest; Eleventy sees the new dataset and reloads the
// browser. An ingest error is printed here and never stops the server.
import { watch } from "node:fs";
import { loadConfig } from "../src/config.ts";
import { runIngest, indexSite, createEleventy } from "../src/build.ts";
import { bundleClientScripts } from "../src/site/bundle.ts";
import { reportLines } from "../src/ingest/report.ts";

const cfg = loadConfig(process.env, { includeDrafts: true });
// Shows ingest problems on the pages (src/site/plugin.ts); never set by a production build.
process.env.KB_DEV = "1";
const incremental = { cache: new Map(), written: new Map() } as Parameters<typeof runIngest>[1] & object;
const port = Number(process.env.PORT ?? 8080);

async function ingestAndReport(): Promise<void> {
  try {
    const started = performance.now();
    const result = await runIngest(cfg, incremental);
    if (process.env.KB_TIMING) console.log(`ingest+write ${(performance.now() - started).toFixed(0)} ms`);
    for (const line of reportLines(result.log.sorted(), result.summary)) console.log(line);
  } catch (e) {
    console.error(`ingest failed: ${(e as Error).stack ?? e}`);
  }
}

await ingestAndReport();
const eleventy = createEleventy(cfg, "serve");
await eleventy.write();
await bundleClientScripts(cfg.outputDir);
const indexed = await indexSite(cfg);
console.log(`search index: ${indexed.pages} pages (rebuilt when you restart; edits show on pages at once)`);
await eleventy.watch();
eleventy.serve(port);

let timer: NodeJS.Timeout | undefined;
let running = Promise.resolve();
watch(cfg.contentDir, { recursive: true }, (_event, file) => {
  if (!file || /(^|\/)\./.test(String(file))) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    running = running.then(async () => {
      console.log(`changed: ${file}`);
      await ingestAndReport();
    });
  }, 100);
});
console.log(`watching ${cfg.contentDir} for changes`);
