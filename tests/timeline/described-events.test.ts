// Events an article describes by side, period and items, without a day.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ROOT } from "../../src/config.ts";
import { DiagnosticLog } from "../../src/model/diagnostics.ts";
import { loadVocabulary, type Vocabulary } from "../../src/ingest/vocabulary.ts";
import { shippedEvents } from "../../src/ingest/collection-candidates.ts";
import type { TimelineEvent } from "../../src/model/event.ts";
import { describedEvents, periodOf } from "../../src/timeline/described-events.ts";

let vocab: Vocabulary;
let events: TimelineEvent[];
before(async () => {
  vocab = await loadVocabulary(path.join(ROOT, "content"), path.join(ROOT, "content"), new DiagnosticLog());
  events = await shippedEvents(path.join(ROOT, "content"), vocab, "2026-01-01");
});

test("the period a sentence refers to, against the article's day", () => {
  assert.deepEqual(periodOf("2023年7月中国宣布管制", "2025-11-01"), { year: 2023, month: 7 });
  assert.deepEqual(periodOf("去年4月", "2026-02-01"), { year: 2025, month: 4 });
  assert.deepEqual(periodOf("4月份推出的许可证制度", "2025-11-01"), { year: 2025, month: 4 });
  assert.deepEqual(periodOf("11月份推出", "2025-03-01"), { year: 2024, month: 11 }, "a later month than the article's is last year's");
  assert.deepEqual(periodOf("in October, Beijing widened its controls", "2025-11-20"), { year: 2025, month: 10 });
  assert.deepEqual(periodOf("2023年", "2025-01-01"), { year: 2023 });
  assert.equal(periodOf("4月4日宣布", "2025-11-01"), undefined, "a day is the dated path's, not this one's");
});

test("a month, a side and an item no other event of that month has link to the one event", () => {
  const found = describedEvents("中国商务部4月份对中重稀土实施出口管制，推出许可证制度。", "2025-11-01", vocab, events).map((l) => l.event);
  assert.deepEqual(found, ["2025-04-04-cn-mofcom-2025-18-medium-heavy-rare-earths"]);
});

test("no link when the sentence names both sides, counts from a date, names only common items, or two events fit", () => {
  for (const body of [
    "美国4月份加征关税，中国商务部随即对中重稀土实施出口管制。",
    "中国将暂停自2025年4月以来对中重稀土实施的出口管制。",
    "中国商务部4月份实施出口管制。",
    "中国商务部10月份对稀土实施出口管制。",
  ]) {
    assert.deepEqual(describedEvents(body, "2025-11-15", vocab, events), [], body);
  }
});
