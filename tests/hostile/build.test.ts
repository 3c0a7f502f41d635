// The hostile corpus built end to end, as `npm run build` builds it: the build fails (it has
// errors) but writes every other page, prints every error with its file:line [field], and no
// page runs a single injected script. Pages are opened with the CSP bypassed, so the canary
// proves the escaping and sanitizing, not only the policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { buildSiteInChild, serve } from "../support/site.ts";
import { launchBrowser } from "../support/browser.ts";
import { materializeCorpus } from "../fixtures/hostile/materialize.ts";
import { EXPECTED_ERRORS, BUILT_ARTICLES } from "../fixtures/hostile/expected.ts";

let dir: string;
let stdout = "";
let exitCode: number | undefined;
let srv: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  const content = await materializeCorpus({ big: true });
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kb-hostile-site-"));
  dir = path.join(tmp, "site");
  try {
    stdout = (await buildSiteInChild({ KB_CONTENT_DIR: content, KB_INCLUDE_DRAFTS: "1", KB_OUTPUT_DIR: dir, KB_DATA_DIR: path.join(tmp, "data") })).stdout;
    exitCode = 0;
  } catch (e) {
    // Errors in content make the build exit 1 after writing the site; anything else is a crash.
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    stdout = failed.stdout ?? "";
    exitCode = failed.code;
    if (typeof exitCode !== "number") throw e;
  }
  srv = await serve(dir);
  browser = await launchBrowser();
  context = await browser.newContext({ bypassCSP: true });
});
after(async () => {
  await context?.close();
  await browser?.close();
  await srv?.close();
});

async function htmlPages(): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(".html")) out.push(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
  }
  return out.sort();
}

/** Every start tag of a page with its attributes, read the way an HTML tokenizer reads them. */
function startTags(html: string): Array<{ tag: string; attrs: Array<[string, string]> }> {
  const out: Array<{ tag: string; attrs: Array<[string, string]> }> = [];
  const withoutRaw = html.replace(/<!--[\s\S]*?-->/g, "").replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, "$1");
  for (const [whole, tag] of withoutRaw.matchAll(/<([a-zA-Z][^\s/>]*)(?:"[^"]*"|'[^']*'|[^'">])*>/g)) {
    const attrs: Array<[string, string]> = [];
    const body = whole.slice(tag!.length + 1);
    for (const [, name, dq, sq, bare] of body.matchAll(/([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attrs.push([name!.toLowerCase(), dq ?? sq ?? bare ?? ""]);
    }
    out.push({ tag: tag!.toLowerCase(), attrs });
  }
  return out;
}

const decode = (v: string) =>
  v.replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&colon;/gi, ":").replace(/&amp;/g, "&");
const UNSAFE_URL = /^(javascript|vbscript|data:text\/html)/i;

test("the build fails, prints every error with its file:line [field], and writes the other pages", async () => {
  assert.equal(exitCode, 1, stdout.slice(-2000));
  for (const e of EXPECTED_ERRORS) {
    const where = `${e.file}${e.line ? `:${e.line}` : ""}${e.field ? ` [${e.field}]` : ""}: `;
    const line = stdout.split("\n").find((l) => l.startsWith(`error: ${where}`));
    assert.ok(line, `printed: error: ${where}`);
    assert.match(line.slice(`error: ${where}`.length), e.message);
  }
  assert.equal(stdout.split("\n").filter((l) => l.startsWith("error: ")).length, EXPECTED_ERRORS.length);
  assert.match(stdout, new RegExp(`build finished with ${EXPECTED_ERRORS.length} error\\(s\\)`));
  const built = (await fs.readdir(path.join(dir, "articles"))).filter((n) => n !== "index.html");
  assert.equal(built.length, BUILT_ARTICLES.length);
});

test("no page has an inline event handler, a javascript: or data:text/html URL, or an unexpected script", async () => {
  const pages = await htmlPages();
  assert.ok(pages.length > 100, `${pages.length} pages`);
  const offences: string[] = [];
  for (const rel of pages) {
    const html = await fs.readFile(path.join(dir, rel), "utf8");
    for (const { tag, attrs } of startTags(html)) {
      for (const [name, value] of attrs) {
        if (name.startsWith("on")) offences.push(`${rel}: ${name}= on <${tag}>`);
        if (["href", "src", "action", "formaction", "data", "xlink:href"].includes(name) && UNSAFE_URL.test(decode(value).replace(/[\u0000-\u0020]/g, ""))) {
          offences.push(`${rel}: ${name}="${value.slice(0, 40)}" on <${tag}>`);
        }
      }
      // The one SVG we draw ourselves: the overview chart on the home page and the timeline,
      // pages that show no article body. Anywhere else, or unmarked, an <svg> came from content.
      const ourChart = tag === "svg" && attrs.some(([n, v]) => n === "class" && v === "ov__chart") && /^(index\.html|timeline\/(\d{4}\/)?index\.html)$/.test(rel);
      if (["iframe", "object", "embed", "svg", "style"].includes(tag) && !ourChart) offences.push(`${rel}: <${tag}>`);
      if (tag === "script" && !attrs.some(([n, v]) => (n === "src" && v.startsWith("/assets/")) || (n === "type" && v === "application/ld+json"))) {
        offences.push(`${rel}: inline <script>`);
      }
    }
  }
  assert.deepEqual(offences.slice(0, 20), []);
});

test("with the CSP bypassed, the canary catches an inline script (the check below can fail)", async () => {
  const page = await context.newPage();
  await page.setContent(`<meta http-equiv="Content-Security-Policy" content="script-src 'self'"><script>window.__pwned = "control"</script>`);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), "control");
  await page.close();
});

test("no built page ever sets window.__pwned, and no element carries a handler or unsafe URL", async () => {
  const pages = await htmlPages();
  const page = await context.newPage();
  const pwned: string[] = [];
  for (const rel of pages) {
    await page.goto(srv.url + rel.replace(/index\.html$/, ""), { waitUntil: "load" });
    // Let lazy images near the top load and fail, and deferred scripts run.
    await page.waitForTimeout(20);
    const found = await page.evaluate(() => {
      const bad: string[] = [];
      for (const el of Array.from(document.querySelectorAll("*"))) {
        for (const name of el.getAttributeNames()) {
          const value = (el.getAttribute(name) ?? "").replace(/[\u0000-\u0020]/g, "");
          if (name.startsWith("on")) bad.push(`${name} on <${el.localName}>`);
          if (/^(javascript:|vbscript:|data:text\/html)/i.test(value) && /href|src|action|data/.test(name)) bad.push(`${name}=${value.slice(0, 30)}`);
        }
      }
      return { canary: (window as unknown as { __pwned?: unknown }).__pwned, bad };
    });
    if (found.canary !== undefined) pwned.push(`${rel}: __pwned = ${String(found.canary)}`);
    pwned.push(...found.bad.map((b) => `${rel}: ${b}`));
  }
  await page.close();
  assert.deepEqual(pwned, []);
});

test("injected text is shown as text where the user wrote it, and a 2,000-character title fits", async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${srv.url}articles/injection/`);
  assert.match((await page.textContent("h1"))!, /^Injection <script>window\.__pwned='title'<\/script>/);
  assert.match((await page.textContent(".article__summary"))!, /<svg onload=/);
  assert.ok((await page.textContent(".article__meta"))!.includes("<script>window.__pwned='outlet'</script>Outlet"));

  await page.goto(`${srv.url}articles/long-title/`);
  const title = await page.textContent("h1");
  assert.equal(title!.length, 2000);
  assert.ok((await page.title()).startsWith(title!), "the document title holds the whole title");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);

  await page.goto(`${srv.url}articles/gbk-clipping/`);
  assert.equal(await page.textContent("h1"), "美国商务部限制芯片出口");
  await page.goto(`${srv.url}articles/invisible-title/`);
  assert.equal(await page.textContent("h1"), "Zerowidth and no-break spaces");
  await page.close();
});
