// A stage that runs out of memory is named in one line, with the setting to raise, instead of
// a stack trace. Each stage's process has a fixed heap (src/config.ts); when it runs out it
// either dies in V8 (a "heap out of memory" report on stderr, then SIGABRT) or one of its
// threads does (ERR_WORKER_OUT_OF_MEMORY, turned into exit code OUT_OF_MEMORY_EXIT by
// child-exit.ts). The build reads both from the outside: the exit and a filter on stderr.

/** How a stage's process says it ran out of memory: V8's own abort, as a shell reports it. */
export const OUT_OF_MEMORY_EXIT = 134;

export type BuildStage = "ingest" | "render" | "index";

export interface OutOfMemory {
  stage: BuildStage;
  /** The render slice, as the build names it (i/n). */
  slice?: string;
  /** The heap the process had, MiB. */
  heapMiB: number;
}

const SETTING: Record<BuildStage, string> = { ingest: "KB_INGEST_HEAP_MB", render: "KB_RENDER_HEAP_MB", index: "KB_INDEX_HEAP_MB" };
const WHAT: Record<BuildStage, string> = { ingest: "ingest", render: "render", index: "search index" };
const PER: Record<BuildStage, string> = { ingest: "for the ingest process and each of its threads", render: "per render worker", index: "for the index process and each of its threads" };

/** Pure: the one line the build prints. */
export function outOfMemoryMessage(o: OutOfMemory): string {
  const where = o.stage === "render" && o.slice ? `render slice ${o.slice}` : WHAT[o.stage];
  const more = Math.max(o.heapMiB * 2, 512);
  return `error: the ${where} ran out of memory (${o.heapMiB} MiB heap ${PER[o.stage]}): raise ${SETTING[o.stage]}, e.g. ${SETTING[o.stage]}=${more} npm run build`;
}

export class StageOutOfMemoryError extends Error {
  constructor(readonly detail: OutOfMemory) {
    super(outOfMemoryMessage(detail));
    this.name = "StageOutOfMemoryError";
  }
}

/** Pure: whether an error (or what caused it) is a thread that ran out of heap. */
export function isOutOfMemoryError(e: unknown, depth = 0): boolean {
  if (typeof e !== "object" || e === null || depth > 5) return false;
  const err = e as { code?: unknown; message?: unknown; cause?: unknown };
  if (err.code === "ERR_WORKER_OUT_OF_MEMORY") return true;
  if (typeof err.message === "string" && /ERR_WORKER_OUT_OF_MEMORY|heap out of memory/.test(err.message)) return true;
  return isOutOfMemoryError(err.cause, depth + 1);
}

/** Pure: a line of the report V8 prints when a heap runs out (it ends in an abort). */
export function startsOutOfMemoryReport(line: string): boolean {
  return /^<--- (Last few GCs|JS stacktrace) --->/.test(line) || /^FATAL ERROR: .*(out of memory|heap limit)/i.test(line) || /^Fatal JavaScript out of memory/.test(line);
}

/**
 * A stage's stderr on its way to ours, line by line: everything passes except V8's out of
 * memory report (the build prints one line instead), which, once begun, takes the rest.
 */
export class StderrFilter {
  outOfMemory = false;
  private rest = "";

  constructor(private readonly pass: (text: string) => void) {}

  /** Blank lines held back: V8's report begins with one. */
  private blank = "";

  write(chunk: string): void {
    const lines = (this.rest + chunk).split("\n");
    this.rest = lines.pop() ?? "";
    let out = "";
    for (const line of lines) {
      if (!this.outOfMemory && startsOutOfMemoryReport(line)) this.outOfMemory = true;
      if (this.outOfMemory) continue;
      if (line.trim() === "") this.blank += `${line}\n`;
      else {
        out += `${this.blank}${line}\n`;
        this.blank = "";
      }
    }
    if (out) this.pass(out);
  }

  end(): void {
    if (this.blank && !this.outOfMemory) this.pass(this.blank);
    this.blank = "";
    if (this.rest && !this.outOfMemory && !startsOutOfMemoryReport(this.rest)) this.pass(this.rest);
    else if (startsOutOfMemoryReport(this.rest)) this.outOfMemory = true;
    this.rest = "";
  }
}

/** Pure: whether a stage's process ended for want of memory. */
export function endedOutOfMemory(exit: { code: number | null; signal: NodeJS.Signals | null }, sawReport: boolean): boolean {
  return sawReport || exit.code === OUT_OF_MEMORY_EXIT || exit.signal === "SIGABRT";
}
