// Candidate events from a collection: what counts as a measure, how reports of one measure in
// several articles merge into one candidate, and how a candidate meets a shipped event.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { promises as fs } from "node:fs";
import { ROOT } from "../../src/config.ts";
import { DiagnosticLog } from "../../src/model/diagnostics.ts";
import { loadVocabulary, type Vocabulary } from "../../src/ingest/vocabulary.ts";
import { parseEvent, linkEventsAlone } from "../../src/ingest/events.ts";
import { normalizeDate } from "../../src/normalize/date.ts";
import type { TimelineEvent } from "../../src/model/event.ts";
import { articleMentions, bySupport, candidateConfidence, collectionCandidates, itemsOnlyOtherMatters, mergeMentions, ratesIn, splitByEvent, type Mention } from "../../src/timeline/candidates.ts";
import { boundaryDate } from "../../src/timeline/suggest.ts";
import { candidateTitles, candidateToEventFile } from "../../src/timeline/candidate-file.ts";

let vocab: Vocabulary;
let events: TimelineEvent[];
before(async () => {
  vocab = await loadVocabulary(path.join(ROOT, "content"), path.join(ROOT, "content"), new DiagnosticLog());
  const dir = path.join(ROOT, "content/events");
  const parsed = await Promise.all((await fs.readdir(dir)).map(async (f) => parseEvent(f, await fs.readFile(path.join(dir, f), "utf8"), vocab)));
  events = linkEventsAlone(parsed, "2026-01-01");
});
const day = (d: string) => {
  const r = normalizeDate(d, { zone: "Asia/Shanghai" });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

test("only measures of the exchange: not layoffs, markets, statistics, polls, forecasts, threats or questions", () => {
  const body = [
    "本周一，美国商务部将140家中国企业列入实体清单。",
    "本周一，英伟达宣布裁员，股价下跌。",
    "国家统计局周一公布的数据显示，房价继续下降。",
    "周一公布的民意调查显示，多数美国人反对关税。",
    "特朗普周一威胁称，将对中国商品加征100%关税。",
    "分析人士预计美国商务部周一将出台新规。",
    "10月份，中国对美国稀土出口环比减少28.7%，出口管制持续收紧。",
    "本周一，美国商务部不是将140家中国企业列入实体清单了吗？",
    "本周一，德国外长宣布取消这次访华行程。",
    "本周一，这些稀土股票上涨了三倍，美国对中国取消了一些拜登时代的限制。",
  ].join("\n\n");
  const found = articleMentions("a", body, day("2024-12-04"), vocab);
  assert.deepEqual(found.map((m) => [m.line, m.day, m.authority]), [[1, "2024-12-02", "us-doc"]]);
});

test("a date a sentence counts from or to is not the day of its measure", () => {
  assert.equal(boundaryDate("中国将暂停自2025年3月4日以来宣布的所有报复性关税。", "2025年3月4日"), true);
  assert.equal(boundaryDate("They will suspend all retaliatory tariffs since March 4.", "March 4"), true);
  assert.equal(boundaryDate("3月4日起生效的关税将暂停。", "3月4日"), true);
  assert.equal(boundaryDate("商务部3月4日宣布将15家美国实体列入出口管制管控名单。", "3月4日"), false);
  assert.deepEqual(articleMentions("a", "中国商务部宣布，自2025年3月4日以来对美国实施出口管制措施。", day("2025-11-05"), vocab), []);
});

test("a date inside what a sentence lifts is the lifted measure's: evidence for it, never a candidate alone", () => {
  const brief = (body: string) => articleMentions("a", body, day("2025-11-05"), vocab).map((m) => [m.jurisdiction, m.kind, m.day.slice(0, 7), m.carried ?? false]);
  assert.deepEqual(brief("中国商务部宣布，暂停自2025年3月4日以来对美国实施的出口管制措施。"), [["CN", "measure", "2025-03", true]]);
  // Two dates: the day the lifting was made known, and the month of the measure it lifts.
  assert.deepEqual(brief("白宫周六公布的情况说明书显示，中国也将取消3月对美国小麦加征的关税。"), [
    ["CN", "relaxation", "2025-11", false],
    ["CN", "measure", "2025-03", true],
  ]);
  // A deadline after the word that lifts is not a measure's day; a date before it is the lifting's.
  const until = articleMentions("a", "美国宣布暂停对中国商品加征关税，至2025年8月12日。", day("2025-08-13"), vocab);
  assert.deepEqual(until.map((m) => [m.kind, m.carried ?? false]), [["relaxation", false]]);
  const own = articleMentions("a", "11月10日起，美国将暂停对中国船只收取港口费。", day("2025-11-01"), vocab);
  assert.deepEqual(own.map((m) => m.kind), []);
  // Alone, the evidence of the lifted measure makes no candidate that is not a shipped event.
  const lifted = articleMentions("a", "中国将取消3月对美国小麦加征的关税。", day("2025-11-05"), vocab);
  assert.deepEqual(collectionCandidates(lifted, []), []);
  // With the timeline, it is new evidence for the counter-tariffs of March (counter-tariffs are tariffs).
  assert.deepEqual(collectionCandidates(lifted, events).map((c) => c.matches_event), ["2025-03-04-cn-tariff-commission-2025-2-farm-counter-tariffs"]);
});

test("the subject of a reported clause acts, not the office or outlet that reports it", () => {
  const [m] = articleMentions("a", "白宫周六公布的情况说明书显示，中国将对美国大豆加征的关税下调至10%。", day("2025-11-05"), vocab);
  assert.equal(m?.jurisdiction, "CN");
  const [n] = articleMentions("a", "美国商务部周一宣布，将140家中国企业纳入实体清单。", day("2024-12-04"), vocab);
  assert.deepEqual([n?.jurisdiction, n?.day], ["US", "2024-12-02"]);
});

test("reports of one measure in several articles and scripts merge into one candidate; another measure stays apart", () => {
  const a = articleMentions("a", "本周一，美国商务部将140家中国企业列入实体清单。", day("2024-12-04"), vocab);
  const b = articleMentions("b", "12月2日，美國商務部將140家中國企業列入實體清單。", day("2024-12-05"), vocab);
  const c = articleMentions("c", "On Monday, the Commerce Department added 140 Chinese companies to the Entity List.", day("2024-12-03"), vocab);
  const d = articleMentions("d", "12月3日，中国商务部宣布禁止两用物项对美国出口，镓、锗、锑原则上不予许可。", day("2024-12-04"), vocab);
  assert.ok(a.length && b.length && c.length && d.length, "each article reports its measure");
  const merged = mergeMentions([...a, ...b, ...c, ...d]);
  assert.equal(merged.length, 2);
  const us = merged.find((m) => m.jurisdiction === "US")!;
  assert.deepEqual(us.articles.sort(), ["a", "b", "c"]);
  assert.equal(us.announced, "2024-12-02");
  assert.equal(us.sentences.length, 3);
  assert.match(us.dateNote, /^3 of 3 articles give this day/);
  assert.ok(us.confidence > merged.find((m) => m.jurisdiction === "CN")!.confidence, "three articles make a surer candidate than one");
});

test("a candidate's sentences that say it best come first: its day, side and kind in a sentence dated on its own", () => {
  const m = (article: string, day: string, jurisdiction: string, carried?: true) =>
    ({ article, line: 1, text: article, day, jurisdiction, kind: "measure", ...(carried ? { carried } : {}) }) as unknown as Mention;
  const group = [m("other day", "2025-10-09", "US"), m("other side", "2025-10-10", "CN"), m("carried", "2025-10-10", "US", true), m("best", "2025-10-10", "US"), m("best too", "2025-10-10", "US")];
  assert.deepEqual(bySupport(group, { day: "2025-10-10", jurisdiction: "US", kind: "measure" }).map((x) => x.article), ["best", "best too", "other side", "carried", "other day"]);
});

test("two reports of one side and days that name no item and no office are two candidates, not one", () => {
  const a = articleMentions("a", "美国政府今日宣布，恢复此前取消的香港多项特权，中国政府表示欢迎。", day("2026-07-17"), vocab);
  const b = articleMentions("b", "美国昨日宣布禁止中国开源模型在政府设备上使用。", day("2026-07-18"), vocab);
  assert.ok(a.length && b.length, "each article reports something of the US");
  assert.equal(mergeMentions([...a, ...b]).length, 2);
  // The same office on the same domain is one measure, items or not.
  const c = articleMentions("c", "本周一，美国商务部对中国芯片企业实施新的出口管制。", day("2024-12-04"), vocab);
  const d = articleMentions("d", "美国商务部周一宣布收紧对华半导体的限制。", day("2024-12-03"), vocab);
  assert.equal(mergeMentions([...c, ...d]).length, 1);
});

test("a candidate that is a shipped event is matched to it, by days, side and items, or by its instrument", () => {
  const us = articleMentions("a", "本周一，美国商务部将140家中国企业列入实体清单。", day("2024-12-04"), vocab);
  const cn = articleMentions("b", "12月3日，中国商务部宣布禁止两用物项对美国出口，镓、锗、锑原则上不予许可。", day("2024-12-04"), vocab);
  const byInstrument = articleMentions("c", "商务部于2024年12月3日发布商务部公告2024年第46号，加强相关两用物项对美国出口管制。", day("2024-12-10"), vocab);
  const got = collectionCandidates([...us, ...cn, ...byInstrument], events);
  const cnCandidate = got.find((c) => c.jurisdiction === "CN")!;
  assert.equal(cnCandidate.matches_event, "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us");
  assert.deepEqual(cnCandidate.articles.sort(), ["b", "c"], "the announcement's number and the items bring both articles to one candidate");
  assert.equal(cnCandidate.instrument, "商务部公告2024年第46号");
  assert.ok(got.find((c) => c.jurisdiction === "US")!.matches_event?.startsWith("2024-12-02-us-bis-"));
  // An item few measures have tells more than tariffs: the listing of that day, not the WTO complaint about tariffs.
  const listing = collectionCandidates(articleMentions("t", "4月4日，中国宣布对美国进口商品加征34%的关税，同时将11家实体列为不可靠实体清单。", day("2025-04-05"), vocab), events);
  assert.deepEqual(listing.map((c) => c.matches_event), ["2025-04-04-cn-uel-11-us-firms-skydio"]);
  // A measure of a day with nothing shipped stays new.
  const lone = collectionCandidates(articleMentions("d", "2019年3月5日，美国商务部将两家中国企业列入实体清单。", day("2019-03-08"), vocab), events);
  assert.equal(lone[0]?.matches_event, null);
  // A named office with one event in those days: that event, without items ("the deal" is the fact sheet of the day before).
  const deal = collectionCandidates(articleMentions("e", "白宫昨天公布了中美达成的贸易协议的全部内容。", day("2025-11-02"), vocab), events);
  assert.deepEqual(deal.map((c) => [c.announced, c.matches_event]), [["2025-11-01", "2025-11-01-us-white-house-fact-sheet-china-deal"]]);
  // Its events in those days, one nearer than the others: that one (the fact sheet a day before, two orders two days after).
  const nearer = collectionCandidates(articleMentions("e", "白宫昨天公布了中美达成的贸易协议的全部内容。", day("2025-11-03"), vocab), events);
  assert.deepEqual(nearer.map((c) => [c.announced, c.matches_event]), [["2025-11-02", "2025-11-01-us-white-house-fact-sheet-china-deal"]]);
  // Two of its events as near as each other: neither, without items to tell them apart.
  const two = collectionCandidates(articleMentions("e", "白宫昨天公布了中美达成的贸易协议的全部内容。", day("2025-11-04"), vocab), events);
  assert.deepEqual(two.map((c) => c.matches_event), [null]);
  // Unless every item the report gives is of a matter the event is not on: MOFCOM's rare-earth
  // controls misdated to 25 September are not its listing of that day; a report that also says
  // export controls and sanctions may be.
  const misdated = collectionCandidates(articleMentions("g", "回到了中国商务部9月25日推出稀土新管制措施之前的阶段。", day("2025-11-01"), vocab), events);
  assert.deepEqual(misdated.map((c) => [c.announced, c.matches_event]), [["2025-09-25", null]]);
  assert.equal(itemsOnlyOtherMatters(["rare-earths"], ["entity-listing"]), true);
  assert.equal(itemsOnlyOtherMatters(["rare-earths", "sanctions"], ["entity-listing"]), false, "sanctions are of no one matter");
  assert.equal(itemsOnlyOtherMatters([], ["entity-listing"]), false);
  // Events otherwise alike (MOFCOM's rare-earth announcements of 9 October 2025, Nos. 56, 57, 61,
  // 62): the one other events answer, No. 61 (the fact sheet of 1 November, No. 70, the affiliates rule suspended).
  const package9 = collectionCandidates(articleMentions("p", "10月9日，中国商务部宣布对稀土实施出口管制。", day("2025-10-12"), vocab), events);
  assert.deepEqual(package9.map((c) => c.matches_event), ["2025-10-09-cn-mofcom-2025-61-extraterritorial-rare-earths"]);
  // "The US" alone is no named office: without items, nothing to match.
  const vague = collectionCandidates(articleMentions("f", "美国昨天公布了中美达成的贸易协议的全部内容。", day("2025-11-03"), vocab), events);
  assert.deepEqual(vague.map((c) => c.matches_event), [null]);
  // No article reports what happened after it was written (a day's grace for time zones): on
  // 3 November the lifting announced on 5 November is not yet there to be reported.
  const lifting = "中国今天宣布取消3月4日对美国农产品加征的关税。";
  const early = collectionCandidates(articleMentions("h", lifting, day("2025-11-03"), vocab), events).find((c) => c.kind === "relaxation");
  assert.equal(early?.matches_event, null);
  const onTheDay = collectionCandidates(articleMentions("h", lifting, day("2025-11-05"), vocab), events).find((c) => c.kind === "relaxation");
  assert.ok(onTheDay?.matches_event?.startsWith("2025-11-05-cn-tariff-commission-"), String(onTheDay?.matches_event));
  // An event known only to its month meets a report of any day of that month, on its items.
  const monthly = collectionCandidates(articleMentions("g", "1月14日，中国海关禁止英伟达H200芯片进口。", day("2026-01-16"), vocab), events);
  assert.deepEqual(monthly.map((c) => c.matches_event), ["2026-01-cn-gac-nvidia-h200-imports-blocked"]);
});

test("a rate the reports give tells apart the tariff rounds of one week", () => {
  assert.deepEqual([...ratesIn("关税提高至125%，次日中国也提高至125％；34 %")], ["125", "34"]);
  // Reported a day late: 84% (8 April) and 125% (9 April) are both within two days; the rate says which.
  const late = collectionCandidates(articleMentions("r", "4月10日，美国政府将中国商品关税提高至125%。", day("2025-04-12"), vocab), events);
  assert.deepEqual(late.map((c) => c.matches_event), ["2025-04-09-us-white-house-china-tariff-125-percent"]);
  const lower = collectionCandidates(articleMentions("r", "4月8日，美国政府将中国商品关税提高至84%。", day("2025-04-12"), vocab), events);
  assert.deepEqual(lower.map((c) => c.matches_event), ["2025-04-08-us-white-house-china-tariff-84-percent"]);
});

test("the reports merged into one candidate are split by the shipped events they are", () => {
  const m = (article: string, items: string[], named?: string): Mention => ({
    article, line: 1, text: article, day: "2025-10-09", precision: "day", dateNote: "", jurisdiction: "CN", authority: "cn-mofcom",
    kind: "measure", domain: ["critical-minerals"], items, targets: [], instruments: named ? [`event:${named}`] : [],
  });
  const [a, b, c, d] = [m("a", ["rare-earths"], "e61"), m("b", ["superhard-materials"], "e55"), m("c", ["rare-earths", "export-controls"]), m("d", [])];
  const eventOf = (x: Mention) => x.instruments[0]?.slice("event:".length) ?? null;
  // Each unmatched report goes with the part sharing its items; one sharing none, with the larger part.
  assert.deepEqual(splitByEvent([a, b, c, d], eventOf).map((p) => p.map((x) => x.article)), [["a", "c", "d"], ["b"]]);
  // One event, or none: the group as it is.
  assert.deepEqual(splitByEvent([a, c, d], eventOf).map((p) => p.map((x) => x.article)), [["a", "c", "d"]]);
  assert.deepEqual(splitByEvent([c, d], eventOf).map((p) => p.map((x) => x.article)), [["c", "d"]]);
});

test("a report dated by the sentence before it joins a measure dated on its own or a shipped event, and never stands alone", () => {
  // Dated on its own in one article, by the sentence before in another: one candidate, two articles.
  const own = articleMentions("a", "2019年3月5日，美国商务部将两家中国企业列入实体清单。", day("2019-03-08"), vocab);
  const carried = articleMentions("b", "2019年3月5日，华盛顿又有新动作。美国商务部将两家中国企业列入实体清单。", day("2019-03-08"), vocab);
  assert.equal(carried.length, 1);
  assert.equal(carried[0]!.carried, true);
  assert.deepEqual(collectionCandidates([...own, ...carried], events).map((c) => c.articles.sort()), [["a", "b"]]);
  // Alone, it is no candidate, unless it is a shipped event.
  assert.deepEqual(collectionCandidates(carried, events), []);
  const shipped = articleMentions("c", "12月3日，中国宣布新的反制。中国商务部禁止两用物项对美国出口，镓、锗、锑原则上不予许可。", day("2024-12-04"), vocab);
  assert.equal(shipped[0]?.carried, true);
  assert.equal(collectionCandidates(shipped, events)[0]?.matches_event, "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us");
});

test("confidence grows with the articles, an instrument and the days agreeing", () => {
  assert.ok(candidateConfidence(1, false, 1) < candidateConfidence(2, false, 2));
  assert.ok(candidateConfidence(2, false, 2) < candidateConfidence(2, true, 2));
  assert.ok(candidateConfidence(9, true, 9) <= 0.95);
});

test("a new candidate is written as an event file to edit, its titles in both languages, its evidence in comments", () => {
  const [c] = mergeMentions(articleMentions("note-1", "12月3日，中国商务部宣布禁止镓、锗对美国出口。", day("2024-12-04"), vocab));
  const titles = candidateTitles(c!, vocab);
  assert.match(titles["zh-Hans"], /^中国商务部措施：.*镓/);
  assert.match(titles.en, /Ministry of Commerce|MOFCOM/);
  const file = candidateToEventFile(c!, vocab);
  assert.match(file, /^# candidate \(confidence 0\.\d+\), reported by 1 article/);
  assert.match(file, /#   note-1:1: 12月3日/);
  assert.match(file, /\nverified: false\n/);
  assert.match(file, /- article: note-1/);
});
