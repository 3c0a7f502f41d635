import { test } from "node:test";
import assert from "node:assert/strict";
import type { TimelineEvent } from "../../src/model/event.ts";
import { timelineRow } from "../../src/timeline/rows.ts";
import { toCsv } from "../../src/timeline/csv.ts";

const day = (d: string) => ({ value: d, precision: "day" as const, start: d });
const EVENT: TimelineEvent = {
  id: "cn-ban",
  url: "/events/cn-ban/",
  file: "events/cn-ban.md",
  title: { "zh-Hans": "中国反制, \"禁令\"", en: "China answers" },
  dates: { announced: day("2024-12-03") },
  date: day("2024-12-03"),
  dateNotes: "周二",
  jurisdiction: "CN",
  side: "cn",
  authority: "cn-mofcom",
  coAuthorities: [],
  verified: true,
  kind: "countermeasure",
  domain: ["critical-minerals"],
  items: ["gallium", "germanium"],
  targets: ["us"],
  respondsTo: [{ id: "us-rule", basis: "analyst", by: "AI范儿", lagDays: 1, lagApprox: true }],
  answeredBy: [],
  chain: "us-rule",
  sources: [{ type: "article", slug: "note", title: "Note", url: "/articles/note/" }, { type: "url", url: "https://www.mofcom.gov.cn/" }],
  articles: ["note"],
  mentions: { actors: [], tags: [] },
  html: "<p>x</p>",
  text: "x",
};

test("a timeline row has every exported field, links by id, the site's URLs under its prefix", () => {
  const row = timelineRow(EVENT, "/kb");
  assert.equal(row.url, "/kb/events/cn-ban/");
  assert.equal(row.published, null);
  assert.equal(row.instrument, null);
  assert.deepEqual(row.responds_to, [{ id: "us-rule", basis: "analyst", by: "AI范儿", effect: null, lag_days: 1, lag_approx: true }]);
  assert.equal(row.status, null, "no status was computed for this event");
  assert.equal(row.verified, true);
  assert.deepEqual(row.sources, ["/kb/articles/note/", "https://www.mofcom.gov.cn/"]);
});

test("timeline.csv has a column per field, lists joined, links readable, cells quoted", () => {
  const csv = toCsv([timelineRow(EVENT)]);
  const [header, line] = csv.split("\r\n");
  assert.equal(header, Object.keys(timelineRow(EVENT)).join(","));
  assert.equal(
    line,
    'cn-ban,/events/cn-ban/,"中国反制, ""禁令""",China answers,2024-12-03,,,,,周二,CN,cn,cn-mofcom,,countermeasure,,,,,,,critical-minerals,gallium; germanium,us,"us-rule (analyst, AI范儿, ~+1 d)",,us-rule,/articles/note/; https://www.mofcom.gov.cn/,true',
  );
  assert.ok(csv.endsWith("\r\n"));
  assert.equal(toCsv([]), "");
});
