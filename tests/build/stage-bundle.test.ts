import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { bundledFile, bundleStages, isBundledStage, STAGE_BUNDLES_DIR, STAGE_ENTRIES } from "../../src/build/stage-bundle.ts";
import { ROOT } from "../../src/config.ts";

test("a stage script and a thread module are found in the bundle by their base name", () => {
  assert.equal(bundledFile("/b", "scripts/ingest.ts"), path.join("/b", "ingest.mjs"));
  assert.equal(bundledFile("/b", "/x/src/build/ingest-thread.ts"), path.join("/b", "ingest-thread.mjs"));
  assert.equal(isBundledStage("scripts/search-index.ts"), true);
  assert.equal(isBundledStage("scripts/render-slice.ts"), true);
  // npm start serves from the sources (it watches them), and is not a stage process.
  assert.equal(isBundledStage("scripts/start.ts"), false);
});

test("the bundles hold every entry, keep each module's own URL, and are named by their content", async () => {
  const dir = await bundleStages();
  assert.ok(dir, "esbuild made the bundles");
  assert.equal(path.dirname(dir), STAGE_BUNDLES_DIR);
  for (const entry of STAGE_ENTRIES) assert.ok(existsSync(bundledFile(dir, entry)), entry);
  const code = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".mjs"))
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  // ROOT is computed from config.ts's own URL: in the bundle it must not become the bundle's folder.
  assert.doesNotMatch(code, /import\.meta\.url/);
  assert.ok(code.includes(JSON.stringify(pathToFileURL(path.join(ROOT, "src/config.ts")).href)), "config.ts keeps its own URL");
  assert.equal(await bundleStages(), dir, "the same code, the same folder");
  assert.ok(!dir.includes(ROOT + "/src"), "written outside the sources");
});
