// events:suggest's reading of a collection: notes dated as ingest dates them (an Obsidian note
// without a date included), and sentences that point at the lines of the file itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../../src/config.ts";
import { DiagnosticLog } from "../../src/model/diagnostics.ts";
import { loadVocabulary } from "../../src/ingest/vocabulary.ts";
import { candidatesOfFiles, shippedEvents } from "../../src/ingest/collection-candidates.ts";

const SENTENCE = "2023年7月3日，商务部和海关总署发布公告，对镓、锗相关物项实施出口管制。";

test("a note without a date is read, dated by its modification time; sentences give the file's own line", async () => {
  const content = path.join(ROOT, "content");
  const vocab = await loadVocabulary(content, content, new DiagnosticLog());
  const events = await shippedEvents(content, vocab, "2026-01-01");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-suggest-"));
  const dated = path.join(dir, "dated.md");
  const vault = path.join(dir, "vault note.md");
  await fs.writeFile(dated, `---\ntitle: 镓锗\ndate: 2023-07-05\ntags:\n  - 出口管制\n---\n\n引言。\n\n${SENTENCE}\n`);
  await fs.writeFile(vault, `# 镓和锗\n\n${SENTENCE}\n`);
  await fs.writeFile(path.join(dir, "empty.md"), "");
  const when = new Date("2023-07-06T04:00:00Z");
  await fs.utimes(vault, when, when);
  const run = await candidatesOfFiles([dated, vault, path.join(dir, "empty.md")], vocab, events);
  assert.equal(run.unread, 1, "only the empty file is not a note");
  const sentences = run.candidates.flatMap((c) => c.sentences).filter((s) => s.text.includes("镓、锗"));
  assert.deepEqual([...new Set(sentences.map((s) => `${s.article}:${s.line}`))].sort(), ["dated:10", "vault note:3"]);
});
