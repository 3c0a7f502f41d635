// A long timeline (more than 400 events) is a page per year: every page stays small, the years
// are one click apart, and a link to an event of another year leads to its card there.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { ROOT } from "../../src/config.ts";
import { loadMaterial } from "../../bench/material.ts";
import { generateCorpus } from "../../bench/corpus.ts";
import { writeCorpus } from "../../bench/write.ts";
import { TIMELINE_PAGE_EVENTS } from "../../src/site/timeline-pages.ts";
import { buildSiteInChild, serve } from "../support/site.ts";
import { launchBrowser } from "../support/browser.ts";

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let siteDir: string;
const EVENTS = TIMELINE_PAGE_EVENTS + 200;

before(async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kb-tl-"));
  const corpus = path.join(tmp, "corpus");
  await writeCorpus(corpus, generateCorpus({ articles: 60, events: EVENTS, size: "small", seed: "paged-timeline" }, await loadMaterial(path.join(ROOT, "content"))));
  siteDir = (await buildSiteInChild({ KB_CONTENT_DIR: corpus, KB_INCLUDE_DRAFTS: "1" })).dir;
  server = await serve(siteDir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("every year has a page; none holds more than 400 events or weighs more than 400 KB compressed", async () => {
  const years = (await fs.readdir(path.join(siteDir, "timeline"), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  assert.ok(years.length >= 3, `${years.length} year pages`);
  let events = 0;
  for (const file of [path.join(siteDir, "timeline/index.html"), ...years.map((y) => path.join(siteDir, "timeline", y, "index.html"))]) {
    const html = await fs.readFile(file, "utf8");
    const n = (html.match(/<article class="tl-card /g) ?? []).length;
    events += n;
    assert.ok(n <= TIMELINE_PAGE_EVENTS, `${file}: ${n} events`);
    assert.ok(gzipSync(html).length < 400_000, `${file}: ${gzipSync(html).length} bytes compressed`);
  }
  assert.equal(events, EVENTS);
});

test("the year navigation and a card link lead to an event of another year, shown on its page", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}timeline/`);
  const nav = page.locator("nav.tl-years a");
  assert.ok((await nav.count()) >= 3);
  assert.equal(await page.locator('nav.tl-years a[aria-current="page"]').count(), 1);
  // A card link whose target is not on this page.
  const href = await page.locator("[data-link]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!).find((h) => !h.startsWith("#")));
  assert.ok(href, "a link to another year");
  const id = href!.split("#")[1]!;
  const link = page.locator(`[data-link][href="${href}"]`).first();
  // Card links are under the card's details.
  await link.locator("xpath=ancestor::details[1]/summary").click();
  await link.click();
  await page.waitForURL(new RegExp(`/timeline/\\d{4}/#${id}$`));
  assert.equal(await page.locator(`[id="${id}"]`).count(), 1);
  assert.ok(await page.locator(`[id="${id}"]`).isVisible());
  // Back on the event's own page, "view on the timeline" leads to the same card.
  await page.goto(`${server.url}events/${id}/`);
  await page.locator(`a[href$="#${id}"]`).first().click();
  await page.waitForURL(new RegExp(`#${id}$`));
  assert.equal(await page.locator(`[id="${id}"]`).count(), 1);
  await page.close();
});
