import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ingest } from "../../src/ingest/ingest.ts";
import { ROOT } from "../../src/config.ts";
import { timelineEvent } from "../../src/model/event.ts";

const SHIPPED = path.join(ROOT, "content");

// A folder with a timeline of its own only, as these tests are about its events.
async function contentDir(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-events-"));
  for (const [name, text] of Object.entries({ "site.yaml": "timeline:\n  shipped: false\n", ...files })) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
  return dir;
}

const event = (fields: string) => `---\n${fields.trim()}\n---\nA short neutral description.\n`;
const US_RULE = `
title: { zh-Hans: 美国新规, en: US rule }
dates: { announced: 2024-12-02, published: 2024-12-05 }
jurisdiction: US
authority: BIS
kind: measure
instrument: { id: 89 FR 96790, url: "https://www.federalregister.gov/d/2024-28270" }
domain: [chips, chipmaking-equipment]
items: [HBM, 高带宽内存]
targets: [中国]
sources:
  - article: note
`;
const CN_BAN = `
title: { zh-Hans: 中国反制, en: China answers }
dates: { announced: 2024-12-03 }
date_notes: 周二 in the article of 2024-12-04 resolved to 2024-12-03
jurisdiction: CN
authority: 中国商务部
kind: countermeasure
domain: [critical-minerals]
items: [镓, germanium, something new]
targets: [us]
responds_to:
  - id: us-rule
    basis: analyst
    by: AI范儿
sources:
  - url: https://www.mofcom.gov.cn/
`;
const NOTE = "---\ntitle: Note\ndate: 2024-12-04\n---\ntext";

test("events validate, resolve names, and link both ways with lags", async () => {
  const dir = await contentDir({ "articles/note.md": NOTE, "events/us-rule.md": event(US_RULE), "events/cn-ban.md": event(CN_BAN) });
  const r = await ingest({ contentDir: dir, fallbackDir: SHIPPED, includeDrafts: false });
  assert.deepEqual(r.log.errors, []);
  assert.deepEqual(r.events.map((e) => e.id), ["us-rule", "cn-ban"]);
  const [us, cn] = r.events as [(typeof r.events)[0], (typeof r.events)[0]];
  assert.equal(us.authority, "us-bis");
  assert.equal(cn.authority, "cn-mofcom");
  assert.deepEqual(us.targets, ["cn"]);
  assert.deepEqual(us.items, ["hbm", "hbm"]);
  assert.deepEqual(cn.items, ["gallium", "germanium", "something new"]);
  assert.equal(us.dates.published?.value, "2024-12-05");
  assert.deepEqual(cn.respondsTo, [{ id: "us-rule", basis: "analyst", by: "AI范儿", lagDays: 1, lagApprox: false }]);
  assert.deepEqual(us.answeredBy.map((l) => l.id), ["cn-ban"]);
  assert.equal(cn.chain, "us-rule");
  assert.equal(us.side, "us");
  assert.equal(cn.side, "cn");
  assert.deepEqual(us.articles, ["note"]);
  assert.equal(r.summary.events, 2);
});

test("every broken event is reported with file, line and field, and the good ones survive", async () => {
  const dir = await contentDir({
    "articles/note.md": NOTE,
    "events/us-rule.md": event(US_RULE),
    "events/no-source.md": event(US_RULE.replace(/sources:\n  - article: note/, "")),
    "events/bad-authority.md": event(US_RULE.replace("authority: BIS", "authority: nobody-we-know")),
    "events/bad-date.md": event(US_RULE.replace("announced: 2024-12-02", "announced: 2024-02-30")),
    "events/no-by.md": event(CN_BAN.replace("    by: AI范儿\n", "")),
    "events/typo.md": event(`${US_RULE}\nrespond_to: []`),
    "events/missing-article.md": event(US_RULE.replace("article: note", "article: not-there")),
    "events/dangling.md": event(CN_BAN.replace("id: us-rule", "id: no-such-event")),
    "events/early.md": event(CN_BAN.replace("announced: 2024-12-03", "announced: 2024-11-01")),
    "events/sub/us-rule.md": event(US_RULE),
  });
  const r = await ingest({ contentDir: dir, fallbackDir: SHIPPED, includeDrafts: false });
  const got = r.log.errors.map((e) => `${e.file}:${e.line ?? "-"} ${e.field ?? "-"}`).sort();
  assert.deepEqual(got, [
    "events/bad-authority.md:5 authority",
    "events/bad-date.md:3 dates.announced",
    "events/dangling.md:12 responds_to.0.id",
    "events/early.md:12 responds_to.0.id",
    "events/missing-article.md:12 sources.0.article",
    "events/no-by.md:12 responds_to.0.by",
    "events/no-source.md:1 sources",
    "events/typo.md:14 respond_to",
    // Files are read in code-point order: sub/us-rule.md comes first and keeps the id.
    "events/us-rule.md:1 id",
  ]);
  // A bad link is dropped, not the event that carries it; an invalid event is left out.
  assert.deepEqual(r.events.map((e) => e.id), ["early", "us-rule", "dangling"]);
  assert.deepEqual(r.events.map((e) => e.respondsTo.length), [0, 0, 0]);
});

test("a draft article is a valid source but is not linked from a published build", async () => {
  const dir = await contentDir({ "articles/note.md": NOTE.replace("date:", "draft: true\ndate:"), "events/us-rule.md": event(US_RULE) });
  const r = await ingest({ contentDir: dir, fallbackDir: SHIPPED, includeDrafts: false });
  assert.deepEqual(r.log.errors, []);
  assert.deepEqual(r.events[0]!.sources, []);
});

test("what ingest builds is what the dataset schema says, field for field", async () => {
  const dir = await contentDir({ "articles/note.md": NOTE, "events/us-rule.md": event(US_RULE), "events/cn-ban.md": event(CN_BAN) });
  for (const contentDir of [dir, SHIPPED]) {
    const r = await ingest({ contentDir, fallbackDir: SHIPPED, includeDrafts: false });
    assert.ok(r.events.length >= 2);
    for (const e of r.events) {
      const checked = timelineEvent.safeParse(e);
      assert.ok(checked.success, `${e.id}: ${JSON.stringify(checked.error?.issues)}`);
    }
  }
});
