// An article page's table of contents (src/site/toc.ts), and the headings it is made of.
import { test } from "node:test";
import assert from "node:assert/strict";
import { tableOfContents } from "../../src/site/toc.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import type { Heading } from "../../src/model/dataset.ts";

const h = (level: number, text: string): Heading => ({ level, text, id: text.toLowerCase().replace(/\s+/g, "-") });

test("a table of contents for three headings, or two in a long text; none for short pieces", () => {
  const three = [h(2, "A"), h(2, "B"), h(3, "B1")];
  assert.deepEqual(tableOfContents(three, 500, "zh-Hans").map((e) => [e.id, e.depth]), [["a", 0], ["b", 0], ["b1", 1]]);
  assert.deepEqual(tableOfContents([h(2, "A"), h(2, "B")], 2999, "zh-Hans"), []);
  assert.equal(tableOfContents([h(2, "A"), h(2, "B")], 3000, "zh-Hans").length, 2);
  // English is counted in words: 500 words is about 3000 characters.
  assert.equal(tableOfContents([h(2, "A"), h(2, "B")], 500, "en").length, 2);
  assert.deepEqual(tableOfContents([h(2, "A")], 10000, "zh-Hans"), []);
  // The title repeated as the body's first heading is not a section.
  assert.deepEqual(tableOfContents([h(1, "Title"), h(2, "A"), h(2, "B")], 100, "en", "Title"), []);
  // Sections of level 3 only start at depth 0.
  assert.deepEqual(tableOfContents([h(3, "A"), h(3, "B"), h(4, "C")], 0, "zh-Hans").map((e) => e.depth), [0, 0, 1]);
});

test("body sections start at h2 and skip no level, so the outline under the page's h1 holds", () => {
  const notes = renderMarkdown("### 开场\n\n文。\n\n##### 细节\n\n### 结论");
  assert.deepEqual(notes.headings.map((x) => [x.level, x.text]), [[2, "开场"], [3, "细节"], [2, "结论"]]);
  assert.match(notes.html, /<h2 id="[^"]+">开场<\/h2>[\s\S]*<h3 id="[^"]+">细节<\/h3>[\s\S]*<h2 id="[^"]+">结论<\/h2>/);
  // An h1 stays one: ingest takes it for the title when front matter has none.
  assert.deepEqual(renderMarkdown("# 标题\n\n## 一\n\n#### 二").headings.map((x) => x.level), [1, 2, 3]);
});
