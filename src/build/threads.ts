// Worker threads, started one way for every stage that uses them (the ingest pool, the search
// index). Node 20's threads do not inherit the main thread's TypeScript loader: each one
// registers tsx itself before it imports its module.
import os from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";

/** Threads a stage starts by default: one per core, at most 8. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
}

/** A thread running the TypeScript module at `moduleUrl` (e.g. new URL("./x.ts", import.meta.url)). */
export function startThread(moduleUrl: URL, opts: { workerData: unknown; resourceLimits?: ResourceLimits }): Worker {
  const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: opts.workerData, ...(opts.resourceLimits ? { resourceLimits: opts.resourceLimits } : {}) });
}
