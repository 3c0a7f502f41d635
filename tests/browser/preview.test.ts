// The indexes and the reading aids in Chromium on the built site: each actor once under its
// kind with its events and articles, in the interface language's order; a tag page listing the
// events and articles that carry the tag and the tags found with it; a link's preview on hover
// and on keyboard focus, hidden by Escape, and nothing of it without JavaScript.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { siteInBrowser } from "../support/site.ts";

const kb = siteInBrowser({ includeDrafts: true });

const actorRows = (page: Page) =>
  page.locator("main ul.term-index > li").evaluateAll((lis) => lis.map((li) => ({ href: li.querySelector("a")!.getAttribute("href")!, name: li.querySelector("a")!.textContent!.trim(), counts: li.querySelector(".term-index__counts")!.textContent!.trim() })));

test("/actors/ lists each actor once, with its events and articles, by pinyin in Chinese and by English name in English", async () => {
  const page = await kb.browser.newPage();
  await page.goto(`${kb.server.url}actors/`);
  const rows = await actorRows(page);
  const hrefs = rows.map((r) => r.href);
  assert.equal(new Set(hrefs).size, hrefs.length, "no actor twice");
  assert.ok(rows.length >= 90, `${rows.length} actors`);
  const bis = rows.find((r) => r.href === "/actors/us-bis/")!;
  const events = Number(/(\d+) 个事件/.exec(bis.counts)?.[1]);
  assert.ok(events > 0, `BIS: ${bis.counts}`);
  assert.match(bis.counts, /个事件 · \d+ 篇文章/);
  const companies = () => page.locator("main h2:has-text('Company') + ul a, main h2:has-text('企业') + ul a").allInnerTexts();
  const zh = await companies();
  assert.deepEqual(zh, [...zh].sort(new Intl.Collator("zh").compare), "by pinyin");
  await page.locator('[data-set-ui-lang="en"]').click();
  const en = await companies();
  assert.deepEqual(en, [...en].sort(new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare), `by English name: ${en.join(", ")}`);
  assert.notDeepEqual(en, zh);
  assert.match((await actorRows(page)).find((r) => r.href === "/actors/us-bis/")!.counts, new RegExp(`^${events} events · \\d+ articles?$`));
  await page.locator('[data-set-ui-lang="zh-Hans"]').click();
  assert.deepEqual(await companies(), zh, "back to the Chinese order");
  await page.close();
});

test("a tag page lists the events and the articles that carry the tag, and related tags; /tags/ has tags only events use", async () => {
  const page = await kb.browser.newPage();
  await page.goto(`${kb.server.url}tags/gallium/`);
  const events = await page.locator("main h2:has-text('带有此标签的事件') + ul.event-links a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(events.includes("/events/2023-07-03-cn-mofcom-2023-23-gallium-germanium/"), events.join(" "));
  assert.ok((await page.locator("main .article-list a").count()) >= 1, "and its articles");
  const related = await page.locator("main .related-tags a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(related.includes("/tags/germanium/"), related.join(" "));
  await page.goto(`${kb.server.url}tags/`);
  const counter = page.locator('main ul.term-index > li:has(a[href="/tags/counter-tariffs/"])');
  assert.match(await counter.locator(".term-index__counts").innerText(), /^\d+ 个事件 · 0 篇文章$/);
  await page.goto(`${kb.server.url}tags/counter-tariffs/`);
  assert.ok((await page.locator("main ul.event-links li").count()) >= 2);
  await page.close();
});

const card = (page: Page) => page.locator(".link-preview");

test("hovering a link to an event shows its preview after a moment; leaving hides it", async () => {
  const page = await kb.browser.newPage();
  await page.goto(`${kb.server.url}tags/gallium/`);
  const link = page.locator('main a[href="/events/2023-07-03-cn-mofcom-2023-23-gallium-germanium/"]');
  await link.hover();
  // Not at once: a mouse passing over links fetches nothing.
  assert.equal(await card(page).isVisible(), false);
  await card(page).waitFor({ state: "visible", timeout: 3000 });
  assert.match(await card(page).locator(".link-preview__title").innerText(), /镓、锗/);
  assert.match(await card(page).locator(".link-preview__meta").innerText(), /2023年7月3日/);
  assert.ok((await card(page).locator(".link-preview__text").innerText()).length > 20);
  assert.equal(await link.getAttribute("aria-describedby"), "kb-link-preview");
  // Inside the window, under the link.
  const box = (await card(page).boundingBox())!;
  const at = (await link.boundingBox())!;
  assert.ok(box.y >= at.y + at.height - 1 || box.y + box.height <= at.y + 1, "beside the link, not over it");
  assert.ok(box.x >= 0 && box.x + box.width <= 1280);
  await page.mouse.move(5, 5);
  await card(page).waitFor({ state: "hidden", timeout: 3000 });
  await page.close();
});

test("focusing a link with the keyboard shows its preview, in English when English is picked; Escape hides it; no JavaScript, no card", async () => {
  const page = await kb.browser.newPage();
  await page.goto(`${kb.server.url}actors/us-bis/`);
  await page.locator('[data-set-ui-lang="en"]').click();
  const link = page.locator('main a[href^="/events/"]').first();
  const href = (await link.getAttribute("href"))!;
  await link.focus();
  await card(page).waitFor({ state: "visible", timeout: 3000 });
  const expected = await (await page.request.get(`${kb.server.url}${href.slice(1)}`)).text();
  const en = /<p class="event__en" lang="en">([^<]+)<\/p>/.exec(expected)![1]!.replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/&quot;/g, '"');
  assert.equal(await card(page).locator(".link-preview__title").innerText(), en);
  await page.keyboard.press("Escape");
  await card(page).waitFor({ state: "hidden", timeout: 3000 });
  // The next link, by Tab, shows its own.
  await page.keyboard.press("Tab");
  const next = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href") ?? "");
  if (/^\/(events|articles|actors|tags)\//.test(next)) await card(page).waitFor({ state: "visible", timeout: 3000 });
  await page.close();
  const context = await kb.browser.newContext({ javaScriptEnabled: false });
  const nojs = await context.newPage();
  await nojs.goto(`${kb.server.url}tags/gallium/`);
  await nojs.locator('main a[href^="/events/"]').first().hover();
  await nojs.waitForTimeout(800);
  assert.equal(await nojs.locator(".link-preview").count(), 0);
  await context.close();
});
