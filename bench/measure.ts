// Wall time and peak memory of a child process and everything it starts. Pagefind and esbuild
// run as binaries of their own, so the figure that matters is the whole tree's: every 50 ms
// the resident sets (VmRSS) of the child and all its descendants are read from /proc and summed.
import { spawn, execFileSync } from "node:child_process";
import { readdirSync, readFileSync, promises as fs } from "node:fs";
import path from "node:path";

/**
 * Writes out what earlier steps left in the page cache (the corpus just generated, the last
 * build's gigabyte of output) before a timed build starts: otherwise the kernel writes it back
 * while the build runs, and the first 10 s of a build at 10,000 articles were 30–70 % waiting
 * on the disk, charged to whichever build came next.
 */
export function flushWrites(): void {
  execFileSync("sync");
}

export interface MemorySample {
  /** ms since the child was started. */
  t: number;
  /** Sum of VmRSS over the tree, bytes. */
  rss: number;
  processes: number;
}

export interface OutputLine {
  /** ms since the child was started, when the line reached us. */
  t: number;
  stream: "stdout" | "stderr";
  text: string;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  peakRss: number;
  samples: MemorySample[];
  lines: OutputLine[];
  /** The memory at which the command was killed for passing `maxRss`. */
  killedAt?: number;
}

let pageSize: number | undefined;
function pageBytes(): number {
  if (pageSize === undefined) {
    try {
      pageSize = Number(execFileSync("getconf", ["PAGESIZE"], { encoding: "utf8" }).trim()) || 4096;
    } catch {
      pageSize = 4096;
    }
  }
  return pageSize;
}

/**
 * Pure: from the text of /proc/<pid>/stat, the parent pid and resident pages. The command name
 * is in parentheses and may itself hold spaces and parentheses, so fields are counted from the
 * last ")".
 */
export function parseProcStat(stat: string): { ppid: number; rssPages: number } | undefined {
  const close = stat.lastIndexOf(")");
  if (close < 0) return undefined;
  const fields = stat.slice(close + 2).split(" ");
  // fields[0] is field 3 (state) of proc(5); ppid is field 4, rss field 24.
  const ppid = Number(fields[1]);
  const rssPages = Number(fields[21]);
  if (!Number.isFinite(ppid) || !Number.isFinite(rssPages)) return undefined;
  return { ppid, rssPages };
}

/** Pure: the sum of resident pages over `root` and its descendants. */
export function treeRss(root: number, procs: Map<number, { ppid: number; rssPages: number }>): { pages: number; processes: number } {
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) (children.get(p.ppid) ?? children.set(p.ppid, []).get(p.ppid)!).push(pid);
  let pages = 0;
  let processes = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const p = procs.get(pid);
    if (!p) continue;
    pages += p.rssPages;
    processes++;
    stack.push(...(children.get(pid) ?? []));
  }
  return { pages, processes };
}

function readProcs(): Map<number, { ppid: number; rssPages: number }> {
  const procs = new Map<number, { ppid: number; rssPages: number }>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const p = parseProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
      if (p) procs.set(pid, p);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return procs;
}

/** Samples the tree under `root` every `intervalMs` until stopped. */
export function sampleTree(root: number, started: number, intervalMs = 50, onSample?: (rss: number) => void): { stop(): MemorySample[] } {
  const samples: MemorySample[] = [];
  const page = pageBytes();
  const take = () => {
    const { pages, processes } = treeRss(root, readProcs());
    if (processes > 0) samples.push({ t: performance.now() - started, rss: pages * page, processes });
    if (processes > 0) onSample?.(pages * page);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

/** Runs a command to its end, measuring it. Never throws on a non-zero exit: the caller decides. */
export async function runMeasured(
  command: string,
  args: string[],
  opts: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    onLine?: (line: OutputLine) => void;
    intervalMs?: number;
    /** Kill the command when its process tree's memory passes this many bytes (RunResult.killedAt). */
    maxRss?: number;
  },
): Promise<RunResult> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let killedAt: number | undefined;
  const sampler = sampleTree(child.pid!, started, opts.intervalMs, (rss) => {
    // Better a measured failure than the machine's OOM killer choosing what to end.
    if (opts.maxRss && rss > opts.maxRss && killedAt === undefined) {
      killedAt = rss;
      child.kill("SIGKILL");
    }
  });
  const lines: OutputLine[] = [];
  const reader = (stream: "stdout" | "stderr") => {
    let rest = "";
    return (chunk: Buffer) => {
      const t = performance.now() - started;
      const parts = (rest + chunk.toString("utf8")).split("\n");
      rest = parts.pop() ?? "";
      for (const text of parts) {
        const line = { t, stream, text };
        lines.push(line);
        opts.onLine?.(line);
      }
    };
  };
  child.stdout.on("data", reader("stdout"));
  child.stderr.on("data", reader("stderr"));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c, s) => resolve([c, s]));
  });
  const wallMs = performance.now() - started;
  const samples = sampler.stop();
  return { code, signal, wallMs, peakRss: peakIn(samples, 0, Infinity), samples, lines, ...(killedAt !== undefined ? { killedAt } : {}) };
}

/** Largest sample in [from, to) ms; 0 when none falls there. */
export function peakIn(samples: readonly MemorySample[], from: number, to: number): number {
  let peak = 0;
  for (const s of samples) if (s.t >= from && s.t < to && s.rss > peak) peak = s.rss;
  return peak;
}

export interface DirSize {
  bytes: number;
  files: number;
  htmlFiles: number;
}

/** Apparent size (sum of file sizes) of a folder, its file count and its HTML pages. */
export async function dirSize(dir: string): Promise<DirSize> {
  const out: DirSize = { bytes: 0, files: 0, htmlFiles: 0 };
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) {
        out.bytes += (await fs.stat(full)).size;
        out.files++;
        if (e.name.endsWith(".html")) out.htmlFiles++;
      }
    }
  };
  await walk(dir);
  return out;
}

/** The sizes of the folders of `dir` whose names match, added up (the search index's folders). */
export async function dirSizes(dir: string, matches: (name: string) => boolean): Promise<DirSize> {
  const total: DirSize = { bytes: 0, files: 0, htmlFiles: 0 };
  for (const entry of await fs.readdir(dir)) {
    if (!matches(entry)) continue;
    const d = await dirSize(path.join(dir, entry));
    total.bytes += d.bytes;
    total.files += d.files;
    total.htmlFiles += d.htmlFiles;
  }
  return total;
}
