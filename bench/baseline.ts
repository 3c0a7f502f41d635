// The baseline: what the same Markdown costs with nothing of ours. A bare Eleventy project
// (one Nunjucks layout, set for every file by a directory data file, an empty config) built
// by the Eleventy CLI from our node_modules, then the stock Pagefind CLI over its output.
import path from "node:path";
import { promises as fs } from "node:fs";
import matter from "gray-matter";
import { normalizeDate } from "../src/normalize/date.ts";
import { listArticleFiles } from "../src/ingest/ingest.ts";
import { dirSize, flushWrites, runMeasured, type RunResult } from "./measure.ts";
import type { BuildFigures } from "./figures.ts";

export const BASELINE_LAYOUT = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
{{ content | safe }}
</main></body>
</html>
`;

/**
 * Pure: a note as the baseline gets it. Eleventy reads `date` itself, accepts only ISO 8601
 * strings and YAML dates, and stops the whole build at one it cannot read; it also stops at
 * front matter it cannot parse. So the date line is rewritten to the ISO form our normalizer
 * reads it as (2024年12月4日 → 2024-12-04T00:00:00+08:00), or left out when the normalizer
 * cannot read it either (Eleventy then dates the file by its creation); front matter that
 * gray-matter (Eleventy's parser) cannot parse is left out, the body kept; a note Liquid
 * would stop at skips it (withoutLiquid), a `permalink` line goes (withoutPermalink).
 * Everything else is byte for byte.
 */
export function baselineCopy(text: string): string {
  return withoutLiquid(withoutPermalink(datesForEleventy(text)));
}

/** Where a note's front matter closes (the `\n---` after its opening `---`), or -1 without one. */
function frontMatterEnd(text: string): number {
  return text.startsWith("---\n") ? text.indexOf("\n---", 4) : -1;
}

/**
 * Pure: a publishing tool's `permalink: /huayuan` (a vault published with Quartz or
 * Obsidian Publish) would put the stock page outside /articles/<note path>/, where the search
 * comparison looks for it, and without a file extension it stops stock Eleventy's whole build.
 * The line goes; the note is written where every other note is.
 */
function withoutPermalink(text: string): string {
  const close = frontMatterEnd(text);
  if (close < 0) return text;
  const head = text.slice(0, close).replace(/^permalink:[^\n]*(?:\n[ \t]+[^\n]*)*$/m, "");
  return head + text.slice(close);
}

/**
 * Pure: Eleventy runs every Markdown file through Liquid first, and stops the whole build at a
 * note whose text Liquid cannot parse (Rust's `{{ … }}`, a Jinja example's `{% … %}`: one such
 * note in a research vault). A note with `{{` or `{%` is told to skip Liquid
 * (`templateEngineOverride: md`, the setting a user of stock Eleventy would add), in front
 * matter of its own when it has none.
 */
function withoutLiquid(text: string): string {
  const close = frontMatterEnd(text);
  const body = close < 0 ? text : text.slice(close + 4);
  if (!/\{\{|\{%/.test(body)) return text;
  return close < 0 ? `---\ntemplateEngineOverride: md\n---\n${text}` : `---\ntemplateEngineOverride: md\n${text.slice(4)}`;
}

function datesForEleventy(text: string): string {
  const close = frontMatterEnd(text);
  if (close < 0) return text;
  let data: Record<string, unknown>;
  try {
    // With options, gray-matter does not keep every file it parsed in its cache.
    data = matter(text, { excerpt: false }).data as Record<string, unknown>;
  } catch {
    const afterClose = text.indexOf("\n", close + 4);
    return afterClose < 0 ? "" : text.slice(afterClose + 1);
  }
  if (!("date" in data) || data.date instanceof Date) return text;
  const fm = text.slice(0, close).replace(/^date:[ \t]*(.*)$/m, (line, raw: string) => {
    const value = data.date;
    const r = value === null || value === undefined || value === "" ? undefined : normalizeDate(String(value), { zone: "Asia/Shanghai" });
    if (r?.ok) return `date: '${r.value.iso}'`;
    // A date nothing reads: the line goes, unless its value goes on below (then it stays as it is).
    return raw.trim() === "" ? line : "";
  });
  return fm + text.slice(close);
}

/** Pure: the layout a note's front matter names (`layout: page`), if any and if it stays inside _includes. */
export function layoutNamed(text: string): string | undefined {
  const close = frontMatterEnd(text);
  if (close < 0) return undefined;
  const m = /^layout:[ \t]*(["']?)([^"'\n]+?)\1[ \t]*$/m.exec(text.slice(0, close));
  const name = m?.[2]?.trim();
  return name && !name.split(/[\\/]/).includes("..") && !path.isAbsolute(name) ? name : undefined;
}

/**
 * Lays out the baseline project: input/articles/… (copies of every note our build reads as an
 * article: events/, raw/ and hidden folders left out), the layout, the data file, the config.
 */
export async function prepareBaseline(corpusDir: string, projectDir: string): Promise<{ input: string; config: string; files: number }> {
  await fs.rm(projectDir, { recursive: true, force: true });
  const input = path.join(projectDir, "input");
  let files = 0;
  // The seed notes say `layout: post.njk`, a blog's or a vault's `layout: page`: each layout a
  // note names is the baseline's one layout under that name, or stock Eleventy stops at the
  // first note whose layout it lacks.
  const layouts = new Set(["post.njk"]);
  for (const rel of await listArticleFiles(corpusDir)) {
    const dest = path.join(input, "articles", rel);
    await fs.mkdir(path.dirname(dest), { recursive: true });
    const copy = baselineCopy(await fs.readFile(path.join(corpusDir, rel), "utf8"));
    const named = layoutNamed(copy);
    if (named) layouts.add(named);
    await fs.writeFile(dest, copy);
    files++;
  }
  for (const name of layouts) {
    const file = path.join(input, "_includes", path.extname(name) ? name : `${name}.njk`);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, BASELINE_LAYOUT);
  }
  await fs.writeFile(path.join(input, "articles", "articles.json"), JSON.stringify({ layout: "post.njk" }));
  const config = path.join(projectDir, "eleventy.config.mjs");
  await fs.writeFile(config, "// Empty on purpose: the baseline is Eleventy's defaults.\nexport default function () {}\n");
  return { input, config, files };
}

function fail(what: string, run: RunResult): never {
  throw new Error(`${what} failed (exit ${run.code ?? run.signal}):\n${run.lines.slice(-30).map((l) => l.text).join("\n")}`);
}

/** Default memory limit of the baseline's Pagefind: well short of the machine's 23.5 GiB. */
export const BASELINE_MAX_RSS = 16 * 2 ** 30;

export async function measureBaseline(opts: { root: string; corpusDir: string; workDir: string; maxRss?: number }): Promise<BuildFigures & { siteDir: string }> {
  const { input, config } = await prepareBaseline(opts.corpusDir, opts.workDir);
  const siteDir = path.join(opts.workDir, "site");
  // Its copies of the corpus written out first, as ours starts (measure.ts).
  flushWrites();
  const eleventy = await runMeasured(
    process.execPath,
    // Relative to its folder: given an absolute --input, Eleventy 3.1.7 applies no directory
    // data file, so notes without `layout:` would get no layout and stock Pagefind no page.
    [path.join(opts.root, "node_modules/@11ty/eleventy/cmd.cjs"), `--input=${path.relative(opts.workDir, input)}`, `--output=${path.relative(opts.workDir, siteDir)}`, `--config=${config}`, "--quiet"],
    { cwd: opts.workDir, maxRss: opts.maxRss ?? BASELINE_MAX_RSS },
  );
  if (eleventy.killedAt !== undefined) throw new Error(`the baseline's Eleventy build passed ${(eleventy.killedAt / 2 ** 30).toFixed(1)} GiB after ${(eleventy.wallMs / 1000).toFixed(0)} s and was stopped`);
  if (eleventy.code !== 0) fail("the baseline's Eleventy build", eleventy);
  // Stock Pagefind may need more memory than the machine has (19 GB for 9,180 real notes): it
  // is stopped at BASELINE_MAX_RSS and reported as failed, with its time and memory so far.
  const pagefind = await runMeasured(path.join(opts.root, "node_modules/.bin/pagefind"), ["--site", siteDir], { cwd: opts.workDir, maxRss: opts.maxRss ?? BASELINE_MAX_RSS });
  const indexFailed =
    pagefind.killedAt !== undefined
      ? `stopped at ${(pagefind.killedAt / 2 ** 30).toFixed(1)} GiB after ${(pagefind.wallMs / 1000).toFixed(0)} s`
      : pagefind.code !== 0
        ? `exit ${pagefind.code ?? pagefind.signal}: ${pagefind.lines.slice(-3).map((l) => l.text).join(" / ")}`
        : undefined;

  // Eleventy's own figure leaves out Node's start-up, as ours does.
  const wrote = eleventy.lines.map((l) => /Wrote (\d+) files? in ([\d.]+) seconds/.exec(l.text)).find(Boolean);
  const renderSeconds = wrote ? Number(wrote[2]) : eleventy.wallMs / 1000;
  const site = await dirSize(siteDir);
  return {
    who: "baseline",
    stages: [
      { name: "render", seconds: renderSeconds, peakRss: eleventy.peakRss },
      { name: "index", seconds: pagefind.wallMs / 1000, peakRss: pagefind.peakRss },
    ],
    wallSeconds: (eleventy.wallMs + pagefind.wallMs) / 1000,
    peakRss: Math.max(eleventy.peakRss, pagefind.peakRss),
    site,
    pagefind: await dirSize(path.join(siteDir, "pagefind")).catch(() => ({ bytes: 0, files: 0, htmlFiles: 0 })),
    pagesPerSecond: renderSeconds > 0 ? site.htmlFiles / renderSeconds : 0,
    facts: { renderedFiles: wrote ? Number(wrote[1]) : site.htmlFiles, eleventyWallSeconds: eleventy.wallMs / 1000, reportLines: eleventy.lines.length + pagefind.lines.length },
    ...(indexFailed ? { failed: { stage: "index" as const, reason: indexFailed } } : {}),
    siteDir,
  };
}
