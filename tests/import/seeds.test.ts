// The five real clippings: each must come out with the right metadata, every paragraph of its
// article and none of the page around it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { importClipping, detectFormat } from "../../src/import/index.ts";
import { SEEDS, bodyLines, seedText } from "./helpers.ts";

function includesAll(body: string, snippets: readonly string[]): void {
  for (const s of snippets) assert.ok(body.includes(s), `body should contain ${JSON.stringify(s)}`);
}

function includesNone(body: string, snippets: readonly string[]): void {
  for (const s of snippets) assert.ok(!body.includes(s), `body should not contain ${JSON.stringify(s)}`);
}

describe("seed 000: WeChat export", () => {
  const text = seedText(SEEDS.wechat);
  const r = importClipping(text, { file: SEEDS.wechat });

  it("is detected as WeChat", () => {
    assert.equal(r.format, "wechat");
    assert.equal(detectFormat(text).id, "wechat");
  });

  it("reads the header block", () => {
    const fm = r.frontMatter;
    assert.equal(fm.title, "中国强势反击美国芯片禁令，暂停关键稀土出口！四大行业协会罕见警告美国芯片“不再安全”");
    assert.equal(fm.date, "2024-12-04T09:24:00+08:00");
    assert.equal(fm.author, "AI范儿");
    assert.equal(fm.outlet, "AI范儿");
    assert.equal(fm.place, "上海");
    assert.equal(fm.lang, "zh-Hans");
    assert.equal(fm.platform, "WeChat");
    assert.equal(
      fm.source,
      "http://mp.weixin.qq.com/s?__biz=Mzk0NzQzOTczOA==&mid=2247512793&idx=1&sn=751caf01a30264c5d6480a8152b447e5&chksm=c37423ccf403aada84c58b4ecb09358ef30af80bbdee851caeec92cf8361acc757ab4850e3e5#rd",
    );
    assert.equal(
      fm.image,
      "https://mmbiz.qpic.cn/mmbiz_jpg/OdmYSS49h7EFs1n9LVkahc4u8lpV7rAF8waicF7OPljUqCibKrLTzZSibCskfWmLiaKPRo7dGSAsbSic0OWaZrZ59Hg/300",
    );
    assert.equal(r.day, "2024-12-04");
    assert.deepEqual(r.missing, []);
  });

  it("keeps every paragraph and section heading", () => {
    includesAll(r.body, [
      "美国政府于本周一公布了新一轮对中国的出口管制措施",
      "这些物资对高科技产品制造至关重要。",
      "根据中国商务部的声明",
      "此次禁令显然将对全球高科技产业造成重要影响。",
      "这一禁令的背景是，美国对中国半导体产业的进一步打压。",
      "预计会加剧中美科技博弈的紧张局势。",
      "中国商务部宣布的禁令，涉及一些关键的“双用途物资”",
      "这一举措可能导致美国在这些领域的材料供应受到影响。",
      "此举并非出乎意料。",
      "“保护中国企业的合法权益”。",
      "与以往不同，专家普遍认为中国此番反应较为克制",
      "这一次的出口禁令仍然对美国及其盟国企业造成了实质性威胁。",
      "代表互联网、汽车、半导体和通信行业的四家中国行业协会",
      "6,400 家。",
      "中国半导体行业协会指出",
      "如何确保供应的安全性成为了企业亟待解决的问题。",
      "对于全球市场而言，中国禁令的实施无疑将引发连锁反应。",
      "可能最终将推高全球消费者科技产品的价格。",
      "值得注意的是，美国的对华出口管制措施",
      "逐步减少对美国技术的依赖。",
      "如果美国进一步加强芯片制裁或扩大贸易限制",
      "游戏主机等常见科技产品的价格。",
      "在这场持续的科技博弈中",
      "加强自主创新与技术研发显然已成为应对外部压力的关键战略。",
      "随着中美科技领域摩擦的加剧",
      "将是未来各国政府与企业面临的重要课题。",
    ]);
    for (const h of ["反制措施", "美国企业面临风险", "全球市场反应", "未来展望"]) {
      assert.match(r.body, new RegExp(`^## ${h}$`, "m"), `heading ${h} is repaired onto its ## line`);
    }
    assert.doesNotMatch(r.body, /^#{1,6}\s*$/m, "no empty heading lines remain");
  });

  it("keeps the article's images and its copyright line", () => {
    includesAll(r.body, [
      "![](https://mmbiz.qpic.cn/mmbiz_jpg/OdmYSS49h7EFs1n9LVkahc4u8lpV7rAF2lxqaBKEYB3rlrGBy8m2vrPI6KUH9xc5icGqLbUohtNRibl3AX8aibW8w/640?wx_fmt=jpeg&from=appmsg)",
      "![](https://mmbiz.qpic.cn/mmbiz_jpg/OdmYSS49h7EFs1n9LVkahc4u8lpV7rAFzsm7UNmlFVHAbgl7Nt5UkdDFfB22rZxbI5afKerGspT9MBl2KbCo0g/640?wx_fmt=jpeg&from=appmsg)",
    ]);
    assert.equal(bodyLines(r.body).at(-1), "© AI范儿");
  });

  it("joins lines the exporter broke after bold text, where Markdown allows", () => {
    includesAll(r.body, [
      "“**原则上，不允许向美国出口镓、锗、锑和超硬材料**”。这些物资",
      "还**将140家中国企业列入实体名单**，限制其购买美国技术。",
    ]);
    // Joining here would turn the closing ** into literal asterisks: the break stays.
    assert.ok(r.body.includes("（占比60%），**\n此次禁令"));
  });

  it("drops the header block, the follow prompts and the 往期推荐 footer", () => {
    includesNone(r.body, [
      "文章作者",
      "封面图链接",
      "# 中国强势反击",
      "交流群",
      "投稿、需求合作",
      "往期推荐",
      "美国历史上最严芯片禁令出台",
      "突发！美公布对中国半导体",
      "点这里",
      "点个 在看",
      "mmbiz_png",
      "scene=21",
    ]);
    assert.ok(r.noiseLines > 0);
    assert.ok(r.strippedSamples.some((s) => s.includes("往期推荐")));
  });
});

describe("seed 001: note with front matter", () => {
  const text = seedText(SEEDS.note);
  const r = importClipping(text, { file: SEEDS.note });
  const original = parse(text.split(/^---$/m)[1] ?? "") as Record<string, unknown>;

  it("is detected as a front-matter note", () => {
    assert.equal(r.format, "frontmatter-note");
  });

  it("keeps every existing field with its value, the date as written", () => {
    assert.equal(Object.keys(original).length, 19);
    for (const [k, v] of Object.entries(original)) assert.deepEqual(r.frontMatter[k], v, `field ${k}`);
    assert.equal(r.frontMatter.date, "2025-10-14");
    assert.equal(r.frontMatter.draft, true);
    assert.equal(r.frontMatter.title, "中美稀土与芯片战升级：中国为何提前打出底牌？");
    assert.equal(r.frontMatter.source, "https://www.youtube.com/watch?v=OmW93anerqM");
  });

  it("fills only what is missing: lang, outlet from the host, author from the speaker", () => {
    assert.equal(r.frontMatter.lang, "zh-Hans");
    assert.equal(r.frontMatter.outlet, "YouTube");
    assert.equal(r.frontMatter.author, "FearNation 世界苦茶");
    assert.equal(r.frontMatter.format, "frontmatter-note");
    assert.deepEqual(r.missing, []);
    assert.equal(r.day, "2025-10-14");
  });

  it("keeps the body as written, with nothing stripped", () => {
    const originalBody = text.slice(text.indexOf("### 开场")).trimEnd();
    assert.equal(r.body, originalBody);
    assert.equal(r.noiseLines, 0);
  });
});

describe("seed 002: NetEase page", () => {
  const text = seedText(SEEDS.netease);
  const r = importClipping(text, { file: SEEDS.netease });

  it("is detected as NetEase", () => {
    assert.equal(r.format, "netease");
  });

  it("takes the headline after the chrome and the author card's timestamp", () => {
    assert.equal(r.frontMatter.title, "刚发出稀土出口许可,美方不买账,警告各国:不得使用华为AI芯片");
    assert.equal(r.frontMatter.date, "2025-06-13T16:00:49+08:00");
    assert.equal(r.frontMatter.author, "涟漪读史");
    assert.equal(r.frontMatter.outlet, "网易号");
    assert.equal(r.frontMatter.lang, "zh-Hans");
  });

  it("reports the missing source as a warning, not an error", () => {
    assert.equal(r.frontMatter.source, undefined);
    assert.deepEqual(r.missing, ["source"]);
    assert.ok(r.warnings.some((w) => w.includes("source")));
  });

  it("keeps every paragraph of the article and its image captions", () => {
    // Every line the page shows between the share widget and the disclaimer is the article.
    const lines = text.split("\n");
    const from = lines.indexOf("分享至") + 1;
    const to = lines.findIndex((l) => l.startsWith("特别声明"));
    const article = lines.slice(from, to).map((l) => l.trim()).filter(Boolean);
    assert.equal(article.length, 21);
    assert.deepEqual(bodyLines(r.body), article);
    includesAll(r.body, [
      "5月上旬,中国商务部批准四家稀土磁材企业恢复出口许可的消息",
      "【美国商务部宣布废除对AI芯片出口分级管制法案】",
      "【禁止全球使用华为昇腾芯片任何国家使用华为昇腾系列AI芯片均被视为违反美国出口管制】",
      "这是典型的“域外长臂管辖”+科技胁迫混合操作",
      "这才是最该盘算的。",
    ]);
  });

  it("drops chrome, disclaimer, unrelated headlines, author card and channel lists", () => {
    includesNone(r.body, [
      "网易首页",
      "分享至",
      "特别声明",
      "Notice: The content above",
      "相关推荐",
      "热点推荐",
      "日本自卫队感慨万千",
      "特朗普：中美谈判完成",
      "博览历史",
      "2025-06-13 05:50:03",
      "2025-06-13 16:00:49",
      "incentive-icons",
      "文章数",
      "往期回顾",
      "财经要闻",
      "头条要闻",
      "无障碍浏览",
    ]);
    assert.notEqual(bodyLines(r.body)[0], "0");
    assert.ok(r.noiseLines > 50);
  });
});

describe("seed 003: DW feed item", () => {
  const text = seedText(SEEDS.dw);
  const r = importClipping(text, { file: SEEDS.dw });

  it("is detected as a feed item", () => {
    assert.equal(r.format, "dw-rss");
  });

  it("takes title and source from the link heading and the date from <i>, not the epoch comment", () => {
    assert.equal(r.frontMatter.title, "美国加码限制AI芯片出口中国");
    assert.equal(
      r.frontMatter.source,
      "https://www.dw.com/zh/%E7%BE%8E%E5%9B%BD%E5%8A%A0%E7%A0%81%E9%99%90%E5%88%B6AI%E8%8A%AF%E7%89%87%E5%87%BA%E5%8F%A3%E4%B8%AD%E5%9B%BD/a-68703331",
    );
    assert.equal(r.frontMatter.date, "2024-03-30T10:21:50.015+00:00");
    assert.equal(r.frontMatter.fetched, "2024-03-30T10:47:04.000+00:00");
    assert.equal(r.frontMatter.outlet, "德国之声");
    assert.equal(r.frontMatter.lang, "zh-Hans");
    assert.deepEqual(r.missing, ["author"]);
  });

  it("converts the HTML: lead image with caption, paragraphs with links", () => {
    includesAll(r.body, [
      "![美国正在积极说服盟友进一步限制向中国出口与先进芯片有关的产品](https://static.dw.com/image/68278387_303.jpg)",
      "*美国正在积极说服盟友进一步限制向中国出口与先进芯片有关的产品*",
      "（德国之声中文网）出于对国家安全的担忧",
      "将限制所有含有此类芯片的设备对华出口。",
      "[加强其军力](https://www.dw.com/zh/a-68256747)",
      "[中国迎头赶上](https://www.dw.com/zh/a-67689326)",
      "本月早些时候，彭博社也曾披露称",
      "先评估目前已有限制措施的影响。",
      "日本《朝日新闻》则在3月30日披露称",
      "英伟达、安谋、亚马逊等企业将被纳入其中。",
      "中国外长王毅曾在3月初公开抨击",
      "最终必将害了自己”。",
      "（路透社、彭博社、美联社）",
    ]);
    assert.ok(bodyLines(r.body)[0]?.startsWith("![美国正在积极说服盟友"));
  });

  it("keeps the gallery, each image with its bold title and text, and the copyright line", () => {
    assert.match(r.body, /^### 相关图集：中国芯片产业发展至今，赢了吗？$/m);
    const titles = ['"中国芯"', "浮夸造假", "“大基金”投入巨资", "为了不被“卡脖子”", "华为、中芯实现突破？", "改变游戏规则的新技术？", "道阻且长"];
    for (const t of titles) assert.ok(r.body.includes(`**${t}**：`), `gallery item ${t}`);
    for (const id of ["46982422", "59635817", "66768901", "53538398", "66713587", "49748778", "49748745"]) {
      assert.ok(r.body.includes(`(https://static.dw.com/image/${id}_303.jpg)`), `gallery image ${id}`);
    }
    includesAll(r.body, ["远非一蹴而就之事。”", "一再出现资金使用不当和烂尾项目。"]);
    assert.equal(bodyLines(r.body).at(-1), "©2024年德国之声版权声明：本文所有内容受到著作权法保护，如无德国之声特别授权，不得擅自使用。任何不当行为都将导致追偿，并受到刑事追究。");
  });

  it("has the full text of every paragraph and gallery item of the HTML", () => {
    const plainBody = r.body.replace(/!\[[^\]]*\]\([^)]*\)/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\*\*/g, "");
    const blocks = [...text.matchAll(/<p>([\s\S]*?)<\/p>|<div><img[^>]*>([\s\S]*?)<\/div>/g)].map((m) =>
      (m[1] ?? m[2] ?? "").replace(/<[^>]+>/g, "").trim(),
    );
    assert.equal(blocks.length, 14);
    for (const b of blocks) assert.ok(plainBody.includes(b), `body should contain ${b.slice(0, 30)}…`);
  });

  it("leaves no HTML, proxy addresses or metadata in the body", () => {
    includesNone(r.body, ["<div", "<p>", "<img", "weserv", "2024-03-30T10:21:50", "<!--", "api.dw.com"]);
  });
});

describe("seed 004: Initium article", () => {
  const text = seedText(SEEDS.initium);
  const r = importClipping(text, { file: SEEDS.initium });

  it("is detected as Initium", () => {
    assert.equal(r.format, "initium");
  });

  it("reads title, column, byline and standfirst", () => {
    const fm = r.frontMatter;
    assert.equal(fm.title, "耶伦访华前夕，中国限稀有金属出口反制美国禁令");
    assert.equal(fm.series, "Whatsnew");
    assert.equal(fm.author, "刘千山");
    assert.equal(fm.place, "伦敦");
    assert.equal(fm.date, "2023-07-06T00:00:00+08:00");
    assert.equal(fm.outlet, "端传媒");
    assert.equal(fm.summary, "中国可能会以控制稀有金属出口报复美国，但限制出口对中国而言也是一把“双刃剑”，未尝不会加速“去风险化”的趋势。");
    assert.deepEqual(r.missing, ["source"]);
  });

  it("keeps the standfirst, credits and every paragraph; drops label and byline", () => {
    const lines = bodyLines(r.body);
    assert.equal(lines[0], r.frontMatter.summary);
    assert.ok(!lines.includes("即时"));
    assert.ok(!r.body.includes("发自伦敦"));
    includesAll(r.body, [
      "2021年11月1日，美国和中国国旗在灯柱上飘扬。摄：Brian Snyder/Reuters/达志影像",
      "2018年7月5日，位于萨凡纳港的货柜码头。摄：Stephen B. Morton/AP/达志影像",
    ]);
    // Every line after the byline is the article, with emptied links back to plain text.
    const raw = text.split("\n");
    const byline = raw.findIndex((l) => l.startsWith("特约撰稿人"));
    const article = raw
      .slice(byline + 1)
      .map((l) => l.trim().replace(/\[([^\]]*)\]\(#\)/g, "$1"))
      .filter(Boolean);
    assert.equal(article.length, 13);
    assert.deepEqual(lines.slice(-article.length), article);
    assert.ok(r.body.includes("（延伸阅读：《美国对华芯片管制全解析：制裁范围前所未见，中国半导体行业被“冷冻”的危机》）"));
    assert.ok(r.body.includes("CNN引述欧亚集团（Eurasia Group）的报告指出"));
    assert.ok(!r.body.includes("](#)"));
  });

  it("counts the section label as noise", () => {
    assert.equal(r.noiseLines, 1);
  });
});
