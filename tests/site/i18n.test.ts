import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDate, t, readingMinutes, STRINGS } from "../../src/site/i18n.ts";
import { normalizeDate } from "../../src/normalize/date.ts";

const date = (v: string, zone = "Asia/Shanghai") => {
  const r = normalizeDate(v, { zone });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

test("dates show the day they were stored in, in the reader's language, never the day before", () => {
  assert.equal(formatDate(date("2024-12-04")), "2024年12月4日");
  assert.equal(formatDate(date("2024-12-04"), "en"), "4 December 2024");
  assert.equal(formatDate(date("2024-12-04 09:24")), "2024年12月4日 09:24 (UTC+8)");
  // 23:30 in New York is already the next day in UTC: the page must still say the 4th.
  assert.equal(formatDate(date("2024-12-04T23:30:00-05:00"), "en"), "4 December 2024 23:30 (UTC-5)");
  assert.equal(formatDate(date("2024-03-30T10:21:50.015Z"), "en"), "30 March 2024 10:21 (UTC)");
  assert.equal(formatDate(date("2023-07-06T00:00:00+08:00")), "2023年7月6日", "a stored midnight is just the day");
});

test("dates are written by hand exactly as luxon and Intl write them, whatever the shape of the stored ISO", () => {
  // Each case: what luxon (DATE_FULL in zh-CN and en-GB, offset as "Z") gives for it.
  const cases: Array<[iso: string, precision: "day" | "minute" | "second" | "millisecond", zh: string, en: string]> = [
    ["2024-12-04", "day", "2024年12月4日", "4 December 2024"],
    ["0999-01-01", "day", "999年1月1日", "1 January 999"],
    ["2024-12-04T00:00:00.000+00:00", "millisecond", "2024年12月4日", "4 December 2024"],
    ["2024-12-04T00:00:00.001+08:00", "millisecond", "2024年12月4日 00:00 (UTC+8)", "4 December 2024 00:00 (UTC+8)"],
    ["2024-12-04T09:24:00+05:30", "minute", "2024年12月4日 09:24 (UTC+5:30)", "4 December 2024 09:24 (UTC+5:30)"],
    ["2024-12-04T09:24:00-00:00", "second", "2024年12月4日 09:24 (UTC)", "4 December 2024 09:24 (UTC)"],
    ["2024-12-04T09:24:00Z", "second", "2024年12月4日 09:24 (UTC)", "4 December 2024 09:24 (UTC)"],
    ["2024-12-04T09:24+0800", "minute", "2024年12月4日 09:24 (UTC+8)", "4 December 2024 09:24 (UTC+8)"],
    ["1999-07-09T23:59:59.999+14:00", "millisecond", "1999年7月9日 23:59 (UTC+14)", "9 July 1999 23:59 (UTC+14)"],
    ["2024-12-04T09:24:00-03:00", "day", "2024年12月4日", "4 December 2024"],
  ];
  for (const [iso, precision, zh, en] of cases) {
    const d = { iso, day: iso.slice(0, 10), precision, zone: "UTC" };
    assert.equal(formatDate(d), zh, iso);
    assert.equal(formatDate(d, "en"), en, iso);
  }
});

test("interface strings come from one dictionary in both languages", () => {
  assert.equal(t("navTags"), "标签");
  assert.equal(t("navTags", "en"), "Tags");
  assert.equal(t("readingTime", "en", { n: 3 }), "3 min read");
  assert.throws(() => t("noSuchKey"), /no interface string "noSuchKey"/);
  for (const [key, v] of Object.entries(STRINGS)) {
    assert.ok(v["zh-Hans"] && v.en, `${key} has both languages`);
  }
});

test("reading time counts Chinese characters, not spaces", () => {
  assert.equal(readingMinutes(4000, "zh-Hans"), 10);
  assert.equal(readingMinutes(4000, "en"), 20);
  assert.equal(readingMinutes(10, "zh-Hans"), 1);
});
