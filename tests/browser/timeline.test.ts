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

type Row = { id: string; title_en: string; side: string; kind: string; jurisdiction: string; status: string | null; announced: string; chain: string; responds_to: Array<{ id: string }>; answered_by: Array<{ id: string }> };
const apiRows = async () => JSON.parse(await site.read("api/timeline.json")) as Row[];
/** What the page shows: ids of the cards that match, that are shown for context, and the connectors left drawn. */
// A string, not a function: tsx would wrap the inner arrow functions in a helper the page does not have.
const VISIBLE_STATE = `(() => {
  const shown = (el) => el.offsetParent !== null;
  const cards = Array.from(document.querySelectorAll(".tl-card")).filter(shown);
  return {
    match: cards.filter((c) => !c.classList.contains("is-context")).map((c) => c.id),
    context: cards.filter((c) => c.classList.contains("is-context")).map((c) => c.id),
    connectors: Array.from(new Set(Array.from(document.querySelectorAll(".seg")).filter(shown).map((s) => s.dataset.c))),
    count: document.querySelector("[data-timeline-count]").textContent,
  };
})()`;
const visibleState = (page: import("playwright-core").Page) => page.evaluate(VISIBLE_STATE) as Promise<{ match: string[]; context: string[]; connectors: string[]; count: string }>;

test("a measure whose recorded suspension has ended reads in force again, says no extension is on record, and names the suspension", async () => {
  const rows = JSON.parse(await site.read("api/timeline.json")) as Array<{ id: string; status: string | null; status_by: string | null; status_since: string | null }>;
  const over = rows.filter((r) => r.status === "in-force" && r.status_by);
  assert.ok(over.length > 0, "the shipped timeline has suspensions whose end has passed");
  const page = await browser.newPage();
  for (const r of over.slice(0, 2)) {
    await page.goto(`${server.url}events/${r.id}/`);
    const status = page.locator(".status").first().locator("xpath=..");
    assert.match(await status.innerText(), /暂停期满 .+；未见延期记录$/);
    assert.equal(await status.locator(`a[href$="/events/${r.status_by}/"]`).count(), 1);
  }
  await page.close();
});

test("following a measure to its countermeasure and back, by the card's links and by the drawn connectors", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}timeline/`);
  // The links are under the card's details.
  await page.locator(`[id="${US_RULE}"] .tl-card__more > summary`).click();
  await page.locator(`[id="${US_RULE}"] .tl-card__links a[data-link="${CN_ANSWER}"]`).click();
  await page.waitForURL(`**/timeline/#${CN_ANSWER}`);
  assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), CN_ANSWER);
  await page.locator(`[id="${CN_ANSWER}"] .tl-card__more > summary`).click();
  await page.locator(`[id="${CN_ANSWER}"] .tl-card__links a[data-link="${US_RULE}"]`).click();
  await page.waitForURL(`**/timeline/#${US_RULE}`);
  // Clear of the sticky column heads.
  const clickSeg = async (l: import("playwright-core").Locator) => {
    await l.evaluate((e) => e.scrollIntoView({ block: "center" }));
    await l.click({ force: true });
  };
  const boxOf = async (l: import("playwright-core").Locator) => (await l.boundingBox())!;
  // The connector: from the US card's right edge down the gutter to the answer's left edge; its start leads to the answer, its end back.
  const start = page.locator(`[id="${US_RULE}"]`).locator("xpath=..").locator(`a.seg.start[href="#${CN_ANSWER}"]`);
  const end = page.locator(`[id="${CN_ANSWER}"]`).locator("xpath=..").locator(`a.seg.end.head[href="#${US_RULE}"]`);
  assert.equal(await start.getAttribute("data-c"), await end.getAttribute("data-c"));
  const [s, e, us, cn] = [await boxOf(start), await boxOf(end), await boxOf(page.locator(`[id="${US_RULE}"]`)), await boxOf(page.locator(`[id="${CN_ANSWER}"]`))];
  assert.ok(Math.abs(s.x - (us.x + us.width)) < 3, "it leaves the US card's edge");
  assert.ok(Math.abs(e.x + e.width - cn.x) < 3, "it arrives at the answer's edge");
  assert.ok(e.y + e.height > s.y + 20, "it runs down");
  await clickSeg(start);
  await page.waitForURL(`**/timeline/#${CN_ANSWER}`);
  await clickSeg(end);
  await page.waitForURL(`**/timeline/#${US_RULE}`);
  // Two cards side by side in one row: one line across the gutter between them leads to the answer.
  const both = page.locator("a.seg.both").first();
  const answer = (await both.getAttribute("href"))!.slice(1);
  const row = both.locator("xpath=..");
  const cards = await row.locator(".tl-card").evaluateAll((els) => els.map((el) => { const r = el.getBoundingClientRect(); return [r.left, r.right, r.top]; }));
  const line = await boxOf(both);
  assert.ok(cards.some(([, right]) => Math.abs(right! - line.x) < 3) && cards.some(([left]) => Math.abs(left! - (line.x + line.width)) < 3), `the line joins two cards: ${JSON.stringify([line, cards])}`);
  await clickSeg(both);
  await page.waitForURL(`**/timeline/#${answer}`);
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

test("with JavaScript off, every event, every link and every connector is there, and the details open", async () => {
  const rows = await apiRows();
  const links = rows.reduce((n, r) => n + r.responds_to.length, 0);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}timeline/?kind=ruling`);
  const visible = await page.locator(".tl-card").evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
  assert.equal(visible, rows.length, "a filter in the URL needs JS; without it everything shows");
  assert.equal(await page.locator(".tl-card__links a[data-link]").count(), links * 2);
  // Every link drawn: a start and an end over several rows, or one line in a row.
  assert.equal((await page.locator("a.seg.start").count()) + (await page.locator("a.seg.both").count()), links);
  assert.equal((await page.locator("a.seg.end").count()) + (await page.locator("a.seg.both").count()), links);
  assert.ok(links >= 100, `the shipped timeline has ${links} links`);
  const more = page.locator(`[id="${US_RULE}"] .tl-card__more`);
  assert.equal(await more.locator(".tl-card__instrument").isVisible(), false, "compact until opened");
  await more.locator("summary").click();
  assert.equal(await more.locator(".tl-card__instrument").isVisible(), true);
  assert.match(await more.locator(".tl-card__links").innerText(), /1 天后/);
  await context.close();
});

test("the timeline takes at most 120 px of page per event at 1,280 px; time is an axis with breaks", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}timeline/`);
  // Rows off screen are laid out only near the viewport (content-visibility); the height measured
  // is the page's once every row is laid out.
  const laidOut = () => document.querySelectorAll<HTMLElement>(".tl-events").forEach((r) => (r.style.contentVisibility = "visible"));
  // A reader who scrolls to the last event finds it drawn.
  await page.locator(".tl-card").last().scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (Array.from(document.querySelectorAll<HTMLElement>(".tl-card h3")).pop()?.innerText ?? "").length > 0, undefined, { timeout: 5000 });
  await page.evaluate(laidOut);
  const { height, events, breaks } = await page.evaluate(() => ({
    height: document.querySelector("[data-timeline]")!.scrollHeight,
    events: document.querySelectorAll(".tl-card").length,
    breaks: Array.from(document.querySelectorAll<HTMLElement>(".tl-break")).map((b) => b.innerText),
  }));
  assert.equal(events, (await apiRows()).length);
  assert.ok(height / events <= 120, `${(height / events).toFixed(1)} px an event (${height} px for ${events})`);
  // 2007, then 2010: the years between are a break that says so, not distance.
  assert.ok(breaks.includes("2008年–2009年：无事件"), breaks.join(" | "));
  assert.equal(await page.locator("#year-2009").count(), 1, "an empty year keeps its anchor");
  // A week apart is closer than a quarter apart.
  const gap = (cls: string) => page.locator(`.tl-events.${cls}`).first().evaluate((e) => parseFloat(getComputedStyle(e).paddingTop));
  assert.ok((await gap("g1")) < (await gap("g3")));
  await page.close();
  // In English, whose names are longer, too.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem("kb-ui-lang", "en"));
  const en = await context.newPage();
  await en.goto(`${server.url}timeline/`);
  await en.waitForFunction(() => document.documentElement.dataset.uiLang === "en");
  await en.evaluate(laidOut);
  assert.equal(await en.locator(`[id="${US_RULE}"] h3`).innerText(), (await apiRows()).find((r) => r.id === US_RULE)!.title_en);
  const enHeight = await en.evaluate(() => document.querySelector("[data-timeline]")!.scrollHeight);
  assert.ok(enHeight / events <= 120, `English: ${(enHeight / events).toFixed(1)} px an event`);
  await context.close();
});

test("filters live in the URL and keep context: what a shown event answers or is answered by stays, dimmed, with its connector", async () => {
  const rows = await apiRows();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}timeline/?jurisdiction=CN&kind=countermeasure`);
  const state = await visibleState(page);
  const expected = rows.filter((r) => r.jurisdiction === "CN" && r.kind === "countermeasure").map((r) => r.id);
  assert.deepEqual([...state.match].sort(), [...expected].sort());
  const neighbours = new Set(expected.flatMap((id) => [...byId.get(id)!.responds_to, ...byId.get(id)!.answered_by].map((l) => l.id)).filter((id) => !expected.includes(id)));
  assert.ok(neighbours.size >= 10, `${neighbours.size} neighbours`);
  assert.deepEqual([...state.context].sort(), [...neighbours].sort());
  assert.ok(state.context.includes(US_RULE), "the US rule China answered stays");
  assert.ok(Number(await page.locator(`[id="${US_RULE}"]`).evaluate((e) => getComputedStyle(e).opacity)) < 0.8, "dimmed");
  // Its connector to the answer is drawn.
  const connector = await page.locator(`a.seg[href="#${CN_ANSWER}"]`).first().getAttribute("data-c");
  assert.ok(state.connectors.includes(connector!), "the connector stays");
  assert.equal(state.count, `显示 ${expected.length} / ${rows.length} 个事件`);
  // The form says what the URL says, names jurisdictions by name, and writes a change back to the URL; a reload keeps it.
  assert.equal(await page.locator('input[name="jurisdiction"][value="CN"]').isChecked(), true);
  assert.equal((await page.locator('input[name="jurisdiction"][value="CN"]').locator("xpath=..").innerText()).trim(), "中国");
  await page.locator('input[name="status"][value="suspended"]').check();
  assert.match(page.url(), /status=suspended/);
  assert.match(page.url(), /jurisdiction=CN/);
  await page.reload();
  const after = await visibleState(page);
  assert.deepEqual([...after.match].sort(), rows.filter((r) => r.jurisdiction === "CN" && r.kind === "countermeasure" && r.status === "suspended").map((r) => r.id).sort());
  // A year range and an issuer.
  await page.goto(`${server.url}timeline/?from=2019&to=2020&side=us`);
  assert.deepEqual((await visibleState(page)).match.sort(), rows.filter((r) => r.side === "us" && r.announced >= "2019" && r.announced < "2021").map((r) => r.id).sort());
  await page.goto(`${server.url}timeline/`);
  assert.equal(await page.locator(".tl-card.is-out, .tl-card.is-context").count(), 0);
  await page.close();
});

test("an escalation chain shown alone, from the card's link, and back to everything", async () => {
  const rows = await apiRows();
  const chain = rows.find((r) => r.id === US_RULE)!.chain;
  const members = rows.filter((r) => r.chain === chain).map((r) => r.id).sort();
  assert.ok(members.length >= 3 && members.length < rows.length);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}timeline/`);
  await page.locator(`[id="${US_RULE}"] .tl-card__more > summary`).click();
  await page.locator(`[id="${US_RULE}"] [data-chain-link]`).click();
  assert.match(page.url(), new RegExp(`chain=${US_RULE}`));
  const state = await visibleState(page);
  assert.deepEqual(state.match.sort(), members);
  assert.deepEqual(state.context, []);
  const links = rows.filter((r) => r.chain === chain).reduce((n, r) => n + r.responds_to.length, 0);
  assert.equal(state.connectors.length, links, "every connector of the chain");
  await page.reload();
  assert.deepEqual((await visibleState(page)).match.sort(), members, "a reload keeps it");
  await page.locator("[data-timeline-chain] a").click();
  await page.waitForURL(/\/timeline\/$/);
  assert.equal((await visibleState(page)).match.length, rows.length);
  await page.close();
});

test("hovering or focusing a card lights it, the cards it is linked with and their connectors", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}timeline/`);
  const lit = () => page.evaluate(() => ({ cards: Array.from(document.querySelectorAll(".tl-card.is-lit")).map((e) => e.id), segs: document.querySelectorAll(".seg.is-lit").length }));
  await page.locator(`[id="${CN_ANSWER}"] h3`).hover();
  const hovered = await lit();
  assert.ok(hovered.cards.includes(CN_ANSWER) && hovered.cards.includes(US_RULE), JSON.stringify(hovered));
  assert.ok(hovered.segs >= 1);
  const nb = await page.locator(`[id="${CN_ANSWER}"]`).getAttribute("data-nb");
  assert.deepEqual(hovered.cards.filter((id) => id !== CN_ANSWER).sort(), [...new Set(nb!.split(" "))].sort(), "its neighbours and no other card");
  await page.mouse.move(0, 0);
  assert.deepEqual((await lit()).cards, []);
  // The keyboard: tabbing onto the US rule's title lights the pair too.
  await page.locator(`[id="${US_RULE}"] h3 a`).focus();
  const focused = await lit();
  assert.ok(focused.cards.includes(US_RULE) && focused.cards.includes(CN_ANSWER), JSON.stringify(focused));
  await page.close();
});

test("the timeline reads on a 375 px phone: nothing overflows sideways", async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(`${server.url}timeline/`);
  const [width, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(width <= client, `page is ${width}px wide for ${client}`);
  const cardWidth = await page.locator(`[id="${US_RULE}"]`).evaluate((e) => e.getBoundingClientRect().width);
  assert.ok(cardWidth > 280, `cards use the width (${cardWidth}px)`);
  await page.locator(`[id="${US_RULE}"] .tl-card__more > summary`).click();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, "opened details stay within the width");
  await page.close();
});

test("article pages list the events they report; actor pages the events the actor issued or was targeted by", async () => {
  const page = await browser.newPage();
  const article = site.ingest.articles.find((a) => a.article.raw === "raw/000_d67bebb5f1f79fa8.txt")!.article;
  await page.goto(server.url + article.url.slice(1));
  assert.equal(await page.locator(`footer a[href$="/events/${CN_ANSWER}/"]`).count(), 1);
  // Its events as a small timeline, oldest first, each marked with its side.
  const days = await page.locator("footer .mini-timeline__event time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));
  assert.ok(days.length >= 1 && days.every((d, i) => i === 0 || days[i - 1]! <= d), days.join(" "));
  assert.equal(await page.locator(`footer .mini-timeline__event.side-cn a[href$="/events/${CN_ANSWER}/"]`).count(), 1);
  // The timeline's card counts the articles here on the event and leads to them.
  await page.goto(`${server.url}timeline/`);
  const card = page.locator(`[id="${CN_ANSWER}"]`);
  await card.locator("summary").click();
  const cited = site.ingest.events.find((e) => e.id === CN_ANSWER)!.articles.length;
  assert.ok(cited >= 1);
  assert.match(await card.locator(".tl-card__articles a").innerText(), new RegExp(`本站 ${cited} 篇文章涉及此事件`));
  await card.locator(".tl-card__articles a").click();
  await page.waitForURL(/#articles$/);
  assert.ok(await page.locator("#articles").isVisible());
  await page.goto(`${server.url}actors/us-bis/`);
  assert.ok((await page.locator(`a[href$="/events/${US_RULE}/"]`).count()) >= 1);
  await page.close();
});
