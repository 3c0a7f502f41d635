// One ingest thread (ingest-pool.ts): reads and ingests the files it is sent, one message each,
// as the run's own thread does (src/ingest/job.ts).
import { parentPort, workerData } from "node:worker_threads";
import { loadVocabulary } from "../ingest/vocabulary.ts";
import { DiagnosticLog } from "../model/diagnostics.ts";
import type { RenderSetup, ThreadSetup } from "./ingest-pool.ts";
import type { RenderOptions } from "../render/markdown.ts";
import { runJob, type Job } from "../ingest/job.ts";

const { contentDir, fallbackDir, now, spillDir, includeDrafts } = workerData as ThreadSetup;
// The registries' own problems are reported once, by the main thread.
const vocab = await loadVocabulary(contentDir, fallbackDir, new DiagnosticLog());
const when = new Date(now);

let render: RenderOptions = {};

parentPort!.on("message", async (message: Job | RenderSetup) => {
  if ("render" in message) {
    render = message.render;
    return;
  }
  const outcome = await runJob(message, { contentDir, vocab, now: when, render, spillDir, includeDrafts });
  parentPort!.postMessage({ index: message.index, outcome });
});
