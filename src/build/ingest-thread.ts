// One ingest thread (ingest-pool.ts): reads and ingests the files it is sent, one message each,
// as the run's own thread does (src/ingest/job.ts).
import { parentPort, workerData } from "node:worker_threads";
import { loadVocabulary } from "../ingest/vocabulary.ts";
import { DiagnosticLog } from "../model/diagnostics.ts";
import type { SetupMessage, ThreadSetup } from "./ingest-pool.ts";
import { runJob, type Job, type NoteSetup } from "../ingest/job.ts";

const { contentDir, fallbackDir, now, spillDir, includeDrafts } = workerData as ThreadSetup;
// The registries' own problems are reported once, by the main thread.
const vocab = await loadVocabulary(contentDir, fallbackDir, new DiagnosticLog());
const when = new Date(now);

let setup: NoteSetup = { render: {} };

// Files wait their turn here, one ingested at a time: the pool sends several ahead, and ingested
// side by side their texts and trees would all be held at once.
const queue: Job[] = [];
let working = false;

async function work(): Promise<void> {
  working = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    const outcome = await runJob(job, { contentDir, vocab, now: when, render: setup.render, events: setup.events, spillDir, includeDrafts });
    parentPort!.postMessage({ index: job.index, outcome });
  }
  working = false;
}

parentPort!.on("message", (message: Job | SetupMessage) => {
  if ("setup" in message) {
    setup = message.setup;
    return;
  }
  queue.push(message);
  if (!working) void work();
});
