import { test } from "node:test";
import assert from "node:assert/strict";
import {
  articleEntries,
  articleJsonLd,
  atomFeed,
  clipText,
  escapeXml,
  eventEntries,
  feedLinks,
  feedUpdated,
  jsonFeed,
  jsonForScript,
  pageMeta,
  sitemapPaths,
  sitemapXml,
  EPOCH,
  FEED_PATHS,
  type FeedArticle,
  type FeedEvent,
  type FeedInfo,
  type PageMetaInput,
} from "../../src/site/feeds.ts";
import { absoluteUrl } from "../../src/site/site-url.ts";
import { loadConfig, resolveSiteUrl } from "../../src/config.ts";

const SITE = "https://owner.github.io/kb/";
const HOSTILE = `</title></entry><script>alert("x")</script> & <![CDATA[ ]]> 'quote' \u0007bell \uD800lone 𝐀ok`;

/**
 * A small well-formedness check for the XML we write: one root, balanced tags, quoted
 * attributes without `<`, and every `&` starting one of the predefined or numeric entities.
 */
function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="utf-8"\?>\n/, "");
  assert.notEqual(body, xml, "has an XML declaration");
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/, "no forbidden control characters");
  assert.doesNotMatch(xml, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, "no lone surrogates");
  const badAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const token = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < body.length) {
    token.lastIndex = at;
    const m = token.exec(body);
    assert.ok(m, `unexpected markup at ${at}: ${JSON.stringify(body.slice(at, at + 40))}`);
    const [all, close, name, attrs, selfClose, text] = m;
    if (text !== undefined) {
      assert.ok(stack.length > 0 || !text.trim(), "no text outside the root");
      assert.doesNotMatch(text, badAmp, `a bare & in ${JSON.stringify(text.slice(0, 40))}`);
    } else if (close) {
      assert.equal(stack.pop(), name, `</${name}> closes what was opened`);
    } else {
      assert.doesNotMatch(attrs ?? "", badAmp, `a bare & in the attributes of <${name}>`);
      if (stack.length === 0) roots++;
      if (!selfClose) stack.push(name!);
    }
    at += all.length;
  }
  assert.deepEqual(stack, [], "every element is closed");
  assert.equal(roots, 1, "one root element");
}

const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!);

function article(n: number, over: Partial<FeedArticle> = {}): FeedArticle {
  const day = String((n % 28) + 1).padStart(2, "0");
  return {
    url: `/articles/a-${n}/`,
    title: `Article ${n}`,
    date: { iso: `2024-03-${day}T10:00:00+08:00` },
    lang: "en",
    excerpt: `First paragraph of ${n}.`,
    ...over,
  };
}

const info: FeedInfo = {
  title: "Feed & <title>",
  subtitle: "Sub",
  lang: "zh-Hans",
  homeUrl: SITE,
  selfUrl: `${SITE}feeds/articles.xml`,
  iconUrl: `${SITE}assets/favicon.svg`,
  author: "KB",
};

function event(id: string, start: string, over: Partial<FeedEvent> = {}): FeedEvent {
  return {
    id,
    url: `/events/${id}/`,
    label: `事件 ${id}`,
    title: { "zh-Hans": `事件 ${id}`, en: `Event ${id}` },
    date: { value: start, precision: "day", start },
    kind: "measure",
    jurisdiction: "US",
    domain: ["chips"],
    text: "What happened.",
    authorityRef: { label: "BIS" },
    ...over,
  };
}
const eventLabels = { lang: "zh-Hans" as const, kind: (k: string) => `kind:${k}`, domain: (d: string) => `domain:${d}` };

test("escapeXml escapes the five specials and drops what XML cannot carry", () => {
  assert.equal(escapeXml(`<a href="x">&'</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  assert.equal(escapeXml("a\u0000b\u0007c\u001Fd\tе\n"), "abcd\tе\n");
  assert.equal(escapeXml("x\uD800y\uDC00z𝐀"), "xyz𝐀", "lone surrogates go, pairs stay");
  assert.equal(escapeXml("&amp;"), "&amp;amp;", "already-escaped text is text");
});

test("an Atom feed of hostile titles is well-formed and says exactly what the titles say", () => {
  const entries = articleEntries([article(1, { title: HOSTILE, summary: `${HOSTILE} summary`, author: `<b>"Me"</b>`, source: "https://ex.org/?a=1&b=2" })], SITE);
  const xml = atomFeed(info, entries);
  assertWellFormedXml(xml);
  assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
  assert.doesNotMatch(xml, /<script|<\/title><\/entry>|<!\[CDATA\[/);
  const title = /<entry[^>]*>\s*<id>[^<]*<\/id>\s*<title type="text">([^<]*)<\/title>/.exec(xml)?.[1];
  assert.equal(unescapeXml(title!), HOSTILE.replace("\u0007", "").replace("\uD800", ""));
  assert.match(xml, /<link rel="related" href="https:\/\/ex\.org\/\?a=1&amp;b=2"\/>/);
  assert.match(xml, /<title>Feed &amp; &lt;title&gt;<\/title>/);
});

test("a JSON feed of hostile titles parses back to the same text, with every required field", () => {
  const entries = articleEntries([article(1, { title: HOSTILE }), article(2, { summary: "Own summary", image: "https://img.example/x.jpg" })], SITE);
  const feed = JSON.parse(jsonFeed(info, entries)) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.equal(feed.title, info.title);
  assert.equal(feed.feed_url, info.selfUrl);
  assert.equal(feed.home_page_url, SITE);
  const hostile = feed.items.find((i) => i.url === `${SITE}articles/a-1/`)!;
  assert.equal(hostile.title, HOSTILE);
  for (const item of feed.items) {
    assert.equal(typeof item.id, "string");
    assert.equal(item.id, item.url);
    assert.ok(typeof item.content_text === "string" && item.content_text.length > 0);
  }
  const withSummary = feed.items.find((i) => i.url === `${SITE}articles/a-2/`)!;
  assert.equal(withSummary.summary, "Own summary");
  assert.equal(withSummary.content_text, "Own summary");
  assert.equal(withSummary.image, "https://img.example/x.jpg");
  assert.equal(hostile.content_text, "First paragraph of 1.", "the excerpt when there is no summary");
});

test("absolute URLs keep the path prefix, encode non-ASCII and never leave the site", () => {
  assert.equal(absoluteUrl("/articles/x/", SITE), "https://owner.github.io/kb/articles/x/");
  assert.equal(absoluteUrl("/", SITE), SITE);
  assert.equal(absoluteUrl("/tags/稀土/", "https://example.org/"), "https://example.org/tags/%E7%A8%80%E5%9C%9F/");
  assert.equal(absoluteUrl("//evil.example/x", SITE), "https://owner.github.io/kb/evil.example/x");
  assert.equal(absoluteUrl("https://other.example/a", SITE), "https://other.example/a");
  assert.equal(absoluteUrl("/search/", "https://owner.github.io/kb"), "https://owner.github.io/kb/search/", "a home URL without its slash");
});

test("the site URL comes from configure-pages' base_url, with or without the prefix, and a mismatch is an error", () => {
  assert.equal(resolveSiteUrl("https://owner.github.io/kb", "/kb/"), "https://owner.github.io/kb/");
  assert.equal(resolveSiteUrl("https://owner.github.io/kb/", "/kb/"), "https://owner.github.io/kb/");
  assert.equal(resolveSiteUrl("https://kb.example.org", "/"), "https://kb.example.org/", "a custom domain: base_path is empty");
  assert.equal(resolveSiteUrl("https://example.org", "/kb/"), "https://example.org/kb/", "a bare host gets the prefix");
  assert.equal(resolveSiteUrl(undefined, "/kb/"), "http://localhost:8080/kb/");
  assert.equal(resolveSiteUrl("", "/", "3000"), "http://localhost:3000/");
  assert.throws(() => resolveSiteUrl("https://owner.github.io/other", "/kb/"), /\/other\/.*KB_PATH_PREFIX is \/kb\//);
  assert.throws(() => resolveSiteUrl("owner.github.io/kb", "/kb/"), /not an absolute URL/);
  assert.throws(() => resolveSiteUrl("ftp://owner.github.io/", "/"), /http\(s\)/);
  assert.equal(loadConfig({ KB_SITE_URL: "https://owner.github.io/kb", KB_PATH_PREFIX: "/kb" }).siteUrl, "https://owner.github.io/kb/");
  assert.equal(loadConfig({ KB_SITE_URL: "https://example.org/" }, { pathPrefix: "/kb/" }).siteUrl, "https://example.org/kb/", "an overridden prefix carries over");
});

test("entries are the newest articles, at most 50, with absolute ids under the prefix", () => {
  const many = Array.from({ length: 60 }, (_, i) => article(i, { date: { iso: new Date(Date.UTC(2020, 0, 1 + i)).toISOString() } }));
  const shuffled = [...many.slice(30), ...many.slice(0, 30)].reverse();
  const entries = articleEntries(shuffled, SITE);
  assert.equal(entries.length, 50);
  assert.equal(entries[0]!.id, `${SITE}articles/a-59/`);
  assert.equal(entries[49]!.id, `${SITE}articles/a-10/`);
  for (const e of entries) assert.ok(e.id.startsWith(SITE) && e.id === e.url);
  assert.deepEqual(articleEntries(many, SITE), entries, "the same feed whatever the input order");
});

test("a feed is as new as its newest entry, never the build time", () => {
  const entries = articleEntries(
    [
      article(1, { date: { iso: "2021-05-01T08:00:00+08:00" } }),
      // Later in UTC than the entry above, though its local clock says earlier.
      article(2, { date: { iso: "2021-05-01T07:00:00-05:00" } }),
      article(3, { date: { iso: "2020-01-01T00:00:00Z" }, updated: { iso: "2021-04-01T00:00:00Z" } }),
    ],
    SITE,
  );
  assert.equal(feedUpdated(entries), "2021-05-01T07:00:00-05:00");
  assert.equal(entries.find((e) => e.url.endsWith("a-3/"))!.updated, "2021-04-01T00:00:00Z", "an entry's own update date counts");
  assert.equal(feedUpdated([]), EPOCH);
  const xml = atomFeed(info, entries);
  assert.match(xml, /<feed[^>]*>\n(?:.*\n)*? {2}<updated>2021-05-01T07:00:00-05:00<\/updated>/);
  assert.equal(atomFeed(info, entries), xml, "two builds, one feed");
  assert.doesNotMatch(xml, new RegExp(String(new Date().getUTCFullYear())));
});

test("events are the latest by announced date, at most 100, with their kind and domains", () => {
  const events = Array.from({ length: 105 }, (_, i) => event(`e-${String(i).padStart(3, "0")}`, new Date(Date.UTC(2000, 0, 1 + i * 30)).toISOString().slice(0, 10)));
  const year = event("only-a-year", "2030-01-01", { date: { value: "2030", precision: "year", start: "2030-01-01" }, instrument: { id: "Order 1", url: "https://gov.example/1" } });
  const entries = eventEntries([...events, year], SITE, eventLabels);
  assert.equal(entries.length, 100);
  assert.equal(entries[0]!.id, `${SITE}events/only-a-year/`);
  assert.equal(entries[0]!.published, "2030-01-01T00:00:00Z");
  assert.equal(entries[0]!.externalUrl, "https://gov.example/1");
  assert.match(entries[0]!.text, /^kind:measure · US · BIS · Order 1\n\nEvent only-a-year\n\nWhat happened\.$/);
  assert.deepEqual(entries[0]!.categories, [{ term: "measure", label: "kind:measure" }, { term: "chips", label: "domain:chips" }]);
  assert.equal(entries[1]!.id, `${SITE}events/e-104/`);
  assert.equal(entries[99]!.id, `${SITE}events/e-006/`, "the oldest ones fall off");
  const xml = atomFeed({ ...info, selfUrl: `${SITE}feeds/events.xml` }, entries);
  assertWellFormedXml(xml);
  assert.match(xml, / {2}<updated>2030-01-01T00:00:00Z<\/updated>/);
});

test("the sitemap lists every page of every paginated template and nothing that is not a page", () => {
  const items = [
    { url: "/", outputPath: "_site/index.html" },
    { url: "/articles/", outputPath: "_site/articles/index.html", data: { pagination: { hrefs: ["/articles/", "/articles/2/"] } } },
    { url: "/tags/a/", outputPath: "_site/tags/a/index.html", data: { pagination: { hrefs: ["/tags/a/", "/tags/a/2/", "/tags/b/"] } } },
    { url: "/404.html", outputPath: "_site/404.html" },
    { url: "/api/articles.json", outputPath: "_site/api/articles.json" },
    { url: false as const, outputPath: false as const },
    { url: "/", outputPath: "_site/index.html" },
  ];
  const paths = sitemapPaths(items);
  assert.deepEqual(paths, ["/", "/articles/", "/articles/2/", "/tags/a/", "/tags/a/2/", "/tags/b/"]);
  const xml = sitemapXml([...paths, "/tags/a&b/"], SITE);
  assertWellFormedXml(xml);
  const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => unescapeXml(m[1]!));
  assert.deepEqual(locs.slice(0, 3), [SITE, `${SITE}articles/`, `${SITE}articles/2/`]);
  assert.ok(locs.includes(`${SITE}tags/a&b/`));
  assert.ok(locs.every((l) => l.startsWith(SITE)));
  assert.doesNotMatch(xml, /lastmod/);
});

test("JSON for a script element can never close it, and still parses to the same value", () => {
  const value = { headline: `</script><script>alert(1)</script><!-- & \u2028 \u2029` };
  const s = jsonForScript(value);
  assert.doesNotMatch(s, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(s), value);
});

test("descriptions are one line, cut near 160 characters", () => {
  assert.equal(clipText("  a\n\n b  "), "a b");
  const zh = "稀".repeat(300);
  assert.equal([...clipText(zh)].length, 160);
  assert.ok(clipText(zh).endsWith("…"));
  const en = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
  const clipped = clipText(en);
  assert.ok(clipped.length <= 160 && /word\d+…$/.test(clipped), clipped);
});

const base: PageMetaInput = { pageUrl: "/", siteUrl: SITE, siteTitle: "KB", tagline: "The tagline.", uiLang: "zh-Hans" };

test("an article page: canonical, article card, summary or excerpt, structured data", () => {
  const a = article(7, {
    title: HOSTILE,
    summary: "Own summary.",
    lang: "zh-Hant",
    outlet: "端傳媒",
    author: "刘千山",
    source: "https://theinitium.com/x",
    image: "https://img.example/a.jpg",
    updated: { iso: "2024-04-01T00:00:00Z" },
    tagRefs: [{ id: "gallium", label: "镓" }],
  });
  const m = pageMeta({ ...base, pageUrl: a.url, docTitle: a.title, article: a });
  assert.equal(m.canonical, `${SITE}articles/a-7/`);
  assert.equal(m.noindex, false);
  assert.equal(m.ogType, "article");
  assert.equal(m.description, "Own summary.");
  assert.equal(m.locale, "zh_TW");
  assert.equal(m.twitterCard, "summary_large_image");
  assert.equal(m.image, "https://img.example/a.jpg");
  assert.equal(m.publishedTime, a.date.iso);
  assert.equal(m.modifiedTime, "2024-04-01T00:00:00Z");
  assert.deepEqual(m.articleTags, ["镓"]);
  assert.doesNotMatch(m.jsonLd!, /</);
  const ld = JSON.parse(m.jsonLd!) as Record<string, unknown>;
  assert.equal(ld["@type"], "NewsArticle");
  assert.equal(ld.headline, HOSTILE);
  assert.equal(ld.isBasedOn, "https://theinitium.com/x");
  assert.equal(ld.inLanguage, "zh-Hant");
  assert.equal(ld.url, m.canonical);
  assert.deepEqual(ld.author, [{ "@type": "Person", name: "刘千山" }]);
  assert.deepEqual(ld.publisher, { "@type": "Organization", name: "端傳媒" });

  const plain = pageMeta({ ...base, pageUrl: "/articles/a-8/", article: article(8) });
  assert.equal(plain.description, "First paragraph of 8.");
  assert.equal(plain.twitterCard, "summary");
  assert.equal(plain.image, undefined);
  assert.equal(plain.locale, "en_US");
  assert.equal(plain.title, "KB", "the site title when the page has none");
  const note = articleJsonLd(article(9), `${SITE}articles/a-9/`, "d", base);
  assert.equal(note["@type"], "Article", "a note with no outlet is no news article");
  assert.equal(note.isBasedOn, undefined);
  assert.equal(note.publisher, undefined);
});

test("other pages: website cards, their own descriptions, the tagline otherwise; the 404 page is noindex", () => {
  const home = pageMeta(base);
  assert.equal(home.ogType, "website");
  assert.equal(home.canonical, SITE);
  assert.equal(home.description, "The tagline.");
  assert.equal(home.locale, "zh_CN");
  assert.equal((JSON.parse(home.jsonLd!) as { "@type": string })["@type"], "WebSite");

  const ev = pageMeta({ ...base, pageUrl: "/events/x/", docTitle: "事件", event: { title: { "zh-Hans": "事件", en: "The event" }, text: "", date: { value: "2024", precision: "year", start: "2024-01-01" } } });
  assert.equal(ev.description, "The event", "an event without a description: its English title");
  assert.equal(ev.jsonLd, undefined);

  const tag = pageMeta({ ...base, pageUrl: "/tags/gallium/2/", termDescription: "材料：镓 / Gallium。" });
  assert.equal(tag.canonical, `${SITE}tags/gallium/2/`, "a later page of a list is its own canonical");
  assert.equal(tag.description, "材料：镓 / Gallium。");

  const notFound = pageMeta({ ...base, pageUrl: "/404.html", docTitle: "找不到这个页面" });
  assert.equal(notFound.noindex, true);
  assert.equal(notFound.canonical, undefined, "a page served at every missing address has no address of its own");
});

test("every page announces the three feeds", () => {
  const links = feedLinks({ articles: "Latest", events: "Timeline" });
  assert.deepEqual(
    links.map((l) => [l.path, l.type]),
    [
      [FEED_PATHS.articlesAtom, "application/atom+xml"],
      [FEED_PATHS.articlesJson, "application/feed+json"],
      [FEED_PATHS.eventsAtom, "application/atom+xml"],
    ],
  );
  assert.deepEqual(links.map((l) => l.title), ["Latest (Atom)", "Latest (JSON Feed)", "Timeline (Atom)"]);
});
