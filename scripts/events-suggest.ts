// npm run events:suggest -- <files or folders> [--json] [--all] — candidate events in a
// collection: the sentences that report a dated measure, merged across every article that
// reports the same one (src/timeline/candidates.ts). A candidate that is a shipped event is
// listed as new sources for it. Ready-to-edit YAML by default; --json prints the candidates.
// Single-article candidates without an instrument are left out unless --all.
import { promises as fs } from "node:fs";
import { stringify } from "yaml";
import { loadConfig } from "../src/config.ts";
import { DiagnosticLog } from "../src/model/diagnostics.ts";
import { loadVocabulary } from "../src/ingest/vocabulary.ts";
import { candidatesOfFiles, markdownFiles, reviewable, shippedEvents } from "../src/ingest/collection-candidates.ts";
import type { Candidate } from "../src/timeline/candidates.ts";
import { candidateTitles, candidateToEventFile } from "../src/timeline/candidate-file.ts";
import { isRejected, reviewFile } from "../src/timeline/review.ts";
import { readRejected, REJECTED_FILE } from "../src/ingest/candidate-review.ts";

const args = process.argv.slice(2);
const inputs = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--review");
const json = args.includes("--json");
const all = args.includes("--all");
const reviewAt = args.indexOf("--review");
const reviewPath = reviewAt >= 0 ? args[reviewAt + 1] : undefined;
if (inputs.length === 0) {
  console.error("usage: npm run events:suggest -- <article.md or folder>... [--json] [--all] [--review <review.yaml>]");
  process.exit(2);
}

const cfg = loadConfig();
const log = new DiagnosticLog();
const vocab = await loadVocabulary(cfg.contentDir, cfg.shippedContentDir, log);
const today = new Date().toISOString().slice(0, 10);

// The shipped events, to tell new measures from ones already recorded.
const events = await shippedEvents(cfg.contentDir, vocab, today, cfg.shippedContentDir);
const missing: string[] = [];
const files = await markdownFiles(inputs, (p) => missing.push(p));
for (const p of missing) console.error(`events:suggest: no such file or folder: ${p}`);
if (missing.length && !files.length) process.exit(2);
const { mentions, candidates, unread } = await candidatesOfFiles(files, vocab, events);
// A lone report with no instrument is too often not a measure to be worth a person's time.
// Candidates a person rejected in an earlier review are not proposed again.
const rejected = await readRejected(cfg.contentDir);
const fresh = candidates.filter((c) => !isRejected(c, rejected));
const shown = all ? fresh : fresh.filter(reviewable);

if (reviewPath) {
  await fs.writeFile(reviewPath, reviewFile(shown));
  console.log(`${shown.length} candidates written to ${reviewPath}: set each decision, then npm run events:review -- ${reviewPath}`);
} else if (json) {
  console.log(JSON.stringify(shown.map(toJson), null, 2));
} else {
  for (const c of shown.filter((c) => c.matches_event)) console.log(matchedReport(c));
  for (const c of shown.filter((c) => !c.matches_event)) console.log(candidateToEventFile(c, vocab));
}
const matched = shown.filter((c) => c.matches_event).length;
console.error(
  `# ${files.length} article${files.length === 1 ? "" : "s"} read${unread ? ` (${unread} could not be read)` : ""}: ${mentions.length} sentences report a measure, ` +
    `${candidates.length} candidates after merging; shown ${shown.length}: ${matched} match a shipped event, ${shown.length - matched} new` +
    `${all ? "" : ` (${fresh.length - shown.length} reported by one article only, with no instrument: --all shows them)`}` +
    `${candidates.length > fresh.length ? `; ${candidates.length - fresh.length} rejected before (${REJECTED_FILE})` : ""}`,
);

function toJson(c: Candidate) {
  return {
    announced: c.announced,
    jurisdiction: c.jurisdiction,
    authority: c.authority,
    kind: c.kind,
    instrument: c.instrument,
    items: c.items,
    title: candidateTitles(c, vocab),
    articles: c.articles,
    sentences: c.sentences,
    matches_event: c.matches_event,
    confidence: c.confidence,
    date_note: c.dateNote,
  };
}

function matchedReport(c: Candidate): string {
  return [
    `# ${c.articles.length} article${c.articles.length === 1 ? "" : "s"} report the shipped event ${c.matches_event} (${c.announced}): add them as sources?`,
    stringify({ event: c.matches_event, new_sources: c.articles.map((article) => ({ article })) }, { lineWidth: 0 }).trimEnd(),
    ...c.sentences.slice(0, 3).map((s) => `#   ${s.article}:${s.line}: ${s.text.slice(0, 160)}`),
    "",
  ].join("\n");
}
