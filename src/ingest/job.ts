// One file of an ingest run, as the pool's threads and its own thread both do it (pool.ts):
// read, ingest, and with a spill folder write the body to disk under a pending name.
import path from "node:path";
import { ingestArticle, isPublished } from "./article.ts";
import { readContentFile } from "./ingest.ts";
import type { FileOutcome, Job } from "./pool.ts";
import type { RenderOptions } from "../render/markdown.ts";
import { parseEvent } from "./events.ts";
import { pendingBodyName, writeBody } from "./dataset.ts";
import { modifiedTime } from "./file-dates.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface JobContext {
  contentDir: string;
  vocab: Vocabulary;
  now: Date;
  render: RenderOptions;
  spillDir?: string | undefined;
  includeDrafts?: boolean | undefined;
}

export async function runJob({ file, kind, index, firstCommit }: Job, ctx: JobContext): Promise<FileOutcome> {
  try {
    const { text, notice } = await readContentFile(path.join(ctx.contentDir, file), file);
    if (kind === "event") {
      const event = parseEvent(file, text, ctx.vocab);
      if (notice) event.diagnostics.unshift(notice);
      return { file, event };
    }
    const modified = await modifiedTime(path.join(ctx.contentDir, file));
    const result = ingestArticle(file, text, ctx.vocab, { now: ctx.now, fallbackDates: { firstCommit, modified }, render: ctx.render });
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
