import { test } from "node:test";
import assert from "node:assert/strict";
import { readArticleFrontMatter, KNOWN_ARTICLE_FIELDS } from "../../src/model/schema.ts";

test("values that mean nothing are not given, in every field", () => {
  const { fields, dropped } = readArticleFrontMatter({ title: "T", outlet: "None", author: "n/a", source: "", tags: ["None", "x"], people: [null], speaker: "None", status: "ok" });
  assert.deepEqual(fields, { title: "T", tags: ["x"], status: "ok" });
  assert.deepEqual(dropped, []);
});

test("each field that cannot be read is left out and named with its value and reason; the others stay", () => {
  const { fields, dropped } = readArticleFrontMatter({
    title: "T",
    source: "not a url",
    image: "javascript:alert(1)",
    lang: "fr",
    tags: { a: 1 },
    draft: "maybe",
    outlet: "Reuters",
    speaker: "Someone",
  });
  assert.deepEqual(fields, { title: "T", outlet: "Reuters", speaker: "Someone" });
  assert.deepEqual(dropped.map((d) => d.field).sort(), ["draft", "image", "lang", "source", "tags"]);
  const source = dropped.find((d) => d.field === "source")!;
  assert.equal(source.value, "not a url");
  assert.match(source.reason, /http:\/\/ or https:\/\//);
});

test("slug and date_source are fields the model knows, not the user's own", () => {
  assert.ok(KNOWN_ARTICLE_FIELDS.has("slug"));
  assert.ok(KNOWN_ARTICLE_FIELDS.has("date_source"));
  assert.deepEqual(readArticleFrontMatter({ date_source: "crawled", slug: "my-slug" }).fields, { date_source: "crawled", slug: "my-slug" });
});

test("a field's schema used alone reads nothing-values as not given too", async () => {
  const { articleFrontMatter } = await import("../../src/model/schema.ts");
  assert.deepEqual(articleFrontMatter.shape.people.parse(["None", "Jensen Huang", ""]), ["Jensen Huang"]);
  assert.equal(articleFrontMatter.shape.outlet.parse("N/A"), undefined);
  assert.equal(articleFrontMatter.shape.tags.parse([null, "null"]), undefined);
  assert.deepEqual(articleFrontMatter.shape.tags.parse("None, 芯片, n/a"), ["芯片"], "in a comma-separated line too");
});

test("names written as wikilinks by a web clipper read as the names", () => {
  const { fields } = readArticleFrontMatter({ title: "[[Export controls]]", author: ["[[Jane Doe]]", "[[People/Li Wei|李伟]]"], people: ["[[Jensen Huang]]"], tags: ["#芯片", "[[出口管制]]"], outlet: "[[Reuters]]" });
  assert.deepEqual(fields, { title: "Export controls", author: "Jane Doe, 李伟", people: ["Jensen Huang"], tags: ["芯片", "出口管制"], outlet: "Reuters" });
});

test("blogs' own fields: description is the summary, lastmod the update, categories are tags", () => {
  const { fields, dropped } = readArticleFrontMatter({ title: "t", description: "一句话", lastmod: "2024-01-03", tags: "a, b", categories: ["政策", ["日记", "生活"]] });
  assert.equal(fields.summary, "一句话");
  assert.equal(fields.updated, "2024-01-03");
  assert.deepEqual(fields.tags, ["a", "b", "政策", "日记", "生活"]);
  assert.deepEqual(dropped, []);
  const own = readArticleFrontMatter({ summary: "own", description: "other", categories: "x" }).fields;
  assert.equal(own.summary, "own", "a summary of its own comes first");
  assert.deepEqual(own.tags, ["x"]);
  const bad = readArticleFrontMatter({ description: ["not", "text"] });
  assert.equal(bad.dropped[0]!.field, "description", "a message names the field the note wrote");
});
