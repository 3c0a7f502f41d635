// Measuring a process tree: /proc parsing, summing over descendants, and a real child that
// starts a grandchild holding memory.
import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseProcStat, treeRss, runMeasured, peakIn, dirSize } from "../../bench/measure.ts";

test("parseProcStat reads the parent and resident pages past a command name with spaces and parentheses", () => {
  const fields = Array.from({ length: 50 }, (_, i) => String(i));
  fields[1] = "4242"; // ppid (field 4)
  fields[21] = "1234"; // rss (field 24)
  const stat = `99 (node (worker) x) S ${fields.slice(1).join(" ")}`;
  assert.deepEqual(parseProcStat(stat), { ppid: 4242, rssPages: 1234 });
  assert.equal(parseProcStat("garbage"), undefined);
});

test("treeRss sums a process and all its descendants, and nothing else", () => {
  const procs = new Map([
    [1, { ppid: 0, rssPages: 1000 }],
    [10, { ppid: 1, rssPages: 5 }],
    [11, { ppid: 10, rssPages: 7 }],
    [12, { ppid: 11, rssPages: 11 }],
    [13, { ppid: 10, rssPages: 13 }],
    [20, { ppid: 1, rssPages: 17 }],
  ]);
  assert.deepEqual(treeRss(10, procs), { pages: 5 + 7 + 11 + 13, processes: 4 });
  assert.deepEqual(treeRss(99, procs), { pages: 0, processes: 0 });
});

test("peakIn takes the largest sample of a time window", () => {
  const samples = [0, 50, 100, 150, 200].map((t, i) => ({ t, rss: [3, 9, 4, 7, 1][i]!, processes: 1 }));
  assert.equal(peakIn(samples, 0, Infinity), 9);
  assert.equal(peakIn(samples, 100, 200), 7);
  assert.equal(peakIn(samples, 300, 400), 0);
});

test("runMeasured counts the memory of a grandchild and the lines with their times", async () => {
  // The child starts a grandchild that holds 200 MB for a moment; only the tree sum sees it.
  const grandchild = "const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b[0]), 800);";
  const child = `const { spawnSync } = require("node:child_process"); console.log("started"); spawnSync(process.execPath, ["-e", ${JSON.stringify(grandchild)}], { stdio: "inherit" }); console.log("finished");`;
  const run = await runMeasured(process.execPath, ["-e", child], { cwd: os.tmpdir() });
  assert.equal(run.code, 0);
  assert.deepEqual(run.lines.map((l) => l.text), ["started", "1", "finished"]);
  assert.ok(run.lines[2]!.t >= run.lines[0]!.t);
  assert.ok(run.peakRss > 200 * 1024 * 1024, `peak ${run.peakRss}`);
  assert.ok(run.samples.some((s) => s.processes >= 2), "the grandchild was sampled");
  assert.ok(run.wallMs >= 800);
});

test("dirSize counts bytes, files and HTML pages", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-bench-size-"));
  await fs.mkdir(path.join(dir, "a", "b"), { recursive: true });
  await fs.writeFile(path.join(dir, "index.html"), "x".repeat(100));
  await fs.writeFile(path.join(dir, "a", "b", "page.html"), "y".repeat(50));
  await fs.writeFile(path.join(dir, "a", "data.json"), "{}");
  assert.deepEqual(await dirSize(dir), { bytes: 152, files: 3, htmlFiles: 2 });
  assert.deepEqual(await dirSize(path.join(dir, "missing")), { bytes: 0, files: 0, htmlFiles: 0 });
  await fs.rm(dir, { recursive: true, force: true });
});
