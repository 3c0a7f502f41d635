import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeHtml } from "../../src/render/escape.ts";

test("the five characters that break text or a quoted attribute become entities; nothing else changes", () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  // An entity already written is escaped again: the text shows as typed.
  assert.equal(escapeHtml("&amp;"), "&amp;amp;");
  assert.equal(escapeHtml("美国商务部 · BIS — 2024/12/04"), "美国商务部 · BIS — 2024/12/04");
  assert.equal(escapeHtml(""), "");
});
