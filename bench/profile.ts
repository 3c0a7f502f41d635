// Where the build's CPU time goes: a V8 CPU profile (node --cpu-prof) reduced to the functions
// and the modules that spent the most time themselves.
import { promises as fs } from "node:fs";
import path from "node:path";

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  functions: Array<{ name: string; where: string; selfMs: number; share: number }>;
  modules: Array<{ module: string; selfMs: number; share: number }>;
}

/** Pure: which package or source file a script URL belongs to. */
export function moduleOf(url: string): string {
  if (!url) return "(native)";
  // Our stages run from esbuild bundles (src/build/stage-bundle.ts): a chunk is named after its first module.
  const bundled = /\/node_modules\/\.cache\/kb-stages\/[^/]+\/(?:chunks\/)?([^/]+?)(?:-[A-Z0-9]{8})?\.mjs/.exec(url);
  if (bundled) return `(bundled) ${bundled[1]}`;
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return "node:internal";
  const src = /\/((?:src|scripts|pages|_includes)\/.*)$/.exec(url);
  return src ? src[1]!.replace(/\?.*$/, "") : url.replace(/^file:\/\//, "");
}

/**
 * Pure: self time per function and per module, largest first. With `window` ([from, to) in ms
 * after the profile started, which is the process's start), only the samples taken then: the
 * build's stages are told apart by the times its output lines arrived.
 */
export function summarizeCpuProfile(profile: CpuProfile, top = 15, window: [number, number] = [0, Infinity]): ProfileSummary {
  return summarizeCpuProfiles([{ profile, window }], top);
}

/** Pure: the self times of several profiles (threads, processes) added up, each in its own window. */
export function summarizeCpuProfiles(parts: ReadonlyArray<{ profile: CpuProfile; window?: [number, number] }>, top = 15): ProfileSummary {
  const fns = new Map<string, { name: string; where: string; us: number }>();
  const mods = new Map<string, number>();
  let totalUs = 0;
  for (const { profile, window } of parts) {
    const [from, to] = window ?? [0, Infinity];
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    let at = 0;
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i] ?? 0;
      at += dt;
      if (at / 1000 >= from && at / 1000 < to) self.set(id, (self.get(id) ?? 0) + dt);
    });
    for (const [id, us] of self) {
      totalUs += us;
      const f = byId.get(id)?.callFrame;
      if (!f) continue;
      const name = f.functionName || "(anonymous)";
      const mod = f.url ? moduleOf(f.url) : name.startsWith("(") ? name : "(native)";
      const where = f.url ? `${moduleOf(f.url)}:${f.lineNumber + 1}` : "";
      const key = `${name}@${where}`;
      const e = fns.get(key) ?? { name, where, us: 0 };
      e.us += us;
      fns.set(key, e);
      mods.set(mod, (mods.get(mod) ?? 0) + us);
    }
  }
  const share = (us: number) => (totalUs ? us / totalUs : 0);
  return {
    totalMs: totalUs / 1000,
    functions: [...fns.values()].sort((a, b) => b.us - a.us).slice(0, top).map((f) => ({ name: f.name, where: f.where, selfMs: f.us / 1000, share: share(f.us) })),
    modules: [...mods.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([module, us]) => ({ module, selfMs: us / 1000, share: share(us) })),
  };
}

export interface NamedProfile {
  file: string;
  profile: CpuProfile;
}

/** Pure: the profile that started first, a thread of the build's own process (profiles not empty). */
export function firstStarted(profiles: readonly NamedProfile[]): NamedProfile {
  return profiles.reduce((a, b) => (b.profile.startTime < a.profile.startTime ? b : a));
}

/**
 * Pure: the profiles of a build by stage. The build's own process (the one that started
 * first) is cut into the stages' windows; each stage runs in processes of its own (ingest,
 * render workers, the index), whose profiles, with all their threads, go wholly to the stage
 * they started in. `stages` are [from, to) in ms after the build's process started. V8 stamps
 * profiles with the machine's monotonic clock, the same in every process.
 */
export function profilesByStage(
  profiles: readonly NamedProfile[],
  stages: ReadonlyArray<{ name: string; from: number; to: number }>,
): Array<{ name: string; parts: Array<{ profile: CpuProfile; window?: [number, number] }>; files: number }> {
  if (profiles.length === 0) return stages.map((s) => ({ name: s.name, parts: [], files: 0 }));
  const pidOf = (file: string) => /\.(\d+)\.\d+\.\d+\.cpuprofile$/.exec(file)?.[1] ?? file;
  const first = firstStarted(profiles);
  const own = pidOf(first.file);
  const t0 = first.profile.startTime;
  return stages.map((s) => {
    const parts: Array<{ profile: CpuProfile; window?: [number, number] }> = [];
    for (const p of profiles) {
      if (pidOf(p.file) === own) {
        // The build's own threads: a window each, on their own clocks.
        const offset = (p.profile.startTime - t0) / 1000;
        parts.push({ profile: p.profile, window: [s.from - offset, s.to - offset] });
      } else {
        const start = (p.profile.startTime - t0) / 1000;
        if (start >= s.from && start < s.to) parts.push({ profile: p.profile });
      }
    }
    return { name: s.name, parts, files: parts.length };
  });
}

/** Pure: ms the profile's thread was running code, not waiting. */
export function busyMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (!idle.has(id)) us += profile.timeDeltas[i] ?? 0;
  });
  return us / 1000;
}

/** Every profile --cpu-prof wrote in `dir` (one per thread of every process). */
export async function readProfiles(dir: string): Promise<NamedProfile[]> {
  const out: NamedProfile[] = [];
  for (const name of (await fs.readdir(dir).catch(() => [] as string[])).sort()) {
    if (!name.endsWith(".cpuprofile")) continue;
    const file = path.join(dir, name);
    out.push({ file, profile: JSON.parse(await fs.readFile(file, "utf8")) as CpuProfile });
  }
  return out;
}
