// The timeline in Chromium: follow a measure to its answer and back, filter through the URL,
// read it on a phone, and read it with JavaScript off.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { buildSite, serve, type BuiltSite } from "../support/site.ts";
import { launchBrowser } from "../support/browser.ts";

const US_RULE = "2024-12-02-us-bis-fdpr-hbm-chipmaking-equipment";
const CN_ANSWER = "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us";

let site: BuiltSite;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

before(async () => {
  site = await buildSite({ includeDrafts: true }, { index: false });
  server = await serve(site.dir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the shipped timeline links the December 2024 US rule and China's answer the next day, both ways", async () => {
  const rows = JSON.parse(await site.read("api/timeline.json")) as Array<Record<string, any>>;
  const us = rows.find((r) => r.id === US_RULE)!;
  const cn = rows.find((r) => r.id === CN_ANSWER)!;
  assert.ok(us && cn);
  assert.deepEqual(cn.responds_to.find((l: any) => l.id === US_RULE), { id: US_RULE, basis: "analyst", by: "AI范儿 (WeChat)", effect: null, lag_days: 1, lag_approx: false });
  assert.ok(us.answered_by.some((l: any) => l.id === CN_ANSWER && l.lag_days === 1));
  assert.match(us.instrument, /^89 FR 96790\b/);
  assert.equal(us.authority, "us-bis");
  assert.equal(cn.authority, "cn-mofcom");
  assert.match(us.url, /^\/events\//);
  // Every link is there in both directions, in the export too.
  for (const r of rows) for (const l of r.responds_to) assert.ok(rows.find((x) => x.id === l.id)!.answered_by.some((a: any) => a.id === r.id), `${l.id} answered by ${r.id}`);
  const csv = await site.read("api/timeline.csv");
  assert.equal(csv.trimEnd().split("\r\n").length, rows.length + 1);
  assert.match(csv.split("\r\n")[0]!, /^id,url,title_zh_hans,title_en,announced,/);
});

test("following a measure to its countermeasure and back, by the card's links and by the drawn connector", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}timeline/`);
  await page.locator(`[id="${US_RULE}"] .tl-card__links a[data-link="${CN_ANSWER}"]`).click();
  await page.waitForURL(`**/timeline/#${CN_ANSWER}`);
  assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), CN_ANSWER);
  await page.locator(`[id="${CN_ANSWER}"] .tl-card__links a[data-link="${US_RULE}"]`).click();
  await page.waitForURL(`**/timeline/#${US_RULE}`);
  // The connector itself is a link: its start leads to the answer, its end back to the cause.
  const start = page.locator(`[id="${US_RULE}"] a.seg.start[href="#${CN_ANSWER}"]`);
  assert.equal(await start.count(), 1);
  const box = (await start.boundingBox())!;
  assert.ok(box.height > 10 && box.width >= 2, "the connector is drawn");
  await start.click({ force: true });
  await page.waitForURL(`**/timeline/#${CN_ANSWER}`);
  await page.locator(`[id="${CN_ANSWER}"] a.seg.end[href="#${US_RULE}"]`).click({ force: true });
  await page.waitForURL(`**/timeline/#${US_RULE}`);
  // And from the event page of the measure to that of its answer and back.
  await page.goto(`${server.url}events/${US_RULE}/`);
  await page.locator(`a[rel="next"][href$="/events/${CN_ANSWER}/"]`).first().click();
  await page.waitForURL(`**/events/${CN_ANSWER}/`);
  // The US rule came one day before the answer: said as "早 1 天", never as "1 天前" ("a day ago").
  assert.match(await page.locator("main").innerText(), /早 1 天/);
  assert.doesNotMatch(await page.locator("main").innerText(), /\d 天前/);
  await page.locator(`a[rel="prev"][href$="/events/${US_RULE}/"]`).click();
  await page.waitForURL(`**/events/${US_RULE}/`);
  await page.close();
});

test("with JavaScript off, every event, every link and every connector is there", async () => {
  const rows = JSON.parse(await site.read("api/timeline.json")) as Array<{ id: string; responds_to: unknown[] }>;
  const links = rows.reduce((n, r) => n + r.responds_to.length, 0);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}timeline/?kind=ruling`);
  const visible = await page.locator(".tl-row:not(.tl-year) .tl-card").evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
  assert.equal(visible, rows.length, "a filter in the URL needs JS; without it everything shows");
  assert.equal(await page.locator(".tl-card__links a[data-link]").count(), links * 2);
  assert.equal(await page.locator("a.seg.start").count(), links);
  assert.equal(await page.locator("a.seg.end").count(), links);
  assert.ok(links >= 10, `the shipped timeline has ${links} links`);
  await context.close();
});

test("filters live in the URL, so a filtered view can be shared", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}timeline/?jurisdiction=CN&kind=countermeasure`);
  const shown = await page.locator(".tl-row:not(.tl-year):not(.is-filtered)").evaluateAll((els) => els.map((e) => [e.getAttribute("data-jurisdiction"), e.getAttribute("data-kind")]));
  assert.ok(shown.length >= 3);
  assert.ok(shown.every(([j, k]) => j === "CN" && k === "countermeasure"));
  assert.equal(await page.locator('input[name="jurisdiction"][value="CN"]').isChecked(), true);
  await page.locator('input[name="domain"][value="critical-minerals"]').check();
  assert.match(page.url(), /domain=critical-minerals/);
  assert.match(page.url(), /jurisdiction=CN/);
  await page.goto(`${server.url}timeline/`);
  assert.equal(await page.locator(".tl-row.is-filtered").count(), 0);
  await page.close();
});

test("the timeline reads on a 375 px phone: nothing overflows sideways", async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(`${server.url}timeline/`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `page is ${width}px wide`);
  const cardWidth = await page.locator(`[id="${US_RULE}"] .tl-card`).evaluate((e) => e.getBoundingClientRect().width);
  assert.ok(cardWidth > 250, `cards use the width (${cardWidth}px)`);
  await page.close();
});

test("article pages list the events they report; actor pages the events the actor issued or was targeted by", async () => {
  const page = await browser.newPage();
  const article = site.ingest.articles.find((a) => a.article.raw === "raw/000_d67bebb5f1f79fa8.txt")!.article;
  await page.goto(server.url + article.url.slice(1));
  assert.equal(await page.locator(`footer a[href$="/events/${CN_ANSWER}/"]`).count(), 1);
  await page.goto(`${server.url}actors/us-bis/`);
  assert.ok((await page.locator(`a[href$="/events/${US_RULE}/"]`).count()) >= 1);
  await page.close();
});
