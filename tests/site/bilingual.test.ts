// Pages carry both interface languages: the markup helpers of src/site/i18n.ts, and the image
// alt text and captions of src/render/markdown.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import {
  bilingualText,
  bilingualAttr,
  englishOf,
  bilingualDate,
  bilingualEventDate,
  bilingualName,
  markParagraphLangs,
  STRINGS,
} from "../../src/site/i18n.ts";
import { renderMarkdown, fillMissingAlts } from "../../src/render/markdown.ts";
import { normalizeDate } from "../../src/normalize/date.ts";
import { ROOT } from "../../src/config.ts";

test("interface text carries its English, escaped", () => {
  assert.equal(bilingualText("navTags"), '<span data-en="Tags">标签</span>');
  assert.equal(bilingualText("readingTime", { n: 3 }), '<span data-en="3 min read">阅读约 3 分钟</span>');
  // The same in both languages: no data-en to swap.
  assert.equal(bilingualText("uiLangSelf_en"), "English");
  assert.equal(bilingualText("searchNames", { names: '<b>"x"</b>' }), '<span data-en="(matched by name: &lt;b&gt;&quot;x&quot;&lt;/b&gt;)">（按名称匹配：&lt;b&gt;&quot;x&quot;&lt;/b&gt;）</span>');
  assert.throws(() => bilingualText("noSuchKey"), /no interface string/);
});

test("attributes carry their English in data-en-<attribute>", () => {
  assert.equal(bilingualAttr("placeholder", "searchPlaceholder"), 'placeholder="搜索（按 / 键）" data-en-placeholder="Search (press /)"');
  assert.equal(bilingualAttr("data-count", "searchCount"), 'data-count="找到 {n} 个结果。" data-en-data-count="{n} results."');
  assert.throws(() => bilingualAttr('x" onclick="alert(1)', "navTags"), /not an attribute name/);
  assert.equal(englishOf("filterAll"), ' data-en="All"');
});

test("dates are written in Chinese with the English alongside, for the reader's language", () => {
  const d = normalizeDate("2024-12-04", { zone: "Asia/Shanghai" });
  assert.ok(d.ok);
  assert.equal(bilingualDate(d.value), '<time datetime="2024-12-04T00:00:00+08:00" data-en="4 December 2024">2024年12月4日</time>');
  assert.equal(bilingualEventDate({ value: "2025-05", precision: "month" }), '<time datetime="2025-05" data-en="May 2025">2025年5月</time>');
  assert.equal(bilingualEventDate({ value: "2010", precision: "year" }), '<time datetime="2010" data-en="2010">2010年</time>');
});

test("a name says its language, and its English name when it has another", () => {
  assert.equal(bilingualName({ label: "镓", lang: "zh-Hans", en: "Gallium" }), '<span lang="zh-Hans" data-en="Gallium">镓</span>');
  assert.equal(bilingualName({ label: "European Union", lang: "en" }), '<span lang="en">European Union</span>');
  assert.equal(bilingualName({ label: "<x-corp>" }), "&lt;x-corp&gt;");
});

test("paragraphs in another language than their block are marked", () => {
  const html = "<p>The seed is dated Wednesday.</p>\n<p>据AI范儿报道，美国政府本周一公布。</p>\n<p>美國商務部產業安全局發布規則。</p>";
  assert.equal(
    markParagraphLangs(html, "zh-Hans"),
    '<p lang="en">The seed is dated Wednesday.</p>\n<p>据AI范儿报道，美国政府本周一公布。</p>\n<p lang="zh-Hant">美國商務部產業安全局發布規則。</p>',
  );
});

test("an image's caption line becomes its figure caption and its alt", () => {
  const dw = renderMarkdown("![美国正在](https://static.dw.com/a.jpg)\n\n*美国正在积极说服盟友进一步限制*\n\n正文。");
  assert.match(dw.html, /^<figure><img src="https:\/\/static\.dw\.com\/a\.jpg" alt="美国正在积极说服盟友进一步限制" loading="lazy" decoding="async" referrerpolicy="no-referrer" \/><figcaption><em>美国正在积极说服盟友进一步限制<\/em><\/figcaption>\s*<\/figure>\s*<p>正文。<\/p>/);
  const netease = renderMarkdown("![](https://x.example/1.jpg)\n\n【美国商务部宣布废除对AI芯片出口分级管制法案】");
  assert.match(netease.html, /alt="美国商务部宣布废除对AI芯片出口分级管制法案"/);
  assert.match(netease.html, /<figcaption>【美国商务部宣布废除对AI芯片出口分级管制法案】<\/figcaption>/);
  // A paragraph that merely follows an image is not its caption; nor is a bracketed line with a link.
  const plain = renderMarkdown("![given](https://x.example/2.jpg)\n\n美国政府于本周一公布了新一轮措施。\n\n![](https://x.example/3.jpg)\n\n[链接](https://x.example/)");
  assert.doesNotMatch(plain.html, /<figure>/);
  assert.match(plain.html, /alt="given"/);
  // Raw HTML images get the same attributes as Markdown ones.
  const raw = renderMarkdown('<img src="https://mmbiz.qpic.cn/x.jpg">');
  assert.match(raw.html, /<img src="https:\/\/mmbiz\.qpic\.cn\/x\.jpg" loading="lazy" decoding="async" referrerpolicy="no-referrer" \/>/);
});

test("images without alt text get a generic one in both languages; others keep theirs", () => {
  const fallback = { alt: "图片", lang: "zh-Hans", en: "Image" };
  const html = renderMarkdown('![](https://x.example/1.jpg)\n\n![ ](https://x.example/2.jpg)\n\n![地图](https://x.example/3.jpg)\n\n<img src="https://x.example/4.jpg" alt="a &quot;b&quot;">').html;
  const out = fillMissingAlts(html, fallback);
  const tags = out.match(/<img\b[^>]*>/g)!;
  assert.equal(tags.length, 4);
  assert.match(tags[0]!, /^<img alt="图片" lang="zh-Hans" data-en-alt="Image" src="https:\/\/x\.example\/1\.jpg"/);
  assert.match(tags[1]!, /^<img alt="图片" lang="zh-Hans" data-en-alt="Image" src="https:\/\/x\.example\/2\.jpg"/);
  assert.equal(tags[1]!.match(/\salt=/g)!.length, 1, "the empty alt is replaced, not doubled");
  assert.match(tags[2]!, /alt="地图"/);
  assert.doesNotMatch(tags[2]!, /data-en-alt/);
  assert.match(tags[3]!, /alt="a &quot;b&quot;"/);
});

test("no template spells out an interface string: every text comes from the dictionary", () => {
  // Han characters in a template are interface text written by hand; the dictionary is the one place.
  const dirs = [path.join(ROOT, "_includes"), path.join(ROOT, "pages")];
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      // Feeds and the API are data for machines, not interface.
      if (e.isDirectory()) {
        if (!["feeds", "api"].includes(e.name)) walk(p);
      }
      else if (e.name.endsWith(".njk") && !["sitemap.njk", "robots.njk"].includes(e.name)) files.push(p);
    }
  };
  dirs.forEach(walk);
  assert.ok(files.length >= 15);
  for (const f of files) {
    const text = readFileSync(f, "utf8").replace(/\{#[\s\S]*?#\}/g, "");
    const han = text.match(/[^\n]*\p{Script=Han}[^\n]*/u);
    assert.equal(han, null, `${path.relative(ROOT, f)}: ${han?.[0]}`);
  }
  // And every key a template asks for by name exists (prefixed ones, "kind_" + kind, are checked by the build).
  const keys = new Set(Object.keys(STRINGS));
  for (const f of files) {
    for (const [, key] of readFileSync(f, "utf8").matchAll(/\{%-?\s*(?:tr|enOf)\s+"([A-Za-z_]+)"\s*(?:,|-?%\})/g)) assert.ok(keys.has(key!), `${path.relative(ROOT, f)}: ${key}`);
    for (const [, key] of readFileSync(f, "utf8").matchAll(/\{%-?\s*trAttr\s+"[a-z-]+",\s*"([A-Za-z_]+)"\s*(?:,|-?%\})/g)) assert.ok(keys.has(key!), `${path.relative(ROOT, f)}: ${key}`);
  }
});
