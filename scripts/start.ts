// npm start — ingest (drafts included), build, index, then serve with live reload. A saved
// file under the content folder re-runs ingest (only the files that changed); the saved
// article's page is rendered at once and the browser reloads; then Eleventy rebuilds the rest.
// An ingest error is printed here and never stops the server. The search index is built at
// start and not on every save (it is the slowest step): restart to search new text.
import { watch, promises as fs } from "node:fs";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { runIngest, indexSite } from "../src/build.ts";
import { bundleClientScripts } from "../src/site/bundle.ts";
import { REBUILD_STAMP, createEleventy, writeArticlesOnly } from "../src/site/eleventy.ts";
import { DIAGNOSTICS_FILE } from "../src/model/dataset.ts";
import { reportLines, shownPath } from "../src/ingest/report.ts";

// --verbose (KB_VERBOSE=1): every ingest problem one a line in the terminal, not grouped by kind.
// `dev`: ingest problems shown on the pages (src/site/plugin.ts); never set by a production build.
const cfg = loadConfig(process.env, { includeDrafts: true, dev: true, ...(process.argv.includes("--verbose") ? { verbose: true } : {}) });
const incremental = { cache: new Map(), written: new Map() } as Parameters<typeof runIngest>[1] & object;
const port = Number(process.env.PORT ?? 8080);

/** Ingests what changed; returns the articles whose files were read again. */
async function ingestAndReport(): Promise<Array<{ slug: string; url: string }>> {
  try {
    const started = performance.now();
    const before = new Map([...incremental.cache].map(([file, entry]) => [file, entry.result]));
    const result = await runIngest(cfg, incremental);
    if (cfg.timing) console.log(`ingest+write ${(performance.now() - started).toFixed(0)} ms`);
    // Grouped by kind when there are many, as on the pages (src/site/dev-banner.ts).
    const report = reportLines(result.log.sorted(), result.summary, { verbose: cfg.verbose, diagnosticsFile: shownPath(path.join(cfg.dataDir, DIAGNOSTICS_FILE)) });
    console.log(report.join("\n"));
    const changed = new Set([...incremental.cache].filter(([file, entry]) => before.get(file) !== entry.result).map(([file]) => file));
    return result.articles.filter((a) => changed.has(a.article.file)).map(({ article }) => ({ slug: article.slug, url: article.url }));
  } catch (e) {
    console.error(`ingest failed: ${(e as Error).stack ?? e}`);
    return [];
  }
}

/** More saved articles at once (a registry edit re-reads every article) is the full rebuild's job. */
const QUICK_PASS_MAX = 20;

/**
 * After a save: the saved articles' pages first, then the browser reloads, then Eleventy
 * rebuilds everything else behind it (lists, related articles, the timeline). A full rebuild
 * of 1,000 articles takes about 20 s; the quick pass about a second.
 */
async function afterSave(saved: Array<{ slug: string; url: string }>): Promise<void> {
  const started = performance.now();
  if (saved.length > 0 && saved.length <= QUICK_PASS_MAX) {
    try {
      await writeArticlesOnly(cfg, saved);
      await (eleventy as unknown as { eleventyServe: { reload(e: object): Promise<void> } }).eleventyServe.reload({ files: [], build: { templates: [] } });
      console.log(`updated ${saved.map((a) => a.url).join(", ")} in ${(performance.now() - started).toFixed(0)} ms; rebuilding the rest`);
    } catch (e) {
      console.error(`quick update failed, rebuilding everything: ${(e as Error).message}`);
    }
  }
  await requestRebuild();
}

/** Eleventy watches this file (src/site/plugin.ts) and rebuilds everything when it changes. */
async function requestRebuild(): Promise<void> {
  await fs.writeFile(path.join(cfg.dataDir, REBUILD_STAMP), String(Date.now()));
}

await ingestAndReport();
// Written before Eleventy starts watching it.
await requestRebuild();
const eleventy = createEleventy(cfg, "serve");
// watch() builds the site once before it watches: a write() before it built everything twice.
await eleventy.init();
await eleventy.watch();
await bundleClientScripts(cfg.outputDir);
const indexed = await indexSite(cfg);
console.log(`search index: ${indexed.pages} pages (rebuilt when you restart; edits show on pages at once)`);
eleventy.serve(port);

let timer: NodeJS.Timeout | undefined;
let running = Promise.resolve();
watch(cfg.contentDir, { recursive: true }, (_event, file) => {
  if (!file || /(^|\/)\./.test(String(file))) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    running = running.then(async () => {
      console.log(`changed: ${file}`);
      await afterSave(await ingestAndReport());
    });
  }, 100);
});
console.log(`watching ${cfg.contentDir} for changes`);
