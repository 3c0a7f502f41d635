// A large corpus renders in slices and gets the postings index; the site must be the same as from
// one render with Pagefind: every page byte for byte, and the same search results in Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { buildSiteInChild, serve } from "../support/site.ts";
import { launchBrowser, showAllResults } from "../support/browser.ts";
import { ROOT } from "../../src/config.ts";

let whole: string;
let sliced: string;
let slicedStdout: string;
let beside: string;
let besideStdout: string;
let browser: Browser;
const servers: Array<Awaited<ReturnType<typeof serve>>> = [];

before(async () => {
  // Five slices of paged pages, however many articles and events the shipped content has.
  const shipped = path.join(ROOT, "content");
  const items = (await fs.readdir(path.join(shipped, "articles"))).filter((f) => f.endsWith(".md")).length + (await fs.readdir(path.join(shipped, "events"))).filter((f) => f.endsWith(".md")).length;
  const slices = { KB_INCLUDE_DRAFTS: "1", KB_RENDER_SLICE_ITEMS: String(Math.ceil(items / 5)), KB_PAGEFIND_MAX_WORDS: "4000" };
  [whole, { dir: sliced, stdout: slicedStdout }, { dir: beside, stdout: besideStdout }] = await Promise.all([
    buildSiteInChild({ KB_INCLUDE_DRAFTS: "1" }).then((b) => b.dir),
    buildSiteInChild(slices),
    // One render job: the index is built beside the render from its start.
    buildSiteInChild({ ...slices, KB_RENDER_JOBS: "1", KB_INDEX_THREADS: "1" }),
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

test("with one render job the index is built beside the render from its start, and the site is the same", async () => {
  assert.match(besideStdout, /render: 6 slices; index: postings in \d+ chunks, built beside the render/);
  const [a, b] = await Promise.all([files(sliced), files(beside)]);
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [rel, bytes] of a) assert.ok(bytes.equals(b.get(rel)!), rel);
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
    // The dates as written for machines: the text is 2025年10月14日, which does not sort.
    const times = await page.locator("[data-search-results] li time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));
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
  const { renderSite } = await import("../../src/build/render.ts");
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
