// npm run events:suggest -- <article.md>... — prints ready-to-edit event front matter for
// every sentence that reports a dated measure. Nothing is written: a person confirms each.
import { promises as fs } from "node:fs";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { DiagnosticLog, formatDiagnostic } from "../src/model/diagnostics.ts";
import { loadVocabulary } from "../src/ingest/vocabulary.ts";
import { ingestArticle } from "../src/ingest/article.ts";
import { parseContentFile } from "../src/content/frontmatter.ts";
import { suggestEvents, suggestionToEventFile } from "../src/timeline/suggest.ts";

const files = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (files.length === 0) {
  console.error("usage: npm run events:suggest -- <article.md>...");
  process.exit(2);
}
const cfg = loadConfig();
const log = new DiagnosticLog();
const vocab = await loadVocabulary(cfg.contentDir, cfg.shippedContentDir, log);
let total = 0;
for (const file of files) {
  const raw = await fs.readFile(file, "utf8");
  const r = ingestArticle(file, raw, vocab, { now: new Date() });
  if (!r.article) {
    for (const d of r.diagnostics.filter((x) => x.severity === "error")) console.error(formatDiagnostic(d));
    process.exitCode = 1;
    continue;
  }
  const body = parseContentFile(raw).body;
  const found = suggestEvents(body, r.article.date, vocab);
  total += found.length;
  console.log(`# ${file}: ${found.length} suggested event${found.length === 1 ? "" : "s"} (article date ${r.article.date.day})\n`);
  for (const s of found) console.log(suggestionToEventFile(s, path.basename(file).replace(/\.(md|markdown)$/i, "")));
}
console.log(`# ${total} suggestion${total === 1 ? "" : "s"} from ${files.length} article${files.length === 1 ? "" : "s"}`);
