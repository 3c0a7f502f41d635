import { test } from "node:test";
import assert from "node:assert/strict";
import { lagPhrase } from "../../src/timeline/lag.ts";
import { t } from "../../src/site/i18n.ts";

const say = (days: number, approx: boolean, side: "earlier" | "later", lang: "zh-Hans" | "en") => {
  const p = lagPhrase(days, approx, side);
  return t(p.key, lang, { n: p.n });
};

test("a lag between two days is said in days, never as 'days ago'", () => {
  assert.equal(say(1, false, "earlier", "zh-Hans"), "早 1 天");
  assert.equal(say(1, false, "earlier", "en"), "1 day earlier");
  assert.equal(say(3, false, "later", "zh-Hans"), "3 天后");
  assert.equal(say(3, false, "later", "en"), "3 days later");
  assert.equal(say(0, false, "later", "en"), "the same day");
  assert.equal(say(0, false, "earlier", "zh-Hans"), "同日");
});

test("a lag involving a month or a year is said in the unit the dates allow", () => {
  assert.equal(say(1545, true, "earlier", "zh-Hans"), "约早 4 年");
  assert.equal(say(1545, true, "earlier", "en"), "about 4 years earlier");
  assert.equal(say(365, true, "later", "en"), "about a year later");
  assert.equal(say(95, true, "later", "zh-Hans"), "约 3 个月后");
  // Under six weeks, a month-only date allows no count of days: not "about 30 days", and never
  // "约 -11 天后" when the month starts before the other event's day.
  assert.equal(say(30, true, "later", "en"), "within about a month");
  assert.equal(say(-11, true, "later", "zh-Hans"), "同月前后");
  assert.equal(say(-11, true, "earlier", "en"), "within about a month");
  assert.equal(say(45, true, "earlier", "en"), "about a month earlier");
  assert.equal(say(46, true, "earlier", "en"), "about 2 months earlier");
});
