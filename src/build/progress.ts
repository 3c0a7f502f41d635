// Progress of a long build: on a terminal, one line redrawn in place with each running stage,
// its count and its rate (`ingest 4,210/9,180 notes · 230/s · 18 s`); in a log (not a terminal,
// or CI) nothing, the stages' summary lines say it all. The build's own process draws the line;
// the stages in processes of their own (ingest, the index) send their counts over IPC.
import type { KbConfig } from "../config.ts";

/** What one stage has done so far. */
export interface StageCount {
  name: string;
  /** What is counted, plural (notes, slices); none for a stage that only shows its time. */
  unit?: string;
  done: number;
  total?: number;
  /** ms, on the clock of `now`. */
  startedAt: number;
  /** Pages or other things made along the way, shown with their own rate (render: pages). */
  extra?: { unit: string; count: number };
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");

function rate(count: number, seconds: number): string {
  if (seconds <= 0) return "";
  const r = count / seconds;
  return r >= 10 ? int(r) : r.toFixed(1);
}

/** Pure: a stage as the line shows it. */
export function formatStage(s: StageCount, now: number): string {
  const seconds = Math.max(0, (now - s.startedAt) / 1000);
  const parts = [s.total !== undefined ? `${s.name} ${int(s.done)}/${int(s.total)}${s.unit ? ` ${s.unit}` : ""}` : s.unit && s.done > 0 ? `${s.name} ${int(s.done)} ${s.unit}` : s.name];
  // The rate of what is counted, or of the pages made when the count is of a few large things.
  if (s.extra && s.extra.count > 0) parts.push(`${int(s.extra.count)} ${s.extra.unit} · ${rate(s.extra.count, seconds)}/s`);
  else if (s.unit && s.done > 0 && seconds >= 1) parts.push(`${rate(s.done, seconds)}/s`);
  parts.push(`${Math.floor(seconds)} s`);
  return parts.join(" · ");
}

/** Pure: the whole line for the stages running at once, cut to the terminal's width. */
export function formatLine(stages: readonly StageCount[], now: number, columns = 120): string {
  const line = stages.map((s) => formatStage(s, now)).join("  |  ");
  return line.length < columns ? line : `${line.slice(0, Math.max(0, columns - 2))}…`;
}

/**
 * Pure: whether to draw. The setting decides when given (KbConfig.progress: KB_PROGRESS, off
 * under CI); otherwise only on a terminal.
 */
export function progressWanted(setting: boolean | undefined, stream: { isTTY?: boolean }): boolean {
  return setting ?? Boolean(stream.isTTY);
}

export interface Stage {
  /** The count so far (and the total, when it becomes known). */
  set(done: number, total?: number): void;
  add(n?: number): void;
  /** Pages or other things made, shown with their rate. */
  extra(unit: string, count: number): void;
  /** The stage is over: its part of the line goes. */
  end(): void;
}

interface Out {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The one progress line of a process. Disabled, every method does nothing. */
export class ProgressLine {
  private readonly stages = new Set<StageCount>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private drawn = false;

  constructor(
    private readonly out: Out,
    private readonly enabled: boolean,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs = 250,
  ) {}

  stage(name: string, opts: { unit?: string; total?: number } = {}): Stage {
    const s: StageCount = { name, done: 0, startedAt: this.now(), ...(opts.unit ? { unit: opts.unit } : {}), ...(opts.total !== undefined ? { total: opts.total } : {}) };
    if (!this.enabled) return { set() {}, add() {}, extra() {}, end() {} };
    this.stages.add(s);
    this.start();
    return {
      set: (done, total) => {
        s.done = done;
        if (total !== undefined) s.total = total;
      },
      add: (n = 1) => {
        s.done += n;
      },
      extra: (unit, count) => {
        s.extra = { unit, count };
      },
      end: () => {
        if (!this.stages.delete(s)) return;
        if (this.stages.size === 0) this.stop();
        else this.draw();
      },
    };
  }

  /** Takes the line off the screen now (before a message that ends the process). */
  clear(): void {
    if (this.drawn) this.out.write("\r\x1b[2K");
    this.drawn = false;
  }

  private start(): void {
    this.draw();
    if (this.timer) return;
    this.timer = setInterval(() => this.draw(), this.intervalMs);
    // The line never keeps a process alive.
    this.timer.unref?.();
  }

  private draw(): void {
    // Drawn from the first column and the cursor put back there: a line printed meanwhile
    // (a warning, an error) starts at the left edge instead of after the progress text.
    // A pseudo-terminal may report no width (0): then 120.
    const columns = this.out.columns && this.out.columns > 20 ? this.out.columns : 120;
    this.out.write(`\r\x1b[2K${formatLine([...this.stages], this.now(), columns)}\r`);
    this.drawn = true;
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}

/** What a stage in a child process sends its parent. */
export interface ProgressMessage {
  kbProgress: { done: number; total?: number; end?: boolean };
}

export function isProgressMessage(m: unknown): m is ProgressMessage {
  return typeof m === "object" && m !== null && "kbProgress" in m;
}

/**
 * A stage's counter in a process of its own: sent to the build over IPC when the build started
 * it with a channel for it (KbConfig.progressIpc), else drawn here when progress is wanted (`npm
 * run ingest` on a terminal). Sends at most every 100 ms, and always the last count.
 * The search index can report through this too (a hook: `stageReporter("index", "records", cfg)`).
 */
export function stageReporter(name: string, unit: string, cfg: Pick<KbConfig, "progress" | "progressIpc">): { set(done: number, total?: number): void; end(): void } {
  const send = cfg.progressIpc && process.send ? process.send.bind(process) : undefined;
  if (!send) {
    const stage = new ProgressLine(process.stderr, progressWanted(cfg.progress, process.stderr)).stage(name, { unit });
    return { set: (done, total) => stage.set(done, total), end: () => stage.end() };
  }
  let last = 0;
  return {
    set(done, total) {
      const t = performance.now();
      if (t - last < 100 && done !== total) return;
      last = t;
      send({ kbProgress: { done, ...(total !== undefined ? { total } : {}) } } satisfies ProgressMessage);
    },
    end() {
      send({ kbProgress: { done: 0, end: true } } satisfies ProgressMessage);
    },
  };
}
