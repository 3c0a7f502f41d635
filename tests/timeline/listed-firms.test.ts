// Events an article reports by the firm a list took in, without a day: the listing that first put it there.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ROOT } from "../../src/config.ts";
import { DiagnosticLog } from "../../src/model/diagnostics.ts";
import { loadVocabulary, type Vocabulary } from "../../src/ingest/vocabulary.ts";
import { shippedEvents } from "../../src/ingest/collection-candidates.ts";
import { eventIndex, articleEvents, type EventIndex } from "../../src/timeline/article-events.ts";
import { listedFirmEvents } from "../../src/timeline/listed-firms.ts";
import { sentences } from "../../src/timeline/suggest.ts";

let vocab: Vocabulary;
let index: EventIndex;
before(async () => {
  vocab = await loadVocabulary(path.join(ROOT, "content"), path.join(ROOT, "content"), new DiagnosticLog());
  index = eventIndex(await shippedEvents(path.join(ROOT, "content"), vocab, "2026-01-01"));
});
const listed = (body: string, day = "2025-11-03") => listedFirmEvents(sentences(body), day, vocab, index.described).map((l) => l.event);

test("a firm said to be put on the Entity List, without a day, is its first listing, in either script", () => {
  assert.deepEqual(listed("同時，美國政府還將華為、中興等一批中國的高科技企業列入了一個實體清單。"), ["2019-05-16-us-bis-huawei-entity-list"]);
  assert.deepEqual(listed("The Commerce Department added Huawei to the Entity List, cutting it off from American chips."), ["2019-05-16-us-bis-huawei-entity-list"]);
  // Through the links ingest makes.
  assert.ok(articleEvents("美国政府将华为列入实体清单。", "2025-11-03", index, vocab).some((l) => l.event === "2019-05-16-us-bis-huawei-entity-list" && l.how === "description"));
});

test("a blacklist is the Entity List only when the US lists and the year is the first listing's", () => {
  assert.deepEqual(listed("2019年，在特朗普政府将华为列入黑名单一周后，习近平视察了一家稀土企业。"), ["2019-05-16-us-bis-huawei-entity-list"]);
  assert.deepEqual(listed("2021年，美国将华为列入黑名单。"), [], "another year: another list or a later rule");
  assert.deepEqual(listed("美国将华为列入黑名单。"), [], "no year: a blacklist may be any list");
});

test("no link for affiliates, more firms, a removal, a denial, a condition, a firm of the listing side, or a listing after the article", () => {
  for (const body of [
    "美国又将华为的38家子公司列入实体清单。",
    "美国将更多华为关联企业列入实体清单。",
    "美国将华为移出实体清单。",
    "华为并未被列入实体清单。",
    "如果美国将华为列入实体清单，后果严重。",
    "美国将英伟达列入实体清单。",
  ])
    assert.deepEqual(listed(body), [], body);
  assert.deepEqual(listed("美国将华为列入实体清单。", "2019-01-01"), [], "written before the listing");
});
