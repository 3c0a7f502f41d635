// The home page as a reader sees it in Chromium: the overview chart and the counts under it,
// the latest events, the escalation chains, each leading where it says; the chips in the order
// of the interface language; the same without JavaScript, and no sideways scrolling on a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { siteInBrowser } from "../support/site.ts";

const kb = siteInBrowser({ includeDrafts: true }, { index: false });

async function open(pathname: string, opts: Parameters<Browser["newContext"]>[0] = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await kb.browser.newContext(opts);
  const page = await ctx.newPage();
  await page.goto(kb.server.url + pathname.replace(/^\//, ""));
  return { ctx, page };
}

/** Events per year and side, counted from the dataset the build wrote, not from the chart's code. */
function expectedCounts(): Map<string, { us: number; cn: number; other: number }> {
  const counts = new Map<string, { us: number; cn: number; other: number }>();
  for (const e of kb.site.ingest.events) {
    const y = e.date.start.slice(0, 4);
    (counts.get(y) ?? counts.set(y, { us: 0, cn: 0, other: 0 }).get(y)!)[e.side]++;
  }
  return counts;
}

/** The table of counts as the page shows it: year → [us, cn, other, total]. */
async function tableCounts(page: Page): Promise<Map<string, number[]>> {
  const rows = await page.locator(".home__counts tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th")!.textContent!.trim(), ...Array.from(tr.querySelectorAll("td"), (td) => Number(td.textContent))] as [string, ...number[]]),
  );
  return new Map(rows.map(([y, ...n]) => [y, n]));
}

/** The chips' names in the order shown (the count left out). */
async function chipNames(page: Page, nth: number): Promise<string[]> {
  return page
    .locator(".entry-points ul.chips")
    .nth(nth)
    .locator("li > a")
    .evaluateAll((as) => as.map((a) => Array.from(a.childNodes).filter((n) => !(n instanceof Element && n.classList.contains("count"))).map((n) => n.textContent).join("").trim()));
}

const sortedBy = (names: string[], locale: string) => [...names].sort(new Intl.Collator(locale, { numeric: true, sensitivity: "base" }).compare);

test("the home page shows the chart, the counts by year and side, the latest events and the chains", async () => {
  const { ctx, page } = await open("/", { viewport: { width: 1280, height: 900 } });
  const expected = expectedCounts();
  assert.ok(await page.locator("svg.ov__chart").isVisible());
  // Every year with events is a link on the chart, named with its counts.
  const links = await page.locator("a.ov__year").evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href"), label: a.getAttribute("aria-label") })));
  assert.deepEqual(links.map((l) => l.href).sort(), [...expected.keys()].map((y) => `/timeline/#year-${y}`).sort());
  const y2019 = expected.get("2019")!;
  assert.ok(links.some((l) => l.label === `2019 年：美国及盟友 ${y2019.us}，中国 ${y2019.cn}，其他 ${y2019.other}`), JSON.stringify(links.slice(0, 3)));
  // The table says the same in numbers.
  const table = await tableCounts(page);
  assert.equal(table.size, expected.size);
  for (const [y, c] of expected) assert.deepEqual(table.get(y), [c.us, c.cn, c.other, c.us + c.cn + c.other], y);
  // US bars rise above the axis, China's hang below it.
  const geometry = {
    axis: (await page.locator(".ov__axis--us").boundingBox())!.y,
    us: await page.locator(".ov__bar--us").evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().toJSON() as DOMRect)),
    cn: await page.locator(".ov__bar--cn").evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().toJSON() as DOMRect)),
  };
  assert.ok(geometry.us.length > 10 && geometry.cn.length > 10);
  assert.ok(geometry.us.every((r) => r.bottom <= geometry.axis + 1 && r.height > 0));
  assert.ok(geometry.cn.every((r) => r.top >= geometry.axis - 1 && r.height > 0));
  // The latest events, newest first, beginning with the newest of all.
  const dates = await page.locator(".home-event .meta time").first().evaluate(() => Array.from(document.querySelectorAll(".home-event > .meta > time:first-child"), (t) => t.getAttribute("datetime")!));
  assert.equal(dates.length, 8);
  const newest = kb.site.ingest.events.at(-1)!;
  assert.equal(dates[0], newest.date.value);
  const starts = dates.map((d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d));
  assert.deepEqual(starts, [...starts].sort().reverse());
  assert.equal(await page.locator(".home-event").first().locator(".status").count(), newest.status ? 1 : 0);
  // Chains: the longest first, each a run of answers with its lags.
  const sizes = new Map<string, number>();
  for (const e of kb.site.ingest.events) sizes.set(e.chain, (sizes.get(e.chain) ?? 0) + 1);
  const biggest = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const firstChain = page.locator(".home-chain").first();
  assert.equal(await firstChain.locator("[data-chain-link]").getAttribute("data-chain-link"), biggest[0]);
  assert.match((await firstChain.locator(".home-chain__facts").textContent())!, new RegExp(`${biggest[1]} 个事件`));
  assert.ok((await firstChain.locator(".chain-step").count()) >= 3);
  assert.ok((await firstChain.locator(".chain-step__lag").count()) >= 2);
  // The downloads and feeds are there and answer.
  const files = await page.locator(".home-files a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  assert.ok(files.some((f) => f.endsWith("/api/timeline.csv")) && files.some((f) => f.endsWith("/feeds/events.xml")));
  for (const f of files) assert.equal((await page.request.get(f)).status(), 200, f);
  await ctx.close();
});

test("a year on the chart leads to that year on the timeline; a chain's link to the timeline with that chain", async () => {
  const { ctx, page } = await open("/", { viewport: { width: 1280, height: 900 } });
  // Reached with the keyboard like any link.
  const year = page.locator('a.ov__year[href$="#year-2019"]');
  await year.focus();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), "/timeline/#year-2019");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/timeline\/#year-2019$/);
  const heading = page.locator("#year-2019");
  assert.equal(await heading.count(), 1, "the timeline has the year's anchor");
  assert.ok(await heading.isVisible());
  const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= -2 && top < 300, `scrolled to the year: top ${top}`);

  await page.goto(kb.server.url);
  const link = page.locator("[data-chain-link]").first();
  const id = (await link.getAttribute("data-chain-link"))!;
  await link.click();
  await page.waitForURL((u) => u.pathname === "/timeline/" && u.searchParams.get("chain") === id && u.hash === `#${id}`);
  assert.ok(await page.locator(`[id="${id}"]`).isVisible(), "the chain's first event is on the page");
  await ctx.close();
});

test("switching to English puts the chips in the order of their English names, and back", async () => {
  const { ctx, page } = await open("/");
  const hrefs = (nth: number) => page.locator(".entry-points ul.chips").nth(nth).locator("li > a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const zhHrefs: Array<Array<string | null>> = [];
  for (const nth of [0, 1]) {
    const zh = await chipNames(page, nth);
    assert.ok(zh.length > 5);
    assert.deepEqual(zh, sortedBy(zh, "zh"), "by pinyin");
    zhHrefs.push(await hrefs(nth));
  }
  await page.locator('[data-set-ui-lang="en"]').click();
  for (const nth of [0, 1]) {
    const en = await chipNames(page, nth);
    assert.deepEqual(en, sortedBy(en, "en"), "by English name");
    assert.notDeepEqual(await hrefs(nth), zhHrefs[nth], "the chips moved: the two orders differ on this content");
    assert.deepEqual([...(await hrefs(nth))].sort(), [...zhHrefs[nth]!].sort(), "the same chips");
  }
  // A reload keeps English, and its order.
  await page.reload();
  const again = await chipNames(page, 1);
  assert.deepEqual(again, sortedBy(again, "en"));
  await page.locator('[data-set-ui-lang="zh-Hans"]').click();
  const back = await chipNames(page, 1);
  assert.deepEqual(back, sortedBy(back, "zh"));
  await ctx.close();
});

test("without JavaScript the home page is whole: chart, links, counts, events, chains, chips in the Chinese order", async () => {
  const { ctx, page } = await open("/", { javaScriptEnabled: false });
  assert.ok(await page.locator("svg.ov__chart").isVisible());
  assert.equal(await page.locator("a.ov__year").count(), expectedCounts().size);
  assert.equal((await tableCounts(page)).size, expectedCounts().size);
  assert.equal(await page.locator(".home-event").count(), 8);
  assert.ok((await page.locator(".home-chain").count()) >= 2);
  const zh = await chipNames(page, 0);
  assert.deepEqual(zh, sortedBy(zh, "zh"));
  await page.locator('a.ov__year[href$="#year-2024"]').click();
  await page.waitForURL(/\/timeline\/#year-2024$/);
  assert.ok(await page.locator("#year-2024").isVisible());
  await ctx.close();
});

test("at 375 px, light and dark, with and without JavaScript: no sideways scrolling, the chart within the page", async () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      for (const path of ["/", "/timeline/"]) {
        const { ctx, page } = await open(path, { viewport: { width: 375, height: 800 }, colorScheme, javaScriptEnabled });
        const where = `${path} ${colorScheme} js=${javaScriptEnabled}`;
        const chart = await page.locator("svg.ov__chart").boundingBox();
        assert.ok(chart && chart.x >= 0 && chart.x + chart.width <= 375 && chart.height > 60, `${where}: ${JSON.stringify(chart)}`);
        // Each year's label is drawn (narrow labels: "19" for 2019) and no two overlap.
        const labels = await page.locator(".ov__label").evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => [r.left, r.right]));
        assert.ok(labels.length >= 8, `${where}: ${labels.length} labels`);
        for (let i = 1; i < labels.length; i++) assert.ok(labels[i]![0]! >= labels[i - 1]![1]!, `${where}: labels ${i - 1} and ${i} overlap`);
        if (path === "/") {
          const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.equal(sideways, 0, where);
        }
        await ctx.close();
      }
    }
  }
});
