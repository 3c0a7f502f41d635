// Worker threads, started one way for every stage that uses them (the ingest pool, the search
// index). Node 20's threads do not inherit the main thread's TypeScript loader: each one
// registers tsx itself before it imports its module, unless the stage runs from its bundle
// (stage-bundle.ts), which holds every thread module as plain JavaScript.
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { bundledFile } from "./stage-bundle.ts";

/** Defined (true) by esbuild in the stage bundles; undeclared when run from the sources. */
declare const KB_STAGE_BUNDLE: boolean | undefined;
const bundled = typeof KB_STAGE_BUNDLE !== "undefined" && KB_STAGE_BUNDLE;

/** Threads a stage starts by default: one per core, at most 8. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
}

/**
 * The bundled copy of a module when this process runs from the stage bundles (the stage's
 * script is the bundle's <name>.mjs, the other entries beside it); undefined run from the sources.
 */
export function bundledStageFile(source: string): string | undefined {
  return bundled ? bundledFile(path.dirname(process.argv[1]!), source) : undefined;
}

/** A thread running the TypeScript module at `moduleUrl` (e.g. new URL("./x.ts", import.meta.url)), or its bundled copy. */
export function startThread(moduleUrl: URL, opts: { workerData: unknown; resourceLimits?: ResourceLimits }): Worker {
  const limits = opts.resourceLimits ? { resourceLimits: opts.resourceLimits } : {};
  const bundledModule = bundledStageFile(fileURLToPath(moduleUrl));
  // A thread module left out of the bundles' entries still runs, through tsx.
  if (bundledModule && existsSync(bundledModule)) return new Worker(bundledModule, { workerData: opts.workerData, ...limits });
  const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: opts.workerData, ...limits });
}
