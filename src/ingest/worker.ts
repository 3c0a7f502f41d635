// One ingest thread (pool.ts): reads and ingests the files it is sent, one message each.
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { ingestArticle } from "./article.ts";
import { loadVocabulary } from "./vocabulary.ts";
import { readContentFile } from "./ingest.ts";
import { DiagnosticLog } from "../model/diagnostics.ts";
import type { FileOutcome } from "./pool.ts";

const { contentDir, fallbackDir, now } = workerData as { contentDir: string; fallbackDir: string; now: string };
// The registries' own problems are reported once, by the main thread.
const vocab = await loadVocabulary(contentDir, fallbackDir, new DiagnosticLog());
const when = new Date(now);

parentPort!.on("message", async ({ index, file }: { index: number; file: string }) => {
  let outcome: FileOutcome;
  try {
    const { text, notice } = await readContentFile(path.join(contentDir, file), file);
    const result = ingestArticle(file, text, vocab, { now: when });
    if (notice) result.diagnostics.unshift(notice);
    outcome = { file, result };
  } catch (e) {
    outcome = { file, error: (e as Error).message };
  }
  parentPort!.postMessage({ index, outcome });
});
