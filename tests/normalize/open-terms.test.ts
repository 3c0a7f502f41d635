import { test } from "node:test";
import assert from "node:assert/strict";
import type { OpenKind, OpenName } from "../../src/model/types.ts";
import { OPEN_TERM_NAMES, settleOpenTerms, withSettledIds } from "../../src/normalize/open-terms.ts";
import { disambiguated, openIdentity, openTermId } from "../../src/normalize/registry.ts";

/** An article as ingest leaves it: its open names with their slugs, and those slugs in its lists. */
function article(tags: Array<[string, OpenKind?]>, actors: Array<[string, OpenKind?]> = [], registered: { tags?: string[]; actors?: string[] } = {}) {
  const open = (list: Array<[string, OpenKind?]>, prefix: "tag" | "actor", kind: OpenKind): OpenName[] =>
    list.map(([name, k]) => ({ id: openTermId(name, prefix), name, kind: k ?? kind }));
  const openNames = { tags: open(tags, "tag", "topic"), actors: open(actors, "actor", "organization") };
  return {
    tags: [...new Set([...(registered.tags ?? []), ...openNames.tags.map((n) => n.id)])].sort(),
    actors: [...new Set([...(registered.actors ?? []), ...openNames.actors.map((n) => n.id)])].sort(),
    unknownTags: [...new Set(openNames.tags.map((n) => n.id))].sort(),
    openNames,
  };
}

test("spellings of one name are one term, with its names most used first and its count in articles", () => {
  const s = settleOpenTerms([
    article([], [["Nvidia"], ["NVIDIA"]]),
    article([], [["Nvidia"]]),
    article([], [["ＮＶＩＤＩＡ"]]),
    article([], [["英伟达"]]),
    article([], [["英偉達"]]),
  ]);
  const nvidia = s.actors.terms.find((t) => t.id === "nvidia")!;
  assert.deepEqual(nvidia, { id: "nvidia", names: ["Nvidia", "NVIDIA", "ＮＶＩＤＩＡ"], kind: "organization", count: 3 });
  const ywd = s.actors.terms.filter((t) => t.names.includes("英伟达") || t.names.includes("英偉達"));
  assert.equal(ywd.length, 1, "Simplified and Traditional are one term");
  assert.equal(ywd[0]!.count, 2);
  assert.equal(s.actors.terms.length, 2, "an English and a Chinese name are two terms until actors.yaml merges them");
});

test("spellings that slug differently (AI Agent, AIAgent) are still one term, under the slug with the most words", () => {
  const s = settleOpenTerms([article([["AIAgent"]]), article([["AI Agent"]]), article([["ai_agent"]])]);
  assert.equal(s.tags.terms.length, 1);
  assert.equal(s.tags.terms[0]!.id, "ai-agent");
  assert.equal(s.tags.terms[0]!.count, 3);
  const moved = withSettledIds(article([["AIAgent"]]), s);
  assert.deepEqual(moved.tags, ["ai-agent"]);
  assert.deepEqual(moved.unknownTags, ["ai-agent"]);
  assert.equal("openNames" in moved, false, "the dataset holds each term once, not per article");
});

test("different names whose slugs meet get two ids: the one that spells the slug keeps it", () => {
  const s = settleOpenTerms([article([], [["Wang Yi"], ["王毅"]]), article([], [["网易"]]), article([], [["網易"]])]);
  const ids = s.actors.terms.map((t) => t.id).sort();
  assert.equal(ids.length, 3);
  assert.ok(ids.includes("wang-yi"), "the Latin Wang Yi spells wang-yi");
  assert.ok(ids.includes(disambiguated("wang-yi", openIdentity("王毅"))));
  assert.ok(ids.includes(disambiguated("wang-yi", openIdentity("网易"))));
  assert.equal(s.actors.terms.find((t) => t.names.includes("网易"))!.count, 2, "网易 and 網易 are one");
  // Whatever else the collection holds, and in whatever order, 王毅's id is the same.
  const alone = settleOpenTerms([article([], [["网易"]]), article([], [["王毅"]])]);
  assert.equal(alone.actors.idOf.get(openIdentity("王毅")), s.actors.idOf.get(openIdentity("王毅")));
  const reversed = settleOpenTerms([article([], [["王毅"]]), article([], [["网易"]])]);
  assert.deepEqual([...reversed.actors.idOf].sort(), [...alone.actors.idOf].sort());

  const both = withSettledIds(article([], [["王毅"], ["网易"]], { actors: ["us"] }), s);
  assert.deepEqual(both.actors, [disambiguated("wang-yi", openIdentity("王毅")), disambiguated("wang-yi", openIdentity("网易")), "us"].sort());
});

test("a name alone keeps its plain slug", () => {
  const s = settleOpenTerms([article([], [["网易"]])]);
  assert.deepEqual(s.actors.terms.map((t) => t.id), ["wang-yi"]);
  const a = article([], [["网易"]], { actors: ["cn"] });
  const moved = withSettledIds(a, s);
  assert.deepEqual(moved.actors, a.actors, "nothing moved");
});

test("the kind is the field the name is written in most, the more specific on a tie; names are capped", () => {
  const s = settleOpenTerms([
    article([["ChatGPT", "product"]]),
    article([["chatgpt", "topic"]]),
    article([["ChatGPT", "topic"], ["Trade War"]], [["Jensen Huang", "person"]]),
    article([["Chatgpt"]], [["jensen huang", "unregistered"]]),
    article([["CHATGPT"], ["ＣｈａｔＧＰＴ"]]),
  ]);
  const gpt = s.tags.terms.find((t) => t.id === "chatgpt")!;
  assert.equal(gpt.kind, "topic");
  assert.equal(gpt.count, 5, "one article naming it twice counts once");
  assert.equal(gpt.names.length, OPEN_TERM_NAMES);
  assert.equal(gpt.names[0], "ChatGPT");
  assert.equal(s.actors.terms.find((t) => t.id === "jensen-huang")!.kind, "person", "person before unregistered on a tie");
  const tie = settleOpenTerms([article([["H20", "product"]]), article([["h20", "topic"]])]);
  assert.equal(tie.tags.terms[0]!.kind, "product");
});

test("registered ids an article has are never moved", () => {
  const s = settleOpenTerms([article([["Foo Bar"]], [], { tags: ["chips"] }), article([["FooBar"]])]);
  const moved = withSettledIds(article([["FooBar"]], [], { tags: ["chips", "gallium"] }), s);
  assert.deepEqual(moved.tags, ["chips", "foo-bar", "gallium"]);
});
