// The extraction benchmark on a small labelled set of our own notes: how precision and recall
// are counted, and that candidate events stay above the targets on it (precision ≥ 0.8,
// recall ≥ 0.7). The real labelled set is read by bench/extraction.ts (the README, "How well it does").
import { test, before } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ROOT } from "../../src/config.ts";
import { DiagnosticLog } from "../../src/model/diagnostics.ts";
import { loadVocabulary, type Vocabulary } from "../../src/ingest/vocabulary.ts";
import type { TimelineEvent } from "../../src/model/event.ts";
import { candidatesOfFiles, reviewable, shippedEvents } from "../../src/ingest/collection-candidates.ts";
import { goldMeasures, readLabels, scoreExtraction, scoreLinks, scoreSources, type NoteLabel } from "../../bench/extraction.ts";
import type { Candidate } from "../../src/timeline/candidates.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/extraction");
let vocab: Vocabulary;
let events: TimelineEvent[];
let labels: NoteLabel[];
before(async () => {
  vocab = await loadVocabulary(path.join(ROOT, "content"), path.join(ROOT, "content"), new DiagnosticLog());
  events = await shippedEvents(path.join(ROOT, "content"), vocab, "2026-01-01");
  labels = await readLabels(path.join(FIXTURES, "labels.yaml"));
});

const candidate = (over: Partial<Candidate>): Candidate => ({
  announced: "2024-12-02", precision: "day", dateNote: "", jurisdiction: "US", authority: "us-bis", kind: "measure", domain: ["entity-listing"],
  instrument: null, items: [], targets: [], articles: ["n1-wechat-dec2024"], sentences: [], matches_event: null, confidence: 0.5, ...over,
});

test("counting: a candidate is right when one of its notes reports that measure; a measure is found when a candidate is it", () => {
  const gold = goldMeasures(labels, events);
  assert.ok(gold.some((g) => g.key === "other:US:2019-03-05"));
  const s = scoreExtraction(
    [
      candidate({ matches_event: "2024-12-02-us-bis-entity-list-140", articles: ["n1-wechat-dec2024", "n2-dw-dec2024"] }),
      // Right side and day but from a note that reports nothing: wrong.
      candidate({ announced: "2025-04-10", articles: ["n5-market"] }),
      // The unshipped 2019 listing, found though no event matches it.
      candidate({ announced: "2019-03-05", articles: ["n7-old"] }),
    ],
    labels,
    events,
  );
  assert.equal(s.candidates, 3);
  assert.equal(s.right, 2);
  assert.equal(s.precision, 0.667);
  assert.equal(s.shippedFound, 1);
  assert.equal(s.matchedRight, 1);
  assert.equal(s.wrongFromEmpty, 1);
  // 2024-12-02 ×2 (the day-only candidate is both), the 2019 listing: 3 of the gold measures.
  assert.equal(s.found, 3);
  assert.equal(s.gold, gold.length);
});

test("new sources: each article of a candidate matched to a shipped event, right when its label lists that event; unlabelled notes and new candidates are not counted", () => {
  const notes: NoteLabel[] = [
    { note: "a", lang: "zh", events: ["e1"], other: [] },
    { note: "b", lang: "zh", events: ["e2"], other: [] },
  ];
  const got = scoreSources([candidate({ matches_event: "e1", articles: ["a", "b", "unlabelled"] }), candidate({ matches_event: null, articles: ["a"] })], notes);
  assert.deepEqual(got, { pairs: 2, right: 1, precision: 0.5 });
});

test("on our labelled notes, candidate events meet the targets: precision ≥ 0.8, recall ≥ 0.7", async () => {
  const files = labels.map((l) => path.join(FIXTURES, "notes", `${l.note}.md`));
  const run = await candidatesOfFiles(files, vocab, events, new Date("2026-01-01T00:00:00Z"));
  const all = scoreExtraction(run.candidates, labels, events);
  assert.ok(all.precision >= 0.8, `precision ${all.precision}`);
  assert.ok(all.recall >= 0.7, `recall ${all.recall} (${all.found} of ${all.gold})`);
  assert.equal(all.wrongFromEmpty, 0, "nothing from the market note");
  const shown = scoreExtraction(run.candidates.filter(reviewable), labels, events);
  assert.ok(shown.precision >= 0.8, `shown precision ${shown.precision}`);
  assert.ok(shown.matchedRight >= 3, `shipped events matched: ${shown.matchedRight}`);
});

test("article → event links are counted per labelled note and event, and on our notes meet the target: precision ≥ 0.9", async () => {
  const counted = scoreLinks(
    new Map([
      ["n1-wechat-dec2024", [{ event: "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us", how: "instrument" }, { event: "2025-04-02-us-white-house-reciprocal-tariffs", how: "name" }]],
      ["not-labelled", [{ event: "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us", how: "instrument" }]],
    ]),
    labels,
  );
  assert.deepEqual([counted.links, counted.right, counted.precision], [2, 1, 0.5], "a note nobody labelled is not judged");
  assert.deepEqual(counted.byHow, { instrument: { links: 1, right: 1 }, name: { links: 1, right: 0 } });
  assert.equal(counted.gold, labels.reduce((n, l) => n + l.events.length, 0));

  const files = labels.map((l) => path.join(FIXTURES, "notes", `${l.note}.md`));
  const run = await candidatesOfFiles(files, vocab, events, new Date("2026-01-01T00:00:00Z"));
  const s = scoreLinks(run.links, labels);
  // The Traditional announcement number and the English name in a transcript's original.
  assert.deepEqual(run.links.get("n2-dw-dec2024")!.map((l) => [l.event, l.how]), [["2024-12-03-cn-mofcom-2024-46-dual-use-ban-us", "instrument"]]);
  assert.deepEqual(run.links.get("n3-transcript")!.map((l) => [l.event, l.how]), [["2025-04-02-us-white-house-reciprocal-tariffs", "name"]]);
  assert.ok(s.precision >= 0.9, `link precision ${s.precision}`);
});
