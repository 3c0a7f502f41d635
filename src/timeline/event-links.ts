// Which shipped events an article reports, by what it names: an event's instrument
// (公告2024年第46号, 89 FR 96790) or a name the measure is known by (解放日关税, the affiliates
// rule), in any script. A name counts only in an article written after the event, and an
// instrument or name shared by two events links neither: a wrong link is worse than none. A
// measure named in a sentence that says it is suspended or lifted ("暂停实施…50%穿透性规则")
// also links the event that does so (an event whose responds_to suspends, lifts or rescinds it).
// Dated sentences that report a measure are the other path (candidates.ts matchEvent).
import type { TimelineEvent } from "../model/event.ts";
import { readAsSimplified, simplifiedToHongKong, simplifiedToTaiwan, taiwanToSimplified } from "../normalize/chinese-script.ts";
import { eventInstrumentKeys, findInstruments } from "./instruments.ts";
import { daysApart } from "./dates.ts";
import { arabicDateNumerals } from "../normalize/date.ts";
import { SUSPENDS_OR_LIFTS } from "./suggest.ts";
import { MEASURE_EN, MEASURE_ZH } from "./candidates.ts";

/** An event as links find it: its instrument keys and the spellings of its names. */
export interface LinkableEvent {
  id: string;
  /** The first day it can have been reported: its announcement. */
  start: string;
  keys: string[];
  /** Its names in every script, lower case for Latin ones. */
  spellings: string[];
  /** Events that suspend, lift or rescind it (their `responds_to`), with their first day. */
  relaxedBy?: Array<{ id: string; start: string }>;
  /** Its side (US, CN, EU…): a name another side qualifies ("欧盟芯片法案", "the EU Chips Act") is not its. */
  jurisdiction?: string;
}

export interface ArticleEventLink {
  event: string;
  how: "instrument" | "name";
  /** 1-based line of the body where it is first named, and the words that named it. */
  line: number;
  named: string;
}

const HAN = /\p{Script=Han}/u;

/** The events made ready for linking (with what relaxes each, when the caller has it already); instruments and names two events share are dropped. */
export function linkableEvents(events: readonly TimelineEvent[], relaxedBy = relaxations(events)): LinkableEvent[] {
  const owners = new Map<string, Set<string>>();
  const own = (what: string, id: string) => (owners.get(what) ?? owners.set(what, new Set()).get(what)!).add(id);
  const prepared = events.map((e) => {
    const keys = eventInstrumentKeys(e);
    const spellings = [...new Set((e.known_as ?? []).flatMap(spellingsOf))];
    for (const k of keys) own(k, e.id);
    for (const s of spellings) own(s, e.id);
    return { id: e.id, start: e.date.start, keys, spellings, jurisdiction: e.jurisdiction.toUpperCase() };
  });
  const unique = (x: string) => owners.get(x)!.size === 1;
  return prepared
    .map((e) => ({ ...e, keys: e.keys.filter(unique), spellings: e.spellings.filter(unique), ...(relaxedBy.has(e.id) ? { relaxedBy: relaxedBy.get(e.id)! } : {}) }))
    .filter((e) => e.keys.length || e.spellings.length);
}

const RELAXING_EFFECTS = new Set(["suspends", "lifts", "rescinds"]);

/** Pure: for each event that another suspends, lifts or rescinds, those events and their first day. */
export function relaxations(events: readonly Pick<TimelineEvent, "id" | "date" | "respondsTo">[]): Map<string, Array<{ id: string; start: string }>> {
  const relaxedBy = new Map<string, Array<{ id: string; start: string }>>();
  for (const e of events) {
    for (const r of e.respondsTo) {
      if (r.effect && RELAXING_EFFECTS.has(r.effect)) (relaxedBy.get(r.id) ?? relaxedBy.set(r.id, []).get(r.id)!).push({ id: e.id, start: e.date.start });
    }
  }
  return relaxedBy;
}

/**
 * Words that say a measure is being suspended or lifted ("暂停实施…50%穿透性规则一年", "the
 * affiliates rule is suspended"): a sentence that names a measure with one of them reports
 * the event that relaxes it.
 */
const RELAXING = new RegExp(SUSPENDS_OR_LIFTS.source, "gi");
/** An agreement to suspend is reported days before the rule that does it (1 November's fact sheet, 10 November's rule). */
const RELAXATION_LEAD_DAYS = 14;

/**
 * The relaxing word of the sentence around [i, i + length) nearest the name, before it if any
 * ("取消芬太尼关税，…暂停实施…50%穿透性规则" gives 暂停), or undefined.
 */
function relaxingWordNear(text: string, i: number, length: number): string | undefined {
  const { start, end } = sentenceAround(text, i, length);
  let before: string | undefined;
  let after: string | undefined;
  for (const m of text.slice(start, end).matchAll(RELAXING)) {
    if (start + m.index! < i) before = m[0];
    else if (start + m.index! >= i + length) {
      after ??= m[0];
    }
  }
  return before ?? after;
}

/** Pure: the bounds of the sentence around [i, i + length), at most 300 characters either side. */
function sentenceAround(text: string, i: number, length: number): { start: number; end: number } {
  const isEnd = (k: number) => "。！？!?\n".includes(text[k]!) || (text[k] === "." && /\s/.test(text[k + 1] ?? ""));
  let start = Math.max(0, i - 300);
  for (let k = i - 1; k >= start; k--) if (isEnd(k)) { start = k + 1; break; }
  let end = Math.min(text.length, i + length + 300);
  for (let k = i + length; k < end; k++) if (isEnd(k)) { end = k; break; }
  return { start, end };
}

/** Pure: whether the name at [i, i + length) stands in a question ("除了芯片法案，还有哪些…？"): a question asks, it does not report. */
export function asksOnly(text: string, i: number, length: number): boolean {
  const { end } = sentenceAround(text, i, length);
  return /[？?]/.test(text[end] ?? "");
}

/** How long after a measure a note may name it in passing: older ones are history, not news. */
const ALLUSION_AFTER_DAYS = 730;

/**
 * Pure: whether a name at [i, i + length) only alludes to a measure taken years before the
 * article ("特朗普第一任期内第一阶段贸易协议要求…", "the Phase One deal of his first term"): the
 * sentence does not give the measure's year. A note that reports an old measure dates it.
 */
export function alludesOnly(text: string, i: number, length: number, eventStart: string, articleDay: string): boolean {
  if (daysApart(eventStart, articleDay) <= ALLUSION_AFTER_DAYS) return false;
  const { start, end } = sentenceAround(text, i, length);
  // A transcript spells the year out (二零二二年): read in figures, as the date parser reads it.
  return !arabicDateNumerals(text.slice(start, end)).includes(eventStart.slice(0, 4));
}

/** The relaxation of a measure a sentence reports: the latest announced by the article's day (or within the lead). */
export function relaxationReported(e: { start: string; relaxedBy?: ReadonlyArray<{ id: string; start: string }> }, articleDay: string): string | undefined {
  const announced = (r: { start: string }) => r.start <= articleDay || daysApart(r.start, articleDay) <= RELAXATION_LEAD_DAYS;
  const known = (e.relaxedBy ?? []).filter((r) => r.start >= e.start && announced(r)).sort((a, b) => (a.start < b.start ? 1 : -1));
  return known[0]?.id;
}

/** A name that says what kind of act it is: an agreement, a law, a fee ("第一阶段贸易协议", "COINS Act"). */
const NAMES_ITS_KIND = /协议|协定|共识|法案?|费|\b(?:deal|agreement|accord|act|law|fees?)\b/i;

/**
 * Pure: whether a name at [i, i + length) stands for a measure there. A name that is only a
 * day or a place ("Liberation Day", "Busan") names the measure in a paragraph that speaks of
 * one ("the Liberation Day tariffs", "on April 2nd, Liberation Day … tariffs"); in one about
 * something else it is a date ("beating April's Liberation Day trading activity").
 */
export function namesMeasureAt(text: string, i: number, length: number): boolean {
  const says = (simplified: string) => MEASURE_ZH.test(simplified) || MEASURE_EN.test(simplified);
  const name = readAsSimplified(text.slice(i, i + length));
  if (says(name) || NAMES_ITS_KIND.test(name)) return true;
  const start = text.lastIndexOf("\n", i) + 1;
  const next = text.indexOf("\n", i + length);
  return says(readAsSimplified(text.slice(start, next < 0 ? text.length : next)));
}

/** A name as it may be written: Simplified, Taiwan and Hong Kong Traditional; Latin in lower case. */
function spellingsOf(name: string): string[] {
  const n = name.normalize("NFKC").trim();
  if (!HAN.test(n)) return [n.toLowerCase()];
  const simplified = taiwanToSimplified(n);
  return [n, simplified, simplifiedToTaiwan(simplified), simplifiedToHongKong(simplified)];
}

/** The events an article names, once each, where first named. */
export function articleEventLinks(body: string, articleDay: string, events: readonly LinkableEvent[]): ArticleEventLink[] {
  const text = body.normalize("NFKC");
  const lineAt = (i: number) => {
    let n = 1;
    for (let k = text.indexOf("\n"); k >= 0 && k < i; k = text.indexOf("\n", k + 1)) n++;
    return n;
  };
  const named = new Map<string, { index: number; text: string }>();
  // An instrument named as being suspended or lifted, by key.
  const relaxedKey = new Map<string, { index: number; text: string }>();
  for (const r of findInstruments(text, true)) {
    if (!named.has(r.key)) named.set(r.key, { index: r.index, text: r.text });
    if (!relaxedKey.has(r.key)) {
      const word = relaxingWordNear(text, r.index, r.text.length);
      if (word) relaxedKey.set(r.key, { index: r.index, text: `${word}…${r.text}` });
    }
  }
  const { re, owners } = spellingMatcher(events);
  const byName = new Map<string, { index: number; text: string }>();
  const relaxedName = new Map<string, { index: number; text: string }>();
  const relaxable = new Set(events.filter((e) => e.relaxedBy).map((e) => e.id));
  const startOf = new Map(events.map((e) => [e.id, e.start]));
  const jurisdictionOf = new Map(events.map((e) => [e.id, e.jurisdiction]));
  if (re) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const spelling = m[0].toLowerCase();
      // A Latin name stands as words of its own ("phase one", not "phase oneself"); a law's Chinese name does not run on into another word (出口管制法规).
      if (HAN.test(spelling) ? lawInLongerWord(spelling, text, m.index + m[0].length) : !standsAlone(text, m.index, m[0].length)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      for (const id of owners.get(spelling) ?? []) {
        if (!byName.has(id) && !qualifiedByOtherSide(text, m.index, jurisdictionOf.get(id)) && !asksOnly(text, m.index, m[0].length) && !alludesOnly(text, m.index, m[0].length, startOf.get(id)!, articleDay) && namesMeasureAt(text, m.index, m[0].length)) byName.set(id, { index: m.index, text: m[0] });
        if (relaxable.has(id) && !relaxedName.has(id)) {
          const word = relaxingWordNear(text, m.index, m[0].length);
          if (word) relaxedName.set(id, { index: m.index, text: `${word}…${m[0]}` });
        }
      }
    }
  }
  const out: ArticleEventLink[] = [];
  for (const e of events) {
    const byKey = e.keys.map((k) => named.get(k)).find(Boolean);
    // An article cannot report by name a measure taken after it was written.
    const name = byName.get(e.id);
    if (byKey) out.push({ event: e.id, how: "instrument", line: lineAt(byKey.index), named: byKey.text });
    else if (name && articleDay >= e.start) out.push({ event: e.id, how: "name", line: lineAt(name.index), named: name.text });
    // Named as being suspended or lifted: the event that does it is reported too.
    const relaxedByKey = e.relaxedBy ? e.keys.map((k) => relaxedKey.get(k)).find(Boolean) : undefined;
    const relaxed = relaxedByKey ?? (e.relaxedBy ? relaxedName.get(e.id) : undefined);
    const relaxation = relaxed && articleDay >= e.start ? relaxationReported(e, articleDay) : undefined;
    if (relaxed && relaxation) out.push({ event: relaxation, how: relaxedByKey ? "instrument" : "name", line: lineAt(relaxed.index), named: relaxed.text });
  }
  const seen = new Set<string>();
  return out
    .sort((a, b) => a.line - b.line || (a.event < b.event ? -1 : 1))
    .filter((l) => !seen.has(l.event) && seen.add(l.event));
}


/**
 * Every event's names as one expression, longest first, matched in one pass over a body: a
 * search per name went over every note a hundred times (a third of the time links took).
 * Made once per list of events.
 */
const matchers = new WeakMap<readonly LinkableEvent[], { re: RegExp | undefined; owners: Map<string, string[]> }>();
function spellingMatcher(events: readonly LinkableEvent[]): { re: RegExp | undefined; owners: Map<string, string[]> } {
  let m = matchers.get(events);
  if (!m) {
    const owners = new Map<string, string[]>();
    for (const e of events) for (const s of e.spellings) (owners.get(s.toLowerCase()) ?? owners.set(s.toLowerCase(), []).get(s.toLowerCase())!).push(e.id);
    const names = [...owners.keys()].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    m = { re: names.length ? new RegExp(names.join("|"), "gi") : undefined, owners };
    matchers.set(events, m);
  }
  return m;
}

/** States and unions as they qualify a measure's name: 欧盟芯片法案, 日本的出口管制, the EU Chips Act. */
const SIDE_QUALIFIERS: Record<string, string> = {
  US: "美国|美國|\\bU\\.?S\\.?|\\bAmerican|\\bAmerica['’]s",
  CN: "中国|中國|\\bChina['’]s|\\bChinese",
  EU: "欧盟|歐盟|欧洲|歐洲|\\bEU|\\bEuropean|\\bEurope['’]s",
  JP: "日本|\\bJapan(?:ese|['’]s)?",
  KR: "韩国|韓國|\\b(?:South )?Korea(?:n|['’]s)?",
  TW: "台湾|臺灣|台灣|\\bTaiwan(?:ese|['’]s)?",
  GB: "英国|英國|\\bUK|\\bBritish|\\bBritain['’]s",
  NL: "荷兰|荷蘭|\\bDutch|\\bNetherlands",
  DE: "德国|德國|\\bGerman(?:y['’]s)?",
  IN: "印度|\\bIndia(?:n|['’]s)?",
};
// Case-sensitive: with case folded, the pronoun "us" before a name would read as the United States.
const QUALIFIER = new RegExp(`(${Object.values(SIDE_QUALIFIERS).join("|")})(?:的|之)?[\\s《“"「『*]*$`);
const QUALIFIER_SIDE = Object.entries(SIDE_QUALIFIERS).map(([side, names]) => [side, new RegExp(`^(?:${names})$`)] as const);

/**
 * Pure: whether the name at `i` is qualified by another side than `side`, the event's: the US
 * CHIPS Act's names do not name the EU's ("欧盟芯片法案", "the EU Chips Act").
 */
export function qualifiedByOtherSide(text: string, i: number, side: string | undefined): boolean {
  if (!side) return false;
  const q = QUALIFIER.exec(text.slice(Math.max(0, i - 16), i));
  if (!q) return false;
  const named = QUALIFIER_SIDE.find(([, re]) => re.test(q[1]!))?.[0];
  return named !== undefined && named !== side;
}

/** After a law's name, the characters that make 法 the start of another word: 出口管制法规 and 出口管制法律 are export-control rules and laws, not the Export Control Law. */
const LAW_CONTINUED = /^[规規律案典院官]/;

/** Pure: whether a Chinese name of a law (…法) ending at `end` runs on into a longer word there. */
export function lawInLongerWord(name: string, text: string, end: number): boolean {
  return name.endsWith("法") && LAW_CONTINUED.test(text.slice(end, end + 1));
}

/** Whether the Latin words at [i, i + length) are not part of longer words. */
function standsAlone(text: string, i: number, length: number): boolean {
  const before = text[i - 1];
  const after = text[i + length];
  return (!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after));
}
