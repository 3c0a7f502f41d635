// The memory budgets and slice limits: fixed defaults whatever the corpus, settable, checked, and
// carried to the stages' processes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { configEnv, INDEX_HEAP_MB, INGEST_HEAP_MB, loadConfig, RENDER_HEAP_MB, RENDER_SLICE_MB } from "../src/config.ts";

test("heap budgets and the slice size have fixed defaults and can be set", () => {
  const d = loadConfig({});
  assert.deepEqual([d.ingestHeapMiB, d.renderHeapMiB, d.indexHeapMiB, d.renderSliceBytes], [INGEST_HEAP_MB, RENDER_HEAP_MB, INDEX_HEAP_MB, RENDER_SLICE_MB * 1e6]);
  const c = loadConfig({ KB_INGEST_HEAP_MB: "3000", KB_RENDER_HEAP_MB: "2048", KB_INDEX_HEAP_MB: "1500", KB_RENDER_SLICE_MB: "16" });
  assert.deepEqual([c.ingestHeapMiB, c.renderHeapMiB, c.indexHeapMiB, c.renderSliceBytes], [3000, 2048, 1500, 16e6]);
  for (const bad of ["0", "-1", "1.5", "lots"]) assert.throws(() => loadConfig({ KB_RENDER_HEAP_MB: bad }), /KB_RENDER_HEAP_MB .* must be a positive whole number/);
});

test("a stage's process gets the same settings, its render slice and articles included", () => {
  const c = loadConfig({ KB_RENDER_HEAP_MB: "2048", KB_RENDER_SLICE_MB: "16", KB_RENDER_SLICE: "3/11:120-245" });
  const again = loadConfig(configEnv(c));
  assert.deepEqual([again.renderHeapMiB, again.renderSliceBytes, again.renderSlice], [2048, 16e6, { index: 3, count: 11, articles: [120, 245] }]);
});

test("the machinery's settings are read here and carried to a stage's process like the others", () => {
  const d = loadConfig({});
  assert.deepEqual([d.dev, d.deferBodies, d.progress, d.progressIpc, d.cpuProfileDir, d.timing], [false, false, undefined, false, undefined, false]);
  const c = loadConfig({ KB_DEV: "1", KB_DEFER_BODIES: "1", KB_PROGRESS: "0", KB_PROGRESS_IPC: "1", KB_CPU_PROF_DIR: "/tmp/prof", KB_TIMING: "1" });
  assert.deepEqual([c.dev, c.deferBodies, c.progress, c.progressIpc, c.cpuProfileDir, c.timing], [true, true, false, true, "/tmp/prof", true]);
  const again = loadConfig(configEnv(c));
  assert.deepEqual([again.dev, again.deferBodies, again.progress, again.progressIpc, again.cpuProfileDir, again.timing], [true, true, false, true, "/tmp/prof", true]);
  assert.equal(loadConfig(configEnv(d)).progress, undefined, "undecided stays undecided");
  assert.equal(loadConfig({ CI: "true" }).progress, false, "never under CI unless KB_PROGRESS says so");
});
