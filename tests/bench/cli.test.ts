// The benchmark end to end on a tiny corpus, as a user runs it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { ROOT } from "../../src/config.ts";

const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/bench.ts"), ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });

test("--articles 20 --size small --skip-baseline builds the corpus and prints the stage table", async () => {
  const { stdout } = await run(["--articles", "20", "--size", "small", "--skip-baseline"]);
  assert.match(stdout, /corpus: 20 articles \+ 4 events/);
  for (const stage of ["ingest", "render", "index"]) {
    assert.match(stdout, new RegExp(`\\| ${stage} +\\| +\\d+\\.\\d\\d s \\| +\\d+\\.\\d MiB \\| +— \\| +— \\|`), stage);
  }
  assert.match(stdout, /\| total \(wall\) +\| +\d+\.\d\d s \| +\d+\.\d MiB \|/);
  assert.match(stdout, /\| HTML pages +\| +\d+ \| +— \|/);
  assert.match(stdout, /ours: 20 articles, 4 events, \d+ warnings, 0 errors/);
  assert.doesNotMatch(stdout, /kept:/, "the temporary folder is removed");
});

test("a missing or bad argument prints the usage and fails", async () => {
  await assert.rejects(run([]), (e: { code: number; stdout: string }) => e.code === 2 && /usage: npx tsx scripts\/bench\.ts/.test(e.stdout));
  await assert.rejects(run(["--articles", "ten"]), (e: { code: number; stderr: string }) => e.code === 2 && /--articles must be a whole number/.test(e.stderr));
});
