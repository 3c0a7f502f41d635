// Which shipped events an article reports: by instrument, by a name the measure is known by,
// or by side, period and items; each once, where first reported.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ROOT } from "../../src/config.ts";
import { DiagnosticLog } from "../../src/model/diagnostics.ts";
import { loadVocabulary, type Vocabulary } from "../../src/ingest/vocabulary.ts";
import { shippedEvents } from "../../src/ingest/collection-candidates.ts";
import type { TimelineEvent } from "../../src/model/event.ts";
import { articleEvents, eventIndex, type EventIndex } from "../../src/timeline/article-events.ts";
import { mayDescribe } from "../../src/timeline/described-events.ts";
import { sentences } from "../../src/timeline/suggest.ts";
import { findInstruments } from "../../src/timeline/instruments.ts";
import { qualifiedByOtherSide } from "../../src/timeline/event-links.ts";

let vocab: Vocabulary;
let events: TimelineEvent[];
let index: EventIndex;
before(async () => {
  vocab = await loadVocabulary(path.join(ROOT, "content"), path.join(ROOT, "content"), new DiagnosticLog());
  events = await shippedEvents(path.join(ROOT, "content"), vocab, "2026-01-01");
  index = eventIndex(events);
});

const linked = (body: string, day = "2025-12-01") => articleEvents(body, day, index, vocab).map((l) => [l.event, l.how, l.line, l.named]);

test("an instrument named in any form links its event, at the line it is first named", () => {
  const body = ["# 背景", "", "商务部2024年第46号公告禁止两用物项对美出口。", "", "后来又提到公告2024年第46号。"].join("\n");
  assert.deepEqual(linked(body), [["2024-12-03-cn-mofcom-2024-46-dual-use-ban-us", "instrument", 3, "商务部2024年第46号公告"]]);
  // Full-width digits are the same number.
  assert.equal(articleEvents("商务部公告２０２４年第４６号", "2025-01-01", index, vocab)[0]?.event, "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us");
});

test("a name the measure is known by links it in any script, only from an article written after it, and only as words of their own", () => {
  assert.deepEqual(linked("他说“解放日”关税改变了一切。"), [["2025-04-02-us-white-house-reciprocal-tariffs", "name", 1, "“解放日”关税"]]);
  assert.deepEqual(linked("他說解放日關稅改變了一切。").map((l) => l[0]), ["2025-04-02-us-white-house-reciprocal-tariffs"], "Traditional");
  assert.deepEqual(linked("Since Liberation Day, tariffs have...").map((l) => l[0]), ["2025-04-02-us-white-house-reciprocal-tariffs"]);
  assert.deepEqual(linked("the liberation daylight hours"), [], "inside a longer word");
  assert.deepEqual(linked("他说解放日关税会来。", "2025-03-01"), [], "an article written before the measure cannot report it by name");
});

test("a name another side qualifies is not the event's, and a name asked about is not reported", () => {
  const chips = "2022-08-09-us-chips-and-science-act";
  assert.deepEqual(linked("拜登政府通过了美国的《芯片法案》，补贴本土制造。", "2023-01-10").map((l) => l[0]), [chips]);
  assert.deepEqual(linked("The CHIPS Act pays for new fabs.", "2023-01-10").map((l) => l[0]), [chips]);
  // Europe's and Japan's chips acts are not the US's.
  assert.deepEqual(linked("欧盟芯片法案也在推进。", "2023-01-10"), []);
  assert.deepEqual(linked("日本的《芯片法案》也在推进。", "2023-01-10"), []);
  assert.deepEqual(linked("The EU Chips Act pays for new fabs too.", "2023-01-10"), []);
  assert.equal(qualifiedByOtherSide("欧洲的芯片法案", 3, "US"), true);
  assert.equal(qualifiedByOtherSide("美国的芯片法案", 3, "US"), false);
  assert.equal(qualifiedByOtherSide("芯片法案", 0, "US"), false);
  // A question asks, it does not report.
  assert.deepEqual(linked("除了芯片法案，还有哪些地缘政治紧张局势影响你们的业务？", "2023-01-10"), []);
  assert.deepEqual(linked("除了芯片法案，还有别的地缘政治紧张局势影响业务。", "2023-01-10").map((l) => l[0]), [chips]);
});

test("a law's Chinese name links it, but not the longer words it begins (出口管制法规, 出口管制法律)", () => {
  const law = "2020-10-17-cn-npcsc-export-control-law";
  assert.deepEqual(linked("它在2020年颁布了《出口管制法》，并依据该法限制镓的出口。", "2025-11-15").map((l) => l[0]), [law]);
  assert.deepEqual(linked("中方于2021年依据出口管制法采取了措施。", "2021-06-01").map((l) => l[0]), [law], "within two years, without the year");
  assert.deepEqual(linked("各国在2021年纷纷收紧出口管制法规。", "2021-06-01"), [], "export-control rules");
  assert.deepEqual(linked("美国的出口管制法律在2021年被修改。", "2021-06-01"), [], "export-control laws");
});

test("a name that is only a day names the measure in a paragraph that speaks of one, not in one about something else", () => {
  const reciprocal = "2025-04-02-us-white-house-reciprocal-tariffs";
  assert.deepEqual(linked("The calls volume beat April's Liberation Day trading activity, when 100 million options were traded.", "2025-10-15"), [], "a market day");
  assert.deepEqual(linked("Trump failed on April 2nd, Liberation Day. He meant the second term to be about tariffs.", "2025-11-01").map((l) => l[0]), [reciprocal], "the paragraph speaks of tariffs");
  assert.deepEqual(linked("The calls volume beat Liberation Day.\n\nTariffs came later.", "2025-10-15"), [], "another paragraph's measure is not this one's");
});

test("a measure years old named in passing is history, not a report: its name links it only in a sentence that gives its year", () => {
  const phaseOne = "2020-01-15-us-china-phase-one-agreement";
  assert.deepEqual(linked("美国启动了对中国是否履行川普第一任期所签署的中美第一阶段贸易协议的调查。", "2025-10-27"), [], "an allusion, five years on");
  assert.deepEqual(linked("这远低于第一阶段贸易协议中以2017年为基数的采购要求。", "2025-11-02"), [], "another year in the sentence is not the measure's");
  assert.deepEqual(linked("2020年1月签署的第一阶段贸易协议要求中国扩大采购。", "2025-10-27").map((l) => l[0]), [phaseOne], "dated, it is reported");
  assert.deepEqual(linked("第一阶段贸易协议签署后，中方开始采购。", "2020-06-01").map((l) => l[0]), [phaseOne], "within two years a name alone links");
  assert.deepEqual(linked("二〇二〇年一月签署的第一阶段贸易协议要求中国扩大采购。", "2025-10-27").map((l) => l[0]), [phaseOne], "the year spelled out");
  assert.deepEqual(linked("拜登政府在二零二二年签署了《芯片与科学法案》。", "2026-07-18").map((l) => l[0]), ["2022-08-09-us-chips-and-science-act"], "with 零 for the zero");
});

test("a description by side, month and a distinctive item links the one event that fits; a named event is not linked twice", () => {
  assert.deepEqual(linked("中国商务部4月份对中重稀土实施出口管制，推出许可证制度。", "2025-11-01").map((l) => [l[0], l[1]]), [["2025-04-04-cn-mofcom-2025-18-medium-heavy-rare-earths", "description"]]);
  const both = articleEvents("商务部 海关总署公告2025年第18号。\n中国商务部4月份对中重稀土实施出口管制。", "2025-11-01", index, vocab);
  assert.deepEqual(both.map((l) => [l.event, l.how, l.line]), [["2025-04-04-cn-mofcom-2025-18-medium-heavy-rare-earths", "instrument", 1]]);
});

test("a note that names no event links none, and no events link nothing", () => {
  assert.deepEqual(linked("今天天气很好。2025年4月我们去了北京。"), []);
  assert.deepEqual(articleEvents("商务部公告2024年第46号", "2025-01-01", { named: [], described: [] }, vocab), []);
});

test("only lines naming a period and a measure are split into sentences for descriptions", () => {
  assert.equal(mayDescribe("中国商务部4月份对中重稀土实施出口管制"), true);
  assert.equal(mayDescribe("中國商務部4月份對中重稀土實施出口管制"), true, "Traditional, read as Simplified");
  assert.equal(mayDescribe("In October, Beijing widened its export controls"), true);
  assert.equal(mayDescribe("中国商务部对中重稀土实施出口管制"), false, "no period");
  assert.equal(mayDescribe("2025年4月我们去了北京"), false, "no measure");
  const body = "第一行没有。\n2025年4月，中国对稀土实施出口管制。然后呢？\n普通的一行。";
  assert.deepEqual(sentences(body, mayDescribe), [
    { text: "2025年4月，中国对稀土实施出口管制。", line: 2 },
  ]);
});

test("instruments: a text without an instrument's words is not searched, and the same keys come out", () => {
  assert.deepEqual(findInstruments("没有任何文书。"), []);
  assert.deepEqual(
    findInstruments("89 FR 96790; FR Doc. 2024-28270; E.O. 14105; WT/DS633; 国务院令第803号; MOFCOM Announcement No. 46 of 2024").map((r) => r.key),
    ["fr:89/96790", "frdoc:2024-28270", "eo:14105", "wto:ds633", "state-council-order:803", "mofcom:2024/46"],
  );
});

test("instruments are named in Traditional script too", () => {
  assert.deepEqual(
    findInstruments("商務部公告2024年第46號；國務院令第803號；稅委會公告2025年第4號；不可靠實體清單工作機制公告2025年第1號；商務部、海關總署2023年第23號公告").map((r) => r.key),
    ["mofcom:2024/46", "state-council-order:803", "tariff:2025/4", "uel:2025/1", "mofcom:2023/23"],
  );
});

test("a measure named as being suspended or lifted links the event that suspends it too, once announced", () => {
  const affiliates = "2025-09-29-us-bis-affiliates-rule";
  const suspended = "2025-11-10-us-bis-affiliates-rule-suspended";
  const body = "美方将取消芬太尼关税，暂停实施9月29日公布的出口管制50%穿透性规则一年。";
  assert.deepEqual(linked(body, "2025-10-31"), [
    [affiliates, "name", 1, "50%穿透性规则"],
    [suspended, "name", 1, "暂停…50%穿透性规则"],
  ], "the agreement is reported ten days before the rule that suspends it; the nearest word before the name says it");
  assert.deepEqual(linked("BIS said the affiliates rule is suspended for a year.", "2025-11-20").map((l) => l[0]), [affiliates, suspended]);
  assert.deepEqual(linked("美国9月底推出50%穿透性规则，扩大了实体清单。", "2025-10-31").map((l) => l[0]), [affiliates], "no word of suspending: the rule alone");
  assert.deepEqual(linked("如果美方暂停50%穿透性规则……", "2025-10-01").map((l) => l[0]), [affiliates], "before any suspension was announced");
  // An instrument, too: MOFCOM 2025 No. 61 suspended by No. 70.
  assert.ok(linked("商务部宣布暂停实施商务部公告2025年第61号。", "2025-11-08").some((l) => l[0] === "2025-11-07-cn-mofcom-2025-70-suspends-october-controls"));
});
