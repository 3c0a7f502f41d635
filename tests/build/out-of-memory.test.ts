// A stage that runs out of memory is named in one line with the setting to raise, not a stack trace.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { pathToFileURL } from "node:url";
import { ROOT } from "../../src/config.ts";
import { endedOutOfMemory, isOutOfMemoryError, outOfMemoryMessage, StderrFilter, OUT_OF_MEMORY_EXIT } from "../../src/build/out-of-memory.ts";

test("the message names the stage, the heap it had and the setting to raise", () => {
  assert.equal(
    outOfMemoryMessage({ stage: "render", slice: "3/11", heapMiB: 1024 }),
    "error: the render slice 3/11 ran out of memory (1024 MiB heap per render worker): raise KB_RENDER_HEAP_MB, e.g. KB_RENDER_HEAP_MB=2048 npm run build",
  );
  assert.match(outOfMemoryMessage({ stage: "index", heapMiB: 1024 }), /^error: the search index ran out of memory \(1024 MiB heap for the index process and each of its threads\): raise KB_INDEX_HEAP_MB, e\.g\. KB_INDEX_HEAP_MB=2048 /);
  assert.match(outOfMemoryMessage({ stage: "ingest", heapMiB: 100 }), /the ingest ran out of memory .* KB_INGEST_HEAP_MB=512 /);
  assert.ok(!outOfMemoryMessage({ stage: "ingest", heapMiB: 100 }).includes("\n"), "one line");
});

test("a thread out of heap is recognised by its code, its message or its cause", () => {
  assert.ok(isOutOfMemoryError(Object.assign(new Error("Worker terminated due to reaching memory limit: JS heap out of memory"), { code: "ERR_WORKER_OUT_OF_MEMORY" })));
  assert.ok(isOutOfMemoryError(new Error("index failed", { cause: { code: "ERR_WORKER_OUT_OF_MEMORY" } })));
  assert.ok(!isOutOfMemoryError(new Error("ENOENT: no such file")));
  assert.ok(!isOutOfMemoryError("heap"));
  assert.ok(endedOutOfMemory({ code: OUT_OF_MEMORY_EXIT, signal: null }, false));
  assert.ok(endedOutOfMemory({ code: null, signal: "SIGABRT" }, false));
  assert.ok(endedOutOfMemory({ code: 1, signal: null }, true));
  assert.ok(!endedOutOfMemory({ code: 1, signal: null }, false));
});

test("stderr passes through, except V8's out-of-memory report", () => {
  const out: string[] = [];
  const f = new StderrFilter((t) => out.push(t));
  f.write("[11ty] Problem writing\nsecond li");
  f.write("ne\n\n<--- Last few GCs --->\n[123:0x25470de0]   631 ms: Mark-Compact 11.9 (29.4) -> 11.6 (29.4) MB\n");
  f.write("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb78db3 node::OOMErrorHandler() [node]\n");
  f.end();
  assert.equal(out.join(""), "[11ty] Problem writing\nsecond line\n");
  assert.ok(f.outOfMemory);
  const clean = new StderrFilter((t) => out.push(t));
  clean.write("no newline at the end");
  clean.end();
  assert.equal(out.at(-1), "no newline at the end");
  assert.ok(!clean.outOfMemory);
});

test("a stage's thread that runs out of heap ends its process with the out-of-memory exit, no stack trace", async () => {
  const hook = pathToFileURL(path.join(ROOT, "src/build/child-exit.ts")).href;
  // A thread held to 8 MiB that keeps what it allocates: ERR_WORKER_OUT_OF_MEMORY, uncaught.
  const script = `const { Worker } = require("node:worker_threads"); const w = new Worker("const a = []; for (;;) a.push(new Array(1e5).fill(1));", { eval: true, resourceLimits: { maxOldGenerationSizeMb: 8 } }); w.on("error", (e) => { throw e; });`;
  await assert.rejects(promisify(execFile)(process.execPath, ["--import", "tsx", "--import", hook, "-e", script], { cwd: ROOT }), (e: { code: number; stderr: string }) => {
    assert.equal(e.code, OUT_OF_MEMORY_EXIT);
    assert.equal(e.stderr, "");
    return true;
  });
  // Any other error is printed and ends the process with 1.
  await assert.rejects(promisify(execFile)(process.execPath, ["--import", "tsx", "--import", hook, "-e", `throw new Error("something else")`], { cwd: ROOT }), (e: { code: number; stderr: string }) => {
    assert.equal(e.code, 1);
    assert.match(e.stderr, /Error: something else/);
    return true;
  });
});

test("a build whose search index gets a 16 MiB heap ends with the one line, no stack trace, exit 1", { timeout: 120_000 }, async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kb-oom-"));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, KB_DATA_DIR: path.join(tmp, "data"), KB_OUTPUT_DIR: path.join(tmp, "site"), KB_INDEX_HEAP_MB: "16", KB_PROGRESS: "0" };
    delete env.KB_CONTENT_DIR;
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build.ts")], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
    await assert.rejects(run, (e: { code: number; stderr: string }) => {
      assert.equal(e.code, 1);
      const lines = e.stderr.trim().split("\n");
      assert.equal(lines.at(-1), "error: the search index ran out of memory (16 MiB heap for the index process and each of its threads): raise KB_INDEX_HEAP_MB, e.g. KB_INDEX_HEAP_MB=512 npm run build");
      assert.doesNotMatch(e.stderr, /FATAL ERROR|Last few GCs|node::|^\s+at /m);
      return true;
    });
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
});
