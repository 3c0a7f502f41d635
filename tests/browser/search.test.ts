// Search in Chromium on the built site: one search over every kind of page, both scripts,
// both languages, filters and sort in the URL, the "/" shortcut, highlighting on the page a
// reader opens, the no-JavaScript fallback, and a site served under /kb/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { promises as fs } from "node:fs";
import path from "node:path";
import { buildSite, buildSiteInChild, serve, type BuiltSite } from "../support/site.ts";
import { launchBrowser, showAllResults } from "../support/browser.ts";
import { indexSite } from "../../src/build.ts";
import { loadSearch } from "../../src/search/node-search.ts";
import { runSearch, RESULTS_PER_PAGE } from "../../src/search/engine.ts";
import { QUERIES } from "../search/queries.ts";

let site: BuiltSite;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

before(async () => {
  site = await buildSite({ includeDrafts: true });
  server = await serve(site.dir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every result's path, "more" pressed until all are shown. */
async function search(page: Page, base: string, query: string): Promise<string[]> {
  await page.goto(`${base}search/?${query}`);
  await page.waitForSelector('[data-search-results][data-search-state="done"]', { timeout: 15000 });
  await showAllResults(page);
  return page.locator("[data-search-results] a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

const articleUrl = (raw: string) => site.ingest.articles.find((a) => a.article.raw === raw)!.article.url;

test("one search finds articles, events, actors and tags, whatever the script or language", async () => {
  const page = await browser.newPage();
  const cases: Array<[string, string[]]> = [
    ["q=" + encodeURIComponent("華為"), [articleUrl("raw/002_71498972dcc4fdd5.txt"), "/actors/huawei/", "/events/2025-05-13-us-bis-huawei-ascend-guidance/"]],
    ["q=Huawei", [articleUrl("raw/002_71498972dcc4fdd5.txt"), "/actors/huawei/"]],
    ["q=" + encodeURIComponent("晶片"), [articleUrl("raw/000_d67bebb5f1f79fa8.txt"), "/tags/chips/"]],
    ["q=" + encodeURIComponent("曝光機"), [articleUrl("raw/003_38e325384dfded78.txt"), "/tags/lithography/"]],
    ["q=gallium", [articleUrl("raw/004_d320378eb413a6c9.txt"), "/events/2023-07-03-cn-mofcom-2023-23-gallium-germanium/", "/tags/gallium/"]],
    ["q=Micron", [articleUrl("raw/004_d320378eb413a6c9.txt"), "/actors/micron/"]],
    ["q=" + encodeURIComponent("Entity List"), ["/events/2024-12-02-us-bis-entity-list-140/", "/tags/entity-list/"]],
    ["q=" + encodeURIComponent("rare earth"), [articleUrl("raw/001_0f687606ae77ce11.txt"), "/tags/rare-earths/"]],
  ];
  for (const [q, expected] of cases) {
    const got = await search(page, server.url, q);
    for (const url of expected) assert.ok(got.includes(url), `${decodeURIComponent(q)} finds ${url}; got ${got.join(" ")}`);
  }
  await page.close();
});

test("results with the query's words apart come after the query's own, under a line that says so", async () => {
  const page = await browser.newPage();
  const node = await loadSearch(site.dir);
  const out = await runSearch(node.index, { q: "稀土出口", filters: {}, sort: "relevance" }, node.map, node.aliases);
  assert.ok(out.looserFrom > 0 && out.results.length > out.looserFrom, `own ${out.looserFrom}, with the words apart ${out.results.length - out.looserFrom}`);
  const got = await search(page, server.url, `q=${encodeURIComponent("稀土出口")}`);
  const line = page.locator("[data-search-results] li.search-looser");
  assert.equal(await line.count(), 1);
  assert.match(await line.innerText(), new RegExp(`${out.results.length - out.looserFrom}`));
  // The line stands after the query's own results, and every result is shown once.
  const before = await page.locator("[data-search-results] li.search-looser ~ li a").count();
  assert.equal(before, out.results.length - out.looserFrom);
  assert.equal(new Set(got).size, got.length);
  await page.close();
});

test("results behind \"more\" still load after the browser has collected garbage", async () => {
  // Pagefind lets go of a result's data once the result object it returned is collected: a
  // page holding only a copy of it loaded nothing behind "more", at random, whenever a
  // collection came between the search and the press. Collected on purpose here.
  const page = await browser.newPage();
  try {
    const q = "稀土出口";
    const node = await loadSearch(site.dir);
    assert.equal(node.engine, "pagefind");
    const out = await runSearch(node.index, { q, filters: {}, sort: "relevance" }, node.map, node.aliases);
    assert.ok(out.results.length > RESULTS_PER_PAGE && out.results.length > out.looserFrom, "results behind 'more', some of them the looser reading's");
    await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { timeout: 15000 });
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
      await page.waitForTimeout(100);
    }
    await showAllResults(page);
    const entities = new Set(out.parsed.entities.map((e) => `/${e.kind === "actor" ? "actors" : "tags"}/${e.id}/`));
    const all = (await Promise.all(out.results.map((r) => r.data()))).map((d) => d.url).filter((u) => !entities.has(u));
    const shown = await page.locator("[data-search-results] li:not(.search-entity):not(.search-looser) > a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.deepEqual(shown, all);
  } finally {
    await page.close();
  }
});

test("台积电 returns the pages that say it, not pages that only share a character", async () => {
  const page = await browser.newPage();
  const got = await search(page, server.url, "q=" + encodeURIComponent("台积电"));
  for (const url of [articleUrl("raw/002_71498972dcc4fdd5.txt"), "/actors/tsmc/"]) assert.ok(got.includes(url), `台积电 finds ${url}`);
  // Every page found names TSMC in one of its spellings; none only shares the character 台 or 电.
  for (const url of got) {
    const html = await fs.readFile(path.join(site.dir, decodeURIComponent(url), "index.html"), "utf8");
    assert.match(html, /台积电|台積電|TSMC/, `${url} says 台积电`);
  }
  const nanjing = await search(page, server.url, "q=" + encodeURIComponent("南京工厂"));
  assert.deepEqual(nanjing, [articleUrl("raw/002_71498972dcc4fdd5.txt")]);
  const excerpt = await page.locator("[data-search-results] li .search-excerpt mark").first().innerText();
  assert.equal(excerpt, "南京工厂");
  await page.close();
});

// The precision and recall figures are measured in Node (tests/search/quality.test.ts); they
// hold for readers only if Chromium's Pagefind answers the same queries with the same pages.
// (It once did not: Pagefind took the page's zh-Hans and split the queries a second time.)
/** A copy of the site indexed by our postings index (what a large collection gets), made once. */
let postings: Promise<string> | undefined;
function postingsSite(): Promise<string> {
  postings ??= (async () => {
    const large = path.join(path.dirname(site.dir), "postings-site");
    await fs.cp(site.dir, large, { recursive: true });
    const figures = await indexSite({ ...site.cfg, outputDir: large, pagefindMaxWords: 4000 });
    assert.equal(figures.engine, "postings");
    await fs.access(path.join(large, "pagefind")).then(() => assert.fail("the Pagefind bundle of the copied site is removed"), () => undefined);
    return large;
  })();
  return postings;
}

test("a batch of results that fails to load stays behind \"more\", and the next press loads it", async () => {
  const dir = await postingsSite();
  const srv = await serve(dir);
  const page = await browser.newPage();
  try {
    const q = "实体清单";
    const node = await loadSearch(dir);
    const out = await runSearch(node.index, { q, filters: {}, sort: "relevance" }, node.map, node.aliases);
    assert.ok(out.results.length > RESULTS_PER_PAGE, `${q} has more than one page of results`);
    await page.goto(`${srv.url}search/?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { timeout: 15000 });
    const links = page.locator("[data-search-results] li:not(.search-entity) > a");
    const before = await links.count();
    // The next batch's first record cannot be fetched, once.
    let dropped = 0;
    await page.route("**/*.kbr", (route) => (dropped++ === 0 ? route.abort("connectionreset") : route.continue()));
    await page.locator("[data-search-more]").click();
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: "attached" });
    assert.equal(dropped > 0, true, "a record was asked for");
    assert.equal(await links.count(), before, "nothing of the failed batch is shown");
    assert.equal(await page.locator("[data-search-more]").isVisible(), true, '"more" stays for the batch that failed');
    await showAllResults(page);
    const entities = new Set(out.parsed.entities.map((e) => `/${e.kind === "actor" ? "actors" : "tags"}/${e.id}/`));
    const all = (await Promise.all(out.results.map((r) => r.data()))).map((d) => d.url).filter((u) => !entities.has(u));
    const everything = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    assert.deepEqual(everything, all, "pressed again, every result is shown once, in order");
  } finally {
    await page.close();
    await srv.close();
  }
});

test("in Chromium every query of the quality list finds what the same engine finds in Node, with Pagefind and with our postings index", async () => {
  const large = await postingsSite();
  const page = await browser.newPage();
  for (const dir of [site.dir, large]) {
    const node = await loadSearch(dir);
    const { map, aliases } = node;
    const srv = dir === site.dir ? server : await serve(dir);
    try {
      for (const c of QUERIES) {
        const out = await runSearch(node.index, { q: c.q, filters: {}, sort: "relevance" }, map, aliases);
        const entities = new Set(out.parsed.entities.map((e) => `/${e.kind === "actor" ? "actors" : "tags"}/${e.id}/`));
        const all = (await Promise.all(out.results.map((r) => r.data()))).map((d) => d.url).filter((u) => !entities.has(u));
        const first = (await Promise.all(out.results.slice(0, RESULTS_PER_PAGE).map((r) => r.data()))).map((d) => d.url).filter((u) => !entities.has(u));
        await page.goto(`${srv.url}search/?q=${encodeURIComponent(c.q)}`);
        await page.waitForSelector('[data-search-results][data-search-state="done"]', { timeout: 15000 });
        const total = Number(await page.locator("[data-search-results]").getAttribute("data-search-total"));
        const shown = await page.locator("[data-search-results] li:not(.search-entity) > a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        const where = `${c.q} (${node.engine})`;
        assert.ok(out.results.length > 0, `${where}: Node finds something`);
        assert.equal(total, out.results.length, `${where}: as many results in Chromium as in Node`);
        assert.deepEqual(shown, first, `${where}: the same first page, in the same order`);
        // "More" shows the rest, in Node's order, each once.
        await showAllResults(page);
        const everything = await page.locator("[data-search-results] li:not(.search-entity) > a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        assert.deepEqual(everything, all, `${where}: "more" shows every result in order`);
      }
    } finally {
      if (srv !== server) await srv.close();
    }
  }
  await page.close();
});

test("while an input method composes, nothing is searched; the characters chosen are", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/`);
  await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: "attached" });
  await page.focus("#q");
  const cdp = await page.context().newCDPSession(page);
  for (const text of ["x", "xi", "xit", "xitu"]) {
    await cdp.send("Input.imeSetComposition", { text, selectionStart: text.length, selectionEnd: text.length });
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(500);
  assert.equal(await page.inputValue("#q"), "xitu", "the composition is in the box");
  assert.equal(new URL(page.url()).searchParams.get("q"), null, "no search for the keystrokes");
  await cdp.send("Input.insertText", { text: "稀土" });
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "稀土");
  await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: "attached" });
  assert.ok((await page.locator("[data-search-results] li").count()) > 0);
  await page.close();
});

test("filters and sort live in the URL and reproduce a search", async () => {
  const page = await browser.newPage();
  const events = await search(page, server.url, `q=${encodeURIComponent("稀土")}&type=event&year=2025&sort=date`);
  assert.ok(events.length >= 3);
  assert.ok(events.every((u) => u.startsWith("/events/2025-")), events.join(" "));
  assert.deepEqual(events, [...events].sort().reverse(), "newest first");
  assert.equal(await page.locator('select[name="type"]').inputValue(), "event");
  assert.equal(await page.locator('select[name="sort"]').inputValue(), "date");
  await page.locator('select[name="type"]').selectOption("article");
  await page.waitForFunction(() => location.search.includes("type=article"));
  await page.waitForSelector('[data-search-results][data-search-state="done"]');
  const articles = await page.locator("[data-search-results] a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  assert.ok(articles.length >= 1 && articles.every((u) => u.startsWith("/articles/")));
  const byActor = await search(page, server.url, "actor=us-bis&type=event");
  assert.ok(byActor.includes("/events/2024-12-02-us-bis-fdpr-hbm-chipmaking-equipment/"));
  const byTag = await search(page, server.url, "tag=gallium&jurisdiction=CN");
  assert.ok(byTag.includes("/events/2024-12-03-cn-mofcom-2024-46-dual-use-ban-us/"));
  await page.close();
});

test("'/' focuses the search box on any page, and Enter searches", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}timeline/`);
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "q");
  await page.keyboard.type("華為");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\/\?q=/);
  await page.waitForSelector('[data-search-results][data-search-state="done"]');
  assert.ok((await page.locator("[data-search-results] a").count()) >= 3);
  await page.close();
});

test("中兴, 中興 and ZTE find the pages about ZTE and nothing that only shares 中; in English, results show English titles and dates as the pages write them", async () => {
  const page = await browser.newPage();
  for (const q of ["中兴", "中興", "ZTE"]) {
    const got = await search(page, server.url, "q=" + encodeURIComponent(q));
    assert.ok(got.includes("/actors/zte/") && got.includes("/events/2018-04-15-us-bis-zte-denial-order/"), `${q}: ${got.join(" ")}`);
    for (const url of got) {
      const html = await fs.readFile(path.join(site.dir, decodeURIComponent(url), "index.html"), "utf8");
      assert.match(html, /中兴|中興|ZTE/, `${q} → ${url} is about ZTE`);
    }
  }
  assert.deepEqual(await search(page, server.url, "q=" + encodeURIComponent("中蚓")), [], "a pair no page has finds nothing");
  // Chinese interface: Chinese titles, dates as 年月日.
  await search(page, server.url, "q=ZTE");
  const event = page.locator('[data-search-results] li:has(> a[href^="/events/2018-04-15-us-bis-zte-denial-order/"])');
  assert.equal(await event.locator("> a").innerText(), "美国商务部激活对中兴通讯的拒绝出口令");
  assert.equal(await event.locator("time").innerText(), "2018年4月16日");
  // The status names what was matched as its page calls it, not as the query was folded ("zte").
  assert.match(await page.locator("[data-search-status]").innerText(), /中兴/);
  assert.doesNotMatch(await page.locator("[data-search-status]").innerText(), /\bzte\b/);
  // Switching to English rewrites the results: English titles, descriptions and dates, as many
  // results as were shown (the later ones loaded with "more" too).
  const shownBefore = await page.locator("[data-search-results] li").count();
  await page.locator('[data-set-ui-lang="en"]').click();
  await page.waitForFunction(() => document.querySelector('[data-search-results] li a[href^="/events/2018-04-15"]')?.textContent?.includes("ZTE"));
  assert.equal(await page.locator("[data-search-results] li").count(), shownBefore);
  assert.equal(await event.locator("> a").innerText(), "US BIS activates the suspended denial order against ZTE");
  assert.equal(await event.locator("> a").getAttribute("lang"), "en");
  assert.equal(await event.locator("time").innerText(), "16 April 2018");
  assert.match(await event.locator(".search-excerpt").innerText(), /^On 15 April 2018/);
  assert.equal(await page.locator("[data-search-results] li.search-entity a").innerText(), "ZTE");
  // Snippets end between words.
  const eventHtml = await fs.readFile(path.join(site.dir, "events/2018-04-15-us-bis-zte-denial-order/index.html"), "utf8");
  const last = /([A-Za-z]+)\W*(?:…)?$/.exec(await event.locator(".search-excerpt").innerText())![1]!;
  assert.match(eventHtml, new RegExp(`\\b${last}\\b`), `the excerpt ends with a whole word: ${last}`);
  const terminated = page.locator('[data-search-results] li:has(> a[href^="/events/2018-07-13"]) time');
  assert.equal(await terminated.innerText(), "13 July 2018");
  await page.locator('[data-set-ui-lang="zh-Hans"]').click();
  await page.waitForFunction(() => document.querySelector('[data-search-results] li a[href^="/events/2018-04-15"]')?.textContent?.includes("中兴"));
  await page.close();
});

test("the page a reader opens from a result highlights what was searched, in its own script", async () => {
  const page = await browser.newPage();
  await search(page, server.url, "q=" + encodeURIComponent("華為"));
  const target = articleUrl("raw/002_71498972dcc4fdd5.txt");
  await page.locator(`[data-search-results] a[href^="${target}"]`).click();
  await page.waitForSelector("mark.search-hit");
  const marks = await page.locator(".article__body mark.search-hit").allInnerTexts();
  assert.ok(marks.length >= 2 && marks.every((m) => m === "华为"), marks.join(","));
  await page.close();
});

test("without JavaScript the search page says so and points to the tag and actor indexes", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}search/?q=x`);
  const text = await page.locator("main").innerText();
  assert.match(text, /JavaScript/);
  assert.equal(await page.locator('main a[href="/tags/"]').count(), 1);
  assert.equal(await page.locator('main a[href="/actors/"]').count(), 1);
  await context.close();
});

test("under a /kb/ path prefix, search runs and every result link stays inside /kb/ and opens", async () => {
  const prefixed = await buildSiteInChild({ KB_INCLUDE_DRAFTS: "1", KB_PATH_PREFIX: "/kb/" });
  const srv = await serve(prefixed.dir, "/kb/");
  try {
    const page = await browser.newPage();
    const base = srv.url;
    const got = await search(page, base, "q=" + encodeURIComponent("稀土"));
    assert.ok(got.length >= 5);
    for (const u of got) assert.ok(u.startsWith("/kb/"), u);
    const res = await page.goto(new URL(got[0]!, base).href);
    assert.equal(res?.status(), 200);
    const api = await page.goto(`${base}api/articles.json`);
    const rows = (await api!.json()) as Array<{ url: string }>;
    assert.ok(rows.every((r) => r.url.startsWith("/kb/")));
    await page.close();
  } finally {
    await srv.close();
  }
});
