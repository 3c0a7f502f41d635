import { test } from "node:test";
import assert from "node:assert/strict";
import { copiedEventFields, eventFrontMatter } from "../../src/model/event.ts";
import { eventFileFields, NEW_EVENT_EXAMPLE, SEARCH_FILTERS, SEARCH_META, TIMELINE_COLUMNS } from "../../src/model/event-fields.ts";

test("each exported form names a field once", () => {
  for (const keys of [TIMELINE_COLUMNS.map((c) => c.key), SEARCH_META.map(([k]) => k), SEARCH_FILTERS.map(([k]) => k)]) {
    assert.equal(new Set(keys).size, keys.length, keys.join(","));
  }
});

test("an event file is written in the schema's order of fields, with the ones given only", () => {
  const fm = eventFileFields({ sources: [{ url: "https://example.com/a" }], id: "x", title: { "zh-Hans": "标题", en: "Title" }, date_notes: undefined, dates: { announced: "2024" } });
  assert.deepEqual(Object.keys(fm), ["id", "title", "dates", "sources"]);
  const example = eventFileFields({ ...NEW_EVENT_EXAMPLE, title: { "zh-Hans": "标题", en: "Title" }, dates: { announced: "2024-12-02" } });
  assert.ok(eventFrontMatter.safeParse(example).success, "the example of a new event validates");
});

test("ingest copies the front matter's plain fields as written and leaves the ones it resolves", () => {
  const fm = eventFrontMatter.parse({
    id: "x",
    title: { "zh-Hans": "标题", en: "Title" },
    dates: { announced: "2024" },
    date_notes: "n",
    jurisdiction: "US",
    authority: "BIS",
    kind: "measure",
    domain: ["chips"],
    sources: [{ url: "https://example.com/a" }],
  });
  assert.deepEqual(copiedEventFields(fm), { title: { "zh-Hans": "标题", en: "Title" }, jurisdiction: "US", kind: "measure", domain: ["chips"], verified: true });
});
