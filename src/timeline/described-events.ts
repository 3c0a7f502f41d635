// Shipped events an article describes without a day: "中国4月份推出的稀土许可证制度", "去年
// 商务部对镓、锗实施出口管制". A sentence that names a measure, a side and a month or a year
// links to the one event of that side and period whose items it names; when two events of the
// period share those items, it links to neither (a wrong link is worse than none).
import type { Actor } from "../model/registry.ts";
import type { TimelineEvent } from "../model/event.ts";
import { readAsSimplified } from "../normalize/chinese-script.ts";
import { arabicDateNumerals, ZH_YEAR_WORDS } from "../normalize/date.ts";
import { sentences } from "./suggest.ts";
import { MEASURE_EN, MEASURE_ZH, NOT_A_MEASURE } from "./candidates.ts";

/** What a description is matched against: an event's side, kind, day and items. */
export type DescribableEvent = Pick<TimelineEvent, "id" | "jurisdiction" | "kind" | "items"> & { date: Pick<TimelineEvent["date"], "start"> };

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
  if (!MAY_NAME_PERIOD.test(line)) return false;
  const simplified = readAsSimplified(line);
  return MEASURE_ZH.test(simplified) || MEASURE_EN.test(simplified);
}

/** The period a sentence refers to: a year, or a month of a year, against the article's day. */
export function periodOf(written: string, articleDay: string): { year: number; month?: number } | undefined {
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

/** The events an article describes by side, period and items, once each. */
export function describedEvents(
  body: string | ReadonlyArray<{ text: string; line: number }>,
  articleDay: string,
  ctx: { actors: readonly Actor[]; findMentions(text: string): { actors: string[]; tags: string[] } },
  events: readonly DescribableEvent[],
): DescribedLink[] {
  const actorById = new Map(ctx.actors.map((a) => [a.id, a]));
  // Items many events share (tariffs, export controls, the Entity List) tell no measure apart.
  const eventsWith = new Map<string, number>();
  for (const e of events) for (const i of e.items) eventsWith.set(i, (eventsWith.get(i) ?? 0) + 1);
  const distinctive = (item: string) => (eventsWith.get(item) ?? 0) <= Math.max(3, events.length / 40);
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
    const sides = new Set(found.actors.map((id) => actorById.get(id)).filter((a): a is Actor => Boolean(a && (a.type === "authority" || a.type === "jurisdiction") && a.jurisdiction)).map((a) => a.jurisdiction!));
    // One side named: a sentence naming both (the US's tariffs, China's answer) says too little of whose measure it is.
    const items = found.tags.filter(distinctive);
    if (sides.size !== 1 || !items.length) continue;
    const inPeriod = (e: DescribableEvent) => {
      const day = e.date.start;
      if (day > articleDay || Number(day.slice(0, 4)) !== period.year) return false;
      return period.month === undefined || Number(day.slice(5, 7)) === period.month;
    };
    const fits = events.filter((e) => sides.has(e.jurisdiction.toUpperCase()) && e.kind !== "statement" && inPeriod(e) && e.items.some((i) => items.includes(i)));
    if (fits.length !== 1) continue;
    const e = fits[0]!;
    if (!out.has(e.id)) out.set(e.id, { event: e.id, line, named: text.slice(0, 80) });
  }
  return [...out.values()];
}
