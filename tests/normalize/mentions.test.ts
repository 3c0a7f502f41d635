import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as OpenCC from "opencc-js";
import { loadActors, loadTags } from "../../src/normalize/registry.ts";
import { buildMentionMatcher } from "../../src/normalize/mentions.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (p: string) => readFileSync(path.join(REPO, p), "utf8");

const actors = loadActors(read("content/actors.yaml"), "content/actors.yaml").items;
const tags = loadTags(read("content/tags.yaml"), "content/tags.yaml").items;
const matcher = buildMentionMatcher(actors, tags);
const find = (text: string) => matcher.find(text);

/** A matcher over a small registry written inline, to test one rule at a time. */
function matcherOf(actorsYaml: string, tagsYaml = ""): (text: string) => { actors: string[]; tags: string[] } {
  const a = loadActors(actorsYaml, "actors.yaml");
  const t = loadTags(tagsYaml, "tags.yaml");
  assert.deepEqual([...a.diagnostics, ...t.diagnostics], []);
  const m = buildMentionMatcher(a.items, t.items);
  return (text) => m.find(text);
}

// ─── The seeds ──────────────────────────────────────────────────────────────────────────────
// Each seed's article text as ingest sees it: the importer drops the page chrome, promotional
// footer and unrelated headlines, and front matter is not body text; here the known markers cut
// them off. Each expected id is listed with the phrase of the text that mentions it, so a
// reader can check the list against the article and the test checks the phrase is there.

interface Expected {
  file: string;
  from?: RegExp;
  to?: string;
  actors: Record<string, string>;
  tags: Record<string, string>;
}

const SEEDS: Expected[] = [
  {
    file: "000_d67bebb5f1f79fa8.txt",
    to: "往期推荐",
    actors: {
      "ai-fan-er": "文章作者: AI范儿",
      cn: "中国政府在周二宣布",
      "cn-mfa": "中国外交部发言人",
      "cn-mofcom": "根据中国商务部的声明",
      csia: "中国半导体行业协会指出",
      trump: "特朗普时期",
      us: "美国政府于本周一",
    },
    tags: {
      antimony: "镓、锗、锑",
      "artificial-intelligence": "人工智能技术的核心",
      "chipmaking-equipment": "半导体制造设备的出口管制",
      chips: "先进芯片",
      "critical-minerals": "这些关键金属",
      "dual-use-items": "“双用途物资”",
      "entity-list": "列入实体名单",
      "export-bans": "这一次的出口禁令",
      "export-controls": "出口管制措施",
      gallium: "全球镓供应",
      germanium: "锗供应的主要生产国",
      graphite: "**石墨类**",
      hbm: "高带宽内存（HBM）芯片",
      "rare-earths": "暂停关键稀土出口",
      sanctions: "加强芯片制裁",
      semiconductors: "美国对中国半导体产业",
      "superhard-materials": "超硬材料",
      "supply-chain": "供应链带来巨大震荡",
      tariffs: "加征关税",
      "trade-war": "随着美中贸易战",
    },
  },
  {
    file: "001_0f687606ae77ce11.txt",
    from: /^---$[\s\S]*?^---$/m,
    actors: {
      apec: "**APEC峰会**",
      au: "投资澳大利亚稀土企业",
      ccp: "将灵魂出卖给中共",
      cn: "中国政府进行言论审查",
      "cn-mofcom": "中国商务部能否有效审核",
      eu: "欧盟则计划",
      huawei: "华为的芯片路线图",
      jp: "日本在2010年",
      musk: "伊隆·马斯克（Elon Musk）",
      nvidia: "英伟达（NVIDIA）",
      swift: "**SWIFT**",
      th: "无论泰国、越南",
      trump: "与特朗普时期贸易政策",
      us: "美国芯片禁运",
      "us-doc": "美国商务部限制特定实体",
      vn: "越南、欧洲还是美国公司",
      "x-corp": "旗下的X平台",
      "zhang-yadi": "张亚迪回国后被捕",
    },
    tags: {
      "affiliates-rule": "“50%门槛”",
      "anti-foreign-sanctions-law": "**反外国制裁法**",
      chips: "芯片禁运",
      chokepoints: "“卡脖子”",
      "de-minimis-rule": "“价值门槛”",
      "de-risking": "**去风险化**",
      decoupling: "加速脱钩",
      "entity-list": "**实体清单**（Entity List",
      "export-bans": "稀土出口禁运",
      "export-controls": "稀土出口管制",
      "export-licences": "申请出口许可",
      "heavy-rare-earths": "除了重稀土外",
      "long-arm-jurisdiction": "**长臂管辖**（Long-arm Jurisdiction",
      "rare-earth-magnets": "稀土永磁体",
      "rare-earths": "**稀土**（Rare Earth Elements",
      "resource-weaponization": "稀土**武器化**",
      sanctions: "规避制裁",
      "secondary-sanctions": "**二级制裁**",
      "supply-chain": "全球供应链",
      tariffs: "25%关税",
      "trade-war": "中美贸易战",
    },
  },
  {
    file: "002_71498972dcc4fdd5.txt",
    from: /^[\s\S]*?(?=刚发出稀土出口许可)/,
    to: "特别声明",
    // 大众 (Volkswagen) is resolve-only: it is also "the public" in ordinary text.
    actors: {
      ae: "在阿联酋做智慧城市",
      asml: "比如ASML在光刻机配件上",
      bosch: "像大众、博世等",
      cn: "中国商务部批准",
      "cn-mofcom": "中国商务部批准四家",
      de: "比如德国和荷兰",
      gl: "甚至连格陵兰岛",
      huawei: "华为AI芯片",
      in: "美国、缅甸、印度",
      mm: "美国、缅甸",
      nl: "德国和荷兰",
      tsmc: "台积电的南京工厂",
      us: "而此时的美国",
      "us-doc": "美国商务部还发布了",
      vn: "通过越南转口",
    },
    tags: {
      "5g": "在5G设备上",
      "ai-chips": "不得使用华为AI芯片",
      "ai-diffusion-rule": "“AI扩散规则”",
      "artificial-intelligence": "在德国搞AI建模",
      chips: "昇腾芯片",
      "export-bans": "“出口禁令是否有转向”",
      "export-controls": "违反美国出口管制",
      "export-licences": "恢复出口许可",
      "huawei-ascend": "华为昇腾系列AI芯片",
      lithography: "光刻机配件",
      "long-arm-jurisdiction": "“域外长臂管辖”",
      "rare-earth-magnets": "稀土永磁体",
      "rare-earths": "稀土磁材企业",
      "supply-chain": "这场供应链的静默对决",
    },
  },
  {
    file: "003_38e325384dfded78.txt",
    actors: {
      amazon: "英伟达、安谋、亚马逊",
      ap: "（路透社、彭博社、美联社）",
      arm: "英伟达、安谋",
      asahi: "日本《朝日新闻》",
      asml: "荷兰ASML公司",
      biden: "会晤拜登总统",
      "big-fund": "“大基金”投入巨资",
      bloomberg: "彭博社也曾披露称",
      "chen-jin": "总经理陈进被查出",
      cn: "难度将进一步加大。此前",
      "cn-state-council": "中国国务院公布了",
      de: "德国生产的光刻机关键光学元件",
      dw: "（德国之声中文网）",
      ftchinese: "在FT中文网撰文",
      hanxin: "汉芯科技有限公司总经理",
      hisilicon: "华为海思设计",
      hk: "香港《南华早报》",
      huawei: "被美国“断供”芯片的华为",
      jp: "日本生产的光刻胶",
      kishida: "日本首相岸田文雄",
      kr: "德国、荷兰、韩国、日本",
      "liu-yuanju": "财经专栏作家刘远举",
      nl: "荷兰生产的光刻机",
      nvidia: "英伟达、安谋",
      raimondo: "商务部长雷蒙多",
      reuters: "（路透社",
      scmp: "《南华早报》报道",
      sjtu: "上海交通大学微电子学院",
      smic: "中芯国际（SMIC）制造",
      us: "美国政府日前",
      "us-doc": "负责监督出口管制的美国商务部",
      "wang-yi": "中国外长王毅",
      "xi-jinping": "响应习近平号召",
      ymtc: "中芯国际和长江存储",
    },
    tags: {
      "ai-chips": "美国加码限制AI芯片出口中国",
      "artificial-intelligence": "人工智能技术研发",
      "chipmaking-equipment": "封锁半导体制造设备输入中国",
      chips: "人工智能芯片及其制造工具",
      chokepoints: "为了不被“卡脖子”",
      euv: "极紫外线（EUV）光刻机",
      "export-controls": "对华高科技出口管制",
      lithography: "荷兰生产的光刻机",
      photoresist: "日本生产的光刻胶",
      sanctions: "对中国的芯片制裁",
      semiconductors: "对半导体领域的科技依赖性",
      "supply-chain": "先进的芯片产业链",
    },
  },
  {
    file: "004_d320378eb413a6c9.txt",
    actors: {
      ap: "Stephen B. Morton/AP/达志影像",
      be: "比利时、加拿大",
      biden: "拜登政府正在考虑",
      blinken: "《布林肯的北京之行",
      ca: "比利时、加拿大",
      ccp: "《中共二十大揭示的经济前景",
      cn: "中国可能会以控制稀有金属出口",
      "cn-gac": "中国海关就曾以阻碍出口手续",
      "cn-mfa": "中国外交部发言人毛宁",
      "cn-mofcom": "中国大陆商务部发布公告",
      cnn: "CNN引述欧亚集团",
      "critical-raw-materials-alliance": "欧洲关键原材料联盟（The Critical Raw Materials Alliance）",
      de: "比利时、加拿大、德国",
      "deng-xiaoping": "邓小平曾说",
      eu: "美国能源部和欧盟",
      "eurasia-group": "欧亚集团（Eurasia Group）",
      g7: "四月的G7会议上",
      jp: "限制对日本的稀有金属出口",
      kr: "而日本、韩国、乌克兰",
      "mao-ning": "发言人毛宁",
      micron: "美国晶片生产商美光科技公司",
      nl: "荷兰宣布对部分光刻机",
      npr: "美国全国公共广播电台在报导中指出",
      reuters: "Brian Snyder/Reuters/达志影像",
      ru: "乌克兰、俄罗斯和德国",
      "tpg-images": "/达志影像",
      ua: "日本和乌克兰可以生产锗",
      us: "美国和中国国旗",
      "us-doe": "美国能源部和欧盟",
      "us-treasury": "美国财政部长耶伦",
      "us-white-house": "解析白宫半导体供应链关键报告",
      uscc: "美中经济与安全审查委员会（United States-China Economic and Security Review Commission）",
      usgs: "[美国地质调查局](#)",
      wto: "世贸组织（WTO）",
      yellen: "耶伦访华前夕",
    },
    tags: {
      "artificial-intelligence": "人工智能（AI）",
      "chipmaking-equipment": "半导体制作工具",
      chips: "高端晶片",
      "critical-raw-materials-act": "《关键原材料法案》",
      "de-risking": "“去风险化”",
      "export-controls": "实施出口管制",
      "export-quotas": "稀土的出口配额削减40%",
      gallium: "镓、锗实施出口管制",
      germanium: "镓、锗实施出口管制",
      gpus: "高性能GPU",
      "inflation-reduction-act": "《减少通货膨胀法案》",
      lithography: "部分光刻机（曝光机）",
      "rare-earths": "中国有稀土",
      "rare-metals": "控制稀有金属出口",
      sanctions: "制裁范围前所未见",
      semiconductors: "包括半导体在内",
      "supply-chain": "全球产供应链安全稳定",
      "trade-war": "技术升级贸易冲突",
    },
  },
];

function articleText(s: Expected): string {
  let text = read(path.join("content/raw", s.file));
  if (s.from) text = text.replace(s.from, "");
  if (s.to) {
    const end = text.indexOf(s.to);
    assert.ok(end > 0, `${s.file}: marker ${s.to} not found`);
    text = text.slice(0, end);
  }
  return text;
}

for (const seed of SEEDS) {
  test(`seed ${seed.file}: the actors and tags its article mentions, and no others`, () => {
    const text = articleText(seed);
    for (const [id, phrase] of [...Object.entries(seed.actors), ...Object.entries(seed.tags)]) {
      assert.ok(text.includes(phrase), `${seed.file}: the phrase for ${id} is not in the text: ${phrase}`);
    }
    const found = find(text);
    assert.deepEqual(found.actors, Object.keys(seed.actors).sort());
    assert.deepEqual(found.tags, Object.keys(seed.tags).sort());
  });

  test(`seed ${seed.file}: the same in Traditional script, as Taiwan and Hong Kong write it`, () => {
    const text = articleText(seed);
    const expected = find(text);
    for (const locale of ["tw", "hk"] as const) {
      const converted = OpenCC.Converter({ from: "cn", to: locale })(text);
      assert.notEqual(converted, text);
      assert.deepEqual(find(converted), expected, locale);
    }
  });
}

test("seed 002: the headlines after the article would add actors it does not mention", () => {
  // Guards the seed test above: cutting the noise must matter, or that test proves less.
  const whole = find(read("content/raw/002_71498972dcc4fdd5.txt"));
  const article = find(articleText(SEEDS[2]!));
  assert.ok(whole.actors.includes("trump") && !article.actors.includes("trump"));
});

// ─── Rules ──────────────────────────────────────────────────────────────────────────────────

test("English: whole words, names ignoring case, acronyms exactly", () => {
  const text =
    "The Bureau of Industry and Security (BIS) added SMIC and YMTC to the Entity List, tightened " +
    "export controls on HBM and EUV tools from ASML, and nvidia's chips; China answered with " +
    "curbs on gallium, germanium and rare earths.";
  assert.deepEqual(find(text), {
    actors: ["asml", "cn", "nvidia", "smic", "us-bis", "ymtc"],
    tags: ["chips", "entity-list", "euv", "export-controls", "gallium", "germanium", "hbm", "rare-earths"],
  });
});

test("English false positives: acronyms in small letters and words that contain a name", () => {
  assert.deepEqual(find("this is his bis"), { actors: [], tags: [] });
  assert.deepEqual(find("let us see if asml or smic or hbm or euv show up in lower case"), { actors: [], tags: [] });
  assert.deepEqual(find("Chinatown, Japanese, a bisque, Usually, an Armada, a chipset, graphitic"), { actors: [], tags: [] });
  assert.deepEqual(find("an arm and a leg, a micron-scale feature, musk oxen, the amazon of choice"), { actors: [], tags: [] });
  assert.deepEqual(find("Arm and Micron and Amazon and Musk"), { actors: ["amazon", "arm", "micron", "musk"], tags: [] });
});

test("Chinese false friends: a name inside a longer word is not a mention", () => {
  assert.deepEqual(find("其中芯片需求大增"), { actors: [], tags: ["chips"] });
  assert.deepEqual(find("限制对美光刻机出口"), { actors: [], tags: ["lithography"] });
  assert.deepEqual(find("印度尼西亚的镍矿"), { actors: [], tags: [] });
  assert.deepEqual(find("石墨烯电池"), { actors: [], tags: [] });
  assert.deepEqual(find("亚马逊雨林"), { actors: [], tags: [] });
  assert.deepEqual(find("其中共有140家企业"), { actors: [], tags: [] });
  assert.deepEqual(find("其中国家安全"), { actors: [], tags: [] });
  // Outside the false friend the name still counts.
  assert.deepEqual(find("中芯国际称其中芯片需求大增"), { actors: ["smic"], tags: ["chips"] });
  assert.deepEqual(find("石墨烯和石墨"), { actors: [], tags: ["graphite"] });
});

test("resolve-only names are never found in text", () => {
  assert.deepEqual(find("X 和 大众 和 中方 和 美方"), { actors: [], tags: [] });
  assert.deepEqual(find("X平台"), { actors: ["x-corp"], tags: [] });
});

test("the longest name wins where names overlap", () => {
  assert.deepEqual(find("美国商务部工业与安全局"), { actors: ["us-bis"], tags: [] });
  assert.deepEqual(find("美國商務部產業安全局"), { actors: ["us-bis"], tags: [] });
  assert.deepEqual(find("中国半导体行业协会"), { actors: ["csia"], tags: [] });
  assert.deepEqual(find("华为海思"), { actors: ["hisilicon"], tags: [] });
  assert.deepEqual(find("不可靠实体清单"), { actors: [], tags: ["unreliable-entity-list"] });
  assert.deepEqual(find("半导体制造设备"), { actors: [], tags: ["chipmaking-equipment"] });
  assert.deepEqual(find("AI芯片"), { actors: [], tags: ["ai-chips"] });
  assert.deepEqual(find("德国之声"), { actors: ["dw"], tags: [] });
  // Names that only touch are both mentions.
  assert.deepEqual(find("极紫外光刻机"), { actors: [], tags: ["euv", "lithography"] });
  assert.deepEqual(find("美光科技"), find("美光"));
});

test("Simplified, Traditional and Taiwan vocabulary find the same entries", () => {
  assert.deepEqual(find("英伟达的芯片"), { actors: ["nvidia"], tags: ["chips"] });
  assert.deepEqual(find("輝達的晶片"), { actors: ["nvidia"], tags: ["chips"] });
  assert.deepEqual(find("英偉達的芯片"), { actors: ["nvidia"], tags: ["chips"] });
  assert.deepEqual(find("台積電與鎵、鍺"), { actors: ["tsmc"], tags: ["gallium", "germanium"] });
  assert.deepEqual(find("曝光機"), { actors: [], tags: ["lithography"] });
  assert.deepEqual(find("高頻寬記憶體"), { actors: [], tags: ["hbm"] });
});

test("spaces, line breaks, hyphens and full-width letters inside a name", () => {
  assert.deepEqual(find("the Bureau of\n   Industry and Security"), { actors: ["us-bis"], tags: [] });
  assert.deepEqual(find("rare  earths, rare-earth, rare_earth"), { actors: [], tags: ["rare-earths"] });
  assert.deepEqual(find("dual use goods"), { actors: [], tags: ["dual-use-items"] });
  assert.deepEqual(find("ＢＩＳ与ＡＳＭＬ"), { actors: ["asml", "us-bis"], tags: [] });
  assert.deepEqual(find("the U.S. Treasury"), { actors: ["us-treasury"], tags: [] });
  assert.deepEqual(find("the U.S. and China"), { actors: ["cn", "us"], tags: [] });
});

test("English plurals of a name are mentions", () => {
  assert.deepEqual(find("new tariffs and embargoes"), { actors: [], tags: ["export-bans", "tariffs"] });
  assert.deepEqual(find("a tariff"), { actors: [], tags: ["tariffs"] });
});

test("tags without detect are not searched; actors with detect: false neither", () => {
  assert.deepEqual(find("中美关系与地缘政治"), { actors: [], tags: [] });
  const f = matcherOf("- id: acme\n  type: company\n  names: { en: Acme }\n  detect: false\n- id: beta\n  type: company\n  names: { en: Beta }\n");
  assert.deepEqual(f("Acme and Beta"), { actors: ["beta"], tags: [] });
});

test("exactCase, resolveOnly and falseFriends work for any registry", () => {
  const f = matcherOf(
    "- id: apple\n  type: company\n  names: { zh-Hans: 苹果公司, en: Apple Inc. }\n  aliases: [苹果]\n  exactCase: [Apple]\n  resolveOnly: [AAPL]\n  falseFriends: [苹果汁]\n",
  );
  assert.deepEqual(f("Apple"), { actors: ["apple"], tags: [] });
  assert.deepEqual(f("an apple a day, AAPL, 蘋果汁"), { actors: [], tags: [] });
  assert.deepEqual(f("蘋果公司"), { actors: ["apple"], tags: [] });
});

test("an actor and a tag of the same name are both mentioned", () => {
  const f = matcherOf(
    "- id: swift\n  type: organization\n  names: { en: SWIFT }\n",
    "- id: swift-network\n  kind: instrument\n  names: { en: SWIFT }\n  detect: true\n",
  );
  assert.deepEqual(f("cut off from SWIFT"), { actors: ["swift"], tags: ["swift-network"] });
  assert.deepEqual(f("a swift reply"), { actors: [], tags: [] });
});

test("each text is read on its own: nothing carries over from the text before", () => {
  assert.deepEqual(find("美国商务"), { actors: ["us"], tags: [] });
  assert.deepEqual(find("部"), { actors: [], tags: [] });
  assert.deepEqual(find(""), { actors: [], tags: [] });
});

test("results are sorted and unique", () => {
  const r = find("镓 锗 镓 美国 中国 美国 Huawei 华为 華為");
  assert.deepEqual(r, { actors: ["cn", "huawei", "us"], tags: ["gallium", "germanium"] });
});

test("a big text is read in one pass: 4 MB of seeds in well under a few seconds", () => {
  // A guard against a quadratic slip, generous enough for a busy machine; the throughput
  // itself is measured outside the test suite.
  const seeds = SEEDS.map((s) => read(path.join("content/raw", s.file))).join("\n");
  const big = seeds.repeat(Math.ceil(4e6 / Buffer.byteLength(seeds)));
  const start = process.hrtime.bigint();
  const r = find(big);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  assert.ok(r.actors.includes("us-treasury") && r.tags.includes("gallium"));
  assert.ok(seconds < 4, `${seconds.toFixed(2)} s`);
});

test("findWithNested gives, from one scan, the mentions and the names nested in them that are not mentions", () => {
  for (const text of ["华为昇腾芯片与AI芯片", "美光科技对美光刻机出口", "TSMC and 台积电 (Taiwan Semiconductor)", "nothing here"]) {
    const both = matcher.findWithNested(text);
    assert.deepEqual(both.mentions, matcher.find(text), text);
    const nested = matcher.find(text, { nested: true });
    assert.deepEqual(
      { actors: [...new Set([...both.mentions.actors, ...both.nestedOnly.actors])].sort(), tags: [...new Set([...both.mentions.tags, ...both.nestedOnly.tags])].sort() },
      nested,
      text,
    );
    for (const a of both.nestedOnly.actors) assert.ok(!both.mentions.actors.includes(a));
  }
  assert.deepEqual(matcher.findWithNested("华为昇腾"), { mentions: { actors: [], tags: ["huawei-ascend"] }, nestedOnly: { actors: ["huawei"], tags: [] } });
  assert.deepEqual(matcher.findWithNested("AI芯片").nestedOnly.tags, ["artificial-intelligence", "chips"]);
});
