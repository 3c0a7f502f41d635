// Reads a whole content folder and produces the dataset the site is rendered from.
// One broken file never hides the others: each file is ingested on its own, and every
// diagnostic of the run is returned together.
import { promises as fs } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import type { Article, BuildSummary } from "../model/types.ts";
import { DiagnosticLog } from "../model/diagnostics.ts";
import type { ingestArticle } from "./article.ts";
import type { Vocabulary } from "./vocabulary.ts";
import type { RenderOptions } from "../render/markdown.ts";
import type { SiteConfig } from "../model/site-config.ts";
import type { TimelineEvent } from "../model/event.ts";
import type { ArticleRef } from "./events.ts";
import { listContentFiles } from "../content/files.ts";
import type { FileOutcome, Job, NoteSetup, StartPool } from "./job.ts";
import { settleBody, writeBody, type IngestedArticle } from "./dataset.ts";
import { firstCommitDates, firstCommitDatesOnce, modifiedTime } from "./file-dates.ts";

/** Results of earlier runs by file, for `npm start`: an unchanged file is not read again. */
export type ArticleCache = Map<string, { stamp: string; result: ReturnType<IngestArticle>; lastGood?: ReturnType<IngestArticle> }>;

type IngestArticle = typeof ingestArticle;

export interface IngestOptions {
  contentDir: string;
  cache?: ArticleCache;
  /** Where the shipped registries live, used when contentDir has none of its own. */
  fallbackDir: string;
  includeDrafts: boolean;
  now?: Date;
  /**
   * Threads to ingest on (the build's: src/build/ingest-pool.ts ingestPool), used when there is
   * no cache and they take the files.
   */
  pool?: StartPool;
  /**
   * A dataset folder made ready by prepareBodies: each article's body and text are written
   * there as soon as it is ingested (by its worker thread), so the run does not hold them.
   */
  spillDir?: string;
  /** Called after each file, with the files done and the files in all (the build's progress line). */
  onProgress?: (done: number, total: number) => void;
}

export interface IngestResult {
  /** Published articles (and drafts when included), newest first. */
  articles: IngestedArticle[];
  /** Measures, countermeasures and the rest, oldest first, with links in both directions. */
  events: TimelineEvent[];
  draftsSkipped: number;
  vocab: Vocabulary;
  log: DiagnosticLog;
  summary: BuildSummary;
  /** Images of the content folder that published articles show (![[image.png]]): the site publishes them. */
  attachments: string[];
}

/** Folders that are never articles: events have their own model, raw holds original clippings. */
const NOT_ARTICLES = new Set(["events", "raw", "node_modules"]);

const MARKDOWN = /\.(md|markdown)$/i;

/** `broken`: told of each symbolic link that leads nowhere. */
export function listArticleFiles(contentDir: string, broken?: (file: string) => void): Promise<string[]> {
  return listContentFiles(contentDir, { enter: (name) => !NOT_ARTICLES.has(name), keep: (name) => MARKDOWN.test(name), ...(broken ? { broken } : {}) });
}

export { listEventFiles } from "./event-files.ts";

export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const log = new DiagnosticLog();
  // A link to a note or a folder of notes that is gone would lose them without a word.
  const files = await listArticleFiles(opts.contentDir, (file) => {
    if (MARKDOWN.test(file) || !path.extname(file)) log.warn(file, "a symbolic link to a note or folder that is not there: nothing from it is published", { kind: "broken-link" });
  });
  const config = import("./site-config.ts").then(({ loadSiteConfig }) => loadSiteConfig(opts.contentDir, opts.fallbackDir, log));
  const eventFiles = Promise.all([import("./event-files.ts"), config]).then(([{ eventFilesOf }, c]) => eventFilesOf(opts.contentDir, opts.fallbackDir, c));
  // One `git log` for the whole folder, while the threads start: dates for notes that give none.
  const firstCommits = opts.cache ? firstCommitDatesOnce(opts.contentDir) : firstCommitDates(opts.contentDir);
  // The class allowlist and where wikilinks lead, read while the threads start: every note is
  // rendered with them.
  const render = renderOptions(opts, files, config);
  // The events, read by this thread while the pool's threads start: every article is linked to them.
  let setupReady: (s: NoteSetup) => void = () => undefined;
  const setup = new Promise<NoteSetup>((resolve) => (setupReady = resolve));
  const pool = opts.pool && !opts.cache
    ? opts.pool(files, { contentDir: opts.contentDir, firstCommits, setup, fallbackDir: opts.fallbackDir, now, includeDrafts: opts.includeDrafts, ownThread: true, ...(opts.spillDir ? { spillDir: opts.spillDir } : {}) })
    : undefined;
  try {
    // Loaded now, not above: the pool's threads start up while this thread loads the same
    // modules (1.6 s, most of it OpenCC's dictionaries), on the other core.
    const [{ articleSlug, isPublished, ingestArticle }, { loadVocabulary }, { linkEvents, linkEventsAlone }, { readContentFile }, { eventIndex }, { readEventFiles }] = await Promise.all([
      import("./article.ts"),
      import("./vocabulary.ts"),
      import("./events.ts"),
      import("./job.ts"),
      import("../timeline/article-events.ts"),
      import("./event-files.ts"),
    ]);
    const vocab = await loadVocabulary(opts.contentDir, opts.fallbackDir, log);
    const asOf = now.toISOString().slice(0, 10);
    const parsedEvents = await readEventFiles(await eventFiles, vocab, log);
    const noteSetup: NoteSetup = { render: await render, events: eventIndex(linkEventsAlone(parsedEvents, asOf)) };
    setupReady(noteSetup);

    const bySlug = new Map<string, string>();
    const articles: IngestedArticle[] = [];
    // Every article an event may cite, drafts included: a draft source is valid, just not linked.
    const refs = new Map<string, ArticleRef>();
    let draftsSkipped = 0;
    const attachments = new Set<string>();

    const own = pool ? await ownLane(opts, vocab, now, noteSetup) : undefined;
    const outcomes = pool ? pool.outcomes(own) : ingestInThisThread(files, opts, vocab, now, { ingestArticle, readContentFile }, await firstCommits, noteSetup);
    let done = 0;
    for await (const outcome of outcomes) {
      opts.onProgress?.(++done, files.length);
      const file = outcome.file;
      if ("error" in outcome) {
        log.error(file, `cannot read the file: ${outcome.error}`);
        continue;
      }
      const r = outcome.result;
      r.diagnostics.forEach((d) => log.add(d));
      if (!r.article) continue;
      const slug = uniqueSlug(file, r.article.slug, bySlug, log, articleSlug);
      // A copy, not an edit: the cached result must stay as the file says.
      const article = slug === r.article.slug ? r.article : { ...r.article, slug, url: `/articles/${slug}/` };
      const published = isPublished(article, opts.includeDrafts);
      const ref = { slug, title: article.title, url: article.url, published };
      refs.set(slug, ref);
      refs.set(path.basename(file).replace(/\.(md|markdown)$/i, ""), ref);
      if (!published) {
        draftsSkipped++;
        continue;
      }
      for (const a of r.attachments ?? []) attachments.add(a);
      if (opts.spillDir) {
        // The body goes to disk now (or went, from its worker); the run keeps only what the dataset needs.
        if (outcome.pending) settleBody(opts.spillDir, outcome.pending, slug);
        else writeBody(opts.spillDir, slug, r.html!, r.text!);
        articles.push({ article, html: "", headings: r.headings!, text: "", spilled: true });
      } else {
        articles.push({ article, html: r.html!, headings: r.headings!, text: r.text! });
      }
    }

    articles.sort((a, b) => compareByDateDesc(a.article, b.article));

    // Each measure's status is as of the day of the run.
    const timeline = linkEvents(parsedEvents, refs, asOf);
    timeline.diagnostics.forEach((d) => log.add(d));
    const summary: BuildSummary = {
      articles: articles.length,
      events: timeline.events.length,
      draftsSkipped,
      includeDrafts: opts.includeDrafts,
      warnings: log.warnings.length,
      errors: log.errors.length,
      words: articles.reduce((n, a) => n + a.article.wordCount, 0),
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
    return { articles, events: timeline.events, draftsSkipped, vocab, log, summary, attachments: [...attachments].sort() };
  } finally {
    await pool?.terminate();
  }
}

/** This thread's share of a pooled run: the files the pool gives it, done as a thread does them. */
async function ownLane(opts: IngestOptions, vocab: Vocabulary, now: Date, setup: NoteSetup): Promise<(job: Job) => Promise<FileOutcome>> {
  const { runJob } = await import("./job.ts");
  const ctx = { contentDir: opts.contentDir, vocab, now, render: setup.render, events: setup.events, spillDir: opts.spillDir, includeDrafts: opts.includeDrafts };
  return (job) => runJob(job, ctx);
}

/** One file after another, through the cache under `npm start`. */
async function* ingestInThisThread(
  files: readonly string[],
  opts: IngestOptions,
  vocab: Vocabulary,
  now: Date,
  { ingestArticle, readContentFile }: { ingestArticle: IngestArticle; readContentFile: typeof import("./job.ts").readContentFile },
  firstCommits: ReadonlyMap<string, number>,
  { render, events }: NoteSetup,
): AsyncGenerator<FileOutcome> {
  // A cached result was rendered with the settings, targets and events of its time: a new note,
  // a changed allowlist or an edited event reads every note again.
  const renderStamp = `${render.classes?.join(",") ?? ""}:${render.links?.byPath.size ?? 0}:${events ? createHash("sha256").update(JSON.stringify(events)).digest("hex").slice(0, 12) : ""}`;
  for (const file of files) {
    let r: ReturnType<IngestArticle>;
    try {
      const full = path.join(opts.contentDir, file);
      const st = opts.cache ? await fs.stat(full) : undefined;
      const stamp = st ? `${st.mtimeMs}:${st.size}:${vocab.stamp}:${renderStamp}` : "";
      const cached = opts.cache?.get(file);
      if (cached && cached.stamp === stamp) {
        r = cached.result;
      } else {
        const [{ text, notice }, modified] = await Promise.all([readContentFile(full, file), st ? st.mtimeMs : modifiedTime(full)]);
        r = ingestArticle(file, text, vocab, { now, fallbackDates: { firstCommit: firstCommits.get(file), modified }, render, events, includeDrafts: opts.includeDrafts });
        if (notice) r = { ...r, diagnostics: [notice, ...r.diagnostics] };
        const lastGood = r.article ? r : cached?.lastGood;
        opts.cache?.set(file, { stamp, result: r, ...(lastGood ? { lastGood } : {}) });
      }
      // While editing (npm start), a file that stops ingesting keeps its last good page, so the
      // page being looked at stays there and shows the problem instead of vanishing.
      const lastGood = opts.cache?.get(file)?.lastGood;
      if (!r.article && lastGood?.article) r = { ...lastGood, diagnostics: r.diagnostics };
    } catch (e) {
      yield { file, error: (e as Error).message };
      continue;
    }
    yield { file, result: r };
  }
}

/** Newest first; ties broken by slug so that order never depends on the file system. */
export function compareByDateDesc(a: Article, b: Article): number {
  const ta = Date.parse(a.date.iso);
  const tb = Date.parse(b.date.iso);
  if (ta !== tb) return tb - ta;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** What every note of the run is rendered with: site.yaml's classes, and the wikilinks' targets. */
async function renderOptions(opts: IngestOptions, files: readonly string[], siteConfig: Promise<SiteConfig>): Promise<RenderOptions> {
  const [{ scanLinkTargets }, { articleSlug }] = await Promise.all([import("./links.ts"), import("./article.ts")]);
  const [config, links] = await Promise.all([
    siteConfig,
    // Slugs made unique as the run will make them; the run reports the clashes itself.
    scanLinkTargets(opts.contentDir, files, (file, wanted, taken) => uniqueSlug(file, wanted, taken, new DiagnosticLog(), articleSlug), articleSlug),
  ]);
  return { classes: config.html.classes, links };
}

// Two notes called README.md in different folders must both get a page: the second takes its
// folder into the slug, and failing that a short hash of its path. Reported, never silent.
function uniqueSlug(file: string, wanted: string, taken: Map<string, string>, log: DiagnosticLog, articleSlug: (name: string) => string): string {
  let slug = wanted;
  if (taken.has(slug)) {
    const first = taken.get(slug)!;
    const withFolder = articleSlug(file.replace(/\//g, "-").replace(/\.(md|markdown)$/i, ""));
    const next = taken.has(withFolder)
      ? `${slug}-${createHash("sha256").update(file).digest("hex").slice(0, 6)}`
      : withFolder;
    log.warn(file, `slug "${slug}" is already used by ${first}; this article is published as "${next}"`, { field: "slug", kind: "slug-taken" });
    slug = next;
  }
  taken.set(slug, file);
  return slug;
}
