import { test } from "node:test";
import assert from "node:assert/strict";
import { findInstruments, instrumentKeys, instrumentLabel } from "../../src/timeline/instruments.ts";

test("Federal Register citations, document numbers and addresses", () => {
  assert.deepEqual(instrumentKeys("the rule (89 FR 96790, FR Doc. 2024-28270) took effect"), ["fr:89/96790", "frdoc:2024-28270"]);
  assert.deepEqual(instrumentKeys("see https://www.federalregister.gov/d/2022-21658"), ["frdoc:2022-21658"]);
  assert.deepEqual(instrumentKeys("https://www.federalregister.gov/documents/2024/12/05/2024-28270/foreign-direct-product-rules"), ["frdoc:2024-28270"]);
  assert.deepEqual(instrumentKeys("FR Doc No: 2018-15633"), ["frdoc:2018-15633"]);
  // Not a citation: a price, a ratio, a year.
  assert.deepEqual(instrumentKeys("3.5 FRANCS 2024 年 GDP 增长 5%"), []);
});

test("executive orders and WTO disputes in English and Chinese", () => {
  assert.deepEqual(instrumentKeys("Executive Order 14105 of August 9, 2023; E.O. 14257"), ["eo:14105", "eo:14257"]);
  assert.deepEqual(instrumentKeys("拜登签署第14105号行政令"), ["eo:14105"]);
  assert.deepEqual(instrumentKeys("China filed WT/DS633/1; the DS 543 panel"), ["wto:ds633", "wto:ds543"]);
});

test("MOFCOM announcements in every way Chinese texts write them, joint ones included", () => {
  for (const s of ["商务部公告2024年第46号", "商务部2024年第46号公告", "商务部公告〔2024〕46号", "商务部发布2024年第46号公告", "MOFCOM Announcement No. 46 of 2024", "商务部公告２０２４年第４６号"]) {
    assert.deepEqual(instrumentKeys(`据${s}，即日起`), ["mofcom:2024/46"], s);
  }
  assert.deepEqual(instrumentKeys("商务部 海关总署公告2023年第23号"), ["mofcom:2023/23"]);
  assert.deepEqual(instrumentKeys("商务部、海关总署2025年第18号公告"), ["mofcom:2025/18"]);
  assert.deepEqual(instrumentKeys("商务部 科技部公告2023年第57号"), ["mofcom:2023/57"]);
  assert.deepEqual(instrumentKeys("商务部令2020年第4号《不可靠实体清单规定》"), ["mofcom-order:2020/4"]);
});

test("the Unreliable Entity List mechanism's and the Tariff Commission's announcements are theirs, not MOFCOM's", () => {
  assert.deepEqual(instrumentKeys("不可靠实体清单工作机制公告〔2025〕5号"), ["uel:2025/5"]);
  assert.deepEqual(instrumentKeys("不可靠实体清单工作机制公告2023年第1号"), ["uel:2023/1"]);
  assert.deepEqual(instrumentKeys("国务院关税税则委员会公告2025年第4号；税委会公告〔2018〕10号"), ["tariff:2025/4", "tariff:2018/10"]);
});

test("every form of a key is labelled as the events write instruments, and the label finds the key again", () => {
  for (const key of ["fr:89/96790", "frdoc:2024-28270", "eo:14105", "wto:ds633", "uel:2025/5", "tariff:2025/4", "mofcom-order:2020/4", "mofcom:2024/46", "state-council-order:803", "mfa-order:19"]) {
    assert.deepEqual(instrumentKeys(instrumentLabel(key)), [key], key);
  }
  const refs = findInstruments("于2024年12月3日发布商务部公告2024年第46号。");
  assert.equal(refs.length, 1);
  assert.equal(refs[0]!.text, "商务部公告2024年第46号");
});
