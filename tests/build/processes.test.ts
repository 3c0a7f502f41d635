// What each stage's process adds to its environment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { stageEnv } from "../../src/build/processes.ts";

test("a render slice runs without Eleventy's ESM resolver, which only --watch needs; other stages add nothing", () => {
  assert.deepEqual(stageEnv("render"), { ELEVENTY_SKIP_ESM_RESOLVER: "1" });
  assert.deepEqual(stageEnv("ingest"), {});
  assert.deepEqual(stageEnv("index"), {});
});
