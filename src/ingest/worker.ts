// One ingest thread (pool.ts): reads and ingests the files it is sent, one message each.
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { ingestArticle, isPublished } from "./article.ts";
import { loadVocabulary } from "./vocabulary.ts";
import { readContentFile } from "./ingest.ts";
import { DiagnosticLog } from "../model/diagnostics.ts";
import type { FileOutcome, Job, RenderSetup } from "./pool.ts";
import type { RenderOptions } from "../render/markdown.ts";
import { parseEvent } from "./events.ts";
import { pendingBodyName, writeBody } from "./dataset.ts";
import { modifiedTime } from "./file-dates.ts";

const { contentDir, fallbackDir, now, spillDir, includeDrafts } = workerData as { contentDir: string; fallbackDir: string; now: string; spillDir?: string; includeDrafts?: boolean };
// The registries' own problems are reported once, by the main thread.
const vocab = await loadVocabulary(contentDir, fallbackDir, new DiagnosticLog());
const when = new Date(now);

let render: RenderOptions = {};

parentPort!.on("message", async (message: Job | RenderSetup) => {
  if ("render" in message) {
    render = message.render;
    return;
  }
  const { index, file, kind, firstCommit } = message;
  let outcome: FileOutcome;
  try {
    const { text, notice } = await readContentFile(path.join(contentDir, file), file);
    if (kind === "event") {
      const event = parseEvent(file, text, vocab);
      if (notice) event.diagnostics.unshift(notice);
      parentPort!.postMessage({ index, outcome: { file, event } });
      return;
    }
    const modified = await modifiedTime(path.join(contentDir, file));
    const result = ingestArticle(file, text, vocab, { now: when, fallbackDates: { firstCommit, modified }, render });
    if (notice) result.diagnostics.unshift(notice);
    if (spillDir && result.article) {
      // Written here, not sent: the body's copy to the main thread and its write there were a
      // third of the main thread's time. The main thread renames it once the slug is settled.
      const pending = isPublished(result.article, includeDrafts ?? false) ? pendingBodyName(index) : undefined;
      if (pending) writeBody(spillDir, pending, result.html!, result.text!);
      outcome = { file, result: { ...result, html: "", text: "" }, ...(pending ? { pending } : {}) };
    } else {
      outcome = { file, result };
    }
  } catch (e) {
    outcome = { file, error: (e as Error).message };
  }
  parentPort!.postMessage({ index, outcome });
});
