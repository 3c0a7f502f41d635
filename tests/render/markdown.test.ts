import { test } from "node:test";
import assert from "node:assert/strict";
import sanitizeHtml from "sanitize-html";
import { renderMarkdown, countWords, sanitizeBody } from "../../src/render/markdown.ts";

test("template syntax in a body is text, not a template", () => {
  const r = renderMarkdown("Use {{ title }} and {% raw %} here.");
  assert.match(r.html, /\{\{ title \}\} and \{% raw %\} here\./);
});

test("scripts, event handlers and iframes never reach the page, and each removal is reported with its line", () => {
  const body = [
    "para one",
    "",
    "<script>alert(1)</script>",
    "",
    'text <img src="x.png" onerror="alert(2)"> more',
    "",
    '<iframe src="https://evil.example"></iframe>',
    "",
    '<svg onload="alert(3)"></svg>',
  ].join("\n");
  const r = renderMarkdown(body);
  assert.doesNotMatch(r.html, /<script|onerror|<iframe|<svg|onload|alert\(1\)/i);
  assert.deepEqual(r.removed.map((x) => x.line), [3, 5, 7, 9]);
  assert.match(r.removed[0]!.what, /<script>/);
  assert.match(r.removed[1]!.what, /event-handler/);
});

test("javascript: and data: links do not become links", () => {
  const r = renderMarkdown("[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) [c](https://ok.example/)");
  assert.doesNotMatch(r.html, /href="(javascript|data):/i);
  assert.match(r.html, /href="https:\/\/ok\.example\/" rel="noopener noreferrer"/);
});

test("images lazy-load without a Referer (WeChat's host refuses one)", () => {
  const r = renderMarkdown("![图注](https://mmbiz.qpic.cn/a/640?wx_fmt=jpeg)");
  assert.match(r.html, /<img src="https:\/\/mmbiz\.qpic\.cn\/a\/640\?wx_fmt=jpeg" alt="图注" loading="lazy" decoding="async" referrerpolicy="no-referrer"/);
});

test("allowed HTML is kept and nothing is reported", () => {
  const r = renderMarkdown("H<sub>2</sub>O and <details><summary>more</summary>hidden</details>");
  assert.match(r.html, /<sub>2<\/sub>/);
  assert.deepEqual(r.removed, []);
});

test("headings get stable unique ids, the first paragraph and the text are collected", () => {
  const r = renderMarkdown("# 反制措施\n\n第一段。\n\n## 反制措施\n\n## Market\n\nsecond");
  assert.deepEqual(r.headings.map((h) => h.id), ["fanzhi-cuoshi", "fanzhi-cuoshi-2", "market"]);
  assert.equal(r.firstParagraph, "第一段。");
  assert.match(r.html, /<h2 id="fanzhi-cuoshi-2">/);
  assert.match(r.text, /second/);
});

test("word count: Chinese characters and Latin words", () => {
  assert.equal(countWords("中国商务部 announced new rules"), 5 + 3);
  assert.equal(countWords(""), 0);
  // Characters outside the Basic Multilingual Plane: 𠀀 is Han, 𝐀 a letter.
  assert.equal(countWords("𠀀𠀁 abc 𝐀𝐁 x1 中文,word 〇々"), 2 + 1 + 1 + 1 + 2 + 1 + 2);
  assert.equal(countWords("a-b c_d, 3.14"), 2 + 2 + 2);
});

// Bodies without raw HTML skip the sanitizer; for each of these, running it anyway must change
// nothing but how the same markup is written (compared after one neutral re-serialization).
test("a body without raw HTML is already what the sanitizer would leave: links, images, tables, code", () => {
  const neutral = (h: string) =>
    sanitizeHtml(h, { allowedTags: false, allowedAttributes: false, allowedSchemesAppliedToAttributes: [], allowVulnerableTags: true });
  const samples = [
    "[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](java&#x09;script:alert(1)) [d](vbscript:x) [e](data:text/html,x)",
    "[f](ftp://files.example/x) [g](tel:+861012345678) [h](weixin://dl/chat) [i](//evil.example/x) [j](/\\evil.example)",
    "[k](mailto:a@b.example) [l](relative/path) [m](#section) [n](https://ok.example/?a=1&b=\"2\")",
    "<https://auto.example/x> <javascript:alert(1)> <a@b.example> www.linkify.example and evil.example/path",
    '![x](data:image/png;base64,iVBORw0KGgo=) ![y](ftp://img.example/a.png) ![z "t\"itle"](https://img.example/a.png) ![w](//img.example/b.png)',
    "| left | centre | right |\n|:-----|:------:|------:|\n| 1 | 2 | 3 |",
    "```js onload=alert(1)\nconst a = '<script>';\n```\n\n    indented <b>code</b>\n\n`<i>inline</i>`",
    "# T &amp; &lt;script&gt; &quot;q&quot; \"q\"\n\nline  \nbreak *em* **strong** ~~del~~\n\n> quote\n\n1. one\n2. two\n\n---",
  ];
  for (const md of samples) {
    const { html, removed } = renderMarkdown(md);
    assert.deepEqual(removed, [], md);
    assert.equal(neutral(html), neutral(sanitizeBody(html)), md);
  }
  const links = renderMarkdown(samples[1]!).html;
  assert.doesNotMatch(links, /href="(ftp|tel|weixin):|href="\/\//);
  assert.match(links, /<a>f<\/a>/);
  assert.doesNotMatch(renderMarkdown(samples[4]!).html, /src="(data|ftp):|src="\/\//);
  assert.doesNotMatch(renderMarkdown(samples[5]!).html, /style=/);
  assert.doesNotMatch(renderMarkdown(samples[6]!).html, /class=|<script/);
});
