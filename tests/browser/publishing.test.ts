// What the site tells the web at large, read in Chromium: every page's <head> (canonical URL,
// social cards, the feeds, the favicon), the feeds themselves, the sitemap and robots.txt —
// at the root, and under a GitHub Pages project path with more articles than fit on one page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import type { Browser, Page } from "playwright-core";
import { buildSite, buildSiteInChild, serve } from "../support/site.ts";
import { launchBrowser } from "../support/browser.ts";
import { ROOT } from "../../src/config.ts";
import { TERM_PAGE_SIZE } from "../../src/site/term-pages.ts";

const ATOM = "http://www.w3.org/2005/Atom";
const SITE_URL = "https://example.org/kb/";
const HOSTILE_TITLE = `</script><script>window.pwned=1</script> & "quoted" <b>bold</b> ]]> 'apos'`;
const HOSTILE_DATE = "2025-12-01T08:00:00+08:00";
/** More than a tag page holds, all under one tag, so the list of articles and the tag's pages have a page 2. */
const EXTRA_ARTICLES = TERM_PAGE_SIZE + 2;

interface Site {
  dir: string;
  siteUrl: string;
  prefix: string;
  server: Awaited<ReturnType<typeof serve>>;
}

let root: Site;
let prefixed: Site;
let browser: Browser;

before(async () => {
  const built = await buildSite({}, { index: false });
  root = { dir: built.dir, siteUrl: built.cfg.siteUrl, prefix: "/", server: await serve(built.dir) };

  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kb-publishing-"));
  const contentDir = path.join(tmp, "content");
  await fs.cp(path.join(ROOT, "content"), contentDir, { recursive: true });
  for (let i = 1; i <= EXTRA_ARTICLES; i++) {
    const n = String(i).padStart(2, "0");
    const fm = { title: `Generated note ${n}`, date: `2019-02-${String((i % 28) + 1).padStart(2, "0")}T09:00:00Z`, lang: "en", tags: ["rare-earths"] };
    await fs.writeFile(path.join(contentDir, "articles", `2019-gen-${n}.md`), `---\n${stringify(fm)}---\n\nParagraph ${n} about rare earths.\n`);
  }
  const hostile = { title: HOSTILE_TITLE, date: HOSTILE_DATE, lang: "en", outlet: "Outlet <i>&</i>", source: "https://news.example/a?x=1&y=2", summary: `Summary </script> & <!-- ${HOSTILE_TITLE}` };
  await fs.writeFile(path.join(contentDir, "articles", "2025-12-01-hostile.md"), `---\n${stringify(hostile)}---\n\nBody.\n`);
  const child = await buildSiteInChild({ KB_CONTENT_DIR: contentDir, KB_PATH_PREFIX: "/kb/", KB_SITE_URL: "https://example.org/kb" });
  prefixed = { dir: child.dir, siteUrl: SITE_URL, prefix: "/kb/", server: await serve(child.dir, "/kb/") };
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await root?.server.close();
  await prefixed?.server.close();
});

async function firstUrl(site: Site, api: string): Promise<string> {
  const rows = JSON.parse(await fs.readFile(path.join(site.dir, api), "utf8")) as Array<{ url: string }>;
  return rows[0]!.url.slice(site.prefix.length);
}

/** One page of each kind, as paths under the prefix. */
async function pageTypes(site: Site): Promise<string[]> {
  const paths = ["", "articles/", await firstUrl(site, "api/articles.json"), await firstUrl(site, "api/timeline.json"), "tags/", "tags/rare-earths/", "actors/", "actors/cn-mofcom/", "timeline/", "search/"];
  const later = ["articles/2/", "tags/rare-earths/2/"].filter((p) => site === prefixed);
  return [...paths, ...later];
}

interface Head {
  canonical: string[];
  robots: string | null;
  description: string | null;
  ogTitle: string | null;
  ogUrl: string | null;
  ogType: string | null;
  feeds: Array<{ type: string; href: string }>;
  icons: string[];
}

// Browser-side code without named inner functions: tsx would wrap them in a helper (__name)
// that does not exist in the page.
async function readHead(page: Page): Promise<Head> {
  return page.evaluate(() => ({
    canonical: Array.from(document.head.querySelectorAll<HTMLLinkElement>("link[rel=canonical]")).map((l) => l.href),
    robots: document.head.querySelector<HTMLMetaElement>("meta[name=robots]")?.content ?? null,
    description: document.head.querySelector<HTMLMetaElement>("meta[name=description]")?.content ?? null,
    ogTitle: document.head.querySelector<HTMLMetaElement>("meta[property='og:title']")?.content ?? null,
    ogUrl: document.head.querySelector<HTMLMetaElement>("meta[property='og:url']")?.content ?? null,
    ogType: document.head.querySelector<HTMLMetaElement>("meta[property='og:type']")?.content ?? null,
    feeds: Array.from(document.head.querySelectorAll<HTMLLinkElement>("link[rel=alternate]")).map((l) => ({ type: l.type, href: l.href })),
    icons: Array.from(document.head.querySelectorAll<HTMLLinkElement>("link[rel=icon]")).map((l) => l.href),
  }));
}

for (const which of ["root", "prefixed"] as const) {
  test(`every kind of page (${which}) has a canonical URL, a social card, the three feeds and the favicon`, async () => {
    const site = which === "root" ? root : prefixed;
    const page = await browser.newPage();
    const linked = new Map<string, string>();
    for (const p of await pageTypes(site)) {
      const res = await page.goto(site.server.url + p);
      assert.equal(res?.status(), 200, p);
      const head = await readHead(page);
      const expected = site.siteUrl + p;
      assert.deepEqual(head.canonical, [expected], `${p}: canonical`);
      assert.equal(head.ogUrl, expected, `${p}: og:url`);
      assert.ok(head.ogTitle, `${p}: og:title`);
      assert.ok(head.description, `${p}: description`);
      assert.equal(head.ogType, p.startsWith("articles/") && !/^articles\/(\d+\/)?$/.test(p) ? "article" : "website", `${p}: og:type`);
      assert.equal(head.robots, null, `${p}: indexable`);
      assert.deepEqual(head.feeds.map((f) => f.type), ["application/atom+xml", "application/feed+json", "application/atom+xml"], `${p}: feeds`);
      assert.equal(head.icons.length, 1, `${p}: favicon`);
      for (const f of head.feeds) linked.set(f.href, f.type);
      linked.set(head.icons[0]!, "image/svg+xml");
    }
    // The 404 page, as GitHub Pages serves it at a missing address: found by nobody.
    const missing = await page.goto(`${site.server.url}no/such/page/`);
    assert.equal(missing?.status(), 404);
    const head = await readHead(page);
    assert.equal(head.robots, "noindex");
    assert.deepEqual(head.canonical, []);
    assert.equal(head.feeds.length, 3);
    for (const f of head.feeds) assert.ok(linked.has(f.href), `the 404 page links ${f.href} like every other page`);
    assert.ok(linked.has(head.icons[0]!));
    // Every link resolves inside the prefix, to a file of the announced type.
    assert.equal(linked.size, 4, "the same three feeds and one favicon on every page");
    for (const [href, type] of linked) {
      assert.ok(new URL(href).pathname.startsWith(site.prefix), href);
      const res = await page.request.get(href);
      assert.equal(res.status(), 200, href);
      if (type === "image/svg+xml") assert.match(await res.text(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    await page.close();
  });
}

async function htmlPagesOnDisk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith(".html")) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/");
    if (rel !== "404.html") out.push(rel.replace(/(^|\/)index\.html$/, "$1"));
  }
  return out.sort();
}

test("the sitemap lists every page, paginated ones too, and only pages inside the prefix that exist", async () => {
  const page = await browser.newPage();
  await page.goto(prefixed.server.url);
  const xml = await (await page.request.get(`${prefixed.server.url}sitemap.xml`)).text();
  const locs = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.querySelector("parsererror")) throw new Error("sitemap.xml is not well-formed");
    return { ns: doc.documentElement.namespaceURI, urls: Array.from(doc.getElementsByTagName("loc")).map((l) => l.textContent ?? "") };
  }, xml);
  assert.equal(locs.ns, "http://www.sitemaps.org/schemas/sitemap/0.9");
  const rels: string[] = [];
  for (const u of locs.urls) {
    assert.ok(u.startsWith(SITE_URL), `${u} is inside the prefix`);
    const rel = decodeURI(u.slice(SITE_URL.length));
    await fs.access(path.join(prefixed.dir, rel, rel === "" || rel.endsWith("/") ? "index.html" : ""));
    rels.push(rel);
  }
  assert.deepEqual([...rels].sort(), await htmlPagesOnDisk(prefixed.dir), "every HTML page but the 404 page, once");
  for (const p of ["", "articles/2/", "tags/rare-earths/2/", "timeline/", "search/"]) assert.ok(rels.includes(p), `lists ${p}`);
  assert.doesNotMatch(xml, /lastmod|404\.html|feeds\/|api\//);

  const robots = await (await page.request.get(`${prefixed.server.url}robots.txt`)).text();
  assert.match(robots, /^User-agent: \*$/m);
  assert.match(robots, /^Sitemap: https:\/\/example\.org\/kb\/sitemap\.xml$/m);
  await page.close();
});

test("the feeds parse: Atom with its namespace, JSON Feed 1.1, absolute ids under the prefix, hostile titles intact", async () => {
  const page = await browser.newPage();
  await page.goto(prefixed.server.url);
  const atom = async (rel: string) => {
    const text = await (await page.request.get(prefixed.server.url + rel)).text();
    return page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, "application/xml");
      if (doc.querySelector("parsererror")) throw new Error(`not well-formed: ${doc.querySelector("parsererror")?.textContent}`);
      const ns = "http://www.w3.org/2005/Atom";
      const root = doc.documentElement;
      // Only Atom-namespaced children count: a feed without the namespace has none.
      const own = Array.from(root.children).filter((c) => c.namespaceURI === ns);
      return {
        ns: root.namespaceURI,
        name: root.localName,
        id: own.find((c) => c.localName === "id")?.textContent ?? null,
        updated: own.find((c) => c.localName === "updated")?.textContent ?? null,
        self: own.find((c) => c.localName === "link" && c.getAttribute("rel") === "self")?.getAttribute("href") ?? null,
        entries: own
          .filter((e) => e.localName === "entry")
          .map((e) => Array.from(e.children).filter((c) => c.namespaceURI === ns))
          .map((cs) => ({
            id: cs.find((c) => c.localName === "id")?.textContent ?? null,
            title: cs.find((c) => c.localName === "title")?.textContent ?? null,
            updated: cs.find((c) => c.localName === "updated")?.textContent ?? null,
            href: cs.find((c) => c.localName === "link" && c.getAttribute("rel") === "alternate")?.getAttribute("href") ?? null,
          })),
      };
    }, text);
  };
  const onDisk = async (u: string) => {
    assert.ok(u.startsWith(SITE_URL), `${u} is absolute, under the prefix`);
    await fs.access(path.join(prefixed.dir, decodeURI(u.slice(SITE_URL.length)), "index.html"));
  };

  const articles = await atom("feeds/articles.xml");
  assert.equal(articles.ns, ATOM);
  assert.equal(articles.name, "feed");
  assert.equal(articles.id, `${SITE_URL}feeds/articles.xml`);
  assert.equal(articles.self, articles.id);
  assert.equal(articles.entries.length, 50, "the latest 50 of more");
  for (const e of articles.entries) {
    assert.equal(e.id, e.href);
    await onDisk(e.id!);
  }
  assert.equal(articles.entries[0]!.title, HOSTILE_TITLE, "the newest article's title, exactly");
  assert.equal(articles.updated, HOSTILE_DATE, "updated is the newest entry's date, not the build's");
  const newest = Math.max(...articles.entries.map((e) => Date.parse(e.updated!)));
  assert.equal(Date.parse(articles.updated!), newest);

  const events = await atom("feeds/events.xml");
  const timeline = JSON.parse(await fs.readFile(path.join(prefixed.dir, "api/timeline.json"), "utf8")) as Array<{ url: string; announced: string }>;
  assert.equal(events.ns, ATOM);
  assert.equal(events.entries.length, Math.min(100, timeline.length));
  for (const e of events.entries) await onDisk(e.id!);
  const announced = events.entries.map((e) => e.updated!);
  assert.deepEqual(announced, [...announced].sort().reverse(), "newest announcement first");
  assert.equal(events.updated, announced[0]);

  const json = (await (await page.request.get(`${prefixed.server.url}feeds/articles.json`)).json()) as {
    version: string;
    title: string;
    feed_url: string;
    items: Array<{ id: string; url: string; title?: string; content_html?: string; content_text?: string; external_url?: string }>;
  };
  assert.equal(json.version, "https://jsonfeed.org/version/1.1");
  assert.ok(json.title);
  assert.equal(json.feed_url, `${SITE_URL}feeds/articles.json`);
  assert.equal(json.items.length, 50);
  for (const item of json.items) {
    assert.ok(typeof item.id === "string" && item.id.startsWith(SITE_URL));
    await onDisk(item.url);
    assert.ok(item.content_html || item.content_text, `${item.id} has content`);
  }
  assert.equal(json.items[0]!.title, HOSTILE_TITLE);
  assert.equal(json.items[0]!.external_url, "https://news.example/a?x=1&y=2");
  await page.close();
});

test("an article's structured data survives a title that tries to close the script", async () => {
  const page = await browser.newPage();
  await page.goto(`${prefixed.server.url}articles/2025-12-01-hostile/`);
  assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  const scripts = await page.locator("script[type='application/ld+json']").allTextContents();
  assert.equal(scripts.length, 1);
  assert.doesNotMatch(scripts[0]!, /</);
  const ld = JSON.parse(scripts[0]!) as Record<string, unknown>;
  assert.equal(ld["@type"], "NewsArticle");
  assert.equal(ld.headline, HOSTILE_TITLE);
  assert.equal(ld.url, `${SITE_URL}articles/2025-12-01-hostile/`);
  assert.equal(ld.isBasedOn, "https://news.example/a?x=1&y=2");
  assert.equal(ld.datePublished, HOSTILE_DATE);
  assert.deepEqual(ld.publisher, { "@type": "Organization", name: "Outlet <i>&</i>" });
  const head = await readHead(page);
  assert.equal(head.description, `Summary </script> & <!-- ${HOSTILE_TITLE}`);
  assert.equal(await page.locator("meta[property='og:title']").getAttribute("content"), HOSTILE_TITLE);
  assert.equal(await page.locator("meta[property='article:published_time']").getAttribute("content"), HOSTILE_DATE);
  await page.close();
});
