import { test, before } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { ROOT } from "../../src/config.ts";
import { DiagnosticLog } from "../../src/model/diagnostics.ts";
import { loadVocabulary, type Vocabulary } from "../../src/ingest/vocabulary.ts";
import { parseContentFile } from "../../src/content/frontmatter.ts";
import { normalizeDate } from "../../src/normalize/date.ts";
import { suggestEvents, suggestionToEventFile, sentences, sideClauses, actionClauseAt, inBrackets, tariffsOnOwnGoods, boundaryDate } from "../../src/timeline/suggest.ts";
import { eventFrontMatter } from "../../src/model/event.ts";

let vocab: Vocabulary;
before(async () => {
  vocab = await loadVocabulary(path.join(ROOT, "content"), path.join(ROOT, "content"), new DiagnosticLog());
});
const anchor = (d: string) => {
  const r = normalizeDate(d, { zone: "Asia/Shanghai" });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const seedBody = async (prefix: string) => {
  const dir = path.join(ROOT, "content/articles");
  const file = (await fs.readdir(dir)).find((f) => f.startsWith(prefix))!;
  return parseContentFile(await fs.readFile(path.join(dir, file), "utf8")).body;
};
const brief = (s: ReturnType<typeof suggestEvents>) => s.map((x) => [x.day, x.authority, x.kind]);

test("Initium 2023-07-06: the July 3 gallium/germanium controls and the Dutch June 30 rules, dates made absolute", async () => {
  const s = suggestEvents(await seedBody("2023-07-06"), anchor("2023-07-06"), vocab);
  const got = brief(s);
  assert.deepEqual(got[0], ["2023-07-03", "cn-mofcom", "measure"]);
  assert.ok(got.some(([d, a]) => d === "2023-06-30" && a === "nl"));
  assert.ok(s[0]!.items.includes("gallium") && s[0]!.items.includes("germanium"));
  assert.deepEqual(s[0]!.domain, ["critical-minerals"]);
});

test("WeChat 2024-12-04: 本周一 and 周二 resolve to the US rule of 2 December and China's answer of 3 December", async () => {
  const got = brief(suggestEvents(await seedBody("2024-12-04"), anchor("2024-12-04 09:24"), vocab));
  assert.deepEqual(got.slice(0, 2), [["2024-12-02", "us", "measure"], ["2024-12-03", "cn", "countermeasure"]]);
});

test("English sentences: weekday references, authorities by their English names", () => {
  const body = [
    "On Monday, the Bureau of Industry and Security added 140 Chinese companies to the Entity List.",
    "",
    "China's Ministry of Commerce announced on Tuesday a ban on exports of gallium and germanium to the United States.",
    "Analysts think prices will rise.",
  ].join("\n");
  const s = suggestEvents(body, anchor("2024-12-04"), vocab);
  assert.deepEqual(brief(s), [["2024-12-02", "us-bis", "measure"], ["2024-12-03", "cn-mofcom", "measure"]]);
  assert.equal(s[0]!.line, 1);
  assert.equal(s[1]!.line, 3);
});

test("a sentence without a date, an actor or an action is not suggested", () => {
  const s = suggestEvents("美国政府公布了新规。\n\n12月2日天气很好。\n\n12月2日，美国总统发表讲话。", anchor("2024-12-04"), vocab);
  assert.deepEqual(s, []);
});

test("a sentence without a date takes the one before it in the same paragraph, for two sentences", () => {
  const body = [
    "双方在2025年5月12日签署了日内瓦联合声明。美国同意将中国商品关税降至30%。中国则将美国商品关税降至10%。美国商务部随后限制了芯片出口。",
    "美国商务部限制了芯片出口。",
  ].join("\n");
  const s = suggestEvents(body, anchor("2025-07-28"), vocab);
  assert.deepEqual(
    s.map((x) => [x.line, x.day, x.jurisdiction]),
    [
      [1, "2025-05-12", "US"],
      [1, "2025-05-12", "CN"],
    ],
    "the third sentence after the date, and the next paragraph, have no date",
  );
  assert.match(s[0]!.dateNote, /the sentence before it/);
  assert.equal(s[0]!.action, "降至");
});

test("a rate raised is a measure, a rate lowered a relaxation: 提高到84%, raised tariffs; 减半至10%, cut tariffs", () => {
  const s = suggestEvents("第二天4月9日中方也全面加码，将对美关税提高到84%。\n\nOn April 9 the White House raised tariffs on Chinese goods to 125%.", anchor("2025-11-03"), vocab);
  assert.deepEqual(
    s.map((x) => [x.day, x.jurisdiction, x.kind]),
    [
      ["2025-04-09", "CN", "measure"],
      ["2025-04-09", "US", "measure"],
    ],
  );
  const lowered = suggestEvents("11月4日，美国将芬太尼相关关税减半至10%。\n\nOn May 12 the White House cut tariffs on Chinese goods to 30%.\n\nOn May 12 the White House announced cutting-edge chip controls on China.", anchor("2025-11-12"), vocab);
  assert.deepEqual(
    lowered.map((x) => [x.day, x.jurisdiction, x.kind]),
    [
      ["2025-11-04", "US", "relaxation"],
      ["2025-05-12", "US", "relaxation"],
      ["2025-05-12", "US", "measure"],
    ],
  );
});

test("each suggestion is an event file that passes the schema once its TODOs are filled", async () => {
  const s = suggestEvents(await seedBody("2024-12-04"), anchor("2024-12-04"), vocab);
  const file = suggestionToEventFile(s[0]!, "2024-12-04-zhongguo-qiangshi-fanji-meiguo-xin-pian-jinling-zanting");
  const fm = parse(file.split("\n---\n")[1]!);
  assert.equal(fm.dates.announced, "2024-12-02");
  assert.match(fm.date_notes, /本周一/);
  assert.ok(eventFrontMatter.safeParse(fm).success, JSON.stringify(eventFrontMatter.safeParse(fm).error?.issues));
});

test("sentences keep their line and drop Markdown decoration", () => {
  assert.deepEqual(sentences("## 标题很长的一行\n\n**第一句话在这里。**第二句话也在这里！\nShort. A longer English sentence here."), [
    { text: "标题很长的一行", line: 1 },
    { text: "第一句话在这里。", line: 3 },
    { text: "第二句话也在这里！", line: 3 },
    { text: "A longer English sentence here.", line: 4 },
  ]);
});

test("what a note folds away in <details> (a transcript's original) is not read again", () => {
  const body = [
    "美国于10月10日宣布对中国加征关税。",
    "<details>",
    "<summary>View/Hide Original English</summary>",
    '<p class="english-text">On October 10 the US announced tariffs on China.<br>More lines here.</p>',
    "</details>",
    '<details><summary>原文</summary><p class="english-text">十月十日美国宣布加征关税。</p></details>',
    "中国随后宣布反制措施，并公布了清单。",
  ].join("\n");
  assert.deepEqual(sentences(body).map((s) => s.line), [1, 7]);
});

test("a measure put off or suspended is a relaxation; one that only promises exemptions is not", () => {
  const kinds = (body: string) => suggestEvents(body, anchor("2025-11-01"), vocab).map((s) => s.kind);
  assert.deepEqual(kinds("美国商务部10月30日同意推迟对华芯片的出口管制。"), ["relaxation"]);
  assert.deepEqual(kinds("BIS on October 30 agreed to delay the export controls on Chinese chip firms."), ["relaxation"]);
  assert.deepEqual(kinds("中国商务部10月9日宣布稀土出口管制新措施，并称未来可能提供豁免。"), ["measure"]);
  // Trade halted is a restriction.
  assert.deepEqual(kinds("今年5月，美国暂停出售设备给中国国产飞机制造商中国商飞。"), ["measure"]);
  assert.deepEqual(kinds("On October 28, the US suspended sales of jet engine parts to COMAC in China."), ["measure"]);
});

test("reciprocal tariffs (对等关税) and a reply (回应称) are no countermeasure; a retaliation is", () => {
  const kinds = (body: string) => suggestEvents(body, anchor("2025-11-03"), vocab).map((s) => [s.day, s.kind, s.lifted ?? false]);
  assert.deepEqual(kinds("11月1日，美国宣布继续暂停一年对华加征的24%的对等关税。"), [["2025-11-01", "relaxation", false]]);
  assert.deepEqual(kinds("11月1日，贝森特回应称，美国将暂停实施9月29日公布的50%穿透性规则一年。"), [["2025-11-01", "relaxation", false], ["2025-09-29", "measure", true]]);
  assert.deepEqual(kinds("4月4日，中国宣布对美国商品加征34%关税，作为对等反制。"), [["2025-04-04", "countermeasure", false]]);
});

test("a date right after the word of answer is the answered measure's, the other side's: evidence for it; the answer keeps only a date of its own", () => {
  const brief = (body: string) => suggestEvents(body, anchor("2025-10-12"), vocab).map((s) => [s.day, s.jurisdiction, s.kind, s.answered ?? false]);
  assert.deepEqual(brief("他认为，此次中国新的稀土管制规定，主要是为了反击9月29日美国新宣布的制裁措施。"), [["2025-09-29", "US", "measure", true]]);
  assert.deepEqual(brief("10月9日，中国宣布扩大稀土出口管制，反制9月29日美国扩大实体清单的规则。"), [
    ["2025-10-09", "CN", "countermeasure", false],
    ["2025-09-29", "US", "measure", true],
  ]);
  assert.deepEqual(brief("10月9日，中国宣布扩大稀土出口管制，作为对美国的反制。"), [["2025-10-09", "CN", "countermeasure", false]]);
});

test("an action denied is none taken; a ban worded as 不得 or 不予 is one", () => {
  const days = (body: string) => suggestEvents(body, anchor("2025-10-17"), vocab).map((s) => s.day);
  assert.deepEqual(days("特朗普今天早上明确表示，他不会对中国征收100%的关税。"), []);
  assert.deepEqual(days("中方今天表示，中方没有限制稀土出口。"), []);
  assert.deepEqual(days("On Friday, Trump said he will not impose 100% tariffs on China."), []);
  assert.deepEqual(days("商务部今天宣布，相关物项不予许可，不得出口至美国。"), ["2025-10-17"]);
  assert.deepEqual(days("特朗普今天宣布对中国征收100%的关税。"), ["2025-10-17"]);
});

test("an action that may come or is to be discussed is none taken", () => {
  const days = (body: string) => suggestEvents(body, anchor("2025-10-20"), vocab).map((s) => s.day);
  assert.deepEqual(days("美国总统特朗普在10月19日接受采访时表示，中美谈判大门仍然敞开，并可能放宽部分关税政策。"), []);
  assert.deepEqual(days("《华尔街日报》今天报道，川普与习近平将讨论降低对华关税。"), []);
  assert.deepEqual(days("On Monday, officials said the US could lift tariffs on China."), []);
  assert.deepEqual(days("美国10月19日宣布放宽部分对华关税。"), ["2025-10-19"], "one taken");
  assert.deepEqual(days("美国关键矿产232条款关税调查结果10月19日要公布。"), [], "to be published");
  assert.deepEqual(days("美国对华新关税10月19日即将生效。"), [], "about to take effect");
  assert.deepEqual(days("美国10月19日宣布，要求荷兰限制对华出口光刻机。"), ["2025-10-19"], "要求 is no future");
});

test("a date before someone's words about a measure dates the words; the issuer's own words, a news report and a name (称为) do not", () => {
  const days = (body: string) => suggestEvents(body, anchor("2025-10-25"), vocab).map((s) => `${s.day} ${s.jurisdiction}`);
  assert.deepEqual(days("今天冯德莱恩在柏林表示，最近几周，中国大幅度加强了对稀土和电池材料的出口管制。"), []);
  assert.deepEqual(days("However, on Wednesday, Bessent called the export controls unacceptable."), []);
  assert.deepEqual(days("中国商务部今天表示，中方决定对稀土相关技术实施出口管制。"), ["2025-10-25 CN"], "the side that acts speaks: its words are the measure");
  assert.deepEqual(days("周四，有消息被主要媒体报道，称中国对稀土实施了新的出口管制。"), ["2025-10-23 CN"], "a news report of the day");
  assert.deepEqual(days("10月9日，被称为稀土新规的措施由中国商务部宣布实施。"), ["2025-10-09 CN"]);
  assert.deepEqual(days("10月27日，美国官员回应称，美国将暂停实施该规则一年。"), ["2025-10-27 US"], "words that announce the side's own act");
  assert.deepEqual(days("中国10月9日宣布对稀土实施出口管制，美方称之为经济胁迫。"), ["2025-10-09 CN"], "the words come after the action");
});

test("the acting side's words are its measure when they announce it or are published as an instrument, not when they describe or defend it", () => {
  const days = (body: string) => suggestEvents(body, anchor("2025-10-25"), vocab).map((s) => `${s.day} ${s.jurisdiction}`);
  assert.deepEqual(days("中国商务部副部长周一在北京向外国企业代表发表讲话，称北京的出口限制是负责任的行为。"), []);
  assert.deepEqual(days("中国官方今天指责美国煽动人们对其稀土管制措施的恐慌。"), []);
  assert.deepEqual(days("今天中国方面称，新出台的规矩内容没有变，不会升级对稀土的管制，只是法律文件的一些表述而已。"), [], "the 已 of 而已 announces nothing");
  assert.deepEqual(days("今天中国海关总署发布公告称，11月10日起恢复三家美国公司向中国出口大豆的资格。"), ["2025-10-25 CN"], "a notice published");
  assert.deepEqual(days("中国商务部今天表示，中方已经对相关物项实施出口管制。"), ["2025-10-25 CN"], "announced as done");
});

test("of two dates before the action, the nearer one is the act's; a period named first frames the sentence, and a start (从…起) is no announcement", () => {
  const days = (body: string) => suggestEvents(body, anchor("2025-11-20"), vocab).map((s) => `${s.precision === "month" ? s.day.slice(0, 7) : s.day} ${s.jurisdiction}`);
  assert.deepEqual(days("而就在这个月发生了两件大事：第一，中国在10月9日宣布要对稀土矿物实施全面的出口管制。"), ["2025-10-09 CN"]);
  assert.deepEqual(days("真正的危机爆发就在这个月，也就是十月份，中国极大地扩大了出口管制。"), ["2025-10 CN"]);
  assert.deepEqual(days("中国商务部今天发布声明称，中国将从11月10日起停止对15家美国实体的出口管制措施。"), ["2025-11-20 CN"], "the day it starts is not the day it was announced");
  assert.deepEqual(days("中国10月9日宣布对稀土实施出口管制，11月7日又宣布暂停。"), ["2025-10-09 CN"], "a date after the action is not the act's");
  assert.equal(boundaryDate("中国也延缓了稀土禁令的强化措施，回滚到7月份的稀土管制水平", "7月份"), true, "a state rolled back to");
});

test("the issuer is the side that acts: 美方 where it is named, not a state that only qualifies the firms a measure lists", () => {
  const issuer = (text: string, day: string) => suggestEvents(text, anchor(day), vocab).map((s) => s.jurisdiction);
  assert.deepEqual(issuer("根据新华社的报道，美方在周五宣布将包括中国电容器制造商艾华集团在内的43家中国本土企业列入实体清单。", "2026-08-02"), ["US"]);
  assert.deepEqual(issuer("美国商务部周五宣布将43家中国企业列入实体清单。", "2026-08-02"), ["US"], "an authority named before the action, as before");
  assert.deepEqual(issuer("中国商务部8月1日宣布对美国企业实施出口管制。", "2026-08-02"), ["CN"]);
  // Nor a state that only names a meeting or a market ("韩国峰会", "美国市场").
  assert.deepEqual(issuer("两国本月试图敲定韩国峰会之际，习近平突然出手，他8月1日指示政府对美国的出口管制进行反击。", "2026-08-02"), ["CN"]);
});

test("the issuer is named in the action's own clause; a clause before it frames the act, a gloss in brackets is no clause, 被 names the agent, and no state tariffs its own goods", () => {
  const issuer = (text: string, day: string) => suggestEvents(text, anchor(day), vocab).map((s) => `${s.day} ${s.jurisdiction}`);
  assert.deepEqual(issuer("4月4日，针对特朗普政府的对等关税行为，中国宣布对所有美国进口商品加征34%关税。", "2026-01-24"), ["2025-04-04 CN"]);
  assert.deepEqual(issuer("10月9日，美国总统特朗普在白宫宣布对中国商品加征关税。", "2025-10-20"), ["2025-10-09 US"], "one clause: as before");
  assert.deepEqual(issuer("10月23日，荷兰的ASML（阿斯麦: 荷兰公司，全球领先的光刻机制造商）被中国制裁。", "2025-10-25"), ["2025-10-23 CN"]);
  assert.equal(actionClauseAt("甲，乙（注: 丙）宣布", 10), 2);
  // A state does not levy tariffs on its own goods.
  assert.deepEqual(issuer("中国继续与美国谈判，5月12日双方达成休战协议，暂时将中国商品的关税从145%降至30%。", "2025-06-01"), ["2025-05-12 US"]);
  assert.deepEqual(issuer("5月12日，美国同意将中国商品关税降至30%，中国则将美国商品关税降至10%。", "2025-06-01"), ["2025-05-12 US", "2025-05-12 CN"], "each on the other's goods, as before");
  assert.equal(tariffsOnOwnGoods("暂时将中国商品的关税降至30%", "CN"), true);
  assert.equal(tariffsOnOwnGoods("cut tariffs on Chinese goods to 30%", "US"), false);
  assert.equal(tariffsOnOwnGoods("将中国商品的关税降至30%", "EU"), false, "only the two sides of the exchange");
  assert.equal(actionClauseAt("宣布", 0), 0);
  const gloss = "ASML（阿斯麦: 荷兰公司）被中国制裁";
  assert.equal(inBrackets(gloss, gloss.indexOf("荷兰"), gloss.indexOf("制裁")), true, "a name in a gloss");
  assert.equal(inBrackets(gloss, gloss.indexOf("中国"), gloss.indexOf("制裁")), false);
  // An answer's purpose first ("为了反制…"): the act is in the clause after it, and the side answered is its object.
  assert.deepEqual(issuer("4月4日，为了反制美国的关税，中国限制了7种稀土元素的出口。", "2025-05-01"), ["2025-04-04 CN"]);
  assert.deepEqual(issuer("4月4日，作为对美国关税的反制，中国限制了稀土出口。", "2025-05-01"), ["2025-04-04 CN"]);
  assert.deepEqual(issuer("到了今年4月，为了反制特朗普政府的新关税，又限制了7种稀土元素的出口。", "2025-05-01"), ["2025-04-01 CN"]);
  assert.deepEqual(issuer("四月份的管制措施，有些是针对中国国内的整合。", "2025-05-01"), [], "a side a measure is aimed at is not one it answers, nor who acts");
  assert.deepEqual(issuer("包括拉美，墨西哥在12月份刚刚通过大幅提高对中国进口产品的关税。", "2025-12-20"), [], "no side of ours acts: not the one the tariffs are on, nor its other side");
  // A side the act is aimed at is its object: the subject is named before, in another clause.
  assert.deepEqual(issuer("10月9日，中国商务部突然出手，对美国的出口管制进行反制。", "2025-10-20"), ["2025-10-09 CN"]);
});

test("a sentence in which each side acts in a clause of its own reports both; a report's frame is not a clause", () => {
  const both = suggestEvents("2025年5月12日，美國同意將中國商品關稅降至30%，中國則將美國商品關稅降至10%。", anchor("2025-05-20"), vocab);
  assert.deepEqual(brief(both), [["2025-05-12", "us", "relaxation"], ["2025-05-12", "cn", "relaxation"]], "a rate lowered is a relaxation");
  assert.deepEqual(sideClauses("美国同意将关税降至30%，中国则将关税降至10%"), ["美国同意将关税降至30%，", "中国则将关税降至10%"]);
  assert.deepEqual(sideClauses("白宫公布的情况说明书显示，中国也将取消关税"), ["白宫公布的情况说明书显示，中国也将取消关税"]);
  assert.deepEqual(sideClauses("美国加征关税"), ["美国加征关税"]);
});
