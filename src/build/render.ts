// The render: the site from the dataset, in one Eleventy run, or for a large corpus in slices
// (slices.ts) that a few worker processes (scripts/render-slice.ts) take in turn.
import { promises as fs } from "node:fs";
import { formatRenderSlice, type KbConfig, type RenderSlice } from "../config.ts";
import { renderPlan } from "./slices.ts";
import { buildProgress, filterStderr, stageProcess } from "./processes.ts";
import { endedOutOfMemory, StageOutOfMemoryError } from "./out-of-memory.ts";

/**
 * Renders the site from the dataset, in slices of its own processes when the corpus is large.
 * `onCoreFree` is called once, when a render worker finds no slice left and the others are
 * still on their last.
 */
export async function renderSite(cfg: KbConfig, opts: { clean?: boolean; onCoreFree?: () => void } = {}): Promise<{ pages: number; slices: number }> {
  if (opts.clean !== false) await fs.rm(cfg.outputDir, { recursive: true, force: true });
  // The summary and the sizes, not the dataset: this process only plans; each slice reads what it renders.
  const plan = await renderPlan(cfg);
  const count = plan.count;
  let pages = 0;
  const progress = buildProgress(cfg).stage("render", count > 1 ? { unit: "slices", total: count } : {});
  try {
    if (count === 1) {
      // Loaded here, not above: Eleventy takes 0.8 s to load, and the processes that only
      // ingest, index or hand out slices never use it.
      const { writeWithEleventy } = await import("../site/eleventy.ts");
      pages = await writeWithEleventy(cfg);
    } else {
      // `renderJobs` worker processes; each takes the next slice when done with one. The first
      // slice writes the pages that exist once and needs the most, so it goes first.
      let next = 0;
      let coreFreed = false;
      const worker = async () => {
        if (next >= count) return;
        const render = await renderWorker(cfg);
        try {
          while (next < count) {
            const index = next++;
            // Not `pages += await …`: that reads `pages` before the other worker adds to it.
            const files = await render({ index, count, ...(plan.articles ? { articles: plan.articles[index]! } : {}) });
            pages += files;
            progress.add(1);
            progress.extra("pages", pages);
          }
          // No slice left for this worker while another renders its last: a core is free.
          if (!coreFreed) {
            coreFreed = true;
            opts.onCoreFree?.();
          }
        } catch (e) {
          next = count; // the other workers take no more slices
          throw e;
        } finally {
          render.close();
        }
      };
      // Settled, not all: on a failure the other worker finishes its slice before we answer.
      const settled = await Promise.allSettled(Array.from({ length: Math.min(cfg.renderJobs, count) }, worker));
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
    }
  } finally {
    progress.end();
  }
  const { bundleClientScripts } = await import("../site/bundle.ts");
  await bundleClientScripts(cfg.outputDir);
  return { pages, slices: count };
}

/** What the build sends a render worker (scripts/render-slice.ts), and its answer. */
export interface RenderRequest {
  slice: string;
}
export type RenderReply = { files: number } | { error: string };

/**
 * A render worker process: a function that has it render one slice and resolves to the files
 * written, rejecting if the slice failed or the process died (out of memory: a
 * StageOutOfMemoryError naming the slice and KB_RENDER_HEAP_MB).
 */
async function renderWorker(cfg: KbConfig): Promise<((slice: RenderSlice) => Promise<number>) & { close(): void }> {
  // Eleventy's own lines on stdout are not wanted; its errors go to ours.
  const child = await stageProcess("scripts/render-slice.ts", "render", cfg, ["ignore", "ignore", "pipe", "ipc"]);
  const stderr = filterStderr(child);
  let exited: string | undefined;
  let outOfMemory: string | undefined;
  let pending: { slice: string; resolve: (n: number) => void; reject: (e: Error) => void } | undefined;
  const fail = (why: string) => {
    exited = why;
    pending?.reject(new Error(`render worker for slice ${pending.slice} ${why}`));
    pending = undefined;
  };
  child.on("error", (e) => fail(`could not start: ${e.message}`));
  // "close", not "exit": by then its stderr has been read, and V8's report with it.
  child.on("close", (code, signal) => {
    stderr.end();
    if (endedOutOfMemory({ code, signal }, stderr.outOfMemory)) {
      outOfMemory = pending?.slice ?? "";
      pending?.reject(new StageOutOfMemoryError({ stage: "render", slice: pending.slice, heapMiB: cfg.renderHeapMiB }));
      pending = undefined;
    }
    fail(`exited (${signal ?? `code ${code}`})`);
  });
  child.on("message", (reply: RenderReply) => {
    const p = pending;
    pending = undefined;
    if (!p) return;
    if ("error" in reply) p.reject(new Error(`render slice ${p.slice} failed:\n${reply.error}`));
    else p.resolve(reply.files);
  });
  const render = (s: RenderSlice) =>
    new Promise<number>((resolve, reject) => {
      const slice = `${s.index}/${s.count}`;
      if (outOfMemory !== undefined) return reject(new StageOutOfMemoryError({ stage: "render", slice: outOfMemory || slice, heapMiB: cfg.renderHeapMiB }));
      if (exited) return reject(new Error(`render worker ${exited} before slice ${slice}`));
      pending = { slice, resolve, reject };
      child.send({ slice: formatRenderSlice(s) } satisfies RenderRequest);
    });
  return Object.assign(render, {
    close: () => {
      if (child.connected) child.disconnect();
    },
  });
}
