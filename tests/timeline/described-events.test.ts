// Events an article describes by side, period and items, without a day.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ROOT } from "../../src/config.ts";
import { DiagnosticLog } from "../../src/model/diagnostics.ts";
import { loadVocabulary, type Vocabulary } from "../../src/ingest/vocabulary.ts";
import { shippedEvents } from "../../src/ingest/collection-candidates.ts";
import type { TimelineEvent } from "../../src/model/event.ts";
import { actingSide, describedEvents, periodOf } from "../../src/timeline/described-events.ts";
import { eventIndex } from "../../src/timeline/article-events.ts";

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

test("\"recently\" is the weeks before the article, not \"these last years\"", () => {
  assert.deepEqual(periodOf("美国最近对中国船只征收的港口费", "2025-10-27"), { from: "2025-09-12", to: "2025-10-27" });
  assert.deepEqual(periodOf("The US recently slapped port fees on Chinese ships", "2025-03-10"), { from: "2025-01-24", to: "2025-03-10" });
  for (const s of ["最近几年中国对稀土实施出口管制", "最近这些年美国一直在加征关税", "最近一年", "近年来"]) assert.equal(periodOf(s, "2025-10-27"), undefined, s);
  assert.deepEqual(periodOf("近日，2023年7月的管制", "2025-10-27"), { year: 2023, month: 7 }, "a month named is the period");
});

test("the side that does it to the other, in a sentence naming both", () => {
  const sides = (t: string) => new Set(["美国", "中国"].filter((n) => t.includes(n)).map((n) => (n === "美国" ? "US" : "CN")));
  const both = new Set(["US", "CN"]);
  assert.deepEqual([...actingSide("美国最近对中国船只征收的港口费", sides, both)], ["US"]);
  assert.deepEqual([...actingSide("涉及中国对稀土的限制、美国最近对中国船只征收的港口费", sides, both)], ["US"], "对 an item is not 对 the other side");
  assert.deepEqual([...actingSide("中国对美国加征关税", sides, both)], ["CN"]);
  assert.deepEqual([...actingSide("也就是2010年，中国因为钓鱼岛争端限制了对日本的稀土出口", (t) => new Set(["中国", "日本"].filter((n) => t.includes(n))), new Set(["中国", "日本"]))], ["中国"], "the measure before 对");
  assert.deepEqual([...actingSide("中方对美国的出口管制表示反对", sides, both)].sort(), ["CN", "US"], "no measure taken after 对: both");
  assert.deepEqual([...actingSide("美国和中国对第三国实施限制", sides, both)].sort(), ["CN", "US"], "two sides before 对: both");
});

test("a measure reported as recent links the event in force or announced in those weeks", () => {
  const described = eventIndex(events).described;
  const found = describedEvents("涉及的问题包括中国对稀土的限制、美国最近对中国船只征收的港口费，以及延长关税休战。", "2025-10-27", vocab, described).map((l) => l.event);
  assert.deepEqual(found, ["2025-04-17-us-ustr-section-301-maritime-action"], "its fees began on 14 October: the day it took effect counts");
  assert.deepEqual(describedEvents("美国最近对中国船只征收的港口费", "2025-06-30", vocab, described), [], "not announced, published or in force in the weeks before");
});

test("a side named only as the one a measure is aimed at is not the side that took it", () => {
  const described = eventIndex(events).described;
  for (const body of ["这是获得向中国出口最近受限的AI芯片许可的代价。", "It is the price of permission to export recently restricted AI chips to China."]) {
    assert.deepEqual(describedEvents(body, "2025-08-20", vocab, described), [], body);
  }
});

test("a material tells measures of one side and year apart, however many other years' events share it", () => {
  const described = eventIndex(events).described;
  const found = describedEvents("中国在2014年放宽了对稀土的管制。", "2025-12-01", { ...vocab, tags: vocab.tags }, described).map((l) => l.event);
  assert.deepEqual(found, ["2014-12-31-cn-mofcom-rare-earth-export-quotas-abolished"]);
  assert.deepEqual(describedEvents("中国在2014年放宽了对稀土的管制。", "2025-12-01", { actors: vocab.actors, findMentions: (t) => vocab.findMentions(t) }, described), [], "without the tags' kinds, rare earths are one item among too many events'");
  const gallium = describedEvents("更近的例子是2023年中国对制造半导体所需的镓和锗实施了出口管制。", "2025-11-05", vocab, described).map((l) => l.event);
  assert.deepEqual(gallium, ["2023-07-03-cn-mofcom-2023-23-gallium-germanium"], "beside gallium, semiconductors (the year's other measures) are not an item");
});

test("of two measures of a side, period and item, the one aimed at the side the sentence names as the target", () => {
  const described = eventIndex(events).described;
  const body = "也就是2010年，中国因为钓鱼岛争端限制了对日本的稀土出口。";
  assert.deepEqual(describedEvents(body, "2025-11-05", vocab, described).map((l) => l.event), ["2010-09-cn-customs-rare-earth-exports-japan-halted"]);
  assert.deepEqual(describedEvents("也就是2010年，中国限制了稀土出口。", "2025-11-05", vocab, described), [], "no target named: the year's two rare-earth measures both fit");
  assert.deepEqual(describedEvents("而且最近这个最低限价很可能也会用来限制中国稀土出口。", "2026-01-10", vocab, described), [], "a forecast is not a measure taken");
});

test("a measure told as rolled back or suspended reports the event that does so, not the measure", () => {
  const described = eventIndex(events).described;
  const body = "中国只是回滚了10月份的稀土禁令，4月份的出口管制依然存在，只是不涉及长臂管辖。";
  assert.deepEqual(describedEvents(body, "2025-11-20", vocab, described).map((l) => l.event), ["2025-11-07-cn-mofcom-2025-70-suspends-october-controls"]);
  assert.deepEqual(describedEvents(body, "2025-10-31", vocab, described).map((l) => l.event), ["2025-11-07-cn-mofcom-2025-70-suspends-october-controls"], "the agreement is reported a week before the announcement that carries it out");
  assert.deepEqual(describedEvents(body, "2025-10-20", vocab, described), [], "no suspension announced yet: nothing we have is what it reports");
  assert.deepEqual(describedEvents("中国10月份对稀土实施了长臂管辖的新禁令。", "2025-11-20", vocab, described).map((l) => l.event), ["2025-10-09-cn-mofcom-2025-61-extraterritorial-rare-earths"], "without the word, the measure itself");
});

test("whether an item tells events apart does not change with events on other matters", () => {
  // The Unreliable Entity List has many events: it singles out none, however many events on other
  // matters the timeline has (as a share of the timeline, 700 more made it rare).
  const sentence = "2024年5月，中国商务部将多家军工企业列入不可靠实体清单。";
  const others = Array.from({ length: 700 }, (_, i): TimelineEvent => ({ ...events[0]!, id: `other-${i}`, jurisdiction: "JP", items: [`other-item-${i}`] }));
  assert.deepEqual(describedEvents(sentence, "2025-11-01", vocab, events), []);
  assert.deepEqual(describedEvents(sentence, "2025-11-01", vocab, [...events, ...others]), []);
});
