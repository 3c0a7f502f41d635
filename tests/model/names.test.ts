// Which of a term's names is shown (src/model/names.ts), the same for pages and search records.
import { test } from "node:test";
import assert from "node:assert/strict";
import { displayName, named } from "../../src/model/names.ts";

test("a name is shown in the interface language, else another, and says which", () => {
  assert.deepEqual(named({ "zh-Hant": "華為", en: "Huawei" }, "zh-Hans", "huawei"), { label: "華為", lang: "zh-Hant", en: "Huawei" });
  assert.deepEqual(named({ en: "Huawei" }, "zh-Hans", "huawei"), { label: "Huawei", lang: "en" });
  assert.deepEqual(named({}, "zh-Hans", "x-corp"), { label: "x-corp" });
});

test("a plain display name follows the same order and falls back to the id", () => {
  assert.equal(displayName({ "zh-Hans": "华为", "zh-Hant": "華為", en: "Huawei" }, "zh-Hant", "huawei"), "華為");
  assert.equal(displayName({ "zh-Hant": "華為", en: "Huawei" }, "zh-Hans", "huawei"), "華為");
  assert.equal(displayName({ "zh-Hans": "华为", en: "Huawei" }, "en", "huawei"), "Huawei");
  assert.equal(displayName({ "zh-Hans": "华为" }, "en", "huawei"), "华为");
  assert.equal(displayName({}, "zh-Hans", "huawei"), "huawei");
});
