// The registry entries' schemas (src/model/registry.ts): the YAML entry is the dataset's Actor or
// Tag plus its text rules, and the dataset's schema is that entry without them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { actorEntrySchema, actorSchema, tagEntrySchema, tagSchema, type Actor, type ActorEntry, type Tag, type TextRules } from "../../src/model/registry.ts";

const TEXT_RULES = ["exactCase", "resolveOnly", "falseFriends"];

test("the dataset's actor and tag are the YAML entries without their text rules, in the entries' order", () => {
  const without = (keys: string[], out: string[]) => keys.filter((k) => !out.includes(k));
  assert.deepEqual(Object.keys(actorSchema.shape), without(Object.keys(actorEntrySchema.shape), [...TEXT_RULES, "detect"]));
  assert.deepEqual(Object.keys(tagSchema.shape), without(Object.keys(tagEntrySchema.shape), TEXT_RULES));
  // A tag's detect is a field of the dataset's Tag; an actor's is only a text rule.
  assert.ok("detect" in tagSchema.shape);
  assert.ok(!("detect" in actorSchema.shape));
});

test("an entry parses with its defaults, and the dataset schema reads the dataset's form", () => {
  const actor = actorEntrySchema.parse({ id: "us-bis", type: "authority", names: { en: "BIS" }, exactCase: ["BIS"] });
  assert.deepEqual(actor, { id: "us-bis", names: { en: "BIS" }, aliases: [], exactCase: ["BIS"], resolveOnly: [], falseFriends: [], type: "authority" });
  const { exactCase, resolveOnly, falseFriends, ...dataset } = actor;
  assert.deepEqual(actorSchema.parse(dataset), dataset);
  assert.deepEqual(tagSchema.parse({ id: "gallium", kind: "material", names: { "zh-Hans": "镓" } }), {
    id: "gallium",
    names: { "zh-Hans": "镓" },
    aliases: [],
    kind: "material",
    detect: false,
  });
  assert.equal(actorSchema.safeParse({ ...dataset, exactCase: ["BIS"] }).success, false, "the dataset form has no text rules");
});

test("the types follow the schemas: an entry is an Actor or a Tag with optional text rules", () => {
  const rules: Required<TextRules> = { detect: true, exactCase: [], resolveOnly: [], falseFriends: [] };
  const actor: Actor = { id: "x", type: "company", names: { en: "X" }, aliases: [] };
  const entry: ActorEntry = { ...actor, ...rules };
  const tag: Tag = { id: "t", kind: "topic", names: { en: "T" }, aliases: [], detect: false };
  assert.deepEqual(Object.keys(rules).sort(), [...TEXT_RULES, "detect"].sort());
  assert.ok(entry && tag);
});
