// Bilingual transcripts and wikilinks as a reader meets them in Chromium: the originals folded
// under their paragraphs, a switch that opens them all (and only where there are originals),
// every original still readable without JavaScript; [[links]] and ![[images]] that lead to our
// pages and files. Screenshots go to $KB_SHOTS_DIR when it is set.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildSite, serve, type BuiltSite } from "../support/site.ts";
import { launchBrowser } from "../support/browser.ts";
import { ORIGINALS, writeTranscriptFixture } from "../support/transcripts.ts";

let site: BuiltSite;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let contentDir: string;

before(async () => {
  contentDir = await writeTranscriptFixture();
  site = await buildSite({ contentDir, includeDrafts: true }, { index: false });
  server = await serve(site.dir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await fs.rm(contentDir, { recursive: true, force: true });
  await fs.rm(path.dirname(site.dir), { recursive: true, force: true });
});

const urlOf = (file: string) => site.ingest.articles.find((a) => a.article.file === file)!.article.url;
const go = (page: Page, file: string) => page.goto(server.url + urlOf(file).replace(/^\//, ""));
const openCount = (page: Page) => page.locator(".article__body details.original[open]").count();

test("the switch opens every original and closes them again; opening them one by one presses it", async () => {
  const page = await browser.newPage();
  await go(page, "notes/interview.md");
  const originals = page.locator(".article__body details.original");
  assert.equal(await originals.count(), 3);
  assert.equal(await openCount(page), 0);
  for (const text of ORIGINALS) assert.equal(await page.getByText(text).isVisible(), false);

  const button = page.locator("[data-originals-switch]");
  assert.equal(await button.isVisible(), true);
  assert.equal(await button.innerText(), "显示全部原文");
  await button.click();
  assert.equal(await openCount(page), 3);
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  for (const text of ORIGINALS) assert.equal(await page.getByText(text).isVisible(), true);
  // The originals are English inside a Chinese page.
  assert.equal(await originals.first().getAttribute("lang"), "en");

  await button.click();
  assert.equal(await openCount(page), 0);
  assert.equal(await button.getAttribute("aria-pressed"), "false");

  for (const summary of await page.locator(".article__body details.original > summary").all()) await summary.click();
  await page.waitForFunction(() => document.querySelector("[data-originals-switch]")?.getAttribute("aria-pressed") === "true");
  await page.close();
});

test("without JavaScript there is no switch, and each original still opens", async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await go(page, "notes/interview.md");
  assert.equal(await page.locator("[data-originals-bar]").isVisible(), false);
  assert.equal(await page.locator(".article__body details.original").count(), 3);
  await page.locator(".article__body details.original > summary").nth(1).click();
  assert.equal(await page.getByText(ORIGINALS[1]!).isVisible(), true);
  assert.equal(await page.getByText(ORIGINALS[0]!).isVisible(), false);
  await ctx.close();
});

test("a page without originals has no switch", async () => {
  const page = await browser.newPage();
  await go(page, "plain.md");
  assert.equal(await page.locator("[data-originals-bar]").count(), 0);
  await page.close();
});

test("wikilinks lead to the notes they name, headings included; an embedded image is served; a missing one is text", async () => {
  const page = await browser.newPage();
  await go(page, "notes/Entity List basics.md");
  const body = page.locator(".article__body");
  assert.match(await body.innerText(), /不存在的笔记/);
  assert.equal(await body.locator("a", { hasText: "不存在的笔记" }).count(), 0);
  const image = body.locator("img").first();
  await image.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (document.querySelector<HTMLImageElement>(".article__body img")?.naturalWidth ?? 0) > 0);
  assert.equal(await image.evaluate((img: HTMLImageElement) => img.naturalWidth), 4);

  await body.locator("a", { hasText: "访谈部分" }).click();
  await page.waitForURL(/#fang-tan$/);
  assert.equal(new URL(page.url()).pathname, urlOf("notes/interview.md"));
  assert.equal(await page.locator("h2#fang-tan").isVisible(), true);

  await page.locator(".article__body a", { hasText: "实体清单入门" }).click();
  await page.waitForURL((u) => u.pathname === urlOf("notes/Entity List basics.md"));
  await page.close();
});

test("the transcript reads at 375 px without sideways scrolling, light and dark", async () => {
  const shots = process.env.KB_SHOTS_DIR;
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [1280, 375]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await ctx.newPage();
      await go(page, "notes/interview.md");
      if (shots) {
        await fs.mkdir(shots, { recursive: true });
        await page.screenshot({ path: path.join(shots, `transcript-${width}-${colorScheme}-closed.png`), fullPage: true });
      }
      await page.locator("[data-originals-switch]").click();
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(sideways, 0, `${width} px ${colorScheme}`);
      if (shots) await page.screenshot({ path: path.join(shots, `transcript-${width}-${colorScheme}-open.png`), fullPage: true });
      await ctx.close();
    }
  }
});
