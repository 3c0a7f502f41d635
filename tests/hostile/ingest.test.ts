// The hostile corpus through ingest: every broken file is an error naming its file, line and
// field, every odd one builds with a warning, nothing stripped goes unreported, and the good
// articles are all there.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ingest, type IngestResult } from "../../src/ingest/ingest.ts";
import { ROOT } from "../../src/config.ts";
import { materializeCorpus, GBK_TITLE, GBK_BODY, BIG_ARTICLE } from "../fixtures/hostile/materialize.ts";
import { EXPECTED_ERRORS, BUILT_ARTICLES, INJECTION_REMOVALS, DEGRADED, NOT_PUBLISHED } from "../fixtures/hostile/expected.ts";

const NOW = new Date("2026-11-22T00:00:00Z");
let r: IngestResult;
let seconds = 0;

before(async () => {
  const dir = await materializeCorpus({ big: true });
  const t0 = performance.now();
  // No registries in the corpus: the shipped ones are the fallback, read in place.
  r = await ingest({ contentDir: dir, fallbackDir: path.join(ROOT, "content"), includeDrafts: true, now: NOW });
  seconds = (performance.now() - t0) / 1000;
});

const article = (file: string) => {
  const a = r.articles.find((x) => x.article.file === file);
  assert.ok(a, `${file} was built`);
  return a;
};
const warningsOf = (file: string) => r.log.warnings.filter((w) => w.file === file);

test("exactly the expected errors, each with its file, line and field", () => {
  const got = r.log.sorted().filter((d) => d.severity === "error");
  assert.deepEqual(
    got.map((e) => [e.file, e.line, e.field]),
    EXPECTED_ERRORS.map((e) => [e.file, e.line, e.field]),
  );
  got.forEach((e, i) => assert.match(e.message, EXPECTED_ERRORS[i]!.message, `${e.file}: ${e.message}`));
  assert.equal(r.summary.errors, EXPECTED_ERRORS.length);
});

test("every article that is not broken is built, and only those", () => {
  assert.deepEqual(r.articles.map((a) => a.article.file).sort(), [...BUILT_ARTICLES].sort());
  assert.ok(article("articles/good.md").html.includes("the control article"));
});

test("a broken field or date degrades, with a warning naming file, line and field; the article is built", () => {
  const degradedFiles = new Set(DEGRADED.map((d) => d.file));
  const got = r.log.sorted().filter((d) => d.severity === "warning" && degradedFiles.has(d.file));
  assert.deepEqual(
    got.map((w) => [w.file, w.line, w.field]),
    [...DEGRADED].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0))).map((d) => [d.file, d.line, d.field]),
  );
  for (const d of DEGRADED) {
    const w = got.find((x) => x.file === d.file && x.field === d.field);
    assert.match(w!.message, d.message, `${d.file} [${d.field}]`);
  }
  const injection = article("articles/injection-source.md").article;
  assert.deepEqual([injection.source, injection.image], [undefined, undefined]);
  const malformed = article("articles/malformed-yaml.md").article;
  assert.deepEqual([malformed.title, malformed.date.day, malformed.outlet], ["Malformed YAML", "2024-12-04", "Nowhere"]);
  assert.match(article("articles/not-a-mapping.md").html, /The front matter is a list/);
  const unclosed = article("articles/unclosed-front-matter.md");
  assert.deepEqual([unclosed.article.title, unclosed.article.date.day, unclosed.article.tags.includes("rare-earths")], ["没有闭合的元数据", "2024-12-20", true]);
  assert.doesNotMatch(unclosed.html, /title:/);
  const deep = article("articles/deep-nesting.md");
  assert.match(deep.html, /最深处的回复：the innermost reply/);
  assert.match(deep.html, /The end of the note\./);
});

test("an empty or binary file is not published, with a warning; it is not an error", () => {
  for (const e of NOT_PUBLISHED) {
    const [w, ...more] = warningsOf(e.file);
    assert.equal(more.length, 0, e.file);
    assert.match(w!.message, e.message);
    assert.equal(w!.kind, "not-an-article");
    assert.ok(!r.articles.some((a) => a.article.file === e.file));
    assert.ok(!r.log.errors.some((d) => d.file === e.file));
  }
});

test("a missing title falls back to the file name, with a warning on line 1", () => {
  assert.equal(article("articles/missing-title.md").article.title, "missing-title");
  assert.deepEqual(warningsOf("articles/missing-title.md").map((w) => [w.line, w.field]), [[1, "title"]]);
});

test("a second --- line stays in the body", () => {
  const a = article("articles/second-delimiter.md");
  assert.equal(a.article.title, "A second delimiter in the body");
  assert.match(a.html, /First part of the body\./);
  assert.match(a.html, /title: this line is body text, not front matter/);
  assert.match(a.html, /Second part of the body, after a thematic break\./);
  assert.deepEqual(a.article.extra, {});
});

test("unknown tags and actors are kept as open terms, without a warning", () => {
  const a = article("articles/unknown-names.md").article;
  assert.deepEqual(a.unknownTags, ["hostile-fixture-tag"]);
  assert.ok(a.tags.includes("rare-earths"));
  for (const id of ["zhang-fixture", "fixture-widgets-ltd"]) assert.ok(a.actors.includes(id), id);
  assert.deepEqual(warningsOf("articles/unknown-names.md"), []);
  assert.deepEqual(a.openNames?.actors.map((n) => [n.id, n.kind]), [["zhang-fixture", "person"], ["fixture-widgets-ltd", "organization"]]);
});

test("dates in the future or before 1949 are built with a warning on the date line", () => {
  assert.equal(article("articles/future-date.md").article.date.day, "2099-01-01");
  assert.equal(article("articles/before-1949.md").article.date.day, "1931-09-18");
  const [future] = warningsOf("articles/future-date.md");
  const [early] = warningsOf("articles/before-1949.md");
  assert.deepEqual([future?.line, future?.field], [3, "date"]);
  assert.match(future!.message, /in the future/);
  assert.deepEqual([early?.line, early?.field], [3, "date"]);
  assert.match(early!.message, /before 1949/);
});

test("two files with the same slug both get a page, and the second is reported", () => {
  const slugs = ["articles/Same Slug.md", "articles/same-slug.md"].map((f) => article(f).article.slug);
  assert.equal(new Set(slugs).size, 2);
  assert.ok(slugs.includes("same-slug"));
  const w = r.log.warnings.filter((d) => d.field === "slug");
  assert.equal(w.length, 1);
  assert.match(w[0]!.message, /slug "same-slug" is already used by articles\/(Same Slug|same-slug)\.md/);
});

test("BOMs, CRLF and invisible characters leave no trace on the page", () => {
  assert.equal(article("articles/bom-start.md").article.title, "Starts with a byte-order mark");
  assert.deepEqual(warningsOf("articles/bom-start.md"), []);
  const middle = article("articles/bom-middle.md");
  assert.doesNotMatch(middle.html + middle.text, /\uFEFF/);
  assert.deepEqual(warningsOf("articles/bom-middle.md").map((w) => w.line), [6]);
  const crlf = article("articles/crlf.md");
  assert.equal(crlf.article.title, "Windows line endings");
  assert.ok(crlf.article.tags.includes("chips"));
  assert.doesNotMatch(crlf.html, /\r/);
  assert.equal(crlf.html.match(/<p>/g)?.length, 2);
  assert.equal(article("articles/invisible-title.md").article.title, "Zerowidth and no-break spaces");
});

test("a GBK clipping is decoded, not shown as junk, and the user is told to save it as UTF-8", () => {
  const a = article("articles/generated/gbk-clipping.md");
  assert.equal(a.article.title, GBK_TITLE);
  assert.equal(a.text.trim(), GBK_BODY);
  assert.doesNotMatch(a.html, /\uFFFD/);
  const [w] = warningsOf("articles/generated/gbk-clipping.md");
  assert.match(w!.message, /not UTF-8; it was read as GB18030/);
});

test("a 5 MB article builds in reasonable time", () => {
  const a = article(BIG_ARTICLE);
  // All of it is read (words are counted over the whole text), and all of it goes to the index.
  assert.ok(a.article.wordCount > 1_000_000, `${a.article.wordCount} words`);
  assert.ok(a.html.length > 5_000_000, `${a.html.length} characters of HTML`);
  assert.ok(a.text.length > 1_000_000, `${a.text.length} characters of text`);
  assert.ok(a.headings.length > 10_000);
  assert.ok(seconds < 30, `ingest took ${seconds.toFixed(1)} s`);
});

test("a 2,000-character title is kept whole, with a warning on its line", () => {
  const a = article("articles/long-title.md");
  assert.equal(a.article.title.length, 2000);
  const [w] = warningsOf("articles/long-title.md");
  assert.deepEqual([w?.line, w?.field], [2, "title"]);
  assert.match(w!.message, /2000 characters long; it is kept whole/);
});

test("injected markup in front matter is kept as text; the site escapes it", () => {
  const a = article("articles/injection.md").article;
  assert.match(a.title, /^Injection <script>window\.__pwned='title'<\/script>/);
  assert.equal(a.outlet, "<script>window.__pwned='outlet'</script>Outlet");
  assert.match(a.summary!, /<svg onload=/);
  assert.deepEqual(a.unknownTags, ["img-src-x-onerror-window-pwned-tag-attr", "script-window-pwned-tag-script"]);
  // Kept as written (names are data, escaped where shown), and open names are not warned about.
  assert.deepEqual(warningsOf("articles/injection.md").filter((w) => w.field !== "body"), []);
  assert.ok(a.openNames!.tags.some((n) => n.name.includes("<script>")));
});

test("every kind of element the sanitizer strips from the body is reported once, at its first line", () => {
  const a = article("articles/injection.md");
  const removed = warningsOf("articles/injection.md").filter((w) => w.field === "body");
  assert.deepEqual(removed.map((w) => w.line), INJECTION_REMOVALS.map(([line]) => line));
  removed.forEach((w, i) => {
    const what = /^removed from the page for safety: (.*) \(the text stays in the file\)$/.exec(w.message)?.[1] ?? w.message;
    assert.match(what, INJECTION_REMOVALS[i]![1], `line ${w.line}: ${what}`);
  });
  // Sanitized HTML quotes every attribute value and escapes "<" and '"' in it.
  const tags = a.html.match(/<[a-z][^>]*>/gi) ?? [];
  assert.ok(tags.length > 10);
  for (const tag of tags) {
    assert.doesNotMatch(tag, /^<(script|iframe|svg|style|object|circle)\b/i);
    const attrs = [...tag.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!.toLowerCase(), value ?? ""] as const);
    for (const [name, value] of attrs) {
      assert.ok(!name.startsWith("on") && name !== "style" && name !== "class", `${name} in ${tag}`);
      if (name === "href" || name === "src") assert.match(value, /^(https?:|[a-z0-9])/i, tag);
    }
  }
  // Markdown links and images with unsafe URLs are not links: their text stays, as text.
  assert.match(a.html, /\[Markdown link\]\(javascript:window\.__pwned='md-link'\)/);
  assert.match(a.html, /!\[an image\]\(javascript:window\.__pwned='md-image'\)/);
  assert.doesNotMatch(a.html, /href="(?!https?:)/);
  for (const kept of ["a raw HTML link", "handler", "mixed case", "leading space", "encoded", "styled", "last paragraph"]) {
    assert.ok(a.html.includes(kept), `"${kept}" stays on the page`);
  }
});

test("events: duplicates, dangling links and cycles are errors; the rest are built and sanitized", () => {
  const ids = r.events.map((e) => e.id).sort();
  for (const id of ["hostile-good", "hostile-injection", "hostile-duplicate"]) assert.ok(ids.includes(id), id);
  assert.equal(r.events.find((e) => e.id === "hostile-duplicate")!.file, "events/duplicate-one.md");
  const e = r.events.find((x) => x.id === "hostile-injection")!;
  assert.equal(e.title["zh-Hans"], "<script>window.__pwned='event-title'</script>事件");
  assert.deepEqual(e.articles, ["injection"]);
  assert.doesNotMatch(e.html, /<script|\son\w+=/i);
  assert.deepEqual(warningsOf("events/injection-event.md").map((w) => [w.line, w.field]), [[21, "body"], [23, "body"]]);
  assert.deepEqual(r.events.find((x) => x.id === "hostile-dangling")!.respondsTo, []);
});
