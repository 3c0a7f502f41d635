// npm run vocab -- suggest [--min-notes N] [--min-share F] [--limit N]
// Lists the names of the content folder (KB_CONTENT_DIR) that are likely one actor or one tag,
// as YAML to paste into actors.yaml and tags.yaml, the most useful first. Reads front matter only.
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { DiagnosticLog } from "../src/model/diagnostics.ts";
import { listArticleFiles } from "../src/ingest/ingest.ts";
import { loadVocabulary, noteNames } from "../src/ingest/vocabulary.ts";
import { readNoteHead } from "../src/content/head.ts";
import { suggestDuplicates, suggestionYaml, SUGGEST_DEFAULTS } from "../src/normalize/vocab-suggest.ts";

const USAGE = "usage: npm run vocab -- suggest [--min-notes N] [--min-share 0..1] [--limit N]";
const [command, ...rest] = process.argv.slice(2);
if (command !== "suggest") {
  console.error(USAGE);
  process.exit(2);
}
const flag = (name: string): string | undefined => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const number = (name: string, fallback: number, ok: (n: number) => boolean): number => {
  const v = flag(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || !ok(n)) {
    console.error(`${name} ${v}: not a valid value\n${USAGE}`);
    process.exit(2);
  }
  return n;
};
const minNotes = number("--min-notes", SUGGEST_DEFAULTS.minNotes, (n) => n >= 1);
const minShare = number("--min-share", SUGGEST_DEFAULTS.minShare, (n) => n > 0 && n <= 1);
const limit = number("--limit", 200, (n) => n >= 1);

const started = performance.now();
const cfg = loadConfig();
const log = new DiagnosticLog();
const vocab = await loadVocabulary(cfg.contentDir, cfg.shippedContentDir, log);
for (const d of log.errors) console.error(`error: ${d.file}${d.line ? `:${d.line}` : ""}: ${d.message}`);
const files = await listArticleFiles(cfg.contentDir);
const notes = [];
for (const file of files) notes.push(noteNames(await readNoteHead(path.join(cfg.contentDir, file))));
const read = performance.now();
const suggestions = suggestDuplicates(notes, vocab.registry, { minNotes, minShare });
const shown = suggestions.slice(0, limit);
for (const vocabulary of ["actors", "tags"] as const) {
  const mine = shown.filter((s) => s.vocabulary === vocabulary);
  if (mine.length === 0) continue;
  console.log(`# ─── ${vocabulary}.yaml: ${mine.length} suggestion${mine.length === 1 ? "" : "s"} ${"─".repeat(40)}\n`);
  console.log(mine.map(suggestionYaml).join("\n\n") + "\n");
}
const secs = (ms: number) => (ms / 1000).toFixed(2);
console.error(
  `vocab: ${files.length} notes, ${suggestions.length} suggestions (${shown.length} shown); ` +
    `front matter read in ${secs(read - started)} s, suggestions in ${secs(performance.now() - read)} s ` +
    `(CPU ${secs((process.cpuUsage().user + process.cpuUsage().system) / 1000)} s since start)`,
);
