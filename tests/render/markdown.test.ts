import { test } from "node:test";
import assert from "node:assert/strict";
import sanitizeHtml from "sanitize-html";
import { renderMarkdown, countWords, sanitizeBody, htmlText, flattenDeepNesting, MAX_QUOTE_DEPTH } from "../../src/render/markdown.ts";
import { buildLinkTargets } from "../../src/render/wikilinks.ts";

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
    '<iframe src="javascript:alert(4)"></iframe>',
    "",
    '<svg onload="alert(3)"></svg>',
  ].join("\n");
  const r = renderMarkdown(body);
  assert.doesNotMatch(r.html, /<script|onerror|<iframe|<svg|onload|alert\(1\)|javascript/i);
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

const transcript = [
  "新规即日起生效。",
  "",
  "<details>",
  "<summary>View/Hide Original English</summary>",
  '<p class="english-text">The rule takes effect today &amp; applies to forty firms.</p>',
  "</details>",
  "",
  "出口商需要许可证。",
  "",
  "<details>",
  "<summary>View/Hide Original English</summary>",
  '<p class="english-text">Exporters need a licence.</p>',
  "</details>",
  "",
  '<p class="chinese-text">官员表示。</p> <span class="emphasis">重点</span>',
].join("\n");

test("classes of the content configuration are kept silently; other classes are removed and reported once per kind", () => {
  const classes = ["english-text", "chinese-text", "emphasis", "book-title"];
  const kept = renderMarkdown(transcript, { classes });
  assert.deepEqual(kept.removed, []);
  assert.match(kept.html, /<p class="english-text">The rule takes effect/);
  assert.match(kept.html, /<p class="chinese-text">官员表示。<\/p>/);
  assert.match(kept.html, /<span class="emphasis">重点<\/span>/);

  const body = `${transcript}\n\n<p class="english-text layout-x">a</p>\n\n<p class="layout-x">b</p>\n\n<div class="layout-x">c</div>`;
  const partly = renderMarkdown(body, { classes });
  assert.match(partly.html, /<p class="english-text">a<\/p>/);
  assert.doesNotMatch(partly.html, /layout-x/);
  assert.deepEqual(
    partly.removed.map((r) => [r.what, r.count, r.line]),
    [
      ['class "layout-x" on <p>', 2, 17],
      ['class "layout-x" on <div>', 1, 21],
    ],
  );

  // Without an allowlist every class goes, and 2 paragraphs of originals make one entry.
  const none = renderMarkdown(transcript);
  assert.doesNotMatch(none.html, /class="(english|chinese)-text"|class="emphasis"/);
  assert.deepEqual(
    none.removed.map((r) => [r.what, r.count, r.line]),
    [
      ['class "english-text" on <p>', 2, 3],
      ['class "chinese-text" on <p>', 1, 15],
      ['class "emphasis" on <span>', 1, 15],
    ],
  );
});

test("a transcript's originals are marked, counted and in the text; the summary's label is not text", () => {
  const r = renderMarkdown(transcript, { classes: ["english-text"] });
  assert.equal(r.originals, 2);
  assert.equal((r.html.match(/<details class="original" lang="en">/g) ?? []).length, 2);
  assert.match(r.text, /The rule takes effect today & applies to forty firms\./);
  assert.match(r.text, /Exporters need a licence\./);
  assert.doesNotMatch(r.text, /View\/Hide/);
  // Other <details> are not originals.
  const other = renderMarkdown("<details><summary>更多</summary>隐藏的内容</details>\n\n<details>\n<summary>查看英文原文</summary>\n\nOriginal text.\n\n</details>");
  assert.equal(other.originals, 1);
  assert.match(other.html, /<details>\s*<summary>更多<\/summary>/);
  assert.match(other.html, /<details class="original" lang="en">/);
  assert.equal(renderMarkdown("No raw HTML here.").originals, 0);
});

test("the text of raw HTML: entities decoded, tags gone, scripts, styles and a summary's label left out", () => {
  assert.equal(htmlText('<p class="english-text">AT&amp;T &eacute;t&#233; &#x4E2D;国 &lt;b&gt;</p>'), "AT&T été 中国 <b>");
  assert.equal(htmlText("<details><summary>View/Hide Original English</summary><p>Said <b>so</b>.</p></details>"), "Said so.");
  assert.equal(htmlText("a<script>var x = '<p>no</p>';</script>b<style>p{}</style>c<noscript>n</noscript>d"), "abcd");
  // An element left open ends with its fragment: the next fragment is read on its own.
  assert.equal(htmlText("<summary>label"), "");
  assert.equal(htmlText("after"), "after");
});

test("quotes and lists nested deeper than markdown-it reads keep every word, shown at the deepest level a page shows", () => {
  // markdown-it leaves out whatever is nested 100 levels deep; a mail thread or a generated outline can be.
  const quoted = renderMarkdown(`Intro\n\n${">".repeat(150)} the innermost reply\n\nAfter`);
  assert.match(quoted.text, /the innermost reply/);
  assert.match(quoted.html, /After/);
  assert.equal(quoted.flattenedFrom, 3);
  assert.equal((quoted.html.match(/<blockquote>/g) ?? []).length, MAX_QUOTE_DEPTH);
  const outline = Array.from({ length: 80 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");
  const listed = renderMarkdown(outline);
  for (const i of [0, 40, 79]) assert.match(listed.text, new RegExp(`item ${i}\\b`));
  assert.ok(listed.flattenedFrom !== undefined);
  // Shallow bodies are read as written, deep indentation in fenced code included.
  const code = "```\n" + " ".repeat(60) + "deeply indented code\n```";
  assert.deepEqual(flattenDeepNesting(code), { body: code });
  assert.equal(renderMarkdown("> one\n>> two").flattenedFrom, undefined);
  const mixed = flattenDeepNesting(`${"> ".repeat(30)}deep\n\`\`\`\n${" ".repeat(60)}code\n\`\`\``);
  assert.equal(mixed.from, 1);
  assert.equal(mixed.body.split("\n")[0], `${"> ".repeat(MAX_QUOTE_DEPTH)}deep`);
  assert.equal(mixed.body.split("\n")[2], `${" ".repeat(60)}code`);
});

test("wikilinks: resolved ones are links relative to the article page, unresolved ones text reported once each", () => {
  const links = buildLinkTargets(
    [
      { file: "notes/Export Controls.md", slug: "export-controls" },
      { file: "archive/deep/Export Controls.md", slug: "export-controls-2" },
      { file: "2025-01-02-x.md", slug: "x", title: "镓锗出口管制" },
    ],
    ["assets/map one.png"],
  );
  const r = renderMarkdown(
    "See [[export controls]], [[镓锗出口管制|the ban]], [[Export Controls#Second part]] and [[nowhere]] [[nowhere|again]].\n\n![[map one.png|300]] ![[missing.png]]",
    { links },
  );
  assert.match(r.html, /<a href="\.\.\/export-controls\/">export controls<\/a>/);
  assert.match(r.html, /<a href="\.\.\/x\/">the ban<\/a>/);
  assert.match(r.html, /<a href="\.\.\/export-controls\/#second-part">Export Controls &gt; Second part<\/a>/);
  assert.match(r.html, / nowhere again\./);
  assert.match(r.html, /<img src="\.\.\/\.\.\/attachments\/assets\/map%20one\.png" alt="" width="300"/);
  assert.match(r.html, / missing\.png<\/p>/);
  assert.equal(r.wikilinks.resolved, 4);
  assert.deepEqual(r.wikilinks.unresolved, [
    { target: "nowhere", line: 1 },
    { target: "missing.png", line: 3 },
  ]);
  assert.deepEqual(r.attachments, ["assets/map one.png"]);
  assert.match(r.text, /See export controls, the ban, Export Controls > Second part and nowhere again\./);
  // Targets shown by another name are searched, not shown.
  assert.match(r.text, /\n镓锗出口管制 nowhere\n/);
  assert.doesNotMatch(r.html, /镓锗出口管制/);
  const pdf = renderMarkdown("- [[Graphical Representation of the Holy Trinity.pdf|Holy Trinity]] and [[nowhere]]", { links });
  assert.match(pdf.text, /Graphical Representation of the Holy Trinity\.pdf/);
  assert.doesNotMatch(pdf.text, /nowhere.*nowhere/s, "a target the text shows is not added");
  assert.doesNotMatch(pdf.html, /Graphical/);
  // A body whose only markup is ours skips the sanitizer: it must be what the sanitizer keeps.
  assert.equal(r.removed.length, 0);
  assert.equal(r.html, sanitizeBody(r.html));
});

test("angle brackets around a name that is no HTML element are the author's words, shown as written", () => {
  const r = renderMarkdown([
    "遵守 id<NSCoding> 协议，返回 List<String> 或 Map<K, V>，见 <T> 和 <task-name>。",
    "",
    "<key>UIViewControllerBasedStatusBarAppearance</key>",
    "<false/>",
  ].join("\n"));
  assert.match(r.html, /id&lt;NSCoding&gt; 协议，返回 List&lt;String&gt;/);
  assert.match(r.html, /&lt;T&gt; 和 &lt;task-name&gt;/);
  assert.match(r.html, /<p>&lt;key&gt;UIViewControllerBasedStatusBarAppearance&lt;\/key&gt;\n&lt;false\/&gt;<\/p>/);
  assert.deepEqual(r.removed, []);
  assert.match(renderMarkdown("then cd <path> and run it").html, /cd &lt;path&gt; and run/);
  // Inside inline SVG the same name is markup, removed with its <svg>.
  const svg = renderMarkdown('an icon <svg viewBox="0 0 1 1"><path d="M0"/></svg> here');
  assert.deepEqual(svg.removed.map((x) => x.what), ["<svg>", "<path>"]);
  assert.doesNotMatch(svg.html, /path/);
  assert.match(r.text, /id<NSCoding>/);
  assert.match(r.text, /<key>UIViewControllerBasedStatusBarAppearance<\/key>/);
});

test("HTML elements, old ones included, are still judged by the allowlist", () => {
  const r = renderMarkdown('a <font color="red">red</font> word, <mark>marked</mark>\n\n<center>mid</center>\n\n<script>alert(1)</script>');
  assert.doesNotMatch(r.html, /<font|<center|<script|alert/);
  assert.match(r.html, /<mark>marked<\/mark>/);
  assert.deepEqual(r.removed.map((x) => x.what), ["<font>", "<center>", "<script>"]);
});

test("an embedded player becomes a link to what it showed, without a warning", () => {
  const r = renderMarkdown([
    '<iframe width="560" height="315" src="https://www.youtube.com/embed/CLpW1tZCblo?si=a&amp;t=2" title="YouTube video player" frameborder="0" allowfullscreen></iframe>',
    "",
    '视频：<iframe src="//player.bilibili.com/player.html?bvid=BV1xx411c7mD" scrolling="no"></iframe>',
  ].join("\n"));
  assert.doesNotMatch(r.html, /<iframe/);
  assert.match(r.html, /<a href="https:\/\/www\.youtube\.com\/embed\/CLpW1tZCblo\?si=a&amp;t=2" rel="noopener noreferrer" title="YouTube video player">https:\/\/www\.youtube\.com\/embed\/CLpW1tZCblo\?si=a&amp;t=2<\/a>/);
  assert.match(r.html, /视频：<a href="https:\/\/player\.bilibili\.com\/player\.html\?bvid=BV1xx411c7mD" rel="noopener noreferrer">https:\/\/player\.bilibili\.com/);
  assert.deepEqual(r.removed, []);
});

test("'<' followed by a space is text, as HTML parsers read it, and is not reported as removed", () => {
  const r = renderMarkdown("<details>\n<summary>View/Hide Original English</summary>\n<p>It ISN'T even that much,>< but I will be amazed.</p>\n</details>");
  assert.deepEqual(r.removed, []);
  assert.match(r.html, /much,&gt;&lt; but I will be amazed/);
});
