// npm run ingest — validate and normalize content/ into the dataset (.kb/). Flags: --drafts
// (KB_INCLUDE_DRAFTS=1), --strict (KB_STRICT=1: warnings fail the run), --verbose (KB_VERBOSE=1:
// every problem one a line, not grouped by kind).
import path from "node:path";
import { loadConfig, type KbConfig } from "../src/config.ts";
import { runIngest } from "../src/build.ts";
import { DIAGNOSTICS_FILE } from "../src/model/dataset.ts";
import { reportLines, runFails, shownPath } from "../src/ingest/report.ts";

const flags: Partial<KbConfig> = {};
if (process.argv.includes("--drafts")) flags.includeDrafts = true;
if (process.argv.includes("--strict")) flags.strict = true;
if (process.argv.includes("--verbose")) flags.verbose = true;
const cfg = loadConfig(process.env, flags);
const result = await runIngest(cfg);
const lines = reportLines(result.log.sorted(), result.summary, {
  verbose: cfg.verbose,
  strict: cfg.strict,
  diagnosticsFile: shownPath(path.join(cfg.dataDir, DIAGNOSTICS_FILE)),
});
// One write: --verbose may print 240,000 lines.
console.log(lines.join("\n"));
process.exitCode = runFails(result.summary, cfg.strict) ? 1 : 0;
