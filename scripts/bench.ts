// npx tsx scripts/bench.ts --articles N — how the build scales: a synthetic notes folder of N
// articles built by our pipeline and by a bare Eleventy + Pagefind baseline, side by side; or
// --corpus DIR, any folder of notes as it is. See docs/performance.md.
import os from "node:os";
import { parseArgs } from "node:util";
import { ROOT } from "../src/config.ts";
import { runBench } from "../bench/run.ts";
import { recallLines } from "../bench/recall.ts";
import { corpusLines, editLines, medianFigures, outputTable, profileLines, runLine, searchLines, stageTable } from "../bench/report.ts";

const USAGE = `usage: npx tsx scripts/bench.ts --articles N [--size realistic|small] [--events M] [--seed S]
       [--out DIR] [--keep] [--skip-baseline] [--repeat K] [--search] [--query Q]… [--profile] [--edit]
       npx tsx scripts/bench.ts --corpus DIR [--out DIR] [--keep] [--skip-baseline] [--repeat K] …

  --articles N      articles in the synthetic corpus (required without --corpus)
  --corpus DIR      bench this folder of notes as it is (read, never written), drafts included,
                    instead of a synthetic corpus; ingest errors are reported, not fatal
  --size            realistic: sizes like the real collection (median 24 KB, largest 1.1 MB);
                    small: about 6 KB each (default realistic)
  --events M        events (default N/5)
  --seed S          corpus seed (default kb-bench); the same seed and options give the same bytes
  --out DIR         write the corpus and the builds here and keep them (default: a temp folder)
  --keep            keep the temp folder
  --skip-baseline   build ours only
  --repeat K        K runs of each build, interleaved; medians are reported (default 1)
  --search          after the build, time searches in headless Chromium
  --query Q         a search to time (repeatable; default: ${"稀土出口 华为"} and ${"半导体 ASML"})
  --profile         one more build of ours under --cpu-prof (every process and thread), summarised per stage
  --search-site DIR only the search and timeline measurements, on the site built in DIR
                    (e.g. <--out>/ours/site of an earlier run)
  --edit            start npm start on the corpus, open an article in Chromium, save 3 edits of
                    its title and time each until the page shows it`;

const { values } = parseArgs({
  options: {
    articles: { type: "string" },
    corpus: { type: "string" },
    size: { type: "string", default: "realistic" },
    events: { type: "string" },
    seed: { type: "string", default: "kb-bench" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
    "skip-baseline": { type: "boolean", default: false },
    repeat: { type: "string", default: "1" },
    search: { type: "boolean", default: false },
    query: { type: "string", multiple: true },
    profile: { type: "boolean", default: false },
    edit: { type: "boolean", default: false },
    "search-site": { type: "string" },
    help: { type: "boolean", default: false },
  },
});

const count = (v: string | undefined, name: string, min: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min}\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
};

// Only the search and timeline measurements, on a site built before (e.g. a kept --out folder).
if (values["search-site"]) {
  const { measureSearch, DEFAULT_QUERIES } = await import("../bench/search.ts");
  const deps = { serve: (await import("../tests/support/site.ts")).serve, launchBrowser: (await import("../tests/support/browser.ts")).launchBrowser };
  const figures = await measureSearch(values["search-site"], deps, values.query?.length ? values.query : DEFAULT_QUERIES);
  console.log(`## Search (${values["search-site"]})\n\n${searchLines(figures).join("\n")}`);
  process.exit(0);
}

if (values.help || (values.articles === undefined && values.corpus === undefined)) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (values.size !== "realistic" && values.size !== "small") {
  console.error(`--size must be realistic or small\n\n${USAGE}`);
  process.exit(2);
}

const result = await runBench(
  {
    root: ROOT,
    ...(values.corpus ? { corpus: values.corpus } : {}),
    articles: values.corpus && values.articles === undefined ? 0 : count(values.articles, "articles", 1),
    ...(values.events !== undefined ? { events: count(values.events, "events", 0) } : {}),
    size: values.size,
    seed: values.seed,
    ...(values.out ? { out: values.out } : {}),
    keep: values.keep,
    skipBaseline: values["skip-baseline"],
    repeat: count(values.repeat, "repeat", 1),
    search: values.search,
    ...(values.query?.length ? { queries: values.query } : {}),
    profile: values.profile,
    edit: values.edit,
  },
  {
    log: (line) => console.log(line),
    // Loaded only for --search: site.ts brings Eleventy into this process.
    ...(values.search || values.edit
      ? { search: { serve: (await import("../tests/support/site.ts")).serve, launchBrowser: (await import("../tests/support/browser.ts")).launchBrowser } }
      : {}),
  },
);

const print = (lines: string[]) => console.log(lines.join("\n"));
const ours = medianFigures(result.ours);
const baseline = result.baseline.length ? medianFigures(result.baseline) : undefined;
const k = result.ours.length;
console.log("");
print(corpusLines(result.corpus, result.generateSeconds, values.corpus));
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
if (k > 1) {
  console.log("");
  print([...result.ours.map((f, i) => runLine(i + 1, f)), ...result.baseline.map((f, i) => runLine(i + 1, f))]);
}
console.log(`\n## Stages${k > 1 ? ` (medians of ${k} runs)` : ""}\n`);
print(stageTable(ours, baseline));
console.log(`\n## Output\n`);
print(outputTable(ours, baseline));
console.log(`\nours: ${ours.facts.articles} articles, ${ours.facts.events} events, ${ours.facts.warnings} warnings, ${ours.facts.errors} errors; ${ours.facts.renderedFiles} files rendered, ${ours.facts.indexedPages} records indexed; ${ours.facts.reportLines} lines printed`);
if (result.search) {
  console.log(`\n## Search\n`);
  print(searchLines(result.search));
}
if (result.recall) {
  console.log(`\n## Search on the same notes\n`);
  print(recallLines(result.recall));
}
for (const f of result.failures) console.log(`\nFAILED ${f}`);
if (result.edit) {
  console.log(`\n## Editing under npm start\n`);
  print(editLines(result.edit));
}
if (result.profile) {
  console.log(`\n## CPU profile of ours (${result.profile.file})`);
  for (const s of result.profile.stages) {
    console.log("");
    print(profileLines(s.name, s.summary));
  }
}
console.log(result.kept ? `\nkept: ${result.dir}` : "");
if (result.failures.length) process.exitCode = 1;
