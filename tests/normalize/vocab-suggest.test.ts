import { test } from "node:test";
import assert from "node:assert/strict";
import type { OpenKind } from "../../src/model/types.ts";
import { loadActors, loadTags, Registry } from "../../src/normalize/registry.ts";
import { suggestDuplicates, suggestionsYaml, suggestionYaml, yamlScalar, type NoteNames } from "../../src/normalize/vocab-suggest.ts";
import { noteNames } from "../../src/ingest/vocabulary.ts";

const registry = new Registry(
  [
    { id: "acme", type: "company", names: { en: "Acme" }, aliases: [] },
    { id: "nvidia", type: "company", names: { "zh-Hans": "英伟达", en: "NVIDIA" }, aliases: [] },
  ],
  [{ id: "chips", kind: "technology", names: { "zh-Hans": "芯片", en: "Chips" }, aliases: [], detect: false }],
);

type Named = [string, OpenKind];
const note = (actors: Named[], tags: Named[] = []): NoteNames => ({
  actors: actors.map(([name, kind]) => ({ name, kind })),
  tags: tags.map(([name, kind]) => ({ name, kind })),
});
const times = (n: number, make: (i: number) => NoteNames) => Array.from({ length: n }, (_, i) => make(i));
const org = (n: string): Named => [n, "organization"];
const person = (n: string): Named => [n, "person"];
const spellingsOf = (s: ReturnType<typeof suggestDuplicates>[number]) => s.members.flatMap((m) => m.spellings.map(([n]) => n)).sort();

test("sound: names with one slug and one kind are suggested together; a person and an organization never", () => {
  const notes = [...times(3, () => note([person("梁文锋")])), ...times(2, () => note([person("梁文丰")])), note([org("网易")]), note([person("王毅")])];
  const s = suggestDuplicates(notes, registry);
  assert.equal(s.length, 1, JSON.stringify(s));
  assert.deepEqual(s[0]!.reasons, ["sound"]);
  assert.deepEqual(spellingsOf(s[0]!), ["梁文丰", "梁文锋"]);
  assert.equal(s[0]!.notes, 5);
  assert.match(suggestionYaml(s[0]!), /names: \{ zh-Hans: 梁文锋 \}\n {2}aliases: \[梁文丰\]/);
});

test("together: an English and a Chinese name of one kind, in enough notes, mostly together, each the other's best partner", () => {
  const pair = [
    ...times(5, () => note([org("Acme Robotics"), org("阿克米机器人")])),
    ...times(6, () => note([org("Hub Corp"), org("枢纽公司")])),
    ...times(2, () => note([org("Acme Robotics"), org("阿克米机器人"), org("Hub Corp"), org("枢纽公司")])),
  ];
  const s = suggestDuplicates(pair, registry).filter((x) => x.reasons.includes("together"));
  // Each English name meets both Chinese ones: the mutual best pairs decide.
  assert.deepEqual(s.map((x) => spellingsOf(x).join(" + ")).sort(), ["Acme Robotics + 阿克米机器人", "Hub Corp + 枢纽公司"]);
  assert.equal(s.find((x) => spellingsOf(x).includes("Acme Robotics"))!.pairs[0]!.together, 7);

  const fewer = [...times(4, () => note([org("Acme Robotics"), org("阿克米机器人")])), note([org("Acme Robotics")]), note([org("阿克米机器人")])];
  assert.deepEqual(suggestDuplicates(fewer, registry), [], "4 notes together: below minNotes (5)");
  const apart = [...times(6, () => note([org("Acme Robotics"), org("阿克米机器人")])), ...times(5, () => note([org("阿克米机器人")])), ...times(5, () => note([org("Acme Robotics")]))];
  assert.deepEqual(suggestDuplicates(apart, registry), [], "6 of the rarer one's 11: not mostly together (0.6)");
  assert.equal(suggestDuplicates(apart, registry, { minNotes: 5, minShare: 0.5 }).length, 1, "the share is an option");
  const kinds = times(6, () => note([person("Ada Quill"), org("阿克米机器人")]));
  assert.deepEqual(suggestDuplicates(kinds, registry), [], "a person and an organization");
});

test("a name that already has its translation pairs with nothing; a registered name without one gets the open name as an alias", () => {
  const hub = times(8, (i) => note([org("NVIDIA"), org("某新公司"), ...(i < 6 ? [org("Acme")] : [])]));
  const s = suggestDuplicates(hub, registry);
  assert.equal(s.length, 1, JSON.stringify(s.map((x) => spellingsOf(x))));
  assert.deepEqual(spellingsOf(s[0]!), ["Acme", "某新公司"], "NVIDIA has 英伟达: not paired with 某新公司");
  const yaml = suggestionYaml(s[0]!);
  assert.match(yaml, /# add to the aliases of "acme" in actors\.yaml:\n# {3}aliases: \[某新公司\]/);
});

test("spellings of one term are suggested after the merges, and the YAML loads into the registries without an error", () => {
  const notes = [
    ...times(4, () => note([org("SpaceX")], [["Quantum Sensing", "topic"], ["yes", "topic"]])),
    note([org("spacex"), org("Space-X")], [["quantum sensing", "topic"], ["YES", "topic"], ["GPT-5.5", "product"]]),
    ...times(3, () => note([person("梁文锋")], [["GPT 5.5", "product"]])),
    ...times(3, () => note([person("梁文丰")], [["GPT-55", "product"]])),
  ];
  const s = suggestDuplicates(notes, registry);
  assert.deepEqual(s.map((x) => [x.vocabulary, x.reasons.join(), x.notes, spellingsOf(x).join(" / ")]), [
    ["actors", "sound", 6, "梁文丰 / 梁文锋"],
    ["tags", "spellings", 5, "Quantum Sensing / quantum sensing"],
    ["actors", "spellings", 5, "Space-X / SpaceX / spacex"],
    ["tags", "spellings", 5, "YES / yes"],
  ]);
  assert.ok(!s.some((x) => spellingsOf(x).includes("GPT-55") && spellingsOf(x).includes("GPT-5.5")), "a version's dot is a word break");
  const { actors, tags } = suggestionsYaml(s);
  const loadedActors = loadActors(actors, "actors.yaml");
  const loadedTags = loadTags(tags, "tags.yaml");
  assert.deepEqual([...loadedActors.diagnostics, ...loadedTags.diagnostics].filter((d) => d.severity === "error"), []);
  const spacex = loadedActors.items.find((a) => a.names.en === "SpaceX")!;
  assert.equal(new Registry(loadedActors.items, []).resolveActor("Space X"), spacex.id);
  assert.ok(loadedTags.items.some((t) => t.names.en === "yes" || t.names.en === "YES"), "a YAML keyword as a name is quoted");
});

test("yamlScalar quotes what YAML would read otherwise", () => {
  assert.equal(yamlScalar("SpaceX"), "SpaceX");
  assert.equal(yamlScalar("梁文锋"), "梁文锋");
  for (const v of ["yes", "null", "C#", "a: b", "#tag", "[x]", "- x", "2024", "\"OpenAI\"", "x, y"]) assert.equal(yamlScalar(v), JSON.stringify(v), v);
});

test("noteNames reads the name fields as ingest does: lists, comma lines, #tags, products as tags", () => {
  const n = noteNames("---\ntitle: x\ntags: '#芯片, rare earths'\npeople: [Ada Quill]\ncompanies_orgs:\n  - Acme\nproducts_models: [H20]\nactors: 商务部\n---\n");
  assert.deepEqual(n.tags, [{ name: "芯片", kind: "topic" }, { name: "rare earths", kind: "topic" }, { name: "H20", kind: "product" }]);
  assert.deepEqual(n.actors, [{ name: "商务部", kind: "unregistered" }, { name: "Ada Quill", kind: "person" }, { name: "Acme", kind: "organization" }]);
});

test("noteNames reads Hexo's headless front matter and Hugo's TOML as ingest does", () => {
  assert.deepEqual(noteNames("title: 无头\ndate: 2020-01-01\ntags: [芯片]\n---\n正文").tags, [{ name: "芯片", kind: "topic" }]);
  assert.deepEqual(noteNames('+++\ntitle = "t"\ntags = ["稀土"]\n+++\n').tags, [{ name: "稀土", kind: "topic" }]);
});
