// npm run events:review -- <review.yaml> — applies a reviewed candidate list (written by
// npm run events:suggest -- <notes> --review <review.yaml>) to the content folder: accepted
// candidates become event files, "sources" adds the articles to the matched event, rejected ones
// are not proposed again.
import { promises as fs } from "node:fs";
import { loadConfig } from "../src/config.ts";
import { DiagnosticLog } from "../src/model/diagnostics.ts";
import { loadVocabulary } from "../src/ingest/vocabulary.ts";
import { applyReview } from "../src/ingest/candidate-review.ts";
import { parseReviewFile } from "../src/timeline/review.ts";

const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: npm run events:review -- <review.yaml>");
  process.exit(2);
}
const cfg = loadConfig();
const vocab = await loadVocabulary(cfg.contentDir, cfg.shippedContentDir, new DiagnosticLog());
let entries;
try {
  entries = parseReviewFile(await fs.readFile(file, "utf8"));
} catch (e) {
  console.error(`${file}: ${(e as Error).message}`);
  process.exit(1);
}
const out = await applyReview(entries, cfg.contentDir, vocab, cfg.shippedContentDir);
for (const w of out.written) console.log(`new event: ${w} (check it, write its description, and read it against the official text)`);
for (const s of out.sourcesAdded) console.log(`sources: ${s.articles} article${s.articles === 1 ? "" : "s"} added to ${s.event}`);
for (const p of out.problems) console.log(`not applied: ${p}`);
console.log(`${entries.length} candidates: ${out.written.length} accepted, ${out.sourcesAdded.length} events got sources, ${out.rejected} rejected, ${out.undecided} left to decide`);
if (out.problems.length) process.exitCode = 1;
