// One file of an ingest run, as the build's threads (src/build/ingest-pool.ts) and the run's own
// thread both do it: read, ingest, and with a spill folder write the body to disk under a
// pending name.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../model/diagnostics.ts";
import { ingestArticle, isPublished, type ArticleResult } from "./article.ts";
import type { RenderOptions } from "../render/markdown.ts";
import type { EventIndex } from "../timeline/article-events.ts";
import { pendingBodyName, writeBody } from "./dataset.ts";
import { modifiedTime } from "./file-dates.ts";
import type { Vocabulary } from "./vocabulary.ts";
import { decodeClipping } from "../import/decode.ts";

/** The `index`-th article file of the run (events are read before, by the run's own thread). */
export interface Job {
  index: number;
  file: string;
  /** An article's first commit in git, epoch ms: its date if it gives no usable one. */
  firstCommit?: number;
}

/**
 * With a spill folder, `result` comes without body and text: they are in the folder under the
 * name `pending`, or, for a draft left out, nowhere.
 */
export type FileOutcome =
  | { file: string; result: ArticleResult; pending?: string }
  | { file: string; error: string; pending?: undefined };

export interface JobContext {
  contentDir: string;
  vocab: Vocabulary;
  now: Date;
  render: RenderOptions;
  /** The run's events, which each article is linked to (src/timeline/article-events.ts). */
  events?: EventIndex | undefined;
  spillDir?: string | undefined;
  includeDrafts?: boolean | undefined;
}

export async function runJob({ file, index, firstCommit }: Job, ctx: JobContext): Promise<FileOutcome> {
  try {
    const { text, notice } = await readContentFile(path.join(ctx.contentDir, file), file);
    const modified = await modifiedTime(path.join(ctx.contentDir, file));
    const result = ingestArticle(file, text, ctx.vocab, { now: ctx.now, fallbackDates: { firstCommit, modified }, render: ctx.render, events: ctx.events, includeDrafts: ctx.includeDrafts });
    if (notice) result.diagnostics.unshift(notice);
    if (!ctx.spillDir || !result.article) return { file, result };
    // Written here, not sent: the body's copy to the main thread and its write there were a
    // third of the main thread's time. The main thread renames it once the slug is settled.
    const pending = isPublished(result.article, ctx.includeDrafts ?? false) ? pendingBodyName(index) : undefined;
    if (pending) writeBody(ctx.spillDir, pending, result.html!, result.text!);
    return { file, result: { ...result, html: "", text: "" }, ...(pending ? { pending } : {}) };
  } catch (e) {
    return { file, error: (e as Error).message };
  }
}

/** An encoding as the report names it. */
const ENCODING_NAMES: Partial<Record<string, string>> = { gb18030: "GB18030 (GBK)", "windows-1252": "Windows-1252 (Latin-1)" };

/**
 * A content file's text. Notes saved by older Chinese tools are GB18030/GBK, not UTF-8: read as
 * UTF-8 they would turn into U+FFFD junk on the page. Such a file is decoded the way the
 * importer decodes clippings, and the user is told to save it as UTF-8.
 */
export async function readContentFile(full: string, file: string): Promise<{ text: string; notice?: Diagnostic }> {
  const bytes = await fs.readFile(full);
  const decoded = decodeClipping(bytes);
  // NUL bytes outside UTF-16 mean a binary file: ingest reports it as such, not as an encoding.
  if (decoded.encoding === "utf-8" || (!decoded.encoding.startsWith("utf-16") && bytes.includes(0))) {
    return { text: decoded.encoding === "utf-8" ? decoded.text : bytes.toString("latin1") };
  }
  const name = ENCODING_NAMES[decoded.encoding] ?? decoded.encoding.toUpperCase();
  return {
    text: decoded.text,
    notice: { severity: "warning", file, message: `the file is not UTF-8; it was read as ${name}: save it as UTF-8 so that every tool reads it the same way` },
  };
}

/** What a run tells the threads that take its files: how every file is ingested, and where bodies go. */
export interface PoolSetup {
  contentDir: string;
  fallbackDir: string;
  now: Date;
  /** Each thread writes the bodies it makes here (dataset.ts writeBody), under pending names. */
  spillDir?: string;
  /** Drafts are published: their bodies are written too. */
  includeDrafts?: boolean;
  /** File → epoch ms of its first commit (file-dates.ts), awaited before the first file is sent. */
  firstCommits?: Promise<ReadonlyMap<string, number>>;
  /** The run's class allowlist and wikilink targets, and its events, sent to each thread before its first file. */
  setup?: Promise<NoteSetup>;
  /**
   * The calling thread ingests files too (outcomes' `own`), so one thread fewer is started: the
   * caller has the modules and registries loaded already, and a thread of its own would cost
   * their memory again (150–250 MB) while the caller waits.
   */
  ownThread?: boolean;
}

/** Threads that ingest a run's files (the build's: src/build/ingest-pool.ts). */
export interface FilePool {
  /**
   * Yields one outcome per file, in the order given. Once. With
   * `own` (and the ownThread setup), the calling thread ingests a file whenever it has none.
   */
  outcomes(own?: (job: Job) => Promise<FileOutcome>): AsyncGenerator<FileOutcome>;
  /** Stops the threads; the run calls it whether or not it asked for the outcomes. */
  terminate(): Promise<void>;
}

/** Starts threads for a run's files, or none when the files are too few to be worth them. */
export type StartPool = (articleFiles: readonly string[], setup: PoolSetup) => FilePool | undefined;

/** What every note of a run is read with: how bodies render, and the events articles are linked to. */
export interface NoteSetup {
  render: RenderOptions;
  events?: EventIndex;
}
