// The site sets a Content-Security-Policy that allows only what it needs, and the output has
// no inline scripts, styles or event handlers for it to forbid; search still works under it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { buildSiteInChild, serve } from "../support/site.ts";
import { launchBrowser } from "../support/browser.ts";

let dir: string;
let srv: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
before(async () => {
  dir = (await buildSiteInChild({ KB_INCLUDE_DRAFTS: "1" })).dir;
  srv = await serve(dir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

async function htmlPages(): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(".html")) out.push(path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
  }
  return out;
}

test("every page carries the CSP, and no page has inline code, inline styles or event handlers", async () => {
  const pages = await htmlPages();
  const offences: string[] = [];
  for (const file of pages) {
    const html = await fs.readFile(file, "utf8");
    if (!html.includes(`http-equiv="Content-Security-Policy"`)) offences.push(`${file}: no CSP`);
    if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) offences.push(`${file}: inline event handler`);
    if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) offences.push(`${file}: style attribute`);
    if (/<style[\s>]/i.test(html)) offences.push(`${file}: <style> element`);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (!/\bsrc=/.test(m[1]!) && !/type="application\/ld\+json"/.test(m[1]!) && m[2]!.trim()) offences.push(`${file}: inline script`);
    }
    for (const m of html.matchAll(/<a\b[^>]*href="https?:\/\/[^"]*"[^>]*>/gi)) {
      if (!/rel="[^"]*noopener[^"]*noreferrer|rel="[^"]*noreferrer[^"]*noopener/.test(m[0])) offences.push(`${file}: external link without rel="noopener noreferrer": ${m[0].slice(0, 120)}`);
    }
  }
  console.log(`CSP: ${pages.length} pages checked, ${offences.length} offences`);
  assert.deepEqual(offences.slice(0, 20), []);
});

test("under the CSP, pages raise no violation and search still answers", async () => {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  for (const rel of ["", "timeline/", "events/2024-12-03-cn-mofcom-2024-46-dual-use-ban-us/", `search/?q=${encodeURIComponent("華為")}`]) {
    await page.goto(srv.url + rel);
    if (rel.startsWith("search")) await page.waitForSelector('[data-search-results][data-search-state="done"]');
  }
  assert.ok((await page.locator("[data-search-results] a").count()) >= 3);
  assert.deepEqual(violations, []);
  await page.close();
});
