// Suggests timeline events from an article: the sentences that report a dated measure (a
// date, an actor from the registry and an action word), with the date made absolute against
// the article's own date and the actor resolved to its id. A person confirms each one; this
// only saves them the reading.
import { stringify } from "yaml";
import type { NormalizedDate } from "../model/types.ts";
import type { Actor, Tag } from "../model/registry.ts";
import { actorsById } from "../normalize/registry.ts";
import type { EventDomain, EventKind } from "../model/event.ts";
import { findDateExpressions, resolveRelativeDate, type ResolvedDate } from "../normalize/date.ts";
import { slugify } from "../normalize/slug.ts";
import { readAsSimplified } from "../normalize/chinese-script.ts";
import { eventFileFields } from "../model/event-fields.ts";
import { instrumentKeys } from "./instruments.ts";

export interface SuggestContext {
  actors: Actor[];
  tags: Tag[];
  findMentions(text: string): { actors: string[]; tags: string[] };
}

export interface Suggestion {
  sentence: string;
  /** The sentence in Simplified characters, as the word lists are written. */
  simplified: string;
  /** 1-based line of the body the sentence starts on. */
  line: number;
  expr: string;
  day: string;
  precision: "day" | "month";
  dateNote: string;
  authority: string;
  jurisdiction: string;
  kind: EventKind;
  domain: EventDomain[];
  items: string[];
  targets: string[];
  action: string;
  /** Its date is the sentence before it's (CARRY): it may join a measure others report, not stand alone. */
  carried?: true;
  /**
   * Its date is the day of the measure it lifts ("取消3月对美国小麦加征的关税", "暂停自3月4日以来的报复性关税"),
   * so it reports that measure, as evidence only: the lifting is dated elsewhere.
   */
  lifted?: true;
  /** Its date is the day of the measure the sentence answers ("反击9月29日美国…"): a report of that measure, as evidence only. */
  answered?: true;
}

const ZH_ACTIONS = [
  "宣布", "实施", "禁止", "列入", "管制", "发布", "公布", "出台", "限制", "暂停", "批准", "撤回", "叫停", "加征",
  "制裁", "生效", "废除", "取消", "收紧", "放宽", "恢复", "削减", "禁用", "封锁", "审查", "裁定", "反制",
  // A rate changed is a measure too: 将对美关税提高到84%, 降至10%.
  "提高", "上调", "下调", "降低", "降至", "加码", "减半",
  // Listing, levying, extending and opening a probe, as reports word them: 纳入实体清单, 列为不可靠实体,
  // 征收关税, 收取港口费, 延长暂停期, 启动/发起调查; and a state's hold on a firm (冻结控制权, 接管).
  "纳入", "列为", "征收", "收取", "延长", "终止", "启动", "发起", "冻结", "接管",
];
const EN_ACTIONS = /\b(announc|impos|ban|bann|add|suspend|restrict|rescind|blacklist|sanction|publish|tighten|list|curb|bar|block|approv|lift|revok|ban|control|rais|hik|lower|cut|cutt)(e|es|ed|s|ing)?\b(?!-)/i;
const COUNTER = /反制|回应(?!称|说|表示|道|时|记者|媒体|提问|问题)|报复|反击|对等(?!关税)|针锋相对|retaliat|in response|responds?|countermeasure/i;
/**
 * Words that say a measure is suspended, put off or lifted: a relaxation here, and in
 * event-links.ts the words that make a named measure's sentence report the event relaxing it.
 */
export const SUSPENDS_OR_LIFTS = /暂停|暂缓|推迟|延缓|延后|中止|停止实施|叫停|撤回|撤销|废除|取消|解除|回滚|suspen(?:d|ds|ded|ding|sion)\b|pause[ds]?\b|pausing|delay(?:s|ed|ing)?\b|lift(?:s|ed|ing)?\b|rescind(?:s|ed|ing)?\b|roll(?:s|ed|ing)? back|revok(?:e|es|ed|ing)\b/i;
const UNTIL = /(?:至|到|直到|until|till|through)\s*$/i;
// Easing that suspends nothing is a relaxation too: a licence granted, trade resumed, a rate
// lowered ("将中国商品关税降至30%", "减半至10%", "cut tariffs to 30%").
const LOWERS = "降至|降到|降为|下调|降低|削减|减半|减免|\\bcut(?:s|ting)?\\b(?!-)|lower(?:s|ed|ing)?\\b|reduc(?:e|es|ed|ing)\\b";
const RELAX = new RegExp(`${SUSPENDS_OR_LIFTS.source}|放宽|恢复|批准.{0,8}许可|eas(e|ing)|approv|${LOWERS}`, "i");

// Trade halted is a restriction, not a relaxation ("美国暂停出售设备给中国商飞", "halted exports").
const HALTS_TRADE = /(?:暂停|停止|中止|叫停)了?(?:对[^，,。；;]{1,8})?(?:出售|出口|供应|销售|交付|供货|采购|购买)|\b(?:suspend|halt|stop)(?:s|ed|ped|ping|ing)? (?:the )?(?:sales?|exports?|shipments?|deliveries|supplies|purchases)\b/i;

/** The domain of a sentence whose tags point to none. */
export const DEFAULT_DOMAIN: EventDomain = "trade-rules";

/** Which policy domain the tags a sentence mentions point to. */
export const DOMAIN_OF_TAG: Readonly<Record<string, EventDomain>> = {
  "rare-earths": "critical-minerals", "heavy-rare-earths": "critical-minerals", "rare-earth-magnets": "critical-minerals",
  "rare-metals": "critical-minerals", "critical-minerals": "critical-minerals", gallium: "critical-minerals",
  germanium: "critical-minerals", antimony: "critical-minerals", graphite: "critical-minerals", "superhard-materials": "critical-minerals",
  semiconductors: "chips", chips: "chips", "ai-chips": "ai", hbm: "chips", gpus: "chips", "huawei-ascend": "ai",
  "artificial-intelligence": "ai", "ai-diffusion-rule": "ai", lithography: "chipmaking-equipment", euv: "chipmaking-equipment",
  "chipmaking-equipment": "chipmaking-equipment", photoresist: "chipmaking-equipment", "entity-list": "entity-listing",
  "unreliable-entity-list": "entity-listing", tariffs: "tariffs", "investment-restrictions": "investment",
};

const SIDE_WORDS: Array<[RegExp, string]> = [
  [/(?<![其集])中方(?![面案式法向])/, "cn"],
  [/(?<![完])美方(?![面案式法向])/, "us"],
];

function firstAction(text: string): { word: string; index: number } | undefined {
  let best: { word: string; index: number } | undefined;
  for (const w of ZH_ACTIONS) {
    const i = text.indexOf(w);
    if (i >= 0 && (!best || i < best.index)) best = { word: w, index: i };
  }
  const en = EN_ACTIONS.exec(text);
  if (en && (!best || en.index < best.index)) best = { word: en[0], index: en.index };
  return best;
}

/** After a state's name, words that make it an attribute of what follows ("中国电容器制造商", "中国本土企业"), not a subject. */
const ATTRIBUTE_OF = /^(?:本土|国内|国有|民营|输美|输华|农|工业)?(?:企业|公司|制造商|厂商|商品|产品|实体|芯片|半导体|公民|学生|大豆|小麦|船只|船舶|峰会|会晤|之行|市场|股市|媒体|民众|消费者)/;

/**
 * A report's frame ("白宫公布的情况说明书显示，", "彭博社报道称："): what follows is what was reported,
 * and its own subject, when it names one, is who acts.
 */
const FRAME = "(?:显示|表示|指出|报道|称|说)[，,:：]";
const REPORTED = new RegExp(`${FRAME}\\s*`, "g");
const FRAME_END = new RegExp(`${FRAME}$`);

/** Where the reported clause of a sentence begins (0 when the sentence has no frame). */
function reportedClauseAt(text: string): number {
  let at = 0;
  for (const m of text.matchAll(REPORTED)) at = m.index + m[0].length;
  return at;
}

/**
 * Where an actor is first named as one who may act: a state named only as the attribute of
 * firms or goods ("43家中国本土企业") is not; Infinity when it is never so named.
 */
function firstIndex(text: string, a: Actor): number {
  const lower = text.toLowerCase();
  let best = Number.POSITIVE_INFINITY;
  for (const n of [...Object.values(a.names), ...a.aliases]) {
    if (!n) continue;
    const latin = /[A-Za-z]/.test(n);
    const hay = latin ? lower : text;
    const needle = latin ? n.toLowerCase() : n;
    for (let i = hay.indexOf(needle); i >= 0 && i < best; i = hay.indexOf(needle, i + 1)) {
      if (a.type === "jurisdiction" && !latin && ATTRIBUTE_OF.test(text.slice(i + n.length))) continue;
      best = i;
    }
  }
  return best;
}

const FOLD_OPEN = /<details[\s>]/i;
const FOLD_CLOSE = /<\/details\s*>/i;

/**
 * Splits running text into sentences, keeping the line each starts on. `keepLine`: only the
 * lines it accepts are read (a caller that wants a few kinds of sentence skips the rest).
 */
export function sentences(body: string, keepLine?: (line: string) => boolean): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  const lines = body.split("\n");
  // What a note folds away in <details> (a transcript's original beside each paragraph) says
  // again what the paragraph says, in subtitle lines cut by <br>: it is not read twice.
  const folds = FOLD_OPEN.test(body);
  let folded = false;
  lines.forEach((raw, i) => {
    if (folds && (folded || FOLD_OPEN.test(raw))) {
      folded = !FOLD_CLOSE.test(raw);
      return;
    }
    if (keepLine && !keepLine(raw)) return;
    const line = raw.replace(/^\s*(?:#+|[-*>]|\d+\.)\s+/, "").replace(/!\[[^\]]*\]\([^)]*\)/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\*\*|__/g, "");
    // Chinese sentences end at 。！？；(and a closing quote); English ones at a stop before a space.
    for (const part of line.split(/(?<=[。！？!?；;][”」』"]?)|(?<=[.])\s+(?=[A-Z"“])/)) {
      const text = part.trim();
      if ([...text].length >= 7) out.push({ text, line: i + 1 });
    }
  });
  return out;
}

/** A date a sentence gives (or takes from the sentence before it), resolved against the article's. */
type Dated = { expr: string; r: ResolvedDate; carried?: true };

/** How many sentences after a dated one, in the same paragraph, take its date. */
const CARRY = 2;

/** `split`: the body's sentences when the caller has them already (a collection reads each note once). */
export function suggestEvents(body: string, anchor: NormalizedDate, ctx: SuggestContext, split: ReadonlyArray<{ text: string; line: number }> = sentences(body)): Suggestion[] {
  const actorById = actorsById(ctx.actors);
  const out: Suggestion[] = [];
  // A paragraph often dates a measure once and reports it over the next sentences
  // ("双方在5月12日签署了联合声明。美国同意将关税降至30%…"): a sentence without a date of its own
  // takes the one before it in the same paragraph, for the next CARRY sentences.
  let carried: { expr: string; r: ResolvedDate; line: number; left: number } | undefined;
  for (const { text: sentence, line } of split) {
    const dates = findDateExpressions(sentence)
      .map((d) => ({ expr: d.expr, r: resolveRelativeDate(d.expr, anchor) }))
      .filter((d): d is Dated => d.r !== undefined);
    const own = dates[0];
    let resolved: Dated | undefined;
    if (own?.r) {
      resolved = { expr: own.expr, r: own.r };
      carried = { expr: own.expr, r: own.r, line, left: CARRY };
    } else if (carried && carried.line === line && carried.left-- > 0) {
      resolved = { expr: carried.expr, r: { ...carried.r, note: `${carried.r.note} (the sentence before it in the paragraph)` }, carried: true };
    }
    if (!resolved) continue;
    // Traditional sentences (關稅, 實體清單) are read in Simplified, as the word lists are
    // written; only dated sentences are converted, so a long note costs little.
    const text = readAsSimplified(sentence);
    // "美国同意将关税降至30%，中国则将关税降至10%": each side's clause is a report of its own.
    for (const clause of sideClauses(text)) out.push(...clauseReports({ sentence, text, line, dates, resolved }, clause, ctx, actorById));
  }
  return out;
}

// Where a second side's clause begins: "，中国则…", "，而美方随即…".
const SIDE_CLAUSE = /[，,；;]\s*(?:而|但)?(?=(?:中国|中方|美国|美方|北京|华盛顿)(?:则|也|亦|随即|随后|立即|旋即))/g;

/** The clauses of a sentence that each name a side acting ("…，中国则…"); the sentence itself when there is one. */
export function sideClauses(text: string): string[] {
  // Not after a report's frame ("…显示，中国也将…"): that is one report, told by someone.
  const cuts = [...text.matchAll(SIDE_CLAUSE)].filter((m) => !FRAME_END.test(text.slice(0, m.index + 1))).map((m) => m.index + m[0].length);
  if (!cuts.length) return [text];
  return [0, ...cuts].map((at, i) => text.slice(at, i < cuts.length ? cuts[i] : undefined));
}

/**
 * The reports of one clause of a dated sentence (the sentence when it has one clause): who acts,
 * on what, and what kind of measure. The clause's own date when it has one, else the sentence's.
 */
function clauseReports(
  s: { sentence: string; text: string; line: number; dates: readonly Dated[]; resolved: Dated },
  text: string,
  ctx: SuggestContext,
  actorById: ReadonlyMap<string, Actor>,
): Suggestion[] {
  const { sentence, line } = s;
  // The measure words, forecasts and conditions are read in the whole sentence ("如果…，中国也将…").
  const whole = s.text;
  const dates = s.dates.filter((d) => dateIndex(text, d.expr) >= 0);
  const framed = reportedClauseAt(text);
  const inClause = framed ? firstAction(text.slice(framed)) : undefined;
  const found = inClause ? { word: inClause.word, index: inClause.index + framed } : firstAction(text);
  if (!found) return [];
  // "为了反制美国的关税，中国限制了…": the answer's purpose comes first, the act in a later clause.
  const action = answeredFirst(text, found) ?? found;
  const first = text === whole ? s.resolved : (dates[0] ?? s.resolved);
  // The date nearest before the action is the act's; one named earlier frames the sentence
  // ("就在这个月发生了两件大事：第一，中国在10月9日宣布…", "这个月，也就是十月份，中国扩大了…").
  const datedBefore = first.carried ? [] : dates.map((d) => ({ d, at: dateIndex(text, d.expr) })).filter(({ d, at }) => at < action.index && !boundaryDate(text, readAsSimplified(d.expr)));
  const resolved = datedBefore.sort((a, b) => a.at - b.at).at(-1)?.d ?? first;
  // "他不会对中国征收100%的关税", "中方没有限制稀土出口": an action denied is none taken; nor is one
  // that may come or is to be discussed ("并可能放宽部分关税政策", "将讨论降低对华关税").
  const lead = text.slice(Math.max(0, action.index - 14), action.index);
  if (DENIED.test(lead) || HEDGED.test(lead)) return [];
  const mentions = ctx.findMentions(text);
  const mentioned = mentions.actors.map((id) => actorById.get(id)).filter((a): a is Actor => Boolean(a));
  // The issuer is the subject: the first authority, state or person named before the action
  // (美国政府于本周一公布… → US); failing that, the first one named at all.
  // 中方 and 美方 stand where they are named, as their states (美方…宣布将…中国…企业…列入: the US).
  const sides = SIDE_WORDS.flatMap(([re, id]) => {
    const m = re.exec(text);
    const a = actorById.get(id);
    return m && a ? [{ a, at: m.index }] : [];
  });
  const candidates = [
    ...mentioned.filter((a) => a.type === "authority" || a.type === "jurisdiction" || (a.type === "person" && a.jurisdiction)).map((a) => ({ a, at: firstIndex(text, a) })),
    ...sides,
  ]
    .filter((c) => Number.isFinite(c.at))
    .sort((x, y) => x.at - y.at);
  // In a reported clause that names its subject, the subject is there, not the outlet or office reporting it.
  const inReported = framed && inClause ? candidates.filter((c) => c.at >= framed && c.at < action.index) : [];
  // The subject stands in the action's own clause: "针对特朗普政府的对等关税行为，中国宣布…" (China),
  // the clause before it frames the act (what it answers, when, where).
  const clauseAt = actionClauseAt(text, action.index);
  // A side the act is aimed at or answers ("他指示政府对美国…进行反制", "为了反制特朗普政府的新关税") is its object, not its subject.
  const isObject = (c: { at: number }) => OBJECT_OF.test(text.slice(Math.max(0, c.at - 2), c.at));
  const inActionClause = candidates.filter((c) => c.at >= clauseAt && c.at < action.index && !inBrackets(text, c.at, action.index) && !isObject(c));
  const subjects = candidates.filter((c) => !isObject(c));
  const before = inReported.length ? inReported : inActionClause.length ? inActionClause : subjects.filter((c) => c.at < action.index);
  // In the passive the agent follows 被 ("ASML…被中国制裁": China acts).
  const agent = inActionClause.find((c) => text[c.at - 1] === "被");
  // Only the side answered named ("为了反制特朗普政府的新关税，又限制了…"): the other side acts.
  const sideAnswered = !before.length && !subjects.length ? candidates.find((c) => ANSWERED_SIDE.test(text.slice(Math.max(0, c.at - 2), c.at))) : undefined;
  const answering = sideAnswered ? otherSideOf(sideAnswered.a, actorById) : undefined;
  // A sentence that names sides only as what the act is aimed at ("墨西哥…提高对中国进口产品的关税") does not
  // say who acts, unless its instrument's number does (商务部公告2024年第46号: articleMentions reads the issuer there).
  const unnamed = instrumentKeys(text).length ? candidates[0] : undefined;
  const pick = agent ?? before.find((c) => c.a.type === "authority") ?? before[0] ?? (answering ? { a: answering, at: sideAnswered!.at } : (subjects[0] ?? unnamed));
  // 中方 and 美方 ("the Chinese side") name a state only in such sentences: the registry
  // does not find them in running text, where they are often the end of one word and the start of the next.
  const side = pick ? undefined : SIDE_WORDS.find(([re]) => re.test(text.slice(0, action.index + 12)));
  const sideActor = side ? actorById.get(side[1]) : undefined;
  if (!pick && !sideActor) return [];
  const named = pick ? (pick.a.type === "person" ? actorById.get(pick.a.jurisdiction!.toLowerCase()) ?? pick.a : pick.a) : sideActor!;
  // A state does not levy tariffs on its own goods: "中国…，暂时将中国商品的关税…降至约40%" is the US's act.
  const namedSide = (named.jurisdiction ?? named.id).toUpperCase();
  const levier = tariffsOnOwnGoods(text.slice(clauseAt), namedSide) ? actorById.get(OTHER_SIDE[namedSide]!) : undefined;
  const issuer = levier ?? named;
  const jurisdiction = (issuer.jurisdiction ?? issuer.id).toUpperCase();
  // "今天冯德莱恩表示，最近中国加强了出口管制", "on Wednesday, Bessent called the export controls
  // unacceptable": a date before someone's words about a measure dates the words, not the measure.
  // The side is its state or an authority: an official speaking (Bessent, 卢特尼克) may speak of
  // the other side's measure, and announces his own with 将 or 宣布 (ANNOUNCES below).
  const sameSide = candidates.filter((c) => c.a.type !== "person" && (c.a.jurisdiction ?? c.a.id).toUpperCase() === jurisdiction).map((c) => c.at);
  // Unless the words announce that side's own act ("贝森特回应称，美国将暂停…").
  const announced = pick !== undefined && ANNOUNCES.test(text.slice(pick.at, pick.at + 12));
  if (!resolved.carried && !announced && datesTheSaying(text, resolved.expr, action.index, sameSide, mentioned)) return [];
  const targets = mentioned.filter((a) => a.id !== issuer.id && a.id !== jurisdiction.toLowerCase() && a.type !== "outlet").map((a) => a.id);
  const domain = [...new Set(mentions.tags.map((t) => DOMAIN_OF_TAG[t]).filter((d): d is EventDomain => Boolean(d)))];
  const relaxes = RELAX.test(text) && !COUNTER.test(text) && !HALTS_TRADE.test(text);
  // 取消[3月…加征的关税]: a date after the word that lifts is the lifted measure's, but not a
  // deadline ("暂停至8月12日", "paused until 12 August").
  const lift = relaxes ? SUSPENDS_OR_LIFTS.exec(text) : null;
  const liftedDate = lift
    ? dates.find((d) => {
        const at = dateIndex(text, d.expr);
        return at > lift.index && !UNTIL.test(text.slice(Math.max(0, at - 6), at));
      })
    : undefined;
  const report = (date: Dated, lifted: boolean): Suggestion => ({
    sentence,
    simplified: whole,
    line,
    expr: date.expr,
    day: date.r.day,
    precision: date.r.precision,
    dateNote: date.r.note,
    authority: issuer.id,
    jurisdiction,
    kind: COUNTER.test(text) ? "countermeasure" : relaxes && !lifted ? "relaxation" : "measure",
    domain: domain.length ? domain : [DEFAULT_DOMAIN],
    items: mentions.tags.filter((t) => ctx.tags.find((x) => x.id === t && x.kind !== "topic")),
    targets,
    action: action.word,
    ...(date.carried ? { carried: true as const } : {}),
    ...(lifted ? { lifted: true as const } : {}),
  });
  const liftsOwn = liftedDate !== undefined && !resolved.carried && liftedDate.expr === resolved.expr;
  // "反击9月29日美国新宣布的制裁措施": a date right after the word of answer is the answered
  // measure's, the other side's; it is evidence for that measure, and the answer is dated only
  // by a date of its own.
  const answered = answeredMeasure(text, dates, jurisdiction, actorById);
  if (answered) {
    const own = answered.date.expr === resolved.expr && !resolved.carried ? [] : [report(resolved, false)];
    const other: Suggestion = { ...report(answered.date, false), authority: answered.side.id, jurisdiction: answered.side.id.toUpperCase(), kind: "measure", targets: [jurisdiction.toLowerCase()], answered: true };
    return [...own, other];
  }
  // "白宫周六公布…中国将取消3月…加征的关税": the lifting on Saturday, and the measure of March it lifts.
  return liftedDate && !liftsOwn ? [report(resolved, false), report(liftedDate, true)] : [report(resolved, liftsOwn)];
}

// Tariffs on a side's goods: 中国商品的关税, 美国进口商品关税, tariffs on Chinese goods.
const TARIFFS_ON_GOODS: ReadonlyArray<[RegExp, string]> = [
  [/中国(?:输美|进口|出口)?(?:商品|产品|货物)的?(?:进口)?关税|tariffs? on (?:all )?Chinese (?:goods|imports|products)/i, "CN"],
  [/美国(?:输华|进口|出口)?(?:商品|产品|货物)的?(?:进口)?关税|tariffs? on (?:all )?(?:American|US|U\.S\.) (?:goods|imports|products)/i, "US"],
];

/** Pure: whether a clause puts tariffs on the goods of `side` itself, which only the other side of the exchange does. */
export function tariffsOnOwnGoods(clause: string, side: string): boolean {
  return OTHER_SIDE[side] !== undefined && TARIFFS_ON_GOODS.some(([re, of]) => of === side && re.test(clause));
}

// Before a side's name, words that make it the object of the act: aimed at (对, 向, 针对) or answered (反制, 回应).
const ANSWERS = "反制|报复|反击|回应|应对";
const OBJECT_OF = new RegExp(`(?:对|向|针对|对于|${ANSWERS})$`);
const ANSWERED_SIDE = new RegExp(`(?:${ANSWERS})$`);
const ANSWER_WORD = /^(?:反制|报复|反击)$/;

/**
 * The act of a clause that opens with its purpose, an answer ("为了反制美国的关税，中国限制了…",
 * "作为对美国关税的反制，中国…"): the first action after that clause, when there is one.
 */
function answeredFirst(text: string, found: { word: string; index: number }): { word: string; index: number } | undefined {
  if (!ANSWER_WORD.test(found.word)) return undefined;
  const rest = text.slice(found.index + found.word.length);
  const cut = rest.search(/[，,；;]/);
  if (cut < 0) return undefined;
  const next = firstAction(rest.slice(cut + 1));
  return next ? { word: next.word, index: found.index + found.word.length + cut + 1 + next.index } : undefined;
}

/** The state on the other side of the exchange from an actor's (a person's, an authority's). */
function otherSideOf(a: Actor, actorById: ReadonlyMap<string, Actor>): Actor | undefined {
  const other = OTHER_SIDE[(a.jurisdiction ?? a.id).toUpperCase()];
  return other ? actorById.get(other) : undefined;
}

/**
 * Pure: where the clause holding `actionAt` begins: after the last comma, semicolon or colon
 * before it (0 when none). A gloss in brackets ("福特（Ford: 一家美国汽车制造商）不得不暂停") is
 * part of the clause: its colon ends nothing.
 */
export function actionClauseAt(text: string, actionAt: number): number {
  let depth = 0;
  for (let k = actionAt - 1; k >= 0; k--) {
    const ch = text[k]!;
    if (ch === "）" || ch === ")") depth++;
    else if ((ch === "（" || ch === "(") && depth > 0) depth--;
    else if (depth === 0 && "，,；;：:".includes(ch)) return k + 1;
  }
  return 0;
}

/** Pure: whether `at` stands inside brackets before `end` (a gloss, not the sentence's own words). */
export function inBrackets(text: string, at: number, end: number): boolean {
  let depth = 0;
  for (let k = at; k < end; k++) {
    const ch = text[k]!;
    if (ch === "（" || ch === "(") depth--;
    else if (ch === "）" || ch === ")") {
      if (depth === 0) return true;
      depth++;
    }
  }
  return false;
}

// A state a measure is rolled back to ("回滚到7月份的稀土管制水平") is a bound too: not the day of the act.
const SINCE_BEFORE = /(?:自|从|截至|直到|回滚到|回到|恢复到|退回到|since|from|before|after|until|by|back to)\s*$/i;
const SINCE_AFTER = /^\s*(?:以来|起|开始|之前|以前|之后|以后|前后|前)/;

/** Whether a date expression is the bound of a span (since, until, before) rather than a measure's day. */
export function boundaryDate(sentence: string, expr: string): boolean {
  const at = sentence.indexOf(expr);
  if (at < 0) return false;
  return SINCE_BEFORE.test(sentence.slice(Math.max(0, at - 8), at)) || SINCE_AFTER.test(sentence.slice(at + expr.length, at + expr.length + 4));
}

/** Where a date expression of the sentence stands in a clause read in Simplified (-1 if not in it). */
function dateIndex(text: string, expr: string): number {
  return text.indexOf(readAsSimplified(expr));
}

/** Verbs of saying (not 称为 "called so", 著称 "known for", 据说 "reportedly", 说明 "explain"). */
const SAYS = /表示|指出|批评|警告|谴责|指责|抨击|否认|澄清|强调|认为|(?<![名简对号俗统昵宣声著堪相])称(?![为作之])|(?<![据小])说(?![明服])|\b(?:said|says|called|calls|told|warned|critici[sz]ed|argued)\b/i;

/** After the side's name, words that announce its act: 将, 决定, 宣布, "will". */
const ANNOUNCES = /将|决定|宣布|\bwill\b|\bdecided\b/;

/** In the words after a verb of saying, what announces an act: those above, 已经, 正式, 即日起, "has" (not the 已 of 而已). */
const ANNOUNCES_DONE = new RegExp(`${ANNOUNCES.source}|已经|已于|已将|已对|正式|即日起|\\b(?:has|have)\\b`);

/** Before a verb of saying, an instrument published: 公告, 声明, 通告, 通知, a statement or notice. */
const PUBLISHED = /公告|声明|通告|通知|\b(?:statement|notice)\b/i;

/** Words of a news report: what it says happened is dated by it ("有消息泄露并被主要媒体报道，称…"). */
const NEWS = /报道|消息|媒体|新闻|\b(?:reported|reports?|according to|news)\b/i;

/**
 * Whether a clause's date dates someone's words about a measure rather than the measure: the
 * date stands before a verb of saying and the action after it, and the words are not a notice
 * published (发布公告称), nor the acting side's (`issuerSideAt`: its state or authorities) announcing
 * its act ("中国商务部今天表示，中方决定…"), nor told by an outlet or a news report of the day
 * ("彭博社10月9日报道称，…").
 */
function datesTheSaying(text: string, expr: string, actionAt: number, issuerSideAt: readonly number[], mentioned: readonly Actor[]): boolean {
  const dateAt = dateIndex(text, expr);
  if (dateAt < 0) return false;
  const says = SAYS.exec(text.slice(dateAt, actionAt));
  if (!says) return false;
  const saidAt = dateAt + says.index;
  // Words published as an instrument ("海关总署发布公告称", "发表声明称") are the act.
  if (PUBLISHED.test(text.slice(dateAt, saidAt))) return false;
  // The acting side's own words are its measure when they announce it ("中国商务部今天表示，中方决定…"),
  // not when they describe or defend it ("…称北京的出口限制是负责任的行为").
  if (issuerSideAt.some((at) => at < saidAt) && ANNOUNCES_DONE.test(text.slice(saidAt))) return false;
  if (NEWS.test(text.slice(0, saidAt))) return false;
  return !mentioned.some((a) => a.type === "outlet" && firstIndex(text, a) < saidAt);
}

/** Words just before an action that make it a possibility or a subject of talks, not an act. */
const HEDGED = /(?:可能|或将|或许|也许|讨论|商讨|磋商|即将|(?<![需重主只想必不])要(?![求是])|\b(?:may|might|could|discuss(?:es|ed|ing)?)\b)[^，,。；;]{0,4}$/i;

/** Words just before an action that deny it (不得 and 不予, which ban, are not among them). */
const DENIED = /(?:不会|没有|并未|未曾|尚未|并不|\b(?:will not|won't|did not|didn't|has not|have not|never))[^，,。；;]{0,4}$/i;

/** The other side of the exchange, for the side that answers. */
const OTHER_SIDE: Record<string, string> = { CN: "us", US: "cn" };
/** How far after the word of answer its date may stand ("反击9月29日", "回应美国4月2日"). */
const ANSWERED_WITHIN = 4;

/** The date and side of the measure a clause answers, when a date follows its word of answer closely. */
function answeredMeasure(text: string, dates: readonly Dated[], jurisdiction: string, actorById: ReadonlyMap<string, Actor>): { date: Dated; side: Actor } | undefined {
  const counter = COUNTER.exec(text);
  const side = OTHER_SIDE[jurisdiction] ? actorById.get(OTHER_SIDE[jurisdiction]!) : undefined;
  if (!counter || !side) return undefined;
  const after = counter.index + counter[0].length;
  const date = dates.find((d) => {
    const at = dateIndex(text, d.expr);
    return at >= after && at - after <= ANSWERED_WITHIN;
  });
  return date ? { date, side } : undefined;
}

/** A suggestion as the front matter of an event file, with the evidence in comments. */
export function suggestionToEventFile(s: Suggestion, articleSlug: string): string {
  const announced = s.precision === "month" ? s.day.slice(0, 7) : s.day;
  const words = slugify(s.sentence.replace(s.expr, ""), 6);
  const id = `${announced}-${s.jurisdiction.toLowerCase()}-${words || "event"}`;
  const fm = eventFileFields({
    id,
    title: { "zh-Hans": s.sentence.replace(/[。；;.]$/, ""), en: "TODO: English title" },
    dates: { announced },
    date_notes: `"${s.expr}" in the article: ${s.dateNote}`,
    jurisdiction: s.jurisdiction,
    authority: s.authority,
    kind: s.kind,
    domain: s.domain,
    items: s.items,
    targets: s.targets,
    sources: [{ article: articleSlug }],
  });
  return [
    `# suggested from line ${s.line}: ${s.sentence}`,
    `# action word: ${s.action}; check every field, then save as content/events/${id}.md`,
    "---",
    stringify(fm, { lineWidth: 0 }).trimEnd(),
    "---",
    "TODO: a short neutral description.",
    "",
  ].join("\n");
}
