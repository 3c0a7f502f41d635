import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { Diagnostic } from "../../src/model/diagnostics.ts";
import { foldKey, loadActors, loadTags, openIdentity, openTermId, Registry, scriptVariants } from "../../src/normalize/registry.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (p: string) => readFileSync(path.join(REPO, p), "utf8");

const shippedActors = loadActors(read("content/actors.yaml"), "content/actors.yaml");
const shippedTags = loadTags(read("content/tags.yaml"), "content/tags.yaml");
const registry = new Registry(shippedActors.items, shippedTags.items);

/** Every way of writing a name in `names` resolves to the one id. */
function assertOneId(resolve: (n: string) => string | undefined, id: string, names: string[]): void {
  for (const n of names) assert.equal(resolve(n), id, `${JSON.stringify(n)} should resolve to ${id}`);
}

// ─── foldKey ────────────────────────────────────────────────────────────────────────────────

test("foldKey: case, spaces, underscores and hyphens do not make two names", () => {
  const key = foldKey("rare-earths");
  for (const s of ["Rare-Earths", "rare earths", "rare_earths", "  RARE   EARTHS ", "rare--earths", "rare – earths", "rare\tearths"]) {
    assert.equal(foldKey(s), key, s);
  }
  assert.notEqual(foldKey("rare earth"), key, "no stemming: singular and plural are two keys");
});

test("foldKey: Traditional and Simplified script, full-width forms, apostrophes", () => {
  assert.equal(foldKey("稀土金屬"), foldKey("稀土金属"));
  assert.equal(foldKey("美國商務部"), "美国商务部");
  assert.equal(foldKey("ＢＩＳ"), "bis");
  assert.equal(foldKey("China’s Ministry of Commerce"), foldKey("china's ministry of commerce"));
  assert.equal(foldKey("伊隆・马斯克"), foldKey("伊隆·馬斯克"));
});

test("scriptVariants gives each Chinese name in both scripts, and Latin names unchanged", () => {
  assert.ok(scriptVariants("华为").includes("華為"));
  assert.ok(scriptVariants("華為").includes("华为"));
  // Taiwan and Hong Kong write 台 differently from OpenCC's standard Traditional.
  const taiwan = scriptVariants("台湾");
  assert.ok(taiwan.includes("臺灣") && taiwan.includes("台灣"), taiwan.join(","));
  assert.deepEqual(scriptVariants("Bureau of Industry and Security"), ["Bureau of Industry and Security"]);
  // Character-level only: OpenCC's Taiwan phrase table would turn 安全局 into 安全域性.
  assert.ok(!scriptVariants("美国商务部工业与安全局").some((v) => v.includes("域性")));
});

// ─── The shipped registry ───────────────────────────────────────────────────────────────────

test("the shipped content/actors.yaml and content/tags.yaml load with no diagnostics", () => {
  assert.deepEqual(shippedActors.diagnostics, []);
  assert.deepEqual(shippedTags.diagnostics, []);
  assert.ok(shippedActors.items.length >= 80, `${shippedActors.items.length} actors`);
  assert.ok(shippedTags.items.length >= 40, `${shippedTags.items.length} tags`);
  for (const type of ["authority", "company", "person", "jurisdiction", "organization", "outlet"]) {
    assert.ok(shippedActors.items.some((a) => a.type === type), `no actor of type ${type}`);
  }
});

test("every shipped actor's jurisdiction is a shipped jurisdiction", () => {
  const jurisdictions = new Set(shippedActors.items.filter((a) => a.type === "jurisdiction").map((a) => a.id));
  for (const a of shippedActors.items) {
    if (a.jurisdiction) assert.ok(jurisdictions.has(a.jurisdiction.toLowerCase()), `${a.id}: ${a.jurisdiction}`);
  }
});

test("BIS in every script and language is one actor", () => {
  assertOneId((n) => registry.resolveActor(n), "us-bis", [
    "美国商务部工业与安全局",
    "美國商務部產業安全局",
    "美國商務部工業與安全局",
    "BIS",
    "Bureau of Industry and Security",
    "bureau of industry and security",
    "工业和安全局",
    "工業與安全局",
    "美国工业与安全局",
    "us-bis",
  ]);
  assert.equal(registry.resolveActor("美国商务部"), "us-doc", "the department is not its bureau");
});

test("companies, people and authorities resolve from every name", () => {
  assertOneId((n) => registry.resolveActor(n), "nvidia", ["Nvidia", "NVIDIA", "nvidia", "英伟达", "英偉達", "輝達", "辉达"]);
  assertOneId((n) => registry.resolveActor(n), "micron", ["美光", "美光科技", "Micron", "Micron Technology"]);
  assertOneId((n) => registry.resolveActor(n), "huawei", ["华为", "華為", "Huawei"]);
  assertOneId((n) => registry.resolveActor(n), "tsmc", ["台积电", "台積電", "臺積電", "台灣積體電路", "TSMC"]);
  assertOneId((n) => registry.resolveActor(n), "raimondo", ["雷蒙多", "Gina Raimondo", "Raimondo"]);
  assertOneId((n) => registry.resolveActor(n), "yellen", ["耶伦", "葉倫", "Janet Yellen", "Janet Louise Yellen"]);
  assertOneId((n) => registry.resolveActor(n), "cn-mofcom", ["中国商务部", "中國商務部", "MOFCOM", "中国大陆商务部", "China’s Ministry of Commerce"]);
  assertOneId((n) => registry.resolveActor(n), "trump", ["特朗普", "川普", "Donald Trump"]);
  assertOneId((n) => registry.resolveActor(n), "eurasia-group", ["欧亚集团", "歐亞集團", "Eurasia Group"]);
});

test("resolve-only names resolve although they are never searched in text", () => {
  assert.equal(registry.resolveActor("X"), "x-corp");
  assert.equal(registry.resolveActor("美"), "us");
  assert.equal(registry.resolveActor("大众"), "volkswagen");
  assert.equal(registry.resolveTag("IRA"), "inflation-reduction-act");
});

test("rare earths in every spelling is one tag", () => {
  assertOneId((n) => registry.resolveTag(n), "rare-earths", [
    "稀土",
    "稀土元素",
    "稀土金屬",
    "稀土金属",
    "rare earth",
    "rare earths",
    "Rare-Earths",
    "rare_earths",
    "rare-earth",
    "rare-earth-metals",
    "Rare Earth Element",
  ]);
});

test("tags resolve across scripts and Taiwan vocabulary", () => {
  assertOneId((n) => registry.resolveTag(n), "lithography", ["光刻机", "光刻機", "曝光机", "曝光機", "lithography"]);
  assertOneId((n) => registry.resolveTag(n), "chips", ["芯片", "晶片", "chip", "Chips"]);
  assertOneId((n) => registry.resolveTag(n), "entity-list", ["实体清单", "實體清單", "实体名单", "Entity List", "entity-list"]);
  assertOneId((n) => registry.resolveTag(n), "export-controls", ["出口管制", "export-control", "Export Controls"]);
  assertOneId((n) => registry.resolveTag(n), "dual-use-items", ["双用途物资", "两用物项", "雙用途物資", "dual-use"]);
  assertOneId((n) => registry.resolveTag(n), "hbm", ["HBM", "高带宽内存", "高頻寬記憶體"]);
  assertOneId((n) => registry.resolveTag(n), "gallium", ["镓", "鎵", "Gallium"]);
  assertOneId((n) => registry.resolveTag(n), "long-arm-jurisdiction", ["长臂管辖", "長臂管轄", "Long-arm Jurisdiction"]);
  assert.equal(registry.resolveTag("不可靠实体清单"), "unreliable-entity-list");
});

test("the tags seed 001's front matter uses all resolve to canonical ids", () => {
  const fm = parse(read("content/raw/001_0f687606ae77ce11.txt").split(/^---$/m)[1]!) as { tags: string[] };
  assert.deepEqual(
    fm.tags.map((t) => registry.resolveTag(t)),
    ["export-controls", "geopolitical-strategy", "rare-earths", "semiconductors", "us-china-relations"],
  );
});

test("a name with punctuation foldKey keeps still resolves when its slug is an id", () => {
  assert.equal(registry.resolveTag("Export controls!"), "export-controls");
  assert.equal(registry.resolveTag("US–China relations"), "us-china-relations");
});

test("unknown names resolve to nothing", () => {
  assert.equal(registry.resolveActor("Acme Widgets"), undefined);
  assert.equal(registry.resolveTag("trade secrets"), undefined);
  assert.equal(registry.resolveTag(""), undefined);
});

test("openTermId slugifies, and hashes what has nothing to spell", () => {
  const tagId = (n: string) => openTermId(n, "tag");
  assert.equal(tagId("Trade Secrets"), "trade-secrets");
  assert.equal(registry.openTagId("Trade Secrets"), "trade-secrets");
  assert.equal(tagId("芯片法案"), tagId("晶片法案".replace("晶", "芯")));
  assert.equal(tagId("芯片法案"), tagId("芯片法案"));
  assert.match(tagId("芯片法案"), /^[a-z0-9]+(-[a-z0-9]+)*$/);
  const rocket = tagId("🚀");
  assert.match(rocket, /^tag-[0-9a-f]{8}$/);
  assert.equal(tagId("🚀"), rocket, "stable");
  assert.notEqual(tagId("🔥"), rocket, "different tags, different ids");
  assert.equal(tagId(" 🚀 "), rocket, "surrounding space is not part of the tag");
  assert.match(openTermId("🚀", "actor"), /^actor-[0-9a-f]{8}$/);
});

test("openTermId: the spellings of one name are one id (case, width, spacing, script)", () => {
  for (const group of [["NVIDIA", "Nvidia", "ＮＶＩＤＩＡ", " nvidia "], ["英伟达", "英偉達"], ["AI Agent", "ai-agent", "AI_Agent", "ai  agent"]]) {
    const ids = new Set(group.map((n) => openTermId(n, "actor")));
    assert.equal(ids.size, 1, `${group.join(" / ")} → ${[...ids].join(", ")}`);
    assert.equal(new Set(group.map(openIdentity)).size, 1, group.join(" / "));
  }
  assert.equal(openTermId("Nvidia", "actor"), "nvidia");
  assert.notEqual(openIdentity("网易"), openIdentity("王毅"), "homophones are two names");
});

test("an open name never takes a registered id, and a Chinese name never resolves by its pinyin", () => {
  const r = new Registry([{ id: "wang-yi", type: "person", names: { "zh-Hans": "王毅", en: "Wang Yi" }, aliases: [] }], [{ id: "chips", kind: "technology", names: { en: "Chips" }, aliases: [], detect: false }]);
  assert.equal(r.resolveActor("王毅"), "wang-yi");
  assert.equal(r.resolveActor("Wang-Yi!"), "wang-yi", "a Latin spelling still resolves through its slug");
  assert.equal(r.resolveActor("网易"), undefined, "网易 spells wang-yi in pinyin but is not 王毅");
  assert.match(r.openActorId("网易"), /^wang-yi-[0-9a-f]{4}$/);
  assert.equal(r.openActorId("网易"), r.openActorId("網易"), "stable, and one id in both scripts");
  assert.equal(r.openTagId("网易"), "wang-yi", "tags and actors are two vocabularies");
  assert.equal(r.openTagId("Trade secrets"), "trade-secrets");
});

test("Registry: where two entries claim one name the first wins", () => {
  const r = new Registry(
    [
      { id: "a", type: "company", names: { en: "Acme" }, aliases: ["ACM"] },
      { id: "b", type: "company", names: { en: "Acme" }, aliases: ["Beta"] },
    ],
    [],
  );
  assert.equal(r.resolveActor("acme"), "a");
  assert.equal(r.resolveActor("Beta"), "b");
  assert.equal(r.actor("b")?.names.en, "Acme");
});

// ─── Loader diagnostics ─────────────────────────────────────────────────────────────────────

const actorsFrom = (yaml: string) => loadActors(yaml, "actors.yaml");
const tagsFrom = (yaml: string) => loadTags(yaml, "tags.yaml");

/** The one diagnostic a file should produce, checked for file, line, field and wording. */
function only(ds: Diagnostic[], want: { line?: number; field?: string; severity?: string; message: RegExp }): Diagnostic {
  assert.equal(ds.length, 1, JSON.stringify(ds, null, 2));
  const d = ds[0]!;
  assert.equal(d.file.endsWith(".yaml"), true);
  assert.equal(d.severity, want.severity ?? "error");
  assert.equal(d.line, want.line);
  assert.equal(d.field, want.field);
  assert.match(d.message, want.message);
  return d;
}

const US = `- id: us
  type: jurisdiction
  names: { en: United States }
  aliases: []
`;

test("a valid entry loads with its defaults and no diagnostics", () => {
  const r = actorsFrom(`${US}- id: acme\n  type: company\n  names:\n    en: Acme\n  jurisdiction: US\n`);
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.items[1], { id: "acme", type: "company", names: { en: "Acme" }, aliases: [], jurisdiction: "US" });
  const t = tagsFrom("- id: gallium\n  kind: material\n  names: { zh-Hans: 镓 }\n");
  assert.deepEqual(t.diagnostics, []);
  assert.deepEqual(t.items, [{ id: "gallium", kind: "material", names: { "zh-Hans": "镓" }, aliases: [], detect: false }]);
});

test("an empty file is an empty registry", () => {
  assert.deepEqual(actorsFrom(""), { items: [], diagnostics: [] });
  assert.deepEqual(tagsFrom("# nothing yet\n"), { items: [], diagnostics: [] });
});

test("malformed YAML is reported at its line, and does not throw", () => {
  const r = actorsFrom(`${US}- id: acme\n  type: company\n  names: { en: Acme\n  aliases: []\n`);
  assert.ok(r.diagnostics.length >= 1);
  const d = r.diagnostics[0]!;
  assert.equal(d.severity, "error");
  assert.match(d.message, /^YAML: /);
  assert.ok(d.line !== undefined && d.line >= 7, `line ${d.line}`);
  for (const junk of ["[[[", "- : : :\n\t- x", "{a: 1}", "- 1\n- foo\n", "- [1, 2]\n", "\u0000\u0001", "*alias\n", "- &a [*a]\n"]) {
    assert.doesNotThrow(() => actorsFrom(junk), JSON.stringify(junk));
    assert.doesNotThrow(() => tagsFrom(junk), JSON.stringify(junk));
  }
});

test("a repeated key in one entry is reported at the repeated key", () => {
  const r = actorsFrom(`${US}- id: acme\n  type: company\n  names: { en: Acme }\n  type: outlet\n`);
  assert.ok(r.diagnostics.some((d) => d.severity === "error" && d.line === 8 && /YAML: Map keys must be unique/.test(d.message)), JSON.stringify(r.diagnostics));
});

test("a file that is not a list says so", () => {
  only(actorsFrom("id: us\ntype: jurisdiction\n").diagnostics, { line: 1, message: /expected a list of actors/ });
  only(tagsFrom("just a sentence\n").diagnostics, { line: 1, message: /expected a list of tags/ });
});

test("an entry that is not a mapping is reported at its line", () => {
  only(actorsFrom(`${US}- acme\n`).diagnostics, { line: 5, field: "[1]", message: /each entry must be a mapping of fields/ });
});

test("a missing id is reported at its entry", () => {
  const r = actorsFrom(`${US}- type: company\n  names: { en: Acme }\n`);
  only(r.diagnostics, { line: 5, field: "[1].id", message: /is required/ });
  assert.equal(r.items.length, 1, "the valid entry is kept, the broken one left out");
});

test("an id that is not a slug is reported at the id", () => {
  only(actorsFrom(`${US}- id: US BIS\n  type: authority\n  names: { en: BIS }\n`).diagnostics, {
    line: 5,
    field: "[1].id",
    message: /lower-case ASCII words joined by hyphens/,
  });
});

test("an unknown actor type is reported at the type, listing the known ones", () => {
  only(actorsFrom(`${US}- id: bis\n  type: agency\n  names: { en: BIS }\n`).diagnostics, {
    line: 6,
    field: "[1].type",
    message: /unknown type "agency"; expected one of authority, company, person, jurisdiction, organization, outlet/,
  });
  only(actorsFrom(`${US}- id: bis\n  names: { en: BIS }\n`).diagnostics, { line: 5, field: "[1].type", message: /is required/ });
});

test("an unknown tag kind is reported at the kind", () => {
  only(tagsFrom("- id: gallium\n  names: { en: Gallium }\n  kind: metal\n").diagnostics, {
    line: 3,
    field: "[0].kind",
    message: /unknown kind "metal"; expected one of topic, material, technology, instrument, policy/,
  });
});

test("names: a wrong value, no name at all, and an unknown language", () => {
  only(actorsFrom(`${US}- id: acme\n  type: company\n  names:\n    zh-Hans: 艾克米\n    en: 42\n`).diagnostics, {
    line: 9,
    field: "[1].names.en",
    message: /must be text/,
  });
  only(actorsFrom(`${US}- id: acme\n  type: company\n  names: {}\n`).diagnostics, {
    line: 7,
    field: "[1].names",
    message: /needs a name in at least one of zh-Hans, zh-Hant, en/,
  });
  only(actorsFrom(`${US}- id: acme\n  type: company\n  names:\n    en: Acme\n    fr: Acmé\n`).diagnostics, {
    line: 9,
    field: "[1].names.fr",
    message: /unknown field "fr"/,
  });
  only(actorsFrom(`${US}- id: acme\n  type: company\n`).diagnostics, { line: 5, field: "[1].names", message: /is required/ });
});

test("an unknown field (a typo) is reported at its key", () => {
  only(actorsFrom(`${US}- id: acme\n  type: company\n  names: { en: Acme }\n  alias: [ACM]\n`).diagnostics, {
    line: 8,
    field: "[1].alias",
    message: /unknown field "alias"/,
  });
});

test("aliases: not a list, and an empty alias", () => {
  only(actorsFrom(`${US}- id: acme\n  type: company\n  names: { en: Acme }\n  aliases: ACM\n`).diagnostics, {
    line: 8,
    field: "[1].aliases",
    message: /must be a list of names/,
  });
  only(actorsFrom(`${US}- id: acme\n  type: company\n  names: { en: Acme }\n  aliases:\n    - ACM\n    - "  "\n`).diagnostics, {
    line: 10,
    field: "[1].aliases[1]",
    message: /must not be empty/,
  });
});

test("a repeated id is an error naming both lines", () => {
  const r = actorsFrom(`${US}- id: acme\n  type: company\n  names: { en: Acme }\n- id: acme\n  type: outlet\n  names: { en: Acme News }\n`);
  only(r.diagnostics, { line: 8, field: "[2].id", message: /duplicate id "acme"; first defined on line 5/ });
  assert.deepEqual(r.items.map((a) => a.type), ["jurisdiction", "company"], "the first definition is kept");
});

test("a name claimed by two ids is an error naming both lines, across scripts", () => {
  const r = actorsFrom(
    `${US}- id: huawei\n  type: company\n  names: { zh-Hans: 华为, en: Huawei }\n- id: huawei-tech\n  type: company\n  names: { en: Huawei Technologies }\n  aliases: [Hua-Wei, 華為]\n`,
  );
  only(r.diagnostics, {
    line: 11,
    field: "[2].aliases[1]",
    message: /"華為" already names actor "huawei" \(line 7, as "华为"\)/,
  });
  const t = tagsFrom("- id: rare-earths\n  kind: material\n  names: { en: Rare earths }\n- id: rare-metals\n  kind: material\n  names: { en: Rare metals }\n  aliases: [rare_earths]\n");
  only(t.diagnostics, { line: 7, field: "[1].aliases[0]", message: /"rare_earths" already names tag "rare-earths" \(line 1, as "rare-earths"\)/ });
});

test("an id claimed as another entry's name is a clash too", () => {
  only(tagsFrom("- id: chips\n  kind: technology\n  names: { en: Chips }\n- id: ai-chips\n  kind: technology\n  names: { en: AI chips }\n  aliases: [chips]\n").diagnostics, {
    line: 7,
    field: "[1].aliases[0]",
    message: /already names tag "chips" \(line 1/,
  });
});

test("jurisdiction: a code that is no jurisdiction of the file, and a code in small letters", () => {
  only(actorsFrom(`${US}- id: acme\n  type: company\n  names: { en: Acme }\n  jurisdiction: FR\n`).diagnostics, {
    line: 8,
    field: "[1].jurisdiction",
    message: /jurisdiction "FR" is not a jurisdiction of this file/,
  });
  only(actorsFrom(`${US}- id: acme\n  type: company\n  names: { en: Acme }\n  jurisdiction: us\n`).diagnostics, {
    line: 8,
    field: "[1].jurisdiction",
    message: /jurisdiction code in capitals/,
  });
});

test("a url that is not http(s) is reported at the url", () => {
  only(actorsFrom(`${US}- id: acme\n  type: company\n  names: { en: Acme }\n  url: ftp://acme.example\n`).diagnostics, {
    line: 8,
    field: "[1].url",
    message: /http/,
  });
});

test("detect must be true or false", () => {
  only(tagsFrom("- id: gallium\n  kind: material\n  names: { en: Gallium }\n  detect: sometimes\n").diagnostics, {
    line: 4,
    field: "[0].detect",
    message: /must be true or false/,
  });
});

test("a false friend that contains none of the entry's names is reported", () => {
  only(tagsFrom("- id: graphite\n  kind: material\n  names: { zh-Hans: 石墨 }\n  detect: true\n  falseFriends: [石墨烯, 烯烃]\n").diagnostics, {
    line: 5,
    field: "[0].falseFriends[1]",
    message: /false friend "烯烃" contains none of the names of "graphite"/,
  });
  // A false friend written in the other script still contains the name.
  assert.deepEqual(tagsFrom("- id: graphite\n  kind: material\n  names: { zh-Hans: 石墨 }\n  falseFriends: [石墨烯, 石墨薄膜]\n").diagnostics, []);
});

test("a one-character name an actor would be searched by is a warning; resolveOnly is the way out", () => {
  only(actorsFrom(`${US}- id: x-corp\n  type: company\n  names: { en: X Corp. }\n  aliases: [X]\n`).diagnostics, {
    severity: "warning",
    line: 8,
    field: "[1].aliases[0]",
    message: /single character.*resolveOnly/,
  });
  only(actorsFrom(`- id: us\n  type: jurisdiction\n  names: { zh-Hans: 美国 }\n  aliases: [美]\n`).diagnostics, {
    severity: "warning",
    line: 4,
    field: "[0].aliases[0]",
    message: /single character/,
  });
  assert.deepEqual(actorsFrom(`- id: us\n  type: jurisdiction\n  names: { zh-Hans: 美国 }\n  resolveOnly: [美]\n`).diagnostics, []);
  assert.deepEqual(actorsFrom(`- id: us\n  type: jurisdiction\n  names: { zh-Hans: 美国 }\n  aliases: [美]\n  detect: false\n`).diagnostics, []);
  // One Han character is the right name for an element.
  assert.deepEqual(tagsFrom("- id: gallium\n  kind: material\n  names: { zh-Hans: 镓 }\n  detect: true\n").diagnostics, []);
});

test("every diagnostic names the file it came from", () => {
  const r = loadActors("- id: 1\n", "content/mine/actors.yaml");
  assert.ok(r.diagnostics.length > 0);
  for (const d of r.diagnostics) assert.equal(d.file, "content/mine/actors.yaml");
});
