// Dates arrive in every shape a clipping can hold: YAML dates, WeChat headers without a zone,
// DW's ISO instants, epoch comments, RFC 2822 feed dates, 2024年12月4日, and in article text
// relative forms like 本周一 or 7月3日. Everything becomes a NormalizedDate whose `day` is the
// calendar day the source meant: a bare day is never turned into UTC midnight and shifted.
import { DateTime, FixedOffsetZone, Info, type Zone } from "luxon";
import type { NormalizedDate } from "../model/types.ts";

export type DateResult = { ok: true; value: NormalizedDate } | { ok: false; error: string };

export interface NormalizeDateOptions {
  /** IANA zone (or fixed offset such as UTC+8) for values that carry no zone of their own. */
  zone: string;
}

const EXPECTED =
  "expected a date like 2024-12-04; 2024-12-04 09:24; 2024-12-04T09:24:00+08:00; 2024年12月4日; " +
  "2024/12/04; Dec 4, 2024; 4 December 2024; Wed, 04 Dec 2024 09:24:00 +0800 (RFC 2822); " +
  "or epoch seconds (10 digits) or milliseconds (13 digits)";

const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

// English month name or abbreviation (Sept. included) → 1–12.
function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, "");
  if (n === "sept") return 9;
  const i = MONTH_NAMES.findIndex((m) => {
    const full = m.toLowerCase();
    return n === full || (n.length === 3 && full.startsWith(n));
  });
  return i < 0 ? undefined : i + 1;
}

function weekdayNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, "");
  const i = WEEKDAY_NAMES.findIndex((w) => {
    const full = w.toLowerCase();
    return n === full || (n.length >= 3 && full.startsWith(n));
  });
  return i < 0 ? undefined : i + 1;
}

// Full-width digits and punctuation (２０２４／１２／０４, ０９：２４) are common in Chinese text.
// One UTF-16 unit in, one out, so indices into the original text stay valid.
function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

// Years, months and days in Chinese numerals (二〇二五年, 十月, 九日), as speech transcribed to
// text and many authors write them: each written once, for finding dates and for reading them.
const ZH_YEAR_NUM = "[〇零一二三四五六七八九]{4}";
const ZH_MONTH_NUM = "十[一二]?|[一二三四五六七八九]";
const ZH_DAY_NUM = "三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]";
const ZH_DIGIT = "零一二三四五六七八九";
const ZH_YEAR_ONLY = new RegExp(`^${ZH_YEAR_NUM}$`);
function zhNumber(n: string): number | undefined {
  if (ZH_YEAR_ONLY.test(n)) return Number([...n].map((c) => (c === "〇" ? 0 : ZH_DIGIT.indexOf(c))).join(""));
  if (/^[一二三四五六七八九]$/.test(n)) return ZH_DIGIT.indexOf(n);
  const m = /^([一二三]?)十([一二三四五六七八九]?)$/.exec(n);
  if (!m) return undefined;
  return (m[1] ? ZH_DIGIT.indexOf(m[1]) : 1) * 10 + (m[2] ? ZH_DIGIT.indexOf(m[2]) : 0);
}
const ZH_YEAR_RE = new RegExp(`${ZH_YEAR_NUM}(?=\\s?年)`, "g");
const ZH_MONTH_RE = new RegExp(`(?:${ZH_MONTH_NUM})(?=\\s?月)`, "g");
const ZH_DAY_RE = new RegExp(`(月\\s?)(${ZH_DAY_NUM})(?=\\s?[日号])`, "g");

/** A date's Chinese numerals as Arabic ones (十月九日 → 10月9日): for reading it, not for indices into the text. */
export function arabicDateNumerals(s: string): string {
  const arabic = (n: string) => String(zhNumber(n) ?? n);
  return s
    .replace(ZH_YEAR_RE, arabic)
    .replace(ZH_MONTH_RE, arabic)
    .replace(ZH_DAY_RE, (_, pre: string, n: string) => pre + arabic(n));
}

/** What a written date says, before it is placed in a zone. */
interface WrittenDate {
  year: number;
  month: number;
  day: number;
  weekday?: number;
  time?: {
    hour: number;
    minute: number;
    second?: number;
    /** Fraction digits as written; only the first three count. */
    fraction?: string;
  };
  /** Offset in minutes when the source states one. */
  offset?: number;
}

const MONTH_RE =
  "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
const WEEKDAY_RE = "Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:rs(?:day)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?";

// Each pattern reads the date part and hands the rest (time, zone) on.
const DATE_FORMS: Array<{ re: RegExp; read: (m: RegExpMatchArray) => Omit<WrittenDate, "time" | "offset"> }> = [
  {
    // 2024-12-04, 2024/12/4, 2024.12.04 — year first, so day and month cannot be confused.
    re: /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)(.*)$/s,
    read: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    re: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](.*)$/s,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    // Dec 4, 2024 / December 4, 2024 / Wednesday, December 4, 2024
    re: new RegExp(`^(?:(${WEEKDAY_RE})\\.?,?\\s+)?(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)(.*)$`, "is"),
    read: (m) => ({ weekday: m[1] ? weekdayNumber(m[1]) : undefined, month: monthNumber(m[2]!)!, day: Number(m[3]), year: Number(m[4]) }),
  },
  {
    // 4 December 2024, and RFC 2822: Wed, 04 Dec 2024 09:24:00 +0800
    re: new RegExp(`^(?:(${WEEKDAY_RE})\\.?,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_RE})\\.?,?\\s+(\\d{4})(?!\\d)(.*)$`, "is"),
    read: (m) => ({ weekday: m[1] ? weekdayNumber(m[1]) : undefined, day: Number(m[2]), month: monthNumber(m[3]!)!, year: Number(m[4]) }),
  },
];

// 04/05/2024, 4/5/24, 04-05-2024, 04.05.2024: which number is the month depends on the writer.
const AMBIGUOUS_NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?!\d)/;

const TIME_RE = /^(?:\s*[Tt]\s*|,?\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(.*)$/s;

// RFC 2822's obsolete US zone names; fixed offsets by definition.
const US_ZONES: Record<string, number> = { EST: -300, EDT: -240, MST: -420, MDT: -360, PST: -480, PDT: -420 };

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Offset in minutes, undefined when none is written. */
function readZone(text: string, input: string): Parsed<number | undefined> {
  const z = text.trim();
  if (z === "") return { ok: true, value: undefined };
  if (/^(?:Z|UTC|GMT|UT)$/i.test(z)) return { ok: true, value: 0 };
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    if (Number(m[2]) > 14 || Number(m[3] ?? 0) > 59) {
      return { ok: false, error: `impossible offset "${z}" in "${input}": offsets run up to ±14:00` };
    }
    return { ok: true, value: m[1] === "-" ? -minutes : minutes };
  }
  const upper = z.toUpperCase();
  const us = US_ZONES[upper];
  if (us !== undefined) return { ok: true, value: us };
  if (upper === "CST" || upper === "CDT") {
    // CST is US Central in RFC 2822 but China Standard Time on many Chinese sites.
    return { ok: false, error: `ambiguous zone "${z}" in "${input}": CST can mean US Central or China Standard Time; write the offset, e.g. +0800` };
  }
  return { ok: false, error: `unrecognized zone "${z}" in "${input}": write an offset such as +08:00 or Z` };
}

/** Reads the date-time text; undefined when no known form matches at all. */
function readWritten(text: string): Parsed<WrittenDate> | undefined {
  const ambiguous = AMBIGUOUS_NUMERIC.exec(text);
  if (ambiguous) return { ok: false, error: ambiguityMessage(text, ambiguous) };
  for (const form of DATE_FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    const date: WrittenDate = form.read(m);
    const rest = m[m.length - 1] ?? "";
    if (rest.trim() === "") return { ok: true, value: date };
    const t = TIME_RE.exec(rest);
    if (!t) return { ok: false, error: `unexpected text "${rest.trim()}" after the date in "${text}"; ${EXPECTED}` };
    date.time = {
      hour: Number(t[1]),
      minute: Number(t[2]),
      ...(t[3] !== undefined ? { second: Number(t[3]) } : {}),
      ...(t[4] !== undefined ? { fraction: t[4] } : {}),
    };
    const zone = readZone(t[5] ?? "", text);
    if (!zone.ok) return zone;
    if (zone.value !== undefined) date.offset = zone.value;
    return { ok: true, value: date };
  }
  return undefined;
}

function ambiguityMessage(text: string, m: RegExpExecArray): string {
  const a = Number(m[1]);
  const b = Number(m[3]);
  const yy = m[4]!;
  // Two-digit years only for the suggestion; the value itself is rejected either way.
  const year = yy.length === 4 ? Number(yy) : Number(yy) + (Number(yy) < 50 ? 2000 : 1900);
  const reading = (month: number, day: number) => ({
    words: `${MONTH_NAMES[month - 1]} ${day}`,
    iso: `${year}-${pad(month)}-${pad(day)}`,
  });
  const readings = [];
  if (a >= 1 && a <= 12 && b >= 1 && b <= 31) readings.push(reading(a, b));
  if (b >= 1 && b <= 12 && a >= 1 && a <= 31 && a !== b) readings.push(reading(b, a));
  const [first, second] = readings;
  const which = second
    ? `ambiguous between ${first!.words} and ${second.words}`
    : first
      ? `written day/month-first; it probably means ${first.words}, but the order is not stated`
      : "not a valid day and month in either order";
  return `ambiguous numeric date "${text}": ${which}; write it as ISO year-month-day, e.g. ${first?.iso ?? `${year}-MM-DD`}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function daysInMonth(year: number, month: number): number {
  return DateTime.utc(year, month, 1).daysInMonth ?? 31;
}

// Named checks so the error says what is wrong, not luxon's "unit out of range".
function impossibility(d: WrittenDate, input: string): string | undefined {
  if (d.month < 1 || d.month > 12) return `impossible date "${input}": month ${d.month} does not exist (1–12)`;
  const last = daysInMonth(d.year, d.month);
  if (d.day < 1 || d.day > last) {
    return `impossible date "${input}": ${MONTH_NAMES[d.month - 1]} ${d.year} has ${last} days, not ${d.day}`;
  }
  const t = d.time;
  if (t) {
    if (t.hour > 23) return `impossible time "${input}": hour ${t.hour} does not exist (00–23)`;
    if (t.minute > 59) return `impossible time "${input}": minute ${t.minute} does not exist (00–59)`;
    if (t.second !== undefined && t.second > 59) return `impossible time "${input}": second ${t.second} does not exist (00–59)`;
  }
  return undefined;
}

function formatIso(dt: DateTime, precision: NormalizedDate["precision"]): string {
  // toFormat rather than toISO: toISO writes UTC as "Z", we always write the offset (+00:00).
  return dt.toFormat(precision === "millisecond" ? "yyyy-MM-dd'T'HH:mm:ss.SSSZZ" : "yyyy-MM-dd'T'HH:mm:ssZZ");
}

function toNormalized(dt: DateTime, precision: NormalizedDate["precision"]): NormalizedDate {
  return { iso: formatIso(dt, precision), day: dt.toFormat("yyyy-MM-dd"), precision, zone: dt.zoneName ?? "UTC" };
}

function fromWritten(d: WrittenDate, zone: Zone, input: string): DateResult {
  const wrong = impossibility(d, input);
  if (wrong) return { ok: false, error: wrong };
  const placedIn = d.offset !== undefined ? FixedOffsetZone.instance(d.offset) : zone;
  const t = d.time;
  const millisecond = t?.fraction ? Number(t.fraction.slice(0, 3).padEnd(3, "0")) : 0;
  const dt = DateTime.fromObject(
    { year: d.year, month: d.month, day: d.day, hour: t?.hour ?? 0, minute: t?.minute ?? 0, second: t?.second ?? 0, millisecond },
    { zone: placedIn },
  );
  if (!dt.isValid) return { ok: false, error: `invalid date "${input}": ${dt.invalidExplanation ?? dt.invalidReason}` };
  if (d.weekday !== undefined && dt.weekday !== d.weekday) {
    return {
      ok: false,
      error: `inconsistent date "${input}": ${d.year}-${pad(d.month)}-${pad(d.day)} is a ${WEEKDAY_NAMES[dt.weekday - 1]}, not a ${WEEKDAY_NAMES[d.weekday - 1]}`,
    };
  }
  const precision: NormalizedDate["precision"] = !t
    ? "day"
    : t.fraction !== undefined
      ? "millisecond"
      : t.second !== undefined
        ? "second"
        : "minute";
  // Where midnight falls in a DST gap (Santiago), luxon moves it forward within the same day.
  return { ok: true, value: toNormalized(dt, precision) };
}

// Below 1e8 (1973-03-03 as seconds) a number is more likely a year or a typo than an epoch.
// Seconds run out at 1e11 (year 5138); from there on it is milliseconds (1e11 ms is 1973 again).
const EPOCH_MIN = 1e8;
const EPOCH_MS_FROM = 1e11;

function fromEpoch(n: number, zone: Zone, input: string): DateResult {
  if (!Number.isFinite(n) || !Number.isInteger(n)) {
    return { ok: false, error: `${input} is not a whole number of epoch seconds or milliseconds; ${EXPECTED}` };
  }
  if (Math.abs(n) < EPOCH_MIN) {
    return {
      ok: false,
      error: `${input} is too small to be an epoch timestamp (seconds like 1733275440 or milliseconds like 1733275440000); ${EXPECTED}`,
    };
  }
  const ms = Math.abs(n) >= EPOCH_MS_FROM;
  const dt = DateTime.fromMillis(ms ? n : n * 1000, { zone });
  if (!dt.isValid) return { ok: false, error: `${input} is outside the range of dates: ${dt.invalidExplanation ?? ""}` };
  return { ok: true, value: toNormalized(dt, ms ? "millisecond" : "second") };
}

function fromJsDate(d: Date, zone: Zone): DateResult {
  if (Number.isNaN(d.getTime())) return { ok: false, error: `invalid Date object; ${EXPECTED}` };
  const utc = DateTime.fromJSDate(d, { zone: "utc" });
  if (utc.hour === 0 && utc.minute === 0 && utc.second === 0 && utc.millisecond === 0) {
    // YAML turns a bare `date: 2024-12-04` into UTC midnight. Read in Beijing or New York
    // it would show as Dec 4 08:00 or Dec 3 19:00; the writer meant the calendar day.
    const dt = DateTime.fromObject({ year: utc.year, month: utc.month, day: utc.day }, { zone });
    return { ok: true, value: toNormalized(dt, "day") };
  }
  const dt = DateTime.fromJSDate(d, { zone });
  return { ok: true, value: toNormalized(dt, dt.millisecond !== 0 ? "millisecond" : "second") };
}

const QUOTES: Array<[string, string]> = [['"', '"'], ["'", "'"], ["“", "”"], ["‘", "’"], ["「", "」"], ["『", "』"]];

function unquote(s: string): string {
  const t = s.trim();
  for (const [open, close] of QUOTES) {
    if (t.length >= 2 && t.startsWith(open) && t.endsWith(close)) return t.slice(open.length, -close.length).trim();
  }
  return t;
}

/** `2023` (a note dated by its year alone) is named as such, not as a short epoch. */
function onlyAYear(text: string): { ok: false; error: string } | undefined {
  if (!/^(1[89]|20|21)\d\d$/.test(text)) return undefined;
  return { ok: false, error: `"${text}" is only a year: a publication date needs its month and day too, e.g. ${text}-06-01` };
}

/**
 * Reads any date form a clipping or front matter may hold. Values without a zone are read in
 * `opts.zone`; values with an offset keep it (their `day` is the day at that offset).
 */
export function normalizeDate(input: unknown, opts: NormalizeDateOptions): DateResult {
  const zone = Info.normalizeZone(opts.zone);
  if (!zone.isValid) return { ok: false, error: `unknown time zone "${opts.zone}": use an IANA name such as Asia/Shanghai` };
  if (input instanceof Date) return fromJsDate(input, zone);
  if (typeof input === "number") return onlyAYear(String(input)) ?? fromEpoch(input, zone, String(input));
  if (input === undefined || input === null) return { ok: false, error: `missing date; ${EXPECTED}` };
  if (typeof input !== "string") {
    const kind = Array.isArray(input) ? "a list" : typeof input === "object" ? "an object" : `a ${typeof input}`;
    return { ok: false, error: `a date must be text, got ${kind}; ${EXPECTED}` };
  }
  const text = unquote(halfWidth(input));
  if (text === "") return { ok: false, error: `empty date; ${EXPECTED}` };
  if (/^-?\d+$/.test(text)) {
    const year = onlyAYear(text);
    if (year) return year;
    const digits = text.replace(/^-/, "").length;
    if (digits !== 10 && digits !== 13) {
      return {
        ok: false,
        error: `"${text}" is ${digits} digits: epoch seconds have 10 digits and milliseconds 13; ${EXPECTED}`,
      };
    }
    return fromEpoch(Number(text), zone, `"${text}"`);
  }
  if (/^\d{1,2}:\d{2}/.test(text)) return { ok: false, error: `"${text}" is a time without a date; ${EXPECTED}` };
  const written = readWritten(text);
  if (!written) return { ok: false, error: `unrecognized date "${text}"; ${EXPECTED}` };
  if (!written.ok) return written;
  return fromWritten(written.value, zone, text);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const COVERAGE_START = "1949-01-01";

/** A warning when a date cannot be right for this knowledge base: in the future, or before 1949. */
export function checkPlausibleDate(d: NormalizedDate, now: Date): string | undefined {
  const dt = DateTime.fromISO(d.iso, { setZone: true });
  if (!dt.isValid) return `date "${d.iso}" cannot be read back as ISO 8601`;
  if (dt.toMillis() > now.getTime() + DAY_MS) {
    const today = DateTime.fromJSDate(now, { zone: dt.zone }).toFormat("yyyy-MM-dd");
    return `date ${d.day} is in the future (today is ${today} in ${d.zone}); check the year`;
  }
  if (d.day < COVERAGE_START) {
    return `date ${d.day} is before ${COVERAGE_START}; the knowledge base covers 1949 onwards, check the year`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates inside article text, relative to the article's own date.

export interface ResolvedDate {
  /** YYYY-MM-DD; the first of the month when precision is "month". */
  day: string;
  /** How it was resolved, in words, for the reviewer. */
  note: string;
  precision: "day" | "month";
}

const ZH_WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

const ZH_DAY_WORDS: Record<string, number> = { 前天: -2, 昨天: -1, 昨日: -1, 今天: 0, 今日: 0, 明天: 1, 明日: 1, 后天: 2 };
const EN_DAY_WORDS: Record<string, number> = { yesterday: -1, today: 0, tomorrow: 1 };

/** 前年, 去年, 今年, 明年: the year relative to the text's own. */
export const ZH_YEAR_WORDS: Record<string, number> = { 前年: -2, 去年: -1, 今年: 0, 明年: 1 };

const MONTH_WORDS: Record<string, number> = {
  上月: -1, 上个月: -1, 本月: 0, 这个月: 0, 下月: 1, 下个月: 1,
  "last month": -1, "this month": 0, "next month": 1,
};

// Part of a month (5月上旬, 3月初, 9月底): still month precision, the note keeps the words.
const MONTH_PARTS: Record<string, string> = {
  份: "",
  上旬: " (early in the month)",
  初: " (early in the month)",
  中旬: " (mid-month)",
  下旬: " (late in the month)",
  底: " (end of the month)",
  末: " (end of the month)",
};

/** A month-and-day (or month) without a year lies within about two months after the article. */
const LOOKAHEAD = { months: 2 };

function describeAnchor(a: DateTime): string {
  return `article date ${a.toFormat("yyyy-MM-dd")} (${a.toFormat("ccc")})`;
}

function dayResult(expr: string, a: DateTime, d: DateTime, why: string): ResolvedDate {
  const day = d.toFormat("yyyy-MM-dd");
  return { day, precision: "day", note: `${expr} resolved from ${describeAnchor(a)} to ${day} (${why})` };
}

function monthResult(expr: string, a: DateTime, year: number, month: number, why: string): ResolvedDate | undefined {
  if (month < 1 || month > 12) return undefined;
  const m = DateTime.utc(year, month, 1);
  return {
    day: m.toFormat("yyyy-MM-dd"),
    precision: "month",
    note: `${expr} resolved from ${describeAnchor(a)} to ${m.toFormat("yyyy-MM")} (${why}; month precision, day set to the 1st)`,
  };
}

/** Month-day without a year: the anchor's year, unless that is too far after the article. */
function yearless(expr: string, a: DateTime, month: number, day: number): ResolvedDate | undefined {
  if (month < 1 || month > 12) return undefined;
  const same = DateTime.utc(a.year, month, 1);
  const previous = same.minus({ years: 1 });
  const inSame = day >= 1 && day <= (same.daysInMonth ?? 0);
  if (inSame && same.set({ day }) <= a.plus(LOOKAHEAD)) return dayResult(expr, a, same.set({ day }), "same year as the article");
  if (day < 1 || day > (previous.daysInMonth ?? 0)) return undefined;
  return dayResult(
    expr,
    a,
    previous.set({ day }),
    inSame
      ? `previous year: ${same.set({ day }).toFormat("yyyy-MM-dd")} would be more than two months after the article`
      : `previous year: ${a.year} has no ${MONTH_NAMES[month - 1]} ${day}`,
  );
}

function yearlessMonth(expr: string, a: DateTime, month: number, part: string): ResolvedDate | undefined {
  if (month < 1 || month > 12) return undefined;
  const same = DateTime.utc(a.year, month, 1);
  if (same <= a.plus(LOOKAHEAD)) return monthResult(expr, a, a.year, month, `same year as the article${part}`);
  return monthResult(expr, a, a.year - 1, month, `previous year: ${same.toFormat("yyyy-MM")} would be more than two months after the article${part}`);
}

type WeekRule = "this" | "last-week" | "next-week" | "on-or-before" | "before" | "after";

function weekdayResult(expr: string, a: DateTime, weekday: number, rule: WeekRule): ResolvedDate {
  const name = WEEKDAY_NAMES[weekday - 1]!;
  const monday = a.minus({ days: a.weekday - 1 });
  switch (rule) {
    case "this":
      return dayResult(expr, a, monday.plus({ days: weekday - 1 }), `${name} of the article's week, weeks starting on Monday`);
    case "last-week":
      return dayResult(expr, a, monday.plus({ days: weekday - 8 }), `${name} of the week before the article's`);
    case "next-week":
      return dayResult(expr, a, monday.plus({ days: weekday + 6 }), `${name} of the week after the article's`);
    case "on-or-before":
      return dayResult(expr, a, a.minus({ days: (a.weekday - weekday + 7) % 7 }), `most recent ${name} on or before the article date`);
    case "before":
      return dayResult(expr, a, a.minus({ days: ((a.weekday - weekday + 6) % 7) + 1 }), `most recent ${name} before the article date`);
    case "after":
      return dayResult(expr, a, a.plus({ days: ((weekday - a.weekday + 6) % 7) + 1 }), `first ${name} after the article date`);
  }
}

/**
 * Resolves a date expression from article text against the article's own date. Undefined when
 * the expression is vague (日前, 近日) or not a date this module knows.
 */
export function resolveRelativeDate(expr: string, anchor: NormalizedDate): ResolvedDate | undefined {
  const a = DateTime.fromISO(anchor.day, { zone: "utc", locale: "en" });
  if (!a.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(anchor.day)) return undefined;
  // Chinese dates are sometimes typeset with spaces: 2023 年 7 月 3 日.
  const e = arabicDateNumerals(halfWidth(expr).trim()).replace(/\s*([年月日号])\s*/g, "$1").replace(/\s+/g, " ");
  if (e === "") return undefined;

  // Absolute dates, with or without time: the day as written.
  if (!/^-?\d+$/.test(e)) {
    const absolute = normalizeDate(e, { zone: "UTC" });
    if (absolute.ok) return { day: absolute.value.day, precision: "day", note: `${expr} is an absolute date: ${absolute.value.day}` };
  }

  let m: RegExpExecArray | null;
  if ((m = /^(今年|去年|前年|明年)(\d{1,2})月(\d{1,2})[日号]$/.exec(e))) {
    const year = a.year + ZH_YEAR_WORDS[m[1]!]!;
    const d = DateTime.utc(year, Number(m[2]), Number(m[3]));
    return d.isValid ? dayResult(expr, a, d, `${m[1]} is ${year}`) : undefined;
  }
  if ((m = /^(\d{4})年(\d{1,2})月(份|上旬|中旬|下旬|初|底|末)?$/.exec(e))) {
    return monthResult(expr, a, Number(m[1]), Number(m[2]), `absolute month${MONTH_PARTS[m[3] ?? "份"]}`);
  }
  if ((m = /^(今年|去年|前年|明年)(\d{1,2})月(份|上旬|中旬|下旬|初|底|末)?$/.exec(e))) {
    const year = a.year + ZH_YEAR_WORDS[m[1]!]!;
    return monthResult(expr, a, year, Number(m[2]), `${m[1]} is ${year}${MONTH_PARTS[m[3] ?? "份"]}`);
  }
  if ((m = /^(\d{1,2})月(\d{1,2})[日号]$/.exec(e))) return yearless(expr, a, Number(m[1]), Number(m[2]));
  if ((m = /^(\d{1,2})月(份|上旬|中旬|下旬|初|底|末)?$/.exec(e))) {
    return yearlessMonth(expr, a, Number(m[1]), MONTH_PARTS[m[2] ?? "份"]!);
  }
  if ((m = new RegExp(`^(${MONTH_RE})\\.?,?\\s+(\\d{4})$`, "i").exec(e))) {
    return monthResult(expr, a, Number(m[2]), monthNumber(m[1]!)!, "absolute month");
  }
  if ((m = new RegExp(`^(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?$`, "i").exec(e))) {
    return yearless(expr, a, monthNumber(m[1]!)!, Number(m[2]));
  }
  if ((m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_RE})\\.?$`, "i").exec(e))) {
    return yearless(expr, a, monthNumber(m[2]!)!, Number(m[1]));
  }
  const monthShift = MONTH_WORDS[e.toLowerCase()];
  if (monthShift !== undefined) {
    const target = a.startOf("month").plus({ months: monthShift });
    return monthResult(expr, a, target.year, target.month, monthShift === 0 ? "the article's month" : monthShift < 0 ? "month before the article's" : "month after the article's");
  }
  if ((m = /^(本|这|上|下)?个?(?:周|星期|礼拜)([一二三四五六日天])$/.exec(e))) {
    const rule: WeekRule = m[1] === "上" ? "last-week" : m[1] === "下" ? "next-week" : m[1] ? "this" : "on-or-before";
    return weekdayResult(expr, a, ZH_WEEKDAYS[m[2]!]!, rule);
  }
  if ((m = new RegExp(`^(?:(on|this|last|next)\\s+)?(${WEEKDAY_RE})$`, "i").exec(e))) {
    const word = m[1]?.toLowerCase();
    const rule: WeekRule = word === "this" ? "this" : word === "last" ? "before" : word === "next" ? "after" : "on-or-before";
    return weekdayResult(expr, a, weekdayNumber(m[2]!)!, rule);
  }
  const shift = ZH_DAY_WORDS[e] ?? EN_DAY_WORDS[e.toLowerCase()];
  if (shift !== undefined) {
    const why = shift === 0 ? "the article date" : `${Math.abs(shift)} day${Math.abs(shift) > 1 ? "s" : ""} ${shift < 0 ? "before" : "after"} the article date`;
    return dayResult(expr, a, a.plus({ days: shift }), why);
  }
  return undefined;
}

// Alternatives are tried left to right at each position, so longer forms come first.
const FIND_PARTS = [
  // ISO-like, optionally with time and offset (2025-06-13 05:50:03, 2024-03-30T10:21:50.015Z).
  String.raw`(?<![\d.\-/])\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\d{1,2}\.\d{1,2})(?![\d.\-/])(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\d:]))?`,
  String.raw`(?<!\d)\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?[日号](?:\s?\d{1,2}:\d{2}(?![\d:]))?`,
  String.raw`(?:今年|去年|前年|明年)?(?<!\d)\d{1,2}\s?月\s?\d{1,2}\s?[日号]`,
  String.raw`(?:今年|去年|前年|明年|(?<!\d)\d{4}\s?年\s?)?(?<!\d)\d{1,2}\s?月(?:份|上旬|中旬|下旬|初|底|末)?`,
  // 每周一 is "every Monday", not a date.
  String.raw`(?<!每)(?:(?:本|这|上|下)个?)?(?:周|星期|礼拜)[一二三四五六日天]`,
  String.raw`前天|昨天|昨日|今天|今日(?!头条)|明天|明日`,
  String.raw`上个?月|本月|这个月|下个?月`,
  // Vague on purpose: found so a reviewer sees them, resolved to nothing.
  String.raw`(?<![生节假期截])日前|近日`,
  String.raw`\b(?:${MONTH_RE})\.?\s+\d{4}(?!\d)`,
  String.raw`\b(?:${MONTH_RE})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?![\d])`,
  String.raw`(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_RE})\b\.?(?:,?\s+\d{4}(?!\d))?`,
  String.raw`\b(?:[Oo]n|[Tt]his|[Ll]ast|[Nn]ext)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
  String.raw`\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b`,
  String.raw`\b(?:[Ll]ast|[Tt]his|[Nn]ext)\s+month\b`,
];
const FIND_RE = new RegExp(FIND_PARTS.join("|"), "g");
// Months and days in Chinese numerals (十月九日, 去年十二月); not 统一月, 这一月, 三个月. A pass of
// its own, only over texts with a numeral before 月: in the alternation above it cost every
// sentence of a collection a third more time.
const ZH_NUMERAL_MONTH = /[一二三四五六七八九十]\s?月/;
const FIND_ZH_NUMERAL_RE = new RegExp(
  String.raw`(?:今年|去年|前年|明年|(?:(?<!\d)\d{4}|${ZH_YEAR_NUM})\s?年\s?)?(?<![〇零一二三四五六七八九十两几统唯单同第每这那])(?:${ZH_MONTH_NUM})\s?月(?![度刊薪])(?:份|上旬|中旬|下旬|初|底|末|\s?(?:${ZH_DAY_NUM})\s?[日号])?`,
  "g",
);

// What every expression above contains at least one of (a digit, 天, 日, 月, a weekday, "day",
// "month", "tomorrow"): nine sentences in ten of a collection have none and are not searched.
const MAY_HOLD_DATE = /[\d０-９天日月]|[周週][一二三四五六]|星期|礼拜|禮拜|day|month|tomorrow/i;

/** Date expressions (absolute and relative, Chinese and English) in running text, in order. */
export function findDateExpressions(text: string): Array<{ expr: string; index: number }> {
  const found: Array<{ expr: string; index: number }> = [];
  if (!MAY_HOLD_DATE.test(text)) return found;
  const half = halfWidth(text);
  for (const m of half.matchAll(FIND_RE)) {
    found.push({ expr: text.slice(m.index, m.index + m[0].length), index: m.index });
  }
  if (!ZH_NUMERAL_MONTH.test(half)) return found;
  for (const m of half.matchAll(FIND_ZH_NUMERAL_RE)) {
    const end = m.index + m[0].length;
    if (found.some((f) => m.index < f.index + f.expr.length && f.index < end)) continue;
    found.push({ expr: text.slice(m.index, end), index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}
