// Candidate events from a collection: the sentences that report a dated export-control or
// related trade measure (src/timeline/suggest.ts finds a date, an issuer and an action word),
// kept only when they name a measure and nothing that marks them as something else (layoffs,
// market moves, polls, statistics, forecasts, threats), then merged across every article that
// reports the same measure: the same instrument, or the same jurisdiction, items and days. A
// candidate that is an event already shipped is reported as new sources for that event.
// GDELT counts each event once with the articles that report it; this does it for measures.
import type { NormalizedDate } from "../model/types.ts";
import type { EventDomain, EventKind, TimelineEvent } from "../model/event.ts";
import { boundaryDate, DEFAULT_DOMAIN, DOMAIN_OF_TAG, suggestEvents, type SuggestContext, type Suggestion } from "./suggest.ts";
import { eventInstrumentKeys, instrumentIssuer, instrumentKeys, instrumentLabel } from "./instruments.ts";
import { daysApart } from "./dates.ts";
import { memoizeByReference } from "../memo.ts";

/** What a report says of a measure: whose, what kind, on what, and how its date was settled. */
interface MeasureFacts {
  precision: "day" | "month";
  /** For a mention, how its date was resolved against the article's own date; for a candidate, how many mentions give it too. */
  dateNote: string;
  jurisdiction: string;
  authority: string;
  kind: EventKind;
  domain: EventDomain[];
  items: string[];
  targets: string[];
}

/** One sentence of one article that reports a measure. */
export interface Mention extends MeasureFacts {
  article: string;
  line: number;
  text: string;
  day: string;
  /** The day of the article that reports it: nothing reported there happened after it. */
  articleDay?: string;
  /** Instrument keys (instruments.ts); `event:<id>` when the article names a shipped event (event-links.ts). */
  instruments: string[];
  /** Dated by the sentence before it (suggest.ts): evidence for a measure, never one alone. */
  carried?: true;
}

export interface Candidate extends MeasureFacts {
  announced: string;
  instrument: string | null;
  articles: string[];
  sentences: Array<{ article: string; line: number; text: string }>;
  /** A shipped event this is: its articles are new sources for it, not a new event. */
  matches_event: string | null;
  confidence: number;
}

// What a measure is called: a sentence that names none of these reports something else.
export const MEASURE_ZH =
  /出口管制|出口限制|限制[^，。；]{0,10}出口|管制措施|管控|实体清单|不可靠实体|管制清单|禁令|禁运|禁售|禁止|断供|许可|制裁|反制|加征|关税|反倾销|反补贴|反歧视|调查|贸易协议|经贸协议|审查|列入|除名|移出|暂停|暂缓|停止执行|取消|豁免|放宽|收紧|升级|新规|规则|条例|公告|行政令|外国直接产品|长臂/;
export const MEASURE_EN =
  /\b(?:export controls?|controls? on|entity list|unreliable entity|blacklist(?:ed|s)?|ban(?:s|ned)?|embargo|licen[cs](?:e|es|ing)|sanction(?:s|ed)?|tariffs?|dut(?:y|ies)|anti-dumping|probe|investigation|review|restrict(?:s|ed|ions?)|rules?|regulations?|executive order|suspend(?:s|ed)?|suspension|lift(?:s|ed)?|rescind(?:s|ed)?|waiver|exemptions?|foreign direct product)\b/i;
// The measures a relaxation may relax: MEASURE_ZH and MEASURE_EN without the words that relax.
const RELAXED_MEASURE =
  /管制|限制|管控|清单|禁令|禁运|禁售|禁止|断供|许可|制裁|反制|加征|关税|反倾销|反补贴|调查|协议|审查|列入|新规|规则|条例|公告|行政令|外国直接产品|措施|港口费|特权|待遇|地位|出口|进口|供货|出售|销售|\b(?:export controls?|controls?|entity list|blacklist(?:ed|s)?|bans?|embargo|licen[cs]|sanctions?|tariffs?|dut(?:y|ies)|anti-dumping|probe|investigation|restrictions?|rules?|regulations?|executive order|fees?|measures?)\b/i;
// What marks a sentence as something other than a measure taken: company and market news,
// statistics and polls, forecasts, threats and conditionals.
export const NOT_A_MEASURE =
  /裁员|很可能|可能会|也许|或许|股价|股市|股票(?!除名|退市|下市)|市值|反弹|暴跌|大涨|大跌|标普|纳斯达克|道指|财报|营收|利润|盈利|就业数据|非农|统计局|环比|同比|民意调查|民调|房价|销售价格|可能性|预计|预测|或将|有望|恐将|威胁|扬言|如果|若是|假如|一旦|打算|考虑|拟于|传闻|据传|layoffs?|stock|shares? (?:fell|rose)|S&P|Nasdaq|Dow\b|rall(?:y|ied)|rebound|earnings|revenue|profit|jobs (?:data|report)|poll|survey|forecast|expected to|could|would|might|threat(?:en(?:s|ed)?)?|if\b|plans? to|considering|rumou?r/i;
// The parties of the exchange this knowledge base records; another state's measure against a
// third (Iran, Russia's war) is not part of it.
const PARTIES = new Set(["US", "CN", "NL", "JP", "KR", "TW", "EU", "GB", "DE", "INT"]);
const COUNTERPART: Record<string, RegExp> = {
  US: /中国|中方|中共|北京|华为|中芯|中兴|对华|输华|涉华|中美|美中|China|Chinese|Beijing|Huawei|SMIC|ZTE|PRC/i,
  CN: /美国|美方|美企|华盛顿|对美|输美|中美|美中|United States|U\.S\.|\bUS\b|American|Washington/i,
};

/** Whether a sentence the suggester found reports a measure of the US–China exchange. */
export function reportsMeasure(s: Suggestion, articleDay: string): boolean {
  if (!PARTIES.has(s.jurisdiction)) return false;
  if (!(MEASURE_ZH.test(s.simplified) || MEASURE_EN.test(s.simplified))) return false;
  if (NOT_A_MEASURE.test(s.simplified)) return false;
  // What is suspended or cancelled must be a measure: a visit called off is none ("贝尔伯克决定取消这次访问").
  if (s.kind === "relaxation" && !RELAXED_MEASURE.test(s.simplified)) return false;
  // A question asks, it does not report ("之前中国不是有些企业被美国列入实体清单吗？").
  if (/[？?]["”」』]?$/.test(s.simplified)) return false;
  // A date after the article's is a measure announced earlier taking effect, or a plan: the
  // announcement is found where it was reported.
  if (s.day > articleDay) return false;
  // "since 4 March", "自3月4日以来", "before April 2": a date the sentence counts from, not the day of its measure
  // (unless what is counted from it is lifted: 暂停自3月4日起加征的关税 reports the measure of 4 March).
  if (!s.lifted && boundaryDate(s.simplified, s.expr)) return false;
  // Items of the field, or the other side named: a US rule on Chinese firms, China's on American
  // ones. Tariffs and sanctions are everyone's (on Canada, on Iran's oil): they need the other side.
  const counterpart = COUNTERPART[s.jurisdiction];
  const ofTheField = s.items.some((i) => !ANYONES_ITEMS.has(i)) || s.domain.some((d) => d !== DEFAULT_DOMAIN && d !== "tariffs");
  return ofTheField || (counterpart ? counterpart.test(s.simplified) : true);
}

/** Measures any state takes against any other (tariffs, sanctions, an arms embargo on Cambodia): of the exchange only when they name the other side. */
const ANYONES_ITEMS = new Set(["tariffs", "sanctions", "secondary-sanctions", "export-bans"]);

/** The mentions of measures in one article. */
export function articleMentions(article: string, body: string, anchor: NormalizedDate, ctx: SuggestContext, split?: ReadonlyArray<{ text: string; line: number }>): Mention[] {
  return suggestEvents(body, anchor, ctx, split).flatMap((s): Mention[] => {
    const instruments = instrumentKeys(s.sentence);
    // An instrument's number says who issued it better than the names around it ("商务部" alone
    // is any country's ministry; "对美国" names the target, not the issuer).
    const issuer = instruments.map(instrumentIssuer).find(Boolean);
    const own = issuer && issuer.jurisdiction !== s.jurisdiction ? { ...s, ...issuer } : s;
    if (!reportsMeasure(own, anchor.day)) return [];
    return [
      {
        article,
        line: s.line,
        text: s.sentence,
        day: s.day,
        articleDay: anchor.day,
        precision: s.precision,
        dateNote: s.dateNote,
        jurisdiction: own.jurisdiction,
        authority: own.authority,
        kind: s.kind,
        domain: s.domain,
        items: s.items,
        targets: s.targets.filter((t) => t !== own.authority),
        instruments,
        // A lifted or answered measure's date is evidence for it, as a date carried from the sentence before is.
        ...(s.carried || s.lifted || s.answered ? { carried: true as const } : {}),
      },
    ];
  });
}

/** How far apart two reports of one measure's day may be: reports differ by a day or two (time zones, "this week"). */
export const SAME_MEASURE_DAYS = 2;

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.includes(x));
}

/** Whether two mentions report the same measure. */
function sameMeasure(a: Mention, b: Mention): boolean {
  if (overlaps(a.instruments, b.instruments)) return true;
  if (a.jurisdiction !== b.jurisdiction) return false;
  if (a.precision === "month" || b.precision === "month") return false;
  if (daysApart(a.day, b.day) > SAME_MEASURE_DAYS) return false;
  // The same days and side: the same items, or the same issuer on the same domain. A state alone
  // ("美国") on the domain of a sentence with no tags tells nothing apart.
  if (overlaps(a.items, b.items)) return true;
  if (a.authority !== b.authority) return false;
  return overlaps(onlyItsState(a) ? a.domain.filter((d) => d !== DEFAULT_DOMAIN) : a.domain, b.domain);
}

/** Whether a report names its issuer only by its state ("美国"), not by an office. */
function onlyItsState(m: Pick<MeasureFacts, "authority" | "jurisdiction">): boolean {
  return m.authority === m.jurisdiction.toLowerCase();
}

function mostCommon<T extends string>(xs: readonly T[]): T {
  return byCount(xs)[0] as T;
}

/** The values, the most frequent first, ties in code-point order. */
function byCount(xs: readonly string[]): string[] {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([x]) => x);
}

/**
 * How likely a candidate is a real measure: mostly how many articles report it, then an
 * instrument named and the reports agreeing on the day.
 */
export function candidateConfidence(articles: number, instrument: boolean, dayAgreement: number): number {
  const byArticles = articles >= 5 ? 0.75 : articles >= 3 ? 0.65 : articles === 2 ? 0.55 : 0.35;
  return Math.min(0.95, Math.round((byArticles + (instrument ? 0.15 : 0) + (dayAgreement >= 2 ? 0.05 : 0)) * 100) / 100);
}

/** Merges mentions into candidates: one per measure, with every article that reports it. */
export function mergeMentions(mentions: readonly Mention[]): Candidate[] {
  return mergeReports(mentions).map((m) => m.candidate);
}

/** The candidates, each with whether all its reports took their date from the sentence before. */
function mergeReports(mentions: readonly Mention[]): Array<{ candidate: Candidate; carriedOnly: boolean }> {
  return mergeGroups(mentions).map(reportOf).sort(byConfidence);
}

function reportOf(g: readonly Mention[]): { candidate: Candidate; carriedOnly: boolean } {
  return { candidate: toCandidate(g), carriedOnly: g.every((m) => m.carried && !m.instruments.length) };
}

function byConfidence({ candidate: a }: { candidate: Candidate }, { candidate: b }: { candidate: Candidate }): number {
  return b.confidence - a.confidence || b.articles.length - a.articles.length || (a.announced < b.announced ? 1 : -1);
}

/** The mentions in groups, one per measure reported. */
function mergeGroups(mentions: readonly Mention[]): Mention[][] {
  // Union-find over mentions; mentions sorted by day so the comparisons stay near each other.
  const ms = [...mentions].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const parent = ms.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < ms.length; i++) {
    for (let j = i + 1; j < ms.length; j++) {
      // Sorted by day: once past the window nothing later shares the day, except by instrument.
      const far = daysApart(ms[i]!.day, ms[j]!.day) > SAME_MEASURE_DAYS;
      if (far && !ms[i]!.instruments.length) break;
      if (sameMeasure(ms[i]!, ms[j]!)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Mention[]>();
  for (let i = 0; i < ms.length; i++) (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(ms[i]!);
  return [...groups.values()];
}

/**
 * A group of reports split by the shipped event each one is, when they are of several: one day
 * of October 2025 has six MOFCOM announcements, and the notes reporting its rare-earth controls,
 * merged with one naming its superhard-materials controls, are new sources for the first, not
 * the second. A report that is no shipped event alone goes with the part sharing most of its
 * items (the largest part on a tie).
 */
export function splitByEvent(group: readonly Mention[], eventOf: (m: Mention) => string | null): Mention[][] {
  if (group.length < 2) return [[...group]];
  const of = group.map((m) => ({ m, e: eventOf(m) }));
  const ids = [...new Set(of.flatMap((x) => (x.e ? [x.e] : [])))];
  if (ids.length < 2) return [[...group]];
  const parts = new Map(ids.map((id) => [id, of.filter((x) => x.e === id).map((x) => x.m)]));
  for (const { m, e } of of) {
    if (e) continue;
    const shared = (part: Mention[]) => m.items.filter((i) => part.some((p) => p.items.includes(i))).length;
    const best = [...parts.values()].reduce((a, b) => (shared(b) > shared(a) || (shared(b) === shared(a) && b.length > a.length) ? b : a));
    best.push(m);
  }
  return [...parts.values()];
}

/**
 * Pure: a candidate's reports, those that say it best first (its day, side and kind, dated in
 * their own sentence), then those that agree on less, each in the order read: a person reviewing
 * reads the first few.
 */
export function bySupport(group: readonly Mention[], c: { day: string; jurisdiction: string; kind: string }): Mention[] {
  const rank = (m: Mention) => (m.day === c.day ? 0 : 2) + (m.jurisdiction === c.jurisdiction && m.kind === c.kind && !m.carried ? 0 : 1);
  return group.map((m, i) => ({ m, i, r: rank(m) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.m);
}

function toCandidate(group: readonly Mention[]): Candidate {
  const dayOnes = group.filter((m) => m.precision === "day");
  const dated = dayOnes.length ? dayOnes : group;
  const announced = mostCommon(dated.map((m) => m.day));
  const agreeing = new Set(dated.filter((m) => m.day === announced).map((m) => m.article)).size;
  const first = dated.find((m) => m.day === announced)!;
  const instruments = byCount(group.flatMap((m) => m.instruments.filter((k) => !k.startsWith("event:"))));
  const named = byCount(group.flatMap((m) => m.instruments.filter((k) => k.startsWith("event:"))));
  const articles = [...new Set(group.map((m) => m.article))];
  const jurisdiction = mostCommon(group.map((m) => m.jurisdiction));
  const kind = mostCommon(group.map((m) => m.kind));
  return {
    announced: first.precision === "month" ? announced.slice(0, 7) : announced,
    precision: first.precision,
    dateNote: `${agreeing} of ${articles.length} article${articles.length === 1 ? "" : "s"} give this day; first: ${first.dateNote}`,
    jurisdiction,
    authority: mostCommon(group.map((m) => m.authority)),
    kind,
    domain: byCount(group.flatMap((m) => m.domain)) as EventDomain[],
    instrument: instruments[0] ? instrumentLabel(instruments[0]) : null,
    items: byCount(group.flatMap((m) => m.items)),
    targets: byCount(group.flatMap((m) => m.targets)).slice(0, 8),
    articles,
    sentences: bySupport(group, { day: announced, jurisdiction, kind }).map((m) => ({ article: m.article, line: m.line, text: m.text })),
    matches_event: named[0] ? named[0].slice("event:".length) : null,
    confidence: candidateConfidence(articles.length, instruments.length > 0 || named.length > 0, agreeing),
  };
}

/**
 * The event a candidate is, if one is shipped: the same instrument, or the same side within a
 * couple of days with enough in common (items count double; the same domain, the same issuer or
 * an issuer named only by its country, the very same day count once each). A relaxation never
 * matches the measure it relaxes.
 */
export function matchEvent(c: Candidate, events: readonly TimelineEvent[], reportedBy?: string): string | null {
  const key = c.instrument ? instrumentKeys(c.instrument)[0] : undefined;
  let best: { id: string; score: number; answered: number } | null = null;
  // A rate the reports give and an event's title gives tells apart events otherwise alike, the
  // tariff rounds of one week ("4月10日…关税提高至125%": the 125% of 9 April, not the 84% of 8
  // April); it outweighs nothing else (a listing named beside a tariff's rate is still the listing).
  const reportedRates = ratesIn(c.sentences.map((s) => s.text).join(" "));
  // A named office (the White House, not "the US") is, items or not, the one of its events in
  // those days nearest to the report's day, when no other is as near ("白宫昨天公布了中美达成的
  // 贸易协议": the fact sheet of the day before, not the orders of two days after).
  const nearestOfIssuer = c.precision === "day" && !onlyItsState(c) ? nearestOnly(events.filter((e) => e.authority === c.authority), c.announced) : undefined;
  for (const e of events) {
    // An event announced after the last article reporting it is not what they report (a note of
    // 3 November on what China "will" lift is not the lifting of 5 November); a day's grace for time zones.
    if (reportedBy && e.date.start > reportedBy && daysApart(reportedBy, e.date.start) > 1) continue;
    const eventKeys = eventInstrumentKeys(e);
    // The announced day only. Read with its publication and entry into force too, the list shown
    // on the held-out labelled notes fell from 0.833 to 0.750 in precision: a measure takes
    // effect on the day another is announced (port fees and the Hanwha sanctions, 14 October 2025).
    const days = [e.date.start];
    // A month ("4月份", "last April") meets the events of that month, on the items alone.
    // An event known only to its month (reported "that week", no order published) meets any day of it.
    const sameMonth = days.some((d) => d.startsWith(c.announced.slice(0, 7)));
    const nearDay = c.precision === "day" ? days.some((d) => daysApart(d, c.announced) <= SAME_MEASURE_DAYS) || (e.date.precision === "month" && sameMonth) : sameMonth;
    if (key && eventKeys.includes(key) && (nearDay || c.precision === "month" || !days.length)) return e.id;
    if (!nearDay || e.jurisdiction.toUpperCase() !== c.jurisdiction) continue;
    if ((c.kind === "relaxation") !== (e.kind === "relaxation")) continue;
    // An event's item that is a kind of the candidate's (counter-tariffs, heavy-rare-earths) is
    // shared; an item many measures have (tariffs) tells less than one few have (the Unreliable
    // Entity List), so "加征34%的关税，同时将11家实体列为不可靠实体清单" is the listing of that day,
    // not the WTO complaint about tariffs.
    const sharedItems = c.items.filter((x) => e.items.some((i) => i === x || i.endsWith(`-${x}`))).reduce((n, x) => n + (COMMON_ITEMS.has(x) ? 0.5 : 1), 0);
    if (c.precision === "month" && sharedItems === 0) continue;
    const issuer = e.authority === c.authority || onlyItsState(c);
    const sameDomain = e.domain.some((d) => c.domain.includes(d));
    // Items or not, unless every item the reports give is of a matter the event is not on
    // ("商务部9月25日推出…稀土新管制措施" is no listing of that day's; "出口管制公告…制裁…稀土" may be).
    const otherMatter = sharedItems === 0 && itemsOnlyOtherMatters(c.items, e.domain);
    const score =
      2 * sharedItems +
      (sameDomain ? 1 : 0) +
      (issuer ? (e === nearestOfIssuer && !otherMatter ? 2 : 1) : 0) +
      (days.includes(c.announced) ? 1 : 0) +
      (sharesRate(reportedRates, e) ? 0.5 : 0);
    // Events otherwise alike (six MOFCOM announcements of 9 October 2025 on rare earths): the one
    // other events answer is the one reports mean.
    if (score >= 3 && (!best || score > best.score || (score === best.score && e.answeredBy.length > best.answered))) best = { id: e.id, score, answered: e.answeredBy.length };
  }
  return best?.id ?? null;
}

/** Pure: whether items are all of a known matter (rare earths: critical minerals) and none of the event's domains. */
export function itemsOnlyOtherMatters(items: readonly string[], domains: readonly string[]): boolean {
  const matters = items.map((i) => DOMAIN_OF_TAG[i]);
  return matters.length > 0 && matters.every((d) => d !== undefined && !domains.includes(d));
}

const RATE = /(\d+(?:\.\d+)?)\s*[%％]/g;

/** Pure: the rates a text gives ("125%", "34 %"), as numbers written. */
export function ratesIn(text: string): Set<string> {
  return new Set([...text.matchAll(RATE)].map((m) => m[1]!));
}

/** The rates an event's title gives, read once per event (every report is matched against every event). */
const titleRates = memoizeByReference((e: TimelineEvent): Set<string> => ratesIn(`${e.title["zh-Hans"]} ${e.title.en}`));

/** Whether an event's title gives one of the rates its reports give. */
function sharesRate(rates: ReadonlySet<string>, e: TimelineEvent): boolean {
  if (!rates.size) return false;
  const own = titleRates(e);
  return [...rates].some((r) => own.has(r));
}

/** Items so many measures have that sharing one tells little: anyone's items, and export controls. */
const COMMON_ITEMS = new Set([...ANYONES_ITEMS, "export-controls"]);

/** The event within SAME_MEASURE_DAYS of `day` nearest to it, when no other is as near. */
function nearestOnly(events: readonly TimelineEvent[], day: string): TimelineEvent | undefined {
  const near = events.map((e) => ({ e, apart: daysApart(e.date.start, day) })).filter((x) => x.apart <= SAME_MEASURE_DAYS);
  const least = Math.min(...near.map((x) => x.apart));
  const nearest = near.filter((x) => x.apart === least);
  return nearest.length === 1 ? nearest[0]!.e : undefined;
}

/** A mention of a shipped event an article names (event-links.ts), to merge with the dated reports of it. */
export function namedEventMention(article: string, link: { event: string; line: number; named: string }, e: TimelineEvent): Mention {
  return {
    article,
    line: link.line,
    text: link.named,
    day: e.date.start,
    precision: "day",
    dateNote: `the event's own date: the article names it (${link.named})`,
    jurisdiction: e.jurisdiction.toUpperCase(),
    authority: e.authority,
    kind: e.kind,
    domain: e.domain,
    items: e.items,
    targets: e.targets,
    instruments: [`event:${e.id}`],
  };
}

/** The candidates of a collection, each matched against the shipped events. */
export function collectionCandidates(mentions: readonly Mention[], events: readonly TimelineEvent[]): Candidate[] {
  const articleDay = new Map(mentions.flatMap((m) => (m.articleDay ? [[m.article, m.articleDay] as const] : [])));
  // The last day any of a candidate's articles was written, when every one has a day.
  const reportedBy = (c: Candidate) => {
    const days = c.articles.map((a) => articleDay.get(a));
    return days.every((d): d is string => d !== undefined) ? days.reduce((a, b) => (a > b ? a : b)) : undefined;
  };
  // The shipped event one report alone is: the one it names, or the one its facts match.
  const eventOf = (m: Mention): string | null => {
    const named = m.instruments.find((k) => k.startsWith("event:"));
    return named ? named.slice("event:".length) : matchEvent(toCandidate([m]), events, m.articleDay);
  };
  const reports = mergeGroups(mentions)
    .flatMap((g) => splitByEvent(g, eventOf))
    .map(reportOf)
    .sort(byConfidence);
  const matched = reports.flatMap(({ candidate, carriedOnly }) => {
    const c = { ...candidate, matches_event: candidate.matches_event ?? matchEvent(candidate, events, reportedBy(candidate)) };
    // A date taken from the sentence before is wrong more often than not (on the labelled notes
    // 15 of 16 such candidates alone were): such reports only add to a measure dated on its own
    // or to a shipped event they match.
    return !carriedOnly || c.matches_event ? [c] : [];
  });
  // Candidates that are one shipped event (its day in some notes, its month in others) are one
  // list of new sources for it.
  const byEvent = new Map<string, Candidate>();
  const out: Candidate[] = [];
  for (const c of matched) {
    const same = c.matches_event ? byEvent.get(c.matches_event) : undefined;
    if (!same) {
      if (c.matches_event) byEvent.set(c.matches_event, c);
      out.push(c);
      continue;
    }
    const articles = [...new Set([...same.articles, ...c.articles])];
    Object.assign(same, {
      articles,
      sentences: [...same.sentences, ...c.sentences],
      items: [...new Set([...same.items, ...c.items])],
      confidence: Math.max(same.confidence, candidateConfidence(articles.length, Boolean(same.instrument ?? c.instrument), 0)),
    });
  }
  return out;
}
