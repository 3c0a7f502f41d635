// A large corpus renders in slices and gets the postings index; the site must be the same as from
// one render with Pagefind: every page byte for byte, and the same search results in Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { articleTextBytes, formatRenderSlice, parseRenderSlice, planSlices, sliceCount, sliceOf } from "../../src/site/slices.ts";
import { buildSiteInChild, serve } from "../support/site.ts";
import { launchBrowser, showAllResults } from "../support/browser.ts";

test("slices: i/n parsed and checked; the parts of all slices are every item once, in order", () => {
  assert.deepEqual(parseRenderSlice(undefined), { index: 0, count: 1 });
  assert.deepEqual(parseRenderSlice("2/8"), { index: 2, count: 8 });
  for (const bad of ["8/8", "1/0", "a/b", "3"]) assert.throws(() => parseRenderSlice(bad), /KB_RENDER_SLICE/);
  const items = Array.from({ length: 23 }, (_, i) => i);
  for (const count of [1, 2, 5, 23, 30]) {
    const parts = Array.from({ length: count }, (_, index) => sliceOf(items, { index, count }));
    assert.deepEqual(parts.flat(), items);
    assert.ok(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length)) <= 1);
  }
  assert.equal(sliceCount(0, 1500), 1);
  assert.equal(sliceCount(1500, 1500), 1);
  // Beyond one slice, the pages that exist once get a slice of their own.
  assert.equal(sliceCount(1501, 1500), 3);
  assert.equal(sliceCount(12000, 1500), 9);
});

test("slices: a slice may name its articles, and is written back as it was read", () => {
  assert.deepEqual(parseRenderSlice("3/11:120-245"), { index: 3, count: 11, articles: [120, 245] });
  for (const v of ["3/11:120-245", "0/1", "2/8:0-0"]) assert.equal(formatRenderSlice(parseRenderSlice(v)), v);
  assert.throws(() => parseRenderSlice("3/11:245-120"), /KB_RENDER_SLICE/);
  assert.equal(articleTextBytes({ wordCount: 1000, lang: "zh-Hans" }), 3000);
  assert.equal(articleTextBytes({ wordCount: 1000, lang: "en" }), 6000);
});

test("slices are bounded in items and in bytes: 1,000 notes of 1 MB are not one slice", () => {
  const limits = { items: 1000, bytes: 64e6 };
  // Small notes: by count, as before.
  assert.deepEqual(planSlices(new Array(1000).fill(6000), 0, limits), { count: 1 });
  assert.equal(planSlices(new Array(10_000).fill(6000), 2000, limits).count, sliceCount(12_000, 1000));
  // 1,000 notes of 1 MB: 64 MB a slice.
  const big = planSlices(new Array(1000).fill(1e6), 0, limits);
  assert.equal(big.count, 17);
  // A mix: every slice within the limits, give or take one article; every article once, in order.
  const sizes = Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 ? 1.1e6 : i % 7 === 0 ? 200_000 : 20_000));
  const plan = planSlices(sizes, 300, limits);
  const parts = plan.articles!;
  assert.equal(parts.length, plan.count);
  assert.deepEqual(parts[0], [0, 0], "slice 0 renders the pages that exist once");
  for (let k = 1; k < parts.length; k++) {
    assert.equal(parts[k]![0], parts[k - 1]![1], "contiguous");
    const bytes = sizes.slice(parts[k]![0], parts[k]![1]).reduce((s, b) => s + b, 0);
    assert.ok(bytes <= limits.bytes + 1.1e6, `slice ${k}: ${bytes} bytes`);
    assert.ok(parts[k]![1] - parts[k]![0] <= limits.items + 1, `slice ${k}: ${parts[k]![1] - parts[k]![0]} articles`);
  }
  assert.equal(parts.at(-1)![1], sizes.length);
  // Few items and few bytes: one slice, the whole site.
  assert.deepEqual(planSlices([1e6, 2e6], 10, limits), { count: 1 });
});

let whole: string;
let sliced: string;
let slicedStdout: string;
let browser: Browser;
const servers: Array<Awaited<ReturnType<typeof serve>>> = [];

before(async () => {
  [whole, { dir: sliced, stdout: slicedStdout }] = await Promise.all([
    buildSiteInChild({ KB_INCLUDE_DRAFTS: "1" }).then((b) => b.dir),
    buildSiteInChild({ KB_INCLUDE_DRAFTS: "1", KB_RENDER_SLICE_ITEMS: "7", KB_PAGEFIND_MAX_WORDS: "4000" }),
  ]);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

async function files(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const rel = path.relative(dir, full);
      // The search index differs on purpose: Pagefind's for one, our postings index for the other.
      if (rel === "pagefind" || rel === path.join("search", "ix") || rel === path.join("search", "index.json")) continue;
      if (e.isDirectory()) await walk(full);
      else out.set(rel, await fs.readFile(full));
    }
  };
  await walk(dir);
  return out;
}

test("six render slices (five of paged pages, one of the pages that exist once) and the postings index give the pages of one render, byte for byte", async () => {
  assert.match(slicedStdout, /render: 6 slices; index: postings in \d+ chunks, started on the core the render's last slice left free/);
  const [a, b] = await Promise.all([files(whole), files(sliced)]);
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [rel, bytes] of a) assert.ok(bytes.equals(b.get(rel)!), rel);
  assert.ok(a.size > 150);
});

test("the postings index finds in Chromium what Pagefind finds, newest first when sorted by date", async () => {
  const results = async (dir: string, query: string) => {
    const server = await serve(dir);
    servers.push(server);
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?${query}`);
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: "attached" });
    await showAllResults(page);
    const links = await page.locator("[data-search-results] li > a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const times = await page.locator("[data-search-results] li time").allInnerTexts();
    await page.close();
    return { links, times };
  };
  for (const query of ["q=%E7%A8%80%E5%9C%9F%E5%87%BA%E5%8F%A3%20%E5%8D%8E%E4%B8%BA", "q=%E5%87%BA%E5%8F%A3&type=article&sort=date", "q=Huawei"]) {
    const [one, postings] = await Promise.all([results(whole, query), results(sliced, query)]);
    assert.ok(one.links.length > 0, query);
    assert.deepEqual([...postings.links].sort(), [...one.links].sort(), query);
    if (query.includes("sort=date")) assert.deepEqual(postings.times, [...postings.times].sort().reverse());
  }
});

test("a slice that fails stops the render with the slice named and the worker's error, instead of hanging", { timeout: 120_000 }, async () => {
  const { renderSite } = await import("../../src/build.ts");
  const { loadConfig } = await import("../../src/config.ts");
  const tmp = await fs.mkdtemp(path.join((await import("node:os")).tmpdir(), "kb-slice-fail-"));
  try {
    const dataDir = path.join(tmp, "data");
    await fs.mkdir(dataDir);
    // A summary that asks for three slices and a dataset that cannot be read.
    await fs.writeFile(path.join(dataDir, "summary.json"), JSON.stringify({ articles: 5, events: 0, draftsSkipped: 0, includeDrafts: false, warnings: 0, errors: 0 }));
    await fs.writeFile(path.join(dataDir, "dataset.json"), '{"articles": [');
    const cfg = loadConfig({ ...process.env, KB_DATA_DIR: dataDir, KB_OUTPUT_DIR: path.join(tmp, "site"), KB_RENDER_SLICE_ITEMS: "3" });
    await assert.rejects(renderSite(cfg), (e: Error) => {
      assert.match(e.message, /render slice \d\/3 failed/);
      assert.match(e.message, /JSON/);
      return true;
    });
  } finally {
    // A worker process may still be ending, its last files landing: retried, not raced.
    await fs.rm(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});
