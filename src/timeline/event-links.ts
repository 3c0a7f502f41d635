// Which shipped events an article reports, by what it names: an event's instrument
// (公告2024年第46号, 89 FR 96790) or a name the measure is known by (解放日关税, the affiliates
// rule), in any script. A name counts only in an article written after the event, and an
// instrument or name shared by two events links neither: a wrong link is worse than none.
// Dated sentences that report a measure are the other path (candidates.ts matchEvent).
import type { TimelineEvent } from "../model/event.ts";
import { simplifiedToHongKong, simplifiedToTaiwan, taiwanToSimplified } from "../normalize/chinese-script.ts";
import { eventInstrumentKeys, findInstruments } from "./instruments.ts";

/** An event as links find it: its instrument keys and the spellings of its names. */
export interface LinkableEvent {
  id: string;
  /** The first day it can have been reported: its announcement. */
  start: string;
  keys: string[];
  /** Its names in every script, lower case for Latin ones. */
  spellings: string[];
}

export interface ArticleEventLink {
  event: string;
  how: "instrument" | "name";
  /** 1-based line of the body where it is first named, and the words that named it. */
  line: number;
  named: string;
}

const HAN = /\p{Script=Han}/u;

/** The events made ready for linking; instruments and names two events share are dropped. */
export function linkableEvents(events: readonly TimelineEvent[]): LinkableEvent[] {
  const owners = new Map<string, Set<string>>();
  const own = (what: string, id: string) => (owners.get(what) ?? owners.set(what, new Set()).get(what)!).add(id);
  const prepared = events.map((e) => {
    const keys = eventInstrumentKeys(e);
    const spellings = [...new Set((e.known_as ?? []).flatMap(spellingsOf))];
    for (const k of keys) own(k, e.id);
    for (const s of spellings) own(s, e.id);
    return { id: e.id, start: e.date.start, keys, spellings };
  });
  const unique = (x: string) => owners.get(x)!.size === 1;
  return prepared.map((e) => ({ ...e, keys: e.keys.filter(unique), spellings: e.spellings.filter(unique) })).filter((e) => e.keys.length || e.spellings.length);
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
  for (const r of findInstruments(text, true)) if (!named.has(r.key)) named.set(r.key, { index: r.index, text: r.text });
  const { re, owners } = spellingMatcher(events);
  const byName = new Map<string, { index: number; text: string }>();
  if (re) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const spelling = m[0].toLowerCase();
      // A Latin name stands as words of its own ("phase one", not "phase oneself").
      if (!HAN.test(spelling) && !standsAlone(text, m.index, m[0].length)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      for (const id of owners.get(spelling) ?? []) if (!byName.has(id)) byName.set(id, { index: m.index, text: m[0] });
    }
  }
  const out: ArticleEventLink[] = [];
  for (const e of events) {
    const byKey = e.keys.map((k) => named.get(k)).find(Boolean);
    if (byKey) {
      out.push({ event: e.id, how: "instrument", line: lineAt(byKey.index), named: byKey.text });
      continue;
    }
    // An article cannot report by name a measure taken after it was written.
    const name = byName.get(e.id);
    if (name && articleDay >= e.start) out.push({ event: e.id, how: "name", line: lineAt(name.index), named: name.text });
  }
  return out.sort((a, b) => a.line - b.line || (a.event < b.event ? -1 : 1));
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

/** Whether the Latin words at [i, i + length) are not part of longer words. */
function standsAlone(text: string, i: number, length: number): boolean {
  const before = text[i - 1];
  const after = text[i + length];
  return (!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after));
}
