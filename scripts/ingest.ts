// npm run ingest — validate and normalize content/ into the dataset (.kb/).
import { loadConfig } from "../src/config.ts";
import { runIngest } from "../src/build.ts";
import { reportLines } from "../src/ingest/report.ts";

const includeDrafts = process.argv.includes("--drafts") || undefined;
const cfg = loadConfig(process.env, includeDrafts ? { includeDrafts } : {});
const result = await runIngest(cfg);
for (const line of reportLines(result.log.sorted(), result.summary)) console.log(line);
process.exitCode = result.summary.errors > 0 ? 1 : 0;
