// The reader's experience in Chromium: the interface in Chinese or English, light or dark, on a
// 320 px phone and on paper; images that load without a Referer and say what they show; and the
// reading aids of an article page (contents, older and newer, related).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildSite, serve, type BuiltSite } from "../support/site.ts";
import { launchBrowser } from "../support/browser.ts";

let site: BuiltSite;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

interface ApiArticle {
  slug: string;
  url: string;
  date: string;
  tags: string[];
  actors: string[];
}
let articles: ApiArticle[];

before(async () => {
  site = await buildSite({ includeDrafts: true });
  server = await serve(site.dir);
  browser = await launchBrowser();
  articles = JSON.parse(await site.read("api/articles.json")) as ApiArticle[];
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A context that never reaches the network beyond the test server (article images are remote). */
async function context(opts: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext(opts);
  const local = new URL(server.url).origin;
  await ctx.route((url) => url.origin !== local, (route) => route.abort());
  return ctx;
}

const go = (page: Page, path: string) => page.goto(server.url + path.replace(/^\//, ""));
const wechat = () => site.ingest.articles.find((a) => a.article.raw === "raw/000_d67bebb5f1f79fa8.txt")!.article;
const dw = () => site.ingest.articles.find((a) => a.article.raw === "raw/003_38e325384dfded78.txt")!.article;

test("the language switch turns the interface and dates into English and back, keeps the choice, and sets lang", async () => {
  const ctx = await context();
  const page = await ctx.newPage();
  await go(page, wechat().url);
  const navText = () => page.locator(".site-nav").innerText();
  const published = page.locator(".article__meta time").first();
  assert.match(await navText(), /时间线/);
  assert.equal(await published.innerText(), "2024年12月4日 09:24 (UTC+8)");
  assert.equal(await page.locator('[data-set-ui-lang="zh-Hans"]').getAttribute("aria-pressed"), "true");

  await page.locator('[data-set-ui-lang="en"]').click();
  assert.match(await navText(), /Timeline[\s\S]*Articles[\s\S]*Tags[\s\S]*Actors/);
  assert.doesNotMatch(await navText(), /时间线/);
  assert.equal(await published.innerText(), "4 December 2024 09:24 (UTC+8)");
  assert.equal(await published.getAttribute("lang"), "en");
  assert.equal(await page.locator(".site-nav a").first().locator("span").getAttribute("lang"), "en");
  assert.equal(await page.locator("#site-search-q").getAttribute("placeholder"), "Search (press /)");
  assert.equal(await page.locator(".site-nav").getAttribute("aria-label"), "Main navigation");
  assert.match(await page.title(), / · US–China Export Controls$/);
  assert.match(await page.locator(".article__footer").innerText(), /Tags[\s\S]*Actors/);
  assert.equal(await page.locator('[data-set-ui-lang="en"]').getAttribute("aria-pressed"), "true");
  // The article itself stays in its own language.
  assert.equal(await page.locator("article.article").getAttribute("lang"), "zh-Hans");
  assert.match(await page.locator(".article__body").innerText(), /美国政府于本周一公布/);

  // The choice survives a navigation, with no flash of a switch back.
  await page.locator(".site-nav a", { hasText: "Tags" }).click();
  await page.waitForURL("**/tags/");
  assert.equal(await page.locator("h1").innerText(), "Tags");
  assert.equal(await page.locator("h1 span").getAttribute("lang"), "en");
  await go(page, "/timeline/");
  assert.match(await page.locator(".tl-filters legend").first().innerText(), /^Domain$/);
  assert.match(await page.locator("[data-timeline-count]").innerText(), /^Showing \d+ of \d+ events$/);
  assert.match(await page.locator(".tl-card time").first().innerText(), /^\d{4}$|[A-Z][a-z]+ \d{4}$/);

  // And back: the Chinese text and the elements' own lang return.
  await page.locator('[data-set-ui-lang="zh-Hans"]').click();
  assert.match(await page.locator(".tl-filters legend").first().innerText(), /^领域$/);
  assert.match(await page.locator("[data-timeline-count]").innerText(), /^显示 \d+ \/ \d+ 个事件$/);
  assert.equal(await page.locator("h1 span").getAttribute("lang"), null);
  await go(page, "/");
  assert.match(await navText(), /时间线/);
  assert.equal(await page.evaluate(() => localStorage.getItem("kb-ui-lang")), "zh-Hans");
  await ctx.close();
});

test("without JavaScript the interface is Chinese and the switches are not offered", async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await go(page, "/");
  assert.match(await page.locator(".site-nav").innerText(), /时间线/);
  assert.equal(await page.locator("[data-prefs]").isVisible(), false);
  await ctx.close();
});

test("the search page writes its result labels in the chosen language", async () => {
  const ctx = await context();
  await ctx.addInitScript(() => localStorage.setItem("kb-ui-lang", "en"));
  const page = await ctx.newPage();
  await go(page, "/search/?q=gallium");
  await page.waitForSelector('[data-search-results][data-search-state="done"]', { timeout: 15000 });
  assert.match(await page.locator("[data-search-status]").innerText(), /^\d+ results\./);
  assert.match(await page.locator("[data-search-results] .meta").first().innerText(), /^(Article|Event|Actor|Tag)\b/);
  assert.equal(await page.locator('select[name="type"] option[value=""]').innerText(), "All");
  // Switching back rewrites the results' labels too.
  await page.locator('[data-set-ui-lang="zh-Hans"]').click();
  await page.waitForFunction(() => /个结果/.test(document.querySelector("[data-search-status]")?.textContent ?? ""));
  await page.waitForSelector('[data-search-results][data-search-state="done"]');
  assert.match(await page.locator("[data-search-results] .meta").first().innerText(), /^(文章|事件|机构与人物|标签)/);
  await ctx.close();
});

test("the theme follows the system, a chosen theme persists and changes the page's background", async () => {
  const ctx = await context({ colorScheme: "light" });
  const page = await ctx.newPage();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await go(page, "/");
  const light = await background();
  await page.locator("[data-theme-select]").selectOption("dark");
  const dark = await background();
  assert.notEqual(dark, light);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  await go(page, "/timeline/");
  // Applied by the blocking script in <head>, before the module script runs.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.equal(await background(), dark);
  assert.equal(await page.locator("[data-theme-select]").inputValue(), "dark");
  await page.locator("[data-theme-select]").selectOption("system");
  assert.equal(await background(), light);
  await ctx.close();

  // With the system dark and nothing chosen, the page is dark; choosing light wins over it.
  const darkCtx = await context({ colorScheme: "dark" });
  const p2 = await darkCtx.newPage();
  await go(p2, "/");
  assert.equal(await p2.evaluate(() => getComputedStyle(document.body).backgroundColor), dark);
  await p2.locator("[data-theme-select]").selectOption("light");
  assert.equal(await p2.evaluate(() => getComputedStyle(document.body).backgroundColor), light);
  await darkCtx.close();
});

test("nothing scrolls sideways at 320 px, in either language", async () => {
  const event = (JSON.parse(await site.read("api/timeline.json")) as Array<{ id: string }>)[0]!.id;
  const pages = ["/", "/timeline/", dw().url, wechat().url, `/events/${event}/`, "/actors/us-bis/", "/tags/rare-earths/", "/search/?q=%E5%8D%8E%E4%B8%BA"];
  for (const lang of ["zh-Hans", "en"]) {
    const ctx = await context({ viewport: { width: 320, height: 640 } });
    await ctx.addInitScript((l) => localStorage.setItem("kb-ui-lang", l), lang);
    const page = await ctx.newPage();
    for (const p of pages) {
      await go(page, p);
      if (p.startsWith("/search/")) await page.waitForSelector('[data-search-results][data-search-state="done"]', { timeout: 15000 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${p} (${lang}) is ${width}px wide`);
      // The header's parts all stay on screen.
      for (const sel of [".site-title", ".site-nav", ".site-search", "[data-prefs]"]) {
        const box = (await page.locator(sel).boundingBox())!;
        assert.ok(box && box.x >= 0 && box.x + box.width <= 320, `${p} (${lang}): ${sel} fits`);
      }
    }
    await ctx.close();
  }
});

test("every image in every article has alt text, no Referer and lazy loading", async () => {
  const ctx = await context();
  const page = await ctx.newPage();
  let total = 0;
  for (const a of articles) {
    await go(page, a.url);
    const imgs = await page.locator("main img").evaluateAll((els) =>
      els.map((e) => ({ alt: e.getAttribute("alt"), referrer: e.getAttribute("referrerpolicy"), loading: e.getAttribute("loading"), decoding: e.getAttribute("decoding") })),
    );
    total += imgs.length;
    for (const img of imgs) {
      assert.ok(img.alt && img.alt.trim(), `${a.slug}: an image without alt`);
      assert.equal(img.referrer, "no-referrer", a.slug);
      assert.equal(img.loading, "lazy", a.slug);
      assert.equal(img.decoding, "async", a.slug);
    }
  }
  assert.ok(total >= 10, `the seeds have ${total} images`);
  // The caption under DW's image is its alt; WeChat's bare images say "图片", and "Image" in English.
  await go(page, dw().url);
  const figure = page.locator(".article__body figure").first();
  assert.equal(await figure.locator("img").getAttribute("alt"), "美国正在积极说服盟友进一步限制向中国出口与先进芯片有关的产品");
  assert.equal(await figure.locator("figcaption").innerText(), "美国正在积极说服盟友进一步限制向中国出口与先进芯片有关的产品");
  await go(page, wechat().url);
  const bare = page.locator(".article__body img").first();
  assert.equal(await bare.getAttribute("alt"), "图片");
  await page.locator('[data-set-ui-lang="en"]').click();
  assert.equal(await bare.getAttribute("alt"), "Image");
  assert.equal(await bare.getAttribute("lang"), "en");
  await ctx.close();
});

test("the table of contents links to headings of the article", async () => {
  const ctx = await context();
  const page = await ctx.newPage();
  let withToc = 0;
  for (const a of articles) {
    await go(page, a.url);
    const targets = await page.locator(".toc a").evaluateAll((as) =>
      as.map((x) => {
        const id = decodeURIComponent((x.getAttribute("href") ?? "").slice(1));
        const el = document.getElementById(id);
        return { id, tag: el?.tagName ?? null, inBody: Boolean(el?.closest(".article__body")), text: x.textContent, heading: el?.textContent ?? null };
      }),
    );
    if (targets.length) withToc++;
    for (const t of targets) {
      assert.match(t.tag ?? "", /^H[1-6]$/, `${a.slug}: #${t.id} is a heading`);
      assert.ok(t.inBody, `${a.slug}: #${t.id} is in the body`);
      assert.equal(t.text, t.heading);
    }
  }
  assert.ok(withToc >= 2, `${withToc} articles have a table of contents`);
  // The WeChat piece has four sections: it gets one. DW's has a single heading: it does not.
  await go(page, wechat().url);
  assert.equal(await page.locator(".toc li").count(), 4);
  await go(page, dw().url);
  assert.equal(await page.locator(".toc").count(), 0);
  await ctx.close();
});

test("older and newer links walk the articles in date order; related articles share an actor or a tag", async () => {
  const ctx = await context();
  const page = await ctx.newPage();
  const bySlugUrl = new Map(articles.map((a) => [a.url, a]));
  const inOrder = [...articles].sort((x, y) => Date.parse(x.date) - Date.parse(y.date));
  // From the oldest, follow "newer" to the end: every article, oldest to newest.
  await go(page, inOrder[0]!.url);
  assert.equal(await page.locator('.article-nav a[rel="prev"]').count(), 0, "the oldest has no older");
  const walked = [new URL(page.url()).pathname];
  while ((await page.locator('.article-nav a[rel="next"]').count()) > 0) {
    await page.locator('.article-nav a[rel="next"]').click();
    await page.waitForLoadState();
    walked.push(new URL(page.url()).pathname);
    assert.ok(walked.length <= articles.length, "no loop");
  }
  assert.deepEqual(walked, inOrder.map((a) => a.url));
  // And back with "older".
  await page.locator('.article-nav a[rel="prev"]').click();
  await page.waitForURL(`**${inOrder.at(-2)!.url}`);

  for (const a of articles) {
    await go(page, a.url);
    const related = await page.locator(".related a[data-related]").evaluateAll((as) => as.map((x) => new URL((x as HTMLAnchorElement).href).pathname));
    assert.ok(related.length >= 1 && related.length <= 5, `${a.slug}: ${related.length} related`);
    assert.ok(!related.includes(a.url), "not itself");
    for (const url of related) {
      const other = bySlugUrl.get(url)!;
      const shared = [...other.actors.filter((x) => a.actors.includes(x)), ...other.tags.filter((x) => a.tags.includes(x))];
      assert.ok(shared.length > 0, `${a.slug} and ${other.slug} share something`);
    }
    // What they share is named, and really is shared.
    const named = await page.locator(".related [data-shared]").evaluateAll((els) => els.map((e) => e.getAttribute("data-shared")!));
    for (const id of named) assert.ok(a.actors.includes(id) || a.tags.includes(id), `${a.slug}: ${id}`);
  }
  await ctx.close();
});

test("printed, an article is its text without the site around it, and the timeline keeps its answers", async () => {
  const ctx = await context({ colorScheme: "dark" });
  const page = await ctx.newPage();
  await page.emulateMedia({ media: "print" });
  await go(page, dw().url);
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.equal(await page.locator(".toc, .article-nav").first().isVisible().catch(() => false), false);
  assert.equal(await page.locator(".article__body").isVisible(), true);
  assert.match(await page.locator(".article__body").innerText(), /出于对国家安全的担忧/);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 255, 255)", "black on white, even in dark mode");
  const after = await page.locator('.article__body a[href^="http"]').first().evaluate((a) => getComputedStyle(a, "::after").content);
  assert.match(after, /https?:\/\//, "external links show their address");

  await go(page, "/timeline/");
  assert.equal(await page.locator(".tl-filters").isVisible(), false);
  assert.equal(await page.locator(".tl-gutter").first().isVisible(), false);
  assert.ok((await page.locator(".tl-card__links").first().isVisible()) === true, "responds to / answered by stay");
  await ctx.close();
});
