// Reading what the builds print, preparing the baseline's copy, and the printout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseOurBuildOutput } from "../../bench/ours.ts";
import { baselineCopy, layoutNamed } from "../../bench/baseline.ts";
import { medianFigures, stageTable, outputTable, profileLines } from "../../bench/report.ts";
import { summarizeCpuProfile, summarizeCpuProfiles, profilesByStage, moduleOf, busyMs, type CpuProfile } from "../../bench/profile.ts";
import type { BuildFigures } from "../../bench/figures.ts";

const line = (t: number, text: string) => ({ t, stream: "stdout" as const, text });

test("parseOurBuildOutput reads the ingest summary and the final line of scripts/build.ts", () => {
  const out = parseOurBuildOutput([
    line(100, "articles/a.md: warning: tag \"x\" is not in the vocabulary"),
    line(3000, "ingest: 1,000 articles, 200 events, drafts included, 1520 warnings, 0 errors, 41.20 s".replace("1,000", "1000")),
    line(9000, "render: 2500 files in 30.50 s; search index: 1400 pages in 32.25 s; total 86.00 s → /tmp/site (render: 2 slices; index: postings in 3 chunks, built beside the render)"),
  ]);
  assert.deepEqual(out, {
    ingest: { articles: 1000, events: 200, warnings: 1520, errors: 0, seconds: 41.2 },
    render: { files: 2500, seconds: 30.5 },
    index: { pages: 1400, seconds: 32.25 },
    total: 86,
    ingestDoneAt: 3000,
    finishedAt: 9000,
    renderSlices: 2,
    indexEngine: "postings",
    indexBesideRender: true,
  });
  assert.equal(parseOurBuildOutput([line(1, "ingest: 1 article, 0 events, drafts included, 0 warnings, 1 error, 0.10 s")]), undefined);
});

test("the baseline's copy differs only in the date line, rewritten to ISO 8601", () => {
  const note = "---\ntitle: 标题\ndate: '2024年12月4日'\ntags:\n- 稀土\n---\n\nbody with date: '2024年12月4日'\n";
  assert.equal(baselineCopy(note), "---\ntitle: 标题\ndate: '2024-12-04T00:00:00+08:00'\ntags:\n- 稀土\n---\n\nbody with date: '2024年12月4日'\n");
  const rfc = "---\ndate: 'Wed, 04 Dec 2024 09:24:00 +0800'\n---\nx\n";
  assert.equal(baselineCopy(rfc), "---\ndate: '2024-12-04T09:24:00+08:00'\n---\nx\n");
  assert.equal(baselineCopy("no front matter\n"), "no front matter\n");
});

test("the baseline's copy of a real note: dates Eleventy would stop at are made ISO or left out, unparseable front matter left out", () => {
  // A YAML date Eleventy reads itself: byte for byte.
  const plain = "---\ntitle: x\ndate: 2024-12-04\n---\nbody\n";
  assert.equal(baselineCopy(plain), plain);
  assert.equal(baselineCopy("---\ntitle: x\ndate: '2024年12月4日'\n---\nbody\n"), "---\ntitle: x\ndate: '2024-12-04T00:00:00+08:00'\n---\nbody\n");
  // A year alone is not a date our normalizer reads either: Eleventy dates the file itself.
  assert.equal(baselineCopy("---\ntitle: x\ndate: 2021\n---\nbody\n"), "---\ntitle: x\n\n---\nbody\n");
  assert.equal(baselineCopy("---\ntitle: x\ndate: '2024-13-45'\ntags: [a]\n---\nbody\n"), "---\ntitle: x\n\ntags: [a]\n---\nbody\n");
  assert.equal(baselineCopy('---\ntitle: "unclosed\ndate: 2024-12-04\n---\n\n# Heading\nbody\n'), "\n# Heading\nbody\n");
});

test("the baseline's copy of a note with Liquid-like text skips Liquid, which would stop stock Eleventy's build", () => {
  const rust = "---\ntitle: epoll\n---\nlet res = unsafe { libc::$fn($($arg, )*) };\n{{ not liquid }}\n";
  assert.equal(baselineCopy(rust), `---\ntemplateEngineOverride: md\n${rust.slice(4)}`);
  assert.equal(baselineCopy("{% raw %} x\n"), "---\ntemplateEngineOverride: md\n---\n{% raw %} x\n");
  // Front matter alone with braces, or a body without them: byte for byte.
  assert.equal(baselineCopy("---\ntitle: '{{x}}'\n---\nbody\n"), "---\ntitle: '{{x}}'\n---\nbody\n");
});

function figures(who: "ours" | "baseline", scale: number): BuildFigures {
  return {
    who,
    stages: (who === "ours" ? (["ingest", "render", "index"] as const) : (["render", "index"] as const)).map((name, i) => ({ name, seconds: (i + 1) * scale, peakRss: (i + 1) * 100 * 2 ** 20 * scale })),
    wallSeconds: 10 * scale,
    peakRss: 400 * 2 ** 20 * scale,
    site: { bytes: 2 ** 20 * scale, files: 10, htmlFiles: 8 },
    pagefind: { bytes: 2 ** 19, files: 4, htmlFiles: 0 },
    pagesPerSecond: 8 / scale,
    facts: { warnings: 3 * scale },
  };
}

test("medianFigures takes the median of every figure over the runs", () => {
  const m = medianFigures([figures("ours", 1), figures("ours", 5), figures("ours", 2)]);
  assert.equal(m.wallSeconds, 20);
  assert.equal(m.stages.find((s) => s.name === "render")!.seconds, 4);
  assert.equal(m.peakRss, 800 * 2 ** 20);
  assert.equal(m.facts.warnings, 6);
  assert.equal(m.pagesPerSecond, 4);
});

test("the stage table shows both builds, the rest of the wall time, and the ratios", () => {
  const lines = stageTable(figures("ours", 2), figures("baseline", 1));
  const text = lines.join("\n");
  assert.match(text, /\| ingest +\| +2\.00 s \| +200\.0 MiB \| +— \| +— \|/);
  assert.match(text, /\| render +\| +4\.00 s \| +400\.0 MiB \| +1\.00 s \| +100\.0 MiB \|/);
  // Ours: 20 s of wall, 12 s in stages; the baseline: 10 s of wall, 3 s in stages.
  assert.match(text, /\| start-up and exit +\| +8\.00 s \| +\| +7\.00 s \| +\|/);
  assert.match(text, /ours\/baseline: total time ×2\.00, peak memory ×2\.00/);
  assert.doesNotMatch(stageTable(figures("ours", 1)).join("\n"), /ours\/baseline/);
  assert.match(outputTable(figures("ours", 1)).join("\n"), /\| HTML pages +\| +8 \| +— \|/);
  assert.match(outputTable({ ...figures("ours", 1), facts: { reportLines: 31 } }, figures("baseline", 1)).join("\n"), /\| lines printed +\| +31 \| +— \|/);
  // Render (4 s) and index (6 s) side by side for 4 s: 20 s of wall, 12 − 4 s in stages.
  const sideBySide = stageTable({ ...figures("ours", 2), overlapSeconds: 4 }).join("\n");
  assert.match(sideBySide, /\| start-up and exit +\| +12\.00 s \|/);
  assert.match(sideBySide, /render and index run side by side \(4\.00 s overlap/);
});

test("a CPU profile is reduced to self time per function and module, in a time window", () => {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)", "") },
      { id: 2, callFrame: frame("parse", "file:///repo/node_modules/markdown-it/lib/index.mjs") },
      { id: 3, callFrame: frame("render", "file:///repo/node_modules/@11ty/eleventy/src/Template.js") },
      { id: 4, callFrame: frame("(idle)", "") },
      { id: 5, callFrame: frame("ingestArticle", "file:///repo/src/ingest/article.ts?tsx=1") },
    ],
    startTime: 0,
    endTime: 10_000,
    samples: [2, 2, 3, 4, 5, 5, 5],
    timeDeltas: [1000, 1000, 2000, 3000, 1000, 1000, 1000],
  };
  const all = summarizeCpuProfile(profile);
  assert.equal(all.totalMs, 10);
  assert.deepEqual(all.functions[0], { name: "(idle)", where: "", selfMs: 3, share: 0.3 });
  assert.deepEqual(all.modules.find((m) => m.module === "src/ingest/article.ts"), { module: "src/ingest/article.ts", selfMs: 3, share: 0.3 });
  assert.equal(all.modules.find((m) => m.module === "@11ty/eleventy")?.selfMs, 2);
  // Samples at 1, 2, 4, 7, 8, 9, 10 ms; [0, 4) holds the two markdown-it ones.
  const early = summarizeCpuProfile(profile, 5, [0, 4]);
  assert.deepEqual(early.modules, [{ module: "markdown-it", selfMs: 2, share: 1 }]);
  assert.equal(busyMs(profile), 7);
  assert.equal(profileLines("ingest", all)[0], "ingest: 0.01 s of samples, 0.01 s busy");
  assert.match(profileLines("ingest", summarizeCpuProfile({ ...profile, samples: [4, 4, 4, 4, 4, 4, 2] })).join("\n"), /ingest: 0\.01 s of samples, 0\.00 s busy/);
  assert.equal(moduleOf("node:internal/modules/esm/loader"), "node:internal");
  assert.equal(moduleOf("file:///r/node_modules/.cache/kb-stages/c2a53b7d447cc518/chunks/ingest-XGZTRYLV.mjs"), "(bundled) ingest");
  assert.equal(moduleOf("file:///r/node_modules/.cache/kb-stages/c2a53b7d447cc518/ingest-thread.mjs"), "(bundled) ingest-thread");
});

test("a build's profiles by stage: its own process cut into the stages' windows, each stage's processes wholly theirs", () => {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
  // One function per profile, a sample every ms from its start (µs on the machine's clock).
  const profile = (fn: string, url: string, startMs: number, samples: number): CpuProfile => ({
    nodes: [{ id: 1, callFrame: frame(fn, url) }],
    startTime: startMs * 1000,
    endTime: (startMs + samples) * 1000,
    samples: Array.from({ length: samples }, () => 1),
    timeDeltas: Array.from({ length: samples }, () => 1000),
  });
  const profiles = [
    // The build's process (pid 100): its main thread for 30 ms, tsx's loader thread started 1 ms later.
    { file: "CPU.20261204.090000.100.0.001.cpuprofile", profile: profile("build", "file:///repo/src/build.ts", 1_000, 30) },
    { file: "CPU.20261204.090000.100.1.002.cpuprofile", profile: profile("load", "file:///repo/node_modules/tsx/x.mjs", 1_001, 4) },
    // The ingest process (pid 200) and a worker thread of it, started in the ingest window.
    { file: "CPU.20261204.090000.200.0.001.cpuprofile", profile: profile("ingest", "file:///repo/src/ingest/ingest.ts", 1_005, 5) },
    { file: "CPU.20261204.090000.200.2.003.cpuprofile", profile: profile("article", "file:///repo/src/ingest/article.ts", 1_006, 7) },
    // Two render workers (pids 300, 301), started after ingest ended.
    { file: "CPU.20261204.090000.300.0.001.cpuprofile", profile: profile("slice", "file:///repo/node_modules/@11ty/eleventy/a.js", 1_012, 6) },
    { file: "CPU.20261204.090000.301.0.001.cpuprofile", profile: profile("slice", "file:///repo/node_modules/@11ty/eleventy/a.js", 1_012, 8) },
  ];
  const stages = profilesByStage(profiles, [
    { name: "start-up", from: 0, to: 4 },
    { name: "ingest", from: 4, to: 11 },
    { name: "render", from: 11, to: Infinity },
  ]);
  assert.deepEqual(stages.map((s) => [s.name, s.files]), [["start-up", 2], ["ingest", 4], ["render", 4]]);
  const [startup, ingest, render] = stages.map((s) => summarizeCpuProfiles(s.parts));
  // Samples at 1, 2, 3 ms of the main thread; the loader's at 1, 2 ms of its own clock (2, 3 of the build's).
  assert.deepEqual(startup!.modules, [{ module: "src/build.ts", selfMs: 3, share: 0.6 }, { module: "tsx", selfMs: 2, share: 0.4 }]);
  // The ingest process and its thread wholly (5 + 7 ms), the build's main thread from 4 to 11 ms (7 ms), the loader's last 2.
  assert.equal(ingest!.totalMs, 5 + 7 + 7 + 2);
  assert.equal(ingest!.modules.find((m) => m.module === "src/ingest/article.ts")?.selfMs, 7);
  // Both render workers added up.
  assert.equal(render!.modules.find((m) => m.module === "@11ty/eleventy")?.selfMs, 14);
  assert.equal(render!.modules.find((m) => m.module === "src/build.ts")?.selfMs, 30 - 10);
  assert.deepEqual(profilesByStage([], [{ name: "ingest", from: 0, to: 1 }]), [{ name: "ingest", parts: [], files: 0 }]);
});

test("the layout a note names is found for the baseline, which writes one under that name", () => {
  assert.equal(layoutNamed("---\ntitle: x\nlayout: page\n---\nbody\n"), "page");
  assert.equal(layoutNamed("---\nlayout: 'post.njk'\n---\n"), "post.njk");
  assert.equal(layoutNamed("no front matter\nlayout: page\n"), undefined);
  assert.equal(layoutNamed("---\nlayout: ../../etc/x\n---\n"), undefined, "never outside _includes");
  assert.equal(layoutNamed("---\ntitle: x\n---\nlayout: page\n"), undefined, "a body line is not front matter");
});

test("the baseline's copy leaves a publishing tool's permalink out, so the note is where the others are", () => {
  assert.equal(baselineCopy("---\ntitle: 花园导览\npermalink: /huayuan\n---\nbody\n"), "---\ntitle: 花园导览\n\n---\nbody\n");
  assert.equal(baselineCopy("---\ntitle: x\n---\npermalink: /in-the-body\n"), "---\ntitle: x\n---\npermalink: /in-the-body\n");
});
