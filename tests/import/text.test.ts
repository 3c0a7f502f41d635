// Line-level helpers of the importer.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  NoiseLog,
  headerValue,
  isImageOnlyLine,
  joinCjkSoftBreaks,
  repairSplitHeadings,
  tidyMarkdown,
  unwrapEmptyLinks,
} from "../../src/import/text.ts";

describe("repairSplitHeadings", () => {
  it("moves the text after an empty heading marker onto it", () => {
    assert.deepEqual(repairSplitHeadings(["##", "", "反制措施", "", "正文"]), ["## 反制措施", "", "正文"]);
    assert.deepEqual(repairSplitHeadings(["###  ", "小节"]), ["### 小节"]);
  });

  it("drops an empty marker with nothing to take, leaves real headings", () => {
    assert.deepEqual(repairSplitHeadings(["正文", "##", "", "![](x.png)"]), ["正文", "", "![](x.png)"]);
    assert.deepEqual(repairSplitHeadings(["## 已有标题", "正文"]), ["## 已有标题", "正文"]);
  });
});

describe("joinCjkSoftBreaks", () => {
  it("joins Chinese lines broken after bold text", () => {
    assert.deepEqual(joinCjkSoftBreaks(["声明，“**原则上不允许**", "”。这些物资"]), ["声明，“**原则上不允许**”。这些物资"]);
    assert.deepEqual(joinCjkSoftBreaks(["成本上升”", "可能推高价格"]), ["成本上升”可能推高价格"]);
  });

  it("keeps breaks where joining would change the Markdown or the words", () => {
    // `，**此` would no longer close the bold.
    assert.deepEqual(joinCjkSoftBreaks(["**占比60%），**", "此次禁令"]), ["**占比60%），**", "此次禁令"]);
    assert.deepEqual(joinCjkSoftBreaks(["会员总数达到", "6,400 家。"]), ["会员总数达到", "6,400 家。"]);
    assert.deepEqual(joinCjkSoftBreaks(["第一段。", "", "第二段。"]), ["第一段。", "", "第二段。"]);
    assert.deepEqual(joinCjkSoftBreaks(["## 标题", "正文"]), ["## 标题", "正文"]);
    assert.deepEqual(joinCjkSoftBreaks(["- 列表项", "- 另一项"]), ["- 列表项", "- 另一项"]);
  });
});

describe("small helpers", () => {
  it("unwrapEmptyLinks keeps the text of emptied links only", () => {
    assert.equal(unwrapEmptyLinks("见[《报告》](#)和[原文](https://x.org)与![图](#)"), "见《报告》和[原文](https://x.org)与![图](#)");
  });

  it("tidyMarkdown trims lines and collapses blank runs", () => {
    assert.equal(tidyMarkdown("\n\n甲  \n\n\n\n乙\u3000\n\n"), "甲\n\n乙");
  });

  it("isImageOnlyLine", () => {
    assert.ok(isImageOnlyLine("![](a.png)"));
    assert.ok(isImageOnlyLine("**![](a.png)** [![](b.png)](https://x)"));
    assert.ok(!isImageOnlyLine("![](a.png) 文字"));
    assert.ok(!isImageOnlyLine("文字"));
  });

  it("headerValue reads half- and full-width colons", () => {
    assert.deepEqual(headerValue("发布时间: 2024-12-04 09:24", ["发布时间"]), { key: "发布时间", value: "2024-12-04 09:24" });
    assert.deepEqual(headerValue("原文链接：http://a.b/c?d=1", ["原文链接"]), { key: "原文链接", value: "http://a.b/c?d=1" });
    assert.equal(headerValue("正文里说：某事", ["发布时间"]), undefined);
  });

  it("NoiseLog counts non-empty lines and keeps a few samples", () => {
    const log = new NoiseLog(2);
    log.dropAll(["a", "", "  ", "b", "c"]);
    assert.equal(log.count, 3);
    assert.deepEqual(log.samples, ["a", "b"]);
  });
});
