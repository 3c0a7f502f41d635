// The progress line: what it says for a stage, when it is drawn, and that it goes away.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatLine, formatStage, progressWanted, ProgressLine } from "../../src/build/progress.ts";
import { loadConfig } from "../../src/config.ts";

test("a stage shows its count, its total, its rate and its time", () => {
  assert.equal(formatStage({ name: "ingest", unit: "notes", done: 4210, total: 9180, startedAt: 0 }, 18_300), "ingest 4,210/9,180 notes · 230/s · 18 s");
  // A count of a few large things shows the rate of what they made.
  assert.equal(
    formatStage({ name: "render", unit: "slices", done: 3, total: 11, startedAt: 1000, extra: { unit: "pages", count: 4500 } }, 31_000),
    "render 3/11 slices · 4,500 pages · 150/s · 30 s",
  );
  assert.equal(formatStage({ name: "index", done: 0, startedAt: 0 }, 12_900), "index · 12 s");
  assert.equal(formatStage({ name: "ingest", unit: "notes", done: 3, total: 9180, startedAt: 0 }, 2_000), "ingest 3/9,180 notes · 1.5/s · 2 s");
});

test("stages running at once share the line, cut to the terminal's width", () => {
  const stages = [
    { name: "render", unit: "slices", done: 9, total: 10, startedAt: 0 },
    { name: "index", done: 0, startedAt: 5000 },
  ];
  assert.equal(formatLine(stages, 10_000), "render 9/10 slices · 0.9/s · 10 s  |  index · 5 s");
  const cut = formatLine(stages, 10_000, 20);
  assert.equal(cut.length, 19);
  assert.ok(cut.endsWith("…"));
});

test("drawn on a terminal only, never under CI; KB_PROGRESS decides when set", () => {
  assert.equal(progressWanted(loadConfig({}).progress, { isTTY: true }), true);
  assert.equal(progressWanted(loadConfig({}).progress, { isTTY: false }), false);
  assert.equal(progressWanted(loadConfig({}).progress, {}), false);
  assert.equal(progressWanted(loadConfig({ CI: "true" }).progress, { isTTY: true }), false);
  assert.equal(progressWanted(loadConfig({ CI: "1" }).progress, { isTTY: true }), false);
  assert.equal(progressWanted(loadConfig({ CI: "false" }).progress, { isTTY: true }), true);
  assert.equal(progressWanted(loadConfig({ KB_PROGRESS: "1", CI: "true" }).progress, { isTTY: false }), true);
  assert.equal(progressWanted(loadConfig({ KB_PROGRESS: "0" }).progress, { isTTY: true }), false);
});

test("the line is redrawn in place while stages run and taken away when the last ends; disabled, nothing is written", () => {
  let now = 0;
  const written: string[] = [];
  const line = new ProgressLine({ write: (s: string) => written.push(s), columns: 80 }, true, () => now, 1_000_000);
  const ingest = line.stage("ingest", { unit: "notes" });
  ingest.set(10, 100);
  now = 2000;
  const index = line.stage("index");
  assert.equal(written.at(-1), "\r\x1b[2Kingest 10/100 notes · 5.0/s · 2 s  |  index · 0 s\r");
  ingest.end();
  assert.equal(written.at(-1), "\r\x1b[2Kindex · 0 s\r");
  index.end();
  assert.equal(written.at(-1), "\r\x1b[2K");
  const count = written.length;
  index.end();
  assert.equal(written.length, count, "a stage ends once");

  const quiet: string[] = [];
  const off = new ProgressLine({ write: (s: string) => quiet.push(s) }, false).stage("ingest", { unit: "notes" });
  off.set(1, 2);
  off.end();
  assert.deepEqual(quiet, []);
});
