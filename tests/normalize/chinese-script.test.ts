import { test } from "node:test";
import assert from "node:assert/strict";
import * as OpenCC from "opencc-js";
import { hongKongToSimplified, simplifiedToHongKong, simplifiedToTaiwan, taiwanToSimplified } from "../../src/normalize/chinese-script.ts";

// Phrases whose conversion differs from character by character (头发 → 頭髮, 干部 → 幹部),
// names, mixed scripts and Latin text: each converter must answer exactly as OpenCC's own.
const SAMPLES = [
  "头发", "干部", "面条", "美国商务部工业与安全局", "台湾积体电路制造", "香港特别行政区", "华为技术有限公司",
  "出口管制条例", "稀土永磁", "臺灣積體電路製造", "美國商務部", "軟體", "NVIDIA 英伟达 H20", "",
];

test("each conversion answers as OpenCC's Converter for the same pair of locales", () => {
  const pairs: Array<[(s: string) => string, OpenCC.ConverterOptions]> = [
    [taiwanToSimplified, { from: "tw", to: "cn" }],
    [hongKongToSimplified, { from: "hk", to: "cn" }],
    [simplifiedToTaiwan, { from: "cn", to: "tw" }],
    [simplifiedToHongKong, { from: "cn", to: "hk" }],
  ];
  for (const [ours, options] of pairs) {
    const theirs = OpenCC.Converter(options);
    for (const s of SAMPLES) assert.equal(ours(s), theirs(s), `${options.from} → ${options.to}: ${s}`);
  }
});

test("the phrase table decides where one character has two Traditional forms", () => {
  assert.equal(simplifiedToTaiwan("头发"), "頭髮");
  assert.equal(simplifiedToTaiwan("发展"), "發展");
  assert.equal(taiwanToSimplified("臺灣"), "台湾");
});
