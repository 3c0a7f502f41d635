// What search costs a reader on the built site: the built _site served on loopback, /search/
// opened in headless Chromium, queries typed character by character. Measured in the page:
// from the last keystroke to results shown; and the bytes of every response body, the page's
// and its workers' (Pagefind fetches its index from a Web Worker, which the page's CDP Network
// domain does not see, so CDP's encodedDataLength would miss nearly all of it).
import { promises as fs } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";

export interface SearchDeps {
  serve(root: string, prefix?: string): Promise<{ url: string; close(): Promise<void> }>;
  launchBrowser(): Promise<Browser>;
}

export interface QueryFigures {
  query: string;
  /** From the last keystroke to `data-search-state="done"` with results, ms. */
  latencyMs: number;
  /** Response bodies received from the first keystroke to the results, bytes (uncompressed). */
  bytes: number;
  requests: number;
  results: number;
}

export interface TimelineFigures {
  /** Timeline pages, and the largest's size: as written and gzip-compressed (GitHub Pages gzips HTML). */
  pages: number;
  largest: { path: string; bytes: number; gzipBytes: number; events: number };
  /** /timeline/ in Chromium: DOM interactive and load event, ms after navigation start. */
  domInteractiveMs: number;
  loadMs: number;
  /** Scrolling /timeline/ top to bottom in steps, one per animation frame: frames, late ones (> 25 ms) and very late ones (> 50 ms). */
  scroll: { frames: number; dropped: number; over50: number; longestFrameMs: number };
  /** The timeline list's height at the page's viewport width (1,280 px) over its events: px of page an event. */
  pxPerEvent: number;
}

export interface SearchFigures {
  timeline?: TimelineFigures;
  /** Opening /search/ until its first (empty) search is done: scripts, index entry, fold map. */
  pageLoad: { ms: number; bytes: number; requests: number };
  queries: QueryFigures[];
  /** ms between keystrokes. */
  keyDelayMs: number;
}

/** A few Chinese characters and a name, then a different pair. */
export const DEFAULT_QUERIES = ["稀土出口 华为", "半导体 ASML"];

interface BenchWindow {
  __bench: { lastInput: number; done: Array<{ t: number; q: string; n: number }> };
}

export async function measureSearch(siteDir: string, deps: SearchDeps, queries = DEFAULT_QUERIES, keyDelayMs = 150): Promise<SearchFigures> {
  const server = await deps.serve(siteDir);
  const browser = await deps.launchBrowser();
  try {
    const page = await browser.newPage();
    // Each response's body, counted when it has arrived; `settle` waits for the ones under way.
    const net = { bytes: 0, requests: 0, pending: [] as Promise<void>[] };
    page.on("response", (r) => {
      net.pending.push(
        r.body().then(
          (b) => {
            net.bytes += b.length;
            net.requests++;
          },
          () => undefined,
        ),
      );
    });
    const settle = async () => {
      await Promise.all(net.pending);
      net.pending = [];
    };

    const t0 = performance.now();
    await page.goto(`${server.url}search/`);
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: "attached", timeout: 60_000 });
    const loadMs = performance.now() - t0;
    await settle();
    const pageLoad = { ms: loadMs, bytes: net.bytes, requests: net.requests };

    await page.evaluate(() => {
      const w = window as unknown as BenchWindow;
      const list = document.querySelector<HTMLElement>("[data-search-results]")!;
      const input = document.querySelector<HTMLInputElement>("#q")!;
      w.__bench = { lastInput: 0, done: [] };
      input.addEventListener("input", () => (w.__bench.lastInput = performance.now()));
      new MutationObserver(() => {
        if (list.dataset.searchState !== "done") return;
        w.__bench.done.push({ t: performance.now(), q: new URLSearchParams(location.search).get("q") ?? "", n: list.children.length });
      }).observe(list, { attributes: true, attributeFilter: ["data-search-state"] });
    });

    const figures: QueryFigures[] = [];
    const input = page.locator("#q");
    for (const query of queries) {
      if ((await input.inputValue()) !== "") {
        await input.fill("");
        // Let the search for the empty box finish, so its traffic is not counted.
        await page.waitForFunction(() => {
          const d = (window as unknown as BenchWindow).__bench.done;
          return d.length > 0 && d[d.length - 1]!.q === "";
        }, undefined, { timeout: 60_000 });
      }
      await page.evaluate(() => ((window as unknown as BenchWindow).__bench.done = []));
      await settle();
      net.bytes = 0;
      net.requests = 0;
      await input.pressSequentially(query, { delay: keyDelayMs });
      // The first "done" for the whole query after the last keystroke, with results shown.
      const handle = await page
        .waitForFunction(
          (q) => {
            const b = (window as unknown as BenchWindow).__bench;
            const hit = b.done.find((d) => d.q === q && d.n > 0 && d.t >= b.lastInput);
            return hit ? { ...hit, last: b.lastInput } : false;
          },
          query,
          { timeout: 120_000, polling: 20 },
        )
        .catch((e: Error) => {
          throw new Error(`search for "${query}" showed no results within 120 s: ${e.message.split("\n")[0]}`);
        });
      const done = (await handle.jsonValue()) as { t: number; n: number; last: number };
      await settle();
      figures.push({ query, latencyMs: done.t - done.last, bytes: net.bytes, requests: net.requests, results: done.n });
    }
    return { pageLoad, queries: figures, keyDelayMs, timeline: await measureTimeline(siteDir, server.url, page) };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function measureTimeline(siteDir: string, url: string, page: Page): Promise<TimelineFigures> {
  const dir = path.join(siteDir, "timeline");
  const files = [path.join(dir, "index.html"), ...(await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name, "index.html"))];
  let largest = { path: "", bytes: 0, gzipBytes: 0, events: 0 };
  for (const f of files) {
    const html = await fs.readFile(f);
    if (html.length > largest.bytes) {
      largest = { path: `/${path.relative(siteDir, path.dirname(f))}/`, bytes: html.length, gzipBytes: gzipSync(html).length, events: (html.toString("utf8").match(/<article class="tl-card /g) ?? []).length };
    }
  }
  await page.goto(`${url}${largest.path.slice(1)}`, { waitUntil: "load" });
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { domInteractiveMs: n.domInteractive, loadMs: n.loadEventEnd };
  });
  // A string, not a function: tsx would wrap named functions in a helper the page lacks.
  const scroll = (await page.evaluate(SCROLL_SCRIPT)) as TimelineFigures["scroll"];
  const pxPerEvent = (await page.evaluate(`document.querySelector("[data-timeline]").scrollHeight / document.querySelectorAll(".tl-card").length`)) as number;
  return { pages: files.length, largest, ...nav, scroll, pxPerEvent };
}

/** Scrolls the page top to bottom, one step per animation frame, timing the frames. */
const SCROLL_SCRIPT = `new Promise((resolve) => {
  const step = Math.max(200, Math.ceil(document.documentElement.scrollHeight / 600));
  let last = performance.now(), frames = 0, dropped = 0, over50 = 0, longest = 0;
  window.scrollTo(0, 0);
  const tick = (now) => {
    const dt = now - last;
    last = now;
    frames++;
    if (frames > 1) { longest = Math.max(longest, dt); if (dt > 25) dropped++; if (dt > 50) over50++; }
    if (window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2) return resolve({ frames, dropped, over50, longestFrameMs: longest });
    window.scrollBy(0, step);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;
