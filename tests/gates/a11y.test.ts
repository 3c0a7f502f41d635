// Gate: axe-core in Chromium on every page type, in light and in dark: zero violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { buildSiteInChild, serve } from "../support/site.ts";
import { launchBrowser } from "../support/browser.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser: Browser;
let srv: Awaited<ReturnType<typeof serve>>;
let pages: Record<string, string>;

before(async () => {
  const site = await buildSiteInChild({ KB_INCLUDE_DRAFTS: "1" });
  srv = await serve(site.dir);
  browser = await launchBrowser();
  const articles = JSON.parse(readFileSync(`${site.dir}/api/articles.json`, "utf8")) as Array<{ url: string }>;
  pages = {
    home: "",
    article: articles[0]!.url.slice(1),
    event: "events/2024-12-03-cn-mofcom-2024-46-dual-use-ban-us/",
    actor: "actors/us-bis/",
    tag: "tags/rare-earths/",
    timeline: "timeline/",
    search: `search/?q=${encodeURIComponent("稀土")}`,
    notFound: "404.html",
  };
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

test("axe: zero violations on every page type, light and dark", async () => {
  let total = 0;
  const rows: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    // Scripts are injected through the debugger protocol, which the page's CSP does not govern.
    const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
    for (const [name, rel] of Object.entries(pages)) {
      const page = await context.newPage();
      await page.goto(srv.url + rel);
      if (name === "search") await page.waitForSelector('[data-search-results][data-search-state="done"]');
      await page.evaluate(axeSource);
      const result = (await page.evaluate(() => (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({ resultTypes: ["violations"] }))) as {
        violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
      };
      total += result.violations.length;
      rows.push(`${scheme.padEnd(5)} ${name.padEnd(9)} ${result.violations.length} violations${result.violations.map((v) => `\n    ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`).join("")}`);
      await page.close();
    }
    await context.close();
  }
  console.log(`axe on ${Object.keys(pages).length} page types × 2 themes:\n${rows.join("\n")}`);
  assert.equal(total, 0);
});
