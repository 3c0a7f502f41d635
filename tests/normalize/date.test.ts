import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { NormalizedDate } from "../../src/model/types.ts";
import {
  checkPlausibleDate,
  findDateExpressions,
  normalizeDate,
  resolveRelativeDate,
} from "../../src/normalize/date.ts";

const SH = "Asia/Shanghai";
const NY = "America/New_York";

function ok(input: unknown, zone: string): NormalizedDate {
  const r = normalizeDate(input, { zone });
  if (!r.ok) assert.fail(`expected ${String(input)} to parse in ${zone}, got: ${r.error}`);
  return r.value;
}

function fails(input: unknown, zone: string): string {
  const r = normalizeDate(input, { zone });
  if (r.ok) assert.fail(`expected ${String(input)} to be rejected, got ${JSON.stringify(r.value)}`);
  return r.error;
}

function nd(iso: string, day: string, precision: NormalizedDate["precision"], zone: string): NormalizedDate {
  return { iso, day, precision, zone };
}

describe("normalizeDate: strings", () => {
  const cases: Array<[string, string, NormalizedDate]> = [
    // ISO dates and date-times
    ["2024-12-04", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    ["2024-12-04 09:24", SH, nd("2024-12-04T09:24:00+08:00", "2024-12-04", "minute", SH)],
    ["2024-12-04T09:24", SH, nd("2024-12-04T09:24:00+08:00", "2024-12-04", "minute", SH)],
    ["2024-12-04 09:24:05", SH, nd("2024-12-04T09:24:05+08:00", "2024-12-04", "second", SH)],
    ["2024-12-04T09:24:05.250", SH, nd("2024-12-04T09:24:05.250+08:00", "2024-12-04", "millisecond", SH)],
    ["2024-12-04T09:24:00+08:00", NY, nd("2024-12-04T09:24:00+08:00", "2024-12-04", "second", "UTC+8")],
    ["2024-12-04T09:24+0800", NY, nd("2024-12-04T09:24:00+08:00", "2024-12-04", "minute", "UTC+8")],
    ["2024-12-04T09:24:05.123456+05:30", SH, nd("2024-12-04T09:24:05.123+05:30", "2024-12-04", "millisecond", "UTC+5:30")],
    ["2024-03-30T10:21:50.015Z", SH, nd("2024-03-30T10:21:50.015+00:00", "2024-03-30", "millisecond", "UTC")],
    ["2024-03-30 10:21:50Z", SH, nd("2024-03-30T10:21:50+00:00", "2024-03-30", "second", "UTC")],
    ["2024-12-04T09:24:00-05:00", SH, nd("2024-12-04T09:24:00-05:00", "2024-12-04", "second", "UTC-5")],
    // quoted and padded, as front matter and headers deliver them
    ["  2024-12-04  ", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    ["'2025-10-14'", SH, nd("2025-10-14T00:00:00+08:00", "2025-10-14", "day", SH)],
    ['"2024-12-04 09:24"', SH, nd("2024-12-04T09:24:00+08:00", "2024-12-04", "minute", SH)],
    ["“2024-12-04”", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    // Chinese
    ["2024年12月4日", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    ["2024年12月04日", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    ["2024年12月4日 09:24", SH, nd("2024-12-04T09:24:00+08:00", "2024-12-04", "minute", SH)],
    ["2024年12月4号", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    ["２０２４年１２月４日 ０９：２４", SH, nd("2024-12-04T09:24:00+08:00", "2024-12-04", "minute", SH)],
    // slashes and dots, year first
    ["2024/12/04", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    ["2024/12/4 09:24", SH, nd("2024-12-04T09:24:00+08:00", "2024-12-04", "minute", SH)],
    ["2024.12.04", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    // RFC 2822
    ["Wed, 04 Dec 2024 09:24:00 +0800", NY, nd("2024-12-04T09:24:00+08:00", "2024-12-04", "second", "UTC+8")],
    ["Sat, 30 Mar 2024 10:21:50 GMT", SH, nd("2024-03-30T10:21:50+00:00", "2024-03-30", "second", "UTC")],
    ["30 Mar 2024 10:21 EST", SH, nd("2024-03-30T10:21:00-05:00", "2024-03-30", "minute", "UTC-5")],
    // English month forms
    ["Dec 4, 2024", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    ["Dec. 4, 2024", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    ["December 4, 2024", NY, nd("2024-12-04T00:00:00-05:00", "2024-12-04", "day", NY)],
    ["4 December 2024", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    ["Sept 30, 2023", SH, nd("2023-09-30T00:00:00+08:00", "2023-09-30", "day", SH)],
    ["Wednesday, December 4, 2024", SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    // leap day exists in leap years
    ["2024-02-29", SH, nd("2024-02-29T00:00:00+08:00", "2024-02-29", "day", SH)],
  ];
  for (const [input, zone, expected] of cases) {
    it(`${JSON.stringify(input)} in ${zone}`, () => {
      assert.deepEqual(ok(input, zone), expected);
    });
  }

  it("reads the December 2024 WeChat header as Beijing time", () => {
    const header = "发布时间: 2024-12-04 09:24".split(": ")[1];
    assert.equal(ok(header, SH).iso, "2024-12-04T09:24:00+08:00");
  });
});

describe("normalizeDate: epoch timestamps", () => {
  // 1711795624 is 2024-03-30T10:47:04Z (the DW seed's comment, in seconds).
  const cases: Array<[string | number, string, NormalizedDate]> = [
    [1711795624, SH, nd("2024-03-30T18:47:04+08:00", "2024-03-30", "second", SH)],
    ["1711795624", SH, nd("2024-03-30T18:47:04+08:00", "2024-03-30", "second", SH)],
    [1711795624000, SH, nd("2024-03-30T18:47:04.000+08:00", "2024-03-30", "millisecond", SH)],
    ["1711795624000", "Europe/Berlin", nd("2024-03-30T11:47:04.000+01:00", "2024-03-30", "millisecond", "Europe/Berlin")],
    [" 1711795624015 ", "UTC", nd("2024-03-30T10:47:04.015+00:00", "2024-03-30", "millisecond", "UTC")],
    // evening in New York is already the next day in Shanghai: each zone gets its own day
    [1733360400, NY, nd("2024-12-04T20:00:00-05:00", "2024-12-04", "second", NY)],
    [1733360400, SH, nd("2024-12-05T09:00:00+08:00", "2024-12-05", "second", SH)],
  ];
  for (const [input, zone, expected] of cases) {
    it(`${JSON.stringify(input)} in ${zone}`, () => {
      assert.deepEqual(ok(input, zone), expected);
    });
  }
});

describe("normalizeDate: Date objects", () => {
  const cases: Array<[string, Date, string, NormalizedDate]> = [
    ["bare YAML date in Shanghai", new Date("2024-12-04"), SH, nd("2024-12-04T00:00:00+08:00", "2024-12-04", "day", SH)],
    // the classic bug: UTC midnight shown in New York is Dec 3, 19:00
    ["bare YAML date in New York", new Date("2024-12-04"), NY, nd("2024-12-04T00:00:00-05:00", "2024-12-04", "day", NY)],
    ["an instant, expressed in the zone", new Date("2024-12-04T01:24:00Z"), SH, nd("2024-12-04T09:24:00+08:00", "2024-12-04", "second", SH)],
    ["an instant with milliseconds", new Date("2024-03-30T10:21:50.015Z"), "UTC", nd("2024-03-30T10:21:50.015+00:00", "2024-03-30", "millisecond", "UTC")],
    ["an instant near midnight stays an instant", new Date("2024-12-04T16:30:00Z"), SH, nd("2024-12-05T00:30:00+08:00", "2024-12-05", "second", SH)],
  ];
  for (const [name, input, zone, expected] of cases) {
    it(name, () => {
      assert.deepEqual(ok(input, zone), expected);
    });
  }
});

describe("normalizeDate: a bare day never lands on another day", () => {
  const zones = [SH, NY, "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles", "Europe/London"];
  const forms: unknown[] = ["2024-12-04", "2024年12月4日", "2024/12/4", "Dec 4, 2024", "4 December 2024", new Date("2024-12-04")];
  for (const zone of zones) {
    for (const form of forms) {
      it(`${form instanceof Date ? "Date " + form.toISOString() : form} in ${zone}`, () => {
        const v = ok(form, zone);
        assert.equal(v.day, "2024-12-04");
        assert.equal(v.precision, "day");
        assert.match(v.iso, /^2024-12-04T00:00:00[+-]\d{2}:\d{2}$/);
        assert.equal(v.zone, zone);
      });
    }
  }

  it("keeps the day when midnight does not exist (DST starts at midnight in Santiago)", () => {
    const v = ok("2024-09-08", "America/Santiago");
    assert.equal(v.day, "2024-09-08");
    assert.equal(v.iso, "2024-09-08T01:00:00-03:00");
  });

  const nearMidnight: Array<[string, string, string, string]> = [
    ["2024-12-04 23:59", NY, "2024-12-04", "2024-12-04T23:59:00-05:00"],
    ["2024-12-04 00:01", NY, "2024-12-04", "2024-12-04T00:01:00-05:00"],
    // an explicit offset is kept, not re-zoned into UTC or opts.zone
    ["2024-12-04T23:30:00-05:00", SH, "2024-12-04", "2024-12-04T23:30:00-05:00"],
    ["2024-12-04T00:15:00+08:00", NY, "2024-12-04", "2024-12-04T00:15:00+08:00"],
  ];
  for (const [input, zone, day, iso] of nearMidnight) {
    it(`${input} in ${zone} stays on ${day}`, () => {
      const v = ok(input, zone);
      assert.equal(v.day, day);
      assert.equal(v.iso, iso);
    });
  }
});

describe("normalizeDate: errors", () => {
  const cases: Array<[unknown, RegExp[]]> = [
    ["04/05/2024", [/ambiguous/, /April 5/, /May 4/, /2024-04-05/]],
    ["4/5/24", [/ambiguous/, /April 5/, /May 4/, /2024-04-05/]],
    ["04-05-2024", [/ambiguous/, /2024-04-05/]],
    ["13/05/2024", [/day\/month-first/, /2024-05-13/]],
    ["2024-02-30", [/impossible date/, /February 2024 has 29 days/]],
    ["2023-02-29", [/impossible date/, /February 2023 has 28 days/]],
    ["2024-13-01", [/impossible date/, /month 13/]],
    ["2024年13月1日", [/impossible date/, /month 13/]],
    ["2024-04-31", [/April 2024 has 30 days/]],
    ["2024-12-04 25:00", [/impossible time/, /hour 25/]],
    ["2024-12-04 09:60", [/impossible time/, /minute 60/]],
    ["2024-12-04T09:24:00+15:00", [/impossible offset/]],
    ["25:00", [/time without a date/]],
    ["", [/empty date/, /expected a date like 2024-12-04/]],
    ["   ", [/empty date/]],
    ["''", [/empty date/]],
    ["last Tuesday-ish", [/unrecognized date/, /expected a date like/]],
    ["2024-12-04 noon", [/unexpected text "noon"/]],
    ["2024-12-04 09:24 CST", [/ambiguous zone/, /China Standard Time/, /\+0800/]],
    ["2024-12-04 09:24 XYZ", [/unrecognized zone/]],
    ["Thu, 04 Dec 2024 09:24:00 +0800", [/2024-12-04 is a Wednesday, not a Thursday/]],
    ["20241204", [/8 digits/, /10 digits/, /13/]],
    // A year alone, as YAML reads `date: 2024` (a number) and as text: named as a year.
    [2024, [/"2024" is only a year/, /month and day/]],
    ["2023", [/"2023" is only a year/]],
    [4711, [/too small to be an epoch/]],
    ["sometime", [/unrecognized date "sometime"/]],
    ["2023-13-45", [/impossible date/, /month 13/]],
    [1711795624.5, [/not a whole number/]],
    [Number.NaN, [/not a whole number/]],
    [true, [/must be text, got a boolean/, /expected a date like/]],
    [{ year: 2024 }, [/must be text, got an object/]],
    [["2024-12-04"], [/must be text, got a list/]],
    [null, [/missing date/]],
    [undefined, [/missing date/]],
    [new Date("not a date"), [/invalid Date/]],
  ];
  for (const [input, patterns] of cases) {
    it(`rejects ${JSON.stringify(input) ?? String(input)}`, () => {
      const error = fails(input, SH);
      for (const p of patterns) assert.match(error, p);
    });
  }

  it("rejects an unknown zone in options", () => {
    assert.match(fails("2024-12-04", "Mars/Olympus_Mons"), /unknown time zone "Mars\/Olympus_Mons"/);
  });
});

describe("checkPlausibleDate", () => {
  const now = new Date("2024-12-04T12:00:00Z");
  const cases: Array<[string, NormalizedDate, RegExp | undefined]> = [
    ["today", nd("2024-12-04T09:24:00+08:00", "2024-12-04", "minute", SH), undefined],
    ["tomorrow, within the day of slack", nd("2024-12-05T00:00:00+08:00", "2024-12-05", "day", SH), undefined],
    ["two days ahead", nd("2024-12-06T12:00:00+00:00", "2024-12-06", "second", "UTC"), /in the future/],
    ["a wrong year", nd("2042-12-04T00:00:00+08:00", "2042-12-04", "day", SH), /2042-12-04 is in the future/],
    ["the first day covered", nd("1949-01-01T00:00:00+08:00", "1949-01-01", "day", SH), undefined],
    ["1949-10-01", nd("1949-10-01T00:00:00+08:00", "1949-10-01", "day", SH), undefined],
    ["the day before coverage", nd("1948-12-31T00:00:00+08:00", "1948-12-31", "day", SH), /before 1949-01-01/],
    ["epoch zero mistaken for a date", nd("1900-01-01T00:00:00+00:00", "1900-01-01", "day", "UTC"), /1900-01-01 is before 1949/],
  ];
  for (const [name, d, expected] of cases) {
    it(name, () => {
      const warning = checkPlausibleDate(d, now);
      if (expected === undefined) assert.equal(warning, undefined);
      else assert.match(warning ?? "", expected);
    });
  }
});

function anchor(day: string): NormalizedDate {
  return nd(`${day}T00:00:00+08:00`, day, "day", SH);
}

describe("resolveRelativeDate", () => {
  const cases: Array<[string, string, string, "day" | "month", RegExp?]> = [
    // seed 000, article date 2024-12-04 (a Wednesday)
    ["本周一", "2024-12-04", "2024-12-02", "day", /^本周一 resolved from article date 2024-12-04 \(Wed\) to 2024-12-02/],
    ["周二", "2024-12-04", "2024-12-03", "day", /most recent Tuesday/],
    ["本周日", "2024-12-04", "2024-12-08", "day", /article's week/],
    ["本周三", "2024-12-04", "2024-12-04", "day"],
    ["周三", "2024-12-04", "2024-12-04", "day"],
    ["周四", "2024-12-04", "2024-11-28", "day"],
    ["星期一", "2024-12-04", "2024-12-02", "day"],
    ["礼拜一", "2024-12-04", "2024-12-02", "day"],
    ["周日", "2024-12-04", "2024-12-01", "day"],
    ["星期天", "2024-12-04", "2024-12-01", "day"],
    ["上周三", "2024-12-04", "2024-11-27", "day", /week before/],
    ["上周日", "2024-12-04", "2024-12-01", "day"],
    ["下周一", "2024-12-04", "2024-12-09", "day"],
    ["昨天", "2024-12-04", "2024-12-03", "day", /1 day before/],
    ["昨日", "2024-12-04", "2024-12-03", "day"],
    ["今天", "2024-12-04", "2024-12-04", "day"],
    ["今日", "2024-12-04", "2024-12-04", "day"],
    ["前天", "2024-12-04", "2024-12-02", "day", /2 days before/],
    ["明天", "2024-12-04", "2024-12-05", "day"],
    ["昨天", "2025-01-01", "2024-12-31", "day"],
    // seed 004, article date 2023-07-06
    ["7月3日", "2023-07-06", "2023-07-03", "day", /same year/],
    ["6月30日", "2023-07-06", "2023-06-30", "day"],
    ["6月28日", "2023-07-06", "2023-06-28", "day"],
    ["7月3号", "2023-07-06", "2023-07-03", "day"],
    ["9月1日", "2023-07-06", "2023-09-01", "day", /same year/],
    ["12月28日", "2023-07-06", "2022-12-28", "day", /previous year/],
    ["12月28日", "2025-01-05", "2024-12-28", "day", /previous year/],
    ["2月29日", "2025-01-05", "2024-02-29", "day", /2025 has no February 29/],
    ["2023年7月3日", "2024-12-04", "2023-07-03", "day", /absolute/],
    ["2023 年 7 月 3 日", "2024-12-04", "2023-07-03", "day"],
    ["2021年11月1日", "2023-07-06", "2021-11-01", "day"],
    ["去年7月3日", "2024-12-04", "2023-07-03", "day"],
    // seed 001, article date 2025-10-14; seed 003, 2024-03-30
    ["今年4月", "2025-10-14", "2025-04-01", "month", /to 2025-04 .*month precision/],
    ["4月份", "2025-10-14", "2025-04-01", "month", /month precision/],
    ["4月", "2025-10-14", "2025-04-01", "month"],
    ["12月", "2024-03-30", "2023-12-01", "month", /previous year/],
    ["去年12月", "2024-03-30", "2023-12-01", "month"],
    ["3月初", "2024-03-30", "2024-03-01", "month", /early in the month/],
    ["2023年9月底", "2024-03-30", "2023-09-01", "month", /end of the month/],
    ["5月上旬", "2025-06-13", "2025-05-01", "month"],
    ["上月", "2024-03-30", "2024-02-01", "month"],
    ["上个月", "2025-01-15", "2024-12-01", "month"],
    ["本月", "2024-03-30", "2024-03-01", "month"],
    // English
    ["on Monday", "2024-12-04", "2024-12-02", "day"],
    ["on Wednesday", "2024-12-04", "2024-12-04", "day"],
    ["last Wednesday", "2024-12-04", "2024-11-27", "day"],
    ["next Monday", "2024-12-04", "2024-12-09", "day"],
    ["yesterday", "2024-12-04", "2024-12-03", "day"],
    ["December 2", "2024-12-04", "2024-12-02", "day"],
    ["2 December", "2024-12-04", "2024-12-02", "day"],
    ["Dec. 2, 2024", "2025-06-13", "2024-12-02", "day", /absolute/],
    ["December 2024", "2025-06-13", "2024-12-01", "month"],
    ["last month", "2024-03-30", "2024-02-01", "month"],
    ["2025-06-13 05:50:03", "2025-06-13", "2025-06-13", "day"],
  ];
  for (const [expr, anchorDay, day, precision, note] of cases) {
    it(`${expr} from ${anchorDay} → ${day}`, () => {
      const r = resolveRelativeDate(expr, anchor(anchorDay));
      assert.ok(r, `${expr} did not resolve`);
      assert.equal(r.day, day);
      assert.equal(r.precision, precision);
      assert.ok(r.note.includes(expr), `note names the expression: ${r.note}`);
      if (note) assert.match(r.note, note);
    });
  }

  it("reads months and days in Chinese numerals as Arabic ones", () => {
    const a = anchor("2025-11-05");
    assert.deepEqual(["十月九日", "十二月三十一日", "四月份", "去年十二月", "二〇二五年十月", "二十一日"].map((e) => resolveRelativeDate(e, a)?.day), [
      "2025-10-09",
      "2025-12-31",
      "2025-04-01",
      "2024-12-01",
      "2025-10-01",
      undefined,
    ]);
    assert.equal(resolveRelativeDate("十月九日", a)?.precision, "day");
    assert.equal(resolveRelativeDate("四月份", a)?.precision, "month");
  });

  const unresolved = ["日前", "近日", "本周", "2月30日", "13月", "04/05/2024", "sometime", "", "1711795624"];
  for (const expr of unresolved) {
    it(`leaves ${JSON.stringify(expr)} unresolved`, () => {
      assert.equal(resolveRelativeDate(expr, anchor("2024-12-04")), undefined);
    });
  }
});

describe("findDateExpressions", () => {
  const cases: Array<[string, string[]]> = [
    [
      "美国政府于本周一公布了新一轮对中国的出口管制措施。作为回应，中国政府在周二宣布，立即实施禁令。",
      ["本周一", "周二"],
    ],
    [
      "特约撰稿人 刘千山 发自伦敦 | 2023-07-06\n\n7月3日，中国大陆商务部发布公告。6月30日，荷兰宣布……6月28日",
      ["2023-07-06", "7月3日", "6月30日", "6月28日"],
    ],
    ["2021年11月1日，美国和中国国旗在灯柱上飘扬。", ["2021年11月1日"]],
    ["虽然中国在今年4月已开始实施稀土出口管制，与4月份的禁令相比", ["今年4月", "4月份"]],
    ["美国政府日前进一步收紧了管制。商务部长雷蒙多去年12月表示。本月早些时候", ["日前", "去年12月", "本月"]],
    ["即将在4月4日生效的修订后新规则；王毅曾在3月初公开抨击", ["4月4日", "3月初"]],
    ["5月上旬,中国商务部批准；原定5月15日生效", ["5月上旬", "5月15日"]],
    ["每日经济新闻\n2025-06-13 10:08:53\n", ["2025-06-13 10:08:53"]],
    ["<i>2024-03-30T10:21:50.015Z</i>", ["2024-03-30T10:21:50.015Z"]],
    ["发布时间: 2024-12-04 09:24\n发布地: 上海", ["2024-12-04 09:24"]],
    ["（２０２４年１２月４日）", ["２０２４年１２月４日"]],
    ["The Commerce Department said on Monday that rules from December 2 apply.", ["on Monday", "December 2"]],
    ["Published Dec. 2, 2024; effective 4 December 2024, reviewed in March 2025.", ["Dec. 2, 2024", "4 December 2024", "March 2025"]],
    ["Shares fell yesterday and again last month.", ["yesterday", "last month"]],
    ["See you Tomorrow; on Friday, and 周三.", ["Tomorrow", "on Friday", "周三"]],
    // Months and days in Chinese numerals, as transcribed speech writes them.
    ["十月九日，北京宣布了管制；川普四月宣布关税；去年十二月；二〇二五年十月；一月份", ["十月九日", "四月", "去年十二月", "二〇二五年十月", "一月份"]],
    // not dates: durations, counts, every-week, brand names, version-like numbers
    ["限制将持续3个月，每周一审查，140家企业，今日头条报道", []],
    ["统一月度报告，这一月里，三个月后，十几月", []],
    ["节日前后，生日前", []],
  ];
  for (const [text, exprs] of cases) {
    it(JSON.stringify(text.slice(0, 40)), () => {
      const found = findDateExpressions(text);
      assert.deepEqual(found.map((f) => f.expr), exprs);
      for (const f of found) assert.equal(text.slice(f.index, f.index + f.expr.length), f.expr);
      const indices = found.map((f) => f.index);
      assert.deepEqual(indices, [...indices].sort((a, b) => a - b));
    });
  }

  it("finds only expressions that resolveRelativeDate resolves, apart from the vague ones", () => {
    const text =
      "美国政府于本周一公布；周二宣布；7月3日；6月30日；今年4月；4月份；去年12月；本月；上周三；昨天；3月初；2023年9月底；" +
      "2024-12-04 09:24；2021年11月1日；on Monday; December 2; Dec. 2, 2024; yesterday; last month; 日前";
    const found = findDateExpressions(text);
    assert.equal(found.length, 20);
    const unresolved = found.filter((f) => resolveRelativeDate(f.expr, anchor("2024-12-04")) === undefined).map((f) => f.expr);
    assert.deepEqual(unresolved, ["日前"]);
  });
});
