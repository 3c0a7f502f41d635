// The review loop on a copy of the shipped content: candidates written to a review file, decided,
// applied: a new event file that ingest accepts, articles added to a shipped event's sources
// with the file otherwise as it was, and a rejected candidate that is not proposed again.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../../src/config.ts";
import { DiagnosticLog } from "../../src/model/diagnostics.ts";
import { loadVocabulary, type Vocabulary } from "../../src/ingest/vocabulary.ts";
import { candidatesOfFiles, markdownFiles, shippedEvents } from "../../src/ingest/collection-candidates.ts";
import { applyReview, readRejected } from "../../src/ingest/candidate-review.ts";
import { parseEvent } from "../../src/ingest/events.ts";
import { isRejected, parseReviewFile, reviewFile, withArticleSources } from "../../src/timeline/review.ts";
import type { Candidate } from "../../src/timeline/candidates.ts";

const NOTES = path.join(ROOT, "tests/fixtures/extraction/notes");
let content: string;
let vocab: Vocabulary;
let candidates: Candidate[];
before(async () => {
  content = await fs.mkdtemp(path.join(os.tmpdir(), "kb-review-"));
  await fs.cp(path.join(ROOT, "content/events"), path.join(content, "events"), { recursive: true });
  for (const f of ["actors.yaml", "tags.yaml"]) await fs.copyFile(path.join(ROOT, "content", f), path.join(content, f));
  vocab = await loadVocabulary(content, content, new DiagnosticLog());
  const events = await shippedEvents(content, vocab, "2026-01-01");
  candidates = (await candidatesOfFiles(await markdownFiles([NOTES]), vocab, events, new Date("2026-01-01T00:00:00Z"))).candidates;
});

test("a decided review file is applied: accept writes an event ingest takes, sources extends the matched event, reject is remembered", async () => {
  const matched = candidates.find((c) => c.matches_event === "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us")!;
  const lone = candidates.find((c) => c.announced === "2019-03-05")!;
  const market = { ...lone, announced: "2025-04-10", items: ["tariffs"], sentences: [{ article: "n5", line: 1, text: "…" }] };
  assert.ok(matched && lone, "the fixture notes give a matched and a new candidate");
  const entries = parseReviewFile(reviewFile([matched, lone, market]));
  assert.deepEqual(entries.map((e) => e.decision), ["", "", ""]);
  entries[0]!.decision = "sources";
  entries[1]!.decision = "accept";
  entries[2]!.decision = "reject";
  const before46 = await fs.readFile(path.join(content, "events/2024-12-03-cn-mofcom-2024-46-dual-use-ban-us.md"), "utf8");
  const out = await applyReview(entries, content, vocab);
  assert.deepEqual([out.written.length, out.sourcesAdded.length, out.rejected, out.undecided, out.problems], [1, 1, 1, 0, []]);
  // The new event: valid for ingest, unverified, its notes as sources.
  const written = await fs.readFile(path.join(content, out.written[0]!), "utf8");
  const parsed = parseEvent(out.written[0]!, written, vocab);
  assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === "error"), []);
  assert.equal(parsed.event?.verified, false);
  assert.match(written, /- article: n7-old/);
  // The matched event keeps every line it had; its new sources are appended.
  const after46 = await fs.readFile(path.join(content, "events/2024-12-03-cn-mofcom-2024-46-dual-use-ban-us.md"), "utf8");
  for (const line of before46.split("\n").filter((l) => l.trim() && !l.startsWith("sources:"))) assert.ok(after46.includes(line.trim()), `kept: ${line}`);
  for (const a of matched.articles) assert.match(after46, new RegExp(`- article: ${a}\\b`));
  // Applying it again adds nothing twice.
  assert.equal(withArticleSources(after46, matched.articles), undefined);
  // The rejected one is not proposed again, the others still are.
  const rejected = await readRejected(content);
  assert.equal(rejected.length, 1);
  assert.equal(isRejected(market, rejected), true);
  assert.equal(isRejected(matched, rejected), false);
  assert.equal(isRejected({ ...market, announced: "2025-04-11" }, rejected), true, "a day apart in a later run is the same candidate");
  assert.equal(isRejected({ ...market, items: ["gallium"] }, rejected), false, "other items are another measure");
});

test("in a notes folder without its own copy, \"sources\" copies the shipped event into its events/ with the notes as its article sources", async () => {
  const notes = await fs.mkdtemp(path.join(os.tmpdir(), "kb-review-notes-"));
  try {
    const matched = candidates.find((c) => c.matches_event === "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us")!;
    const entries = parseReviewFile(reviewFile([matched]));
    entries[0]!.decision = "sources";
    const out = await applyReview(entries, notes, vocab, path.join(ROOT, "content"));
    assert.deepEqual([out.sourcesAdded.length, out.problems], [1, []]);
    const copy = await fs.readFile(path.join(notes, "events/2024-12-03-cn-mofcom-2024-46-dual-use-ban-us.md"), "utf8");
    // The shipped articles it cited are not in the notes folder; its URL sources stay.
    assert.doesNotMatch(copy, /- article: 2024-12-04-zhongguo/);
    assert.match(copy, /- url: https:\/\//);
    for (const a of matched.articles) assert.match(copy, new RegExp(`- article: ${a}\\b`));
    // The shipped file is untouched.
    assert.match(await fs.readFile(path.join(ROOT, "content/events/2024-12-03-cn-mofcom-2024-46-dual-use-ban-us.md"), "utf8"), /- article: 2024-12-04-zhongguo/);
  } finally {
    await fs.rm(notes, { recursive: true, force: true });
  }
});

test("a review file with a decision that is not one of accept, reject, sources is refused with its entry", () => {
  assert.throws(() => parseReviewFile("- decision: maybe\n  candidate: { announced: 2024-12-02 }\n"), /entry 1: decision "maybe"/);
});

test("a path given to events:suggest that does not exist is named and the others are read; without a handler it throws", async () => {
  const missing: string[] = [];
  const files = await markdownFiles([path.join(NOTES, "no-such-note.md"), NOTES], (p) => missing.push(p));
  assert.deepEqual(missing, [path.join(NOTES, "no-such-note.md")]);
  assert.ok(files.length > 0 && files.every((f) => f.startsWith(NOTES)));
  await assert.rejects(markdownFiles([path.join(NOTES, "no-such-note.md")]), { code: "ENOENT" });
});
