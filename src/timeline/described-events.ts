// Shipped events an article describes without a day: "中国4月份推出的稀土许可证制度", "去年
// 商务部对镓、锗实施出口管制". A sentence that names a measure, a side and a month or a year
// links to the one event of that side and period whose items it names; when two events of the
// period share those items, it links to neither (a wrong link is worse than none).
import type { Actor } from "../model/registry.ts";
import { actorsById } from "../normalize/registry.ts";
import { memoizeByReference } from "../memo.ts";
import type { TimelineEvent } from "../model/event.ts";
import { readAsSimplified } from "../normalize/chinese-script.ts";
import { arabicDateNumerals, ZH_YEAR_WORDS } from "../normalize/date.ts";
import { sentences, SUSPENDS_OR_LIFTS } from "./suggest.ts";
import { MEASURE_EN, MEASURE_ZH, NOT_A_MEASURE } from "./candidates.ts";
import { relaxationReported } from "./event-links.ts";

/** What a description is matched against: an event's side, kind, day and items. */
export type DescribableEvent = Pick<TimelineEvent, "id" | "jurisdiction" | "kind" | "items"> & Partial<Pick<TimelineEvent, "targets">> & {
  date: Pick<TimelineEvent["date"], "start">;
  /** Its announced, published and effective days: "recently" may mean any of them. */
  days?: readonly string[];
  /** The events that suspend, lift or rescind it, with their first day (event-links.ts relaxations). */
  relaxedBy?: ReadonlyArray<{ id: string; start: string }>;
};

export interface DescribedLink {
  event: string;
  line: number;
  named: string;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const EN_MONTH = new RegExp(`\\bin (${MONTHS.join("|")})(?:,? ((?:19|20)\\d{2}))?\\b`, "i");
// A quick test before the exact ones: a sentence with no digit, 年, 月 or English month names no period.
const MAY_NAME_PERIOD = /[\d年月]|\bin [A-Z]/i;

/**
 * Whether a line may hold a sentence that describes a measure by its period: it names a period
 * and a measure (in either script). Most lines of a note do not, and are never split.
 */
export function mayDescribe(line: string): boolean {
  if (!MAY_NAME_PERIOD.test(line) && !RECENT.test(line)) return false;
  const simplified = readAsSimplified(line);
  return MEASURE_ZH.test(simplified) || MEASURE_EN.test(simplified);
}

// "最近", "近日", "this week": the weeks before the article. Not "最近几年", "近年" (years, not weeks).
const RECENT = /最近(?!几|这几|这些|一段|一两|两|三|十|数|的?(?:一|两|几)?[年个])|近日|日前|本周|上周|这周|这两天|\b(?:recently|this week|last week)\b/i;
/** How far back "recently" reaches from the article's day. */
export const RECENT_DAYS = 45;

/** A period of the article's recent past: the days from `from` to the article's. */
export interface RecentPeriod {
  from: string;
  to: string;
}

/**
 * The period a sentence refers to: a year, or a month of a year, against the article's day; or,
 * failing those, the article's recent past when it says "recently".
 */
export function periodOf(written: string, articleDay: string): { year: number; month?: number } | RecentPeriod | undefined {
  const dated = datedPeriodOf(written, articleDay);
  if (dated || !RECENT.test(written)) return dated;
  const from = new Date(Date.parse(`${articleDay}T00:00:00Z`) - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  return { from, to: articleDay };
}

function datedPeriodOf(written: string, articleDay: string): { year: number; month?: number } | undefined {
  if (!MAY_NAME_PERIOD.test(written)) return undefined;
  const text = arabicDateNumerals(written);
  const year = Number(articleDay.slice(0, 4));
  const month = Number(articleDay.slice(5, 7));
  let m: RegExpExecArray | null;
  if ((m = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/.exec(text))) return { year: Number(m[1]), month: Number(m[2]) };
  if ((m = /(去年|今年|前年)\s*(\d{1,2})\s*月/.exec(text))) return { year: year + ZH_YEAR_WORDS[m[1]!]!, month: Number(m[2]) };
  if ((m = /(?<![\d年])(\d{1,2})\s*月份?(?!\s*\d{1,2}\s*[日号])/.exec(text))) {
    const mm = Number(m[1]);
    if (mm < 1 || mm > 12) return undefined;
    // A month without a year is the last one of that name up to the article.
    return { year: mm <= month ? year : year - 1, month: mm };
  }
  const en = EN_MONTH.exec(text);
  if (en) {
    const mm = MONTHS.indexOf(en[1]!.toLowerCase()) + 1;
    return { year: en[2] ? Number(en[2]) : mm <= month ? year : year - 1, month: mm };
  }
  if ((m = /((?:19|20)\d{2})\s*年(?!\s*\d)|\bin ((?:19|20)\d{2})\b/.exec(text))) return { year: Number(m[1] ?? m[2]) };
  if ((m = /(去年|今年|前年)/.exec(text))) return { year: year + ZH_YEAR_WORDS[m[1]!]! };
  return undefined;
}

/**
 * Items many events share (tariffs, export controls, the Entity List) tell no measure apart: the
 * others are rare. Counted once per list of events, not per article.
 */
const rareItems = memoizeByReference((events: readonly DescribableEvent[]): ((item: string) => boolean) => {
  const eventsWith = new Map<string, number>();
  for (const e of events) for (const i of e.items) eventsWith.set(i, (eventsWith.get(i) ?? 0) + 1);
  return (item) => (eventsWith.get(item) ?? 0) <= RARE_ITEM_EVENTS;
});

/**
 * At most how many events an item may have to be rare. A count, not a share of the timeline: as a
 * share (one event in 40), events on other matters made rare-earth magnets (8 events) rare at
 * 321 events and changed which event a note on them links to.
 */
export const RARE_ITEM_EVENTS = 8;

// Failing a rare item, a material or a technology tells measures apart within a side and a
// period even when many events of other years share it (rare earths in 2010 against 2025's
// many); beside a rare one (gallium) it would only add events (semiconductors).
const materialsAndTechnologies = memoizeByReference((tags: ReadonlyArray<{ id: string; kind: string }>) => new Set(tags.filter((t) => t.kind === "material" || t.kind === "technology").map((t) => t.id)));
const NO_TAGS: ReadonlyArray<{ id: string; kind: string }> = [];

/** The events an article describes by side, period and items, once each. */
export function describedEvents(
  body: string | ReadonlyArray<{ text: string; line: number }>,
  articleDay: string,
  ctx: { actors: readonly Actor[]; tags?: ReadonlyArray<{ id: string; kind: string }>; findMentions(text: string): { actors: string[]; tags: string[] } },
  events: readonly DescribableEvent[],
): DescribedLink[] {
  const actorById = actorsById(ctx.actors);
  const rare = rareItems(events);
  const thing = materialsAndTechnologies(ctx.tags ?? NO_TAGS);
  const out = new Map<string, DescribedLink>();
  for (const { text, line } of typeof body === "string" ? sentences(body, mayDescribe) : body) {
    // The cheap test first: most sentences name no period (a year or a month is the same in both scripts).
    const period = periodOf(text, articleDay);
    if (!period) continue;
    const simplified = readAsSimplified(text);
    if (!(MEASURE_ZH.test(simplified) || MEASURE_EN.test(simplified)) || NOT_A_MEASURE.test(simplified)) continue;
    // "自3月4日以来", "since March": a period counted from is not the measure's.
    if (/自.{0,12}(以来|起)|since\b/i.test(simplified)) continue;
    const found = ctx.findMentions(simplified);
    const sidesOf = (ids: readonly string[]) => new Set(ids.map((id) => actorById.get(id)).filter((a): a is Actor => Boolean(a && (a.type === "authority" || a.type === "jurisdiction") && a.jurisdiction)).map((a) => a.jurisdiction!));
    let sides: ReadonlySet<string> = sidesOf(found.actors);
    // One side named: a sentence naming both (the US's tariffs, China's answer) says too little
    // of whose measure it is, unless one side does it to the other ("美国对中国船只征收港口费").
    if (sides.size === 2) sides = actingSide(simplified, (t) => sidesOf(ctx.findMentions(t).actors), sides);
    // A side named only as the one a measure is aimed at ("向中国出口…受限的芯片", "to China")
    // is not the side that took it, which the sentence then does not name.
    if (sides.size === 1 && !sidesOf(ctx.findMentions(simplified.replace(AIMED_AT, " ")).actors).size) continue;
    if (sides.size !== 1) continue;
    const inPeriod = (e: DescribableEvent) => {
      const day = e.date.start;
      if ("from" in period) return (e.days ?? [day]).some((d) => d >= period.from && d <= period.to);
      if (day > articleDay || Number(day.slice(0, 4)) !== period.year) return false;
      return period.month === undefined || Number(day.slice(5, 7)) === period.month;
    };
    const fitting = (items: readonly string[]) => (items.length ? events.filter((e) => sides.has(e.jurisdiction.toUpperCase()) && e.kind !== "statement" && inPeriod(e) && e.items.some((i) => items.includes(i))) : []);
    // The rare items first; the materials and technologies only when no event has those.
    let fits = fitting(found.tags.filter(rare));
    if (!fits.length) fits = fitting(found.tags.filter((t) => thing.has(t)));
    // Two measures of one period on one item: the one aimed at the side the sentence names as
    // the target ("限制了对日本的稀土出口": the hold-up of 2010's exports to Japan, not that
    // year's quota cut).
    if (fits.length > 1) {
      const aimedAt = new Set([...simplified.matchAll(AIMED_AT)].flatMap((m) => [...sidesOf(ctx.findMentions(m[0]).actors)]).filter((j) => !sides.has(j)));
      const targetSides = (e: DescribableEvent) => (e.targets ?? []).map((t) => actorById.get(t)?.jurisdiction);
      if (aimedAt.size) fits = fits.filter((e) => targetSides(e).some((j) => j !== undefined && aimedAt.has(j)));
    }
    if (fits.length !== 1) continue;
    const e = fits[0]!;
    // "回滚了10月份的稀土禁令": a measure told as suspended or lifted is the report of the event
    // that does so, or of none we have (not of the measure: the note reports its end).
    let id: string | undefined = e.id;
    if (e.relaxedBy?.length && SUSPENDS_OR_LIFTS.test(simplified)) id = relaxationReported({ start: e.date.start, relaxedBy: e.relaxedBy }, articleDay);
    if (id && !out.has(id)) out.set(id, { event: id, line, named: text.slice(0, 80) });
  }
  return [...out.values()];
}

// Where a sentence names the side a measure is aimed at: 向中国, 对华, to China, on Chinese ships.
const AIMED_AT = /(?:向|对于|对|针对|输往|出口到|出口至)[\p{Script=Han}]{1,4}|\b(?:to|on|against|into)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[a-z]+)?/gu;

// What one side does to the other: 对, the other side, and a measure taken (not one talked
// about), "对中国船只征收"; or the measure first, "限制了对日本的稀土出口".
const DOES_TO = /对([^，,；;、]{1,24}?)(?:实施|征收|加征|收取|采取|发起|启动|列入|禁止|限制|暂停|取消|停止)|(?:限制|切断|停止|暂停|禁止|中断)了?对([^，,；;、]{1,12}?)的/g;

/**
 * Pure: the side that acts in a sentence naming two: in "美国最近对中国船只征收港口费", the one
 * named just before (back to the clause's start) when the other is named after 对; otherwise
 * both (no link). `sidesIn` finds the sides a piece of text names.
 */
export function actingSide(sentence: string, sidesIn: (text: string) => ReadonlySet<string>, both: ReadonlySet<string>): ReadonlySet<string> {
  for (const m of sentence.matchAll(DOES_TO)) {
    const head = sentence.slice(0, m.index);
    const clause = head.slice(Math.max(...["，", ",", "；", ";", "、", "。"].map((c) => head.lastIndexOf(c))) + 1);
    const actor = sidesIn(clause);
    const target = sidesIn(m[1] ?? m[2]!);
    if (actor.size === 1 && target.size === 1 && [...actor][0] !== [...target][0]) return actor;
  }
  return both;
}
