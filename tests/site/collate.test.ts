import { test } from "node:test";
import assert from "node:assert/strict";
import { compareZh, englishOrder, sortByEnName, sortByZhName } from "../../src/site/collate.ts";

test("Chinese names sort by pinyin, not by code point", () => {
  // 华为 (huá), 美国商务部 (měi), 中兴 (zhōng), 阿斯麦 (ā): by code point 中 < 华 < 美 < 阿.
  const names = ["中兴", "美国商务部", "阿斯麦", "华为"].map((label) => ({ label }));
  assert.deepEqual(sortByZhName(names).map((n) => n.label), ["阿斯麦", "华为", "美国商务部", "中兴"]);
  assert.ok(compareZh("北京", "上海") < 0);
});

test("English names sort by the English name where there is one, case aside", () => {
  const names = [
    { label: "中兴", en: "ZTE" },
    { label: "华为", en: "Huawei" },
    { label: "asml" },
    { label: "美国商务部", en: "US Department of Commerce" },
  ];
  assert.deepEqual(sortByEnName(names).map((n) => n.en ?? n.label), ["asml", "Huawei", "US Department of Commerce", "ZTE"]);
  // Shown in the Chinese order (h… m… z…, Latin after Han as ICU's zh collation has it), each
  // item's place in the English one.
  const zh = sortByZhName(names);
  assert.deepEqual(zh.map((n) => n.label), ["华为", "美国商务部", "中兴", "asml"]);
  assert.deepEqual(englishOrder(zh), [1, 2, 3, 0]);
  assert.deepEqual(englishOrder([{ label: "中兴", en: "ZTE" }, { label: "华为", en: "Huawei" }]), [1, 0]);
});
