// Made-up clippings in each format, different from the seeds in title, date, author and noise:
// the detectors and extractors must key on the format's structure, not on the seeds' words.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FORMATS, ImportError, detectFormat, importClipping } from "../../src/import/index.ts";
import { bodyLines } from "./helpers.ts";

const WECHAT = `# 美国商务部更新实体清单，涉及多家中国企业

文章作者: 芯观察
发布时间: 2023-10-18 20:05
发布地: 北京
原文链接: https://mp.weixin.qq.com/s/AbCdEf123

封面图链接: https://mmbiz.qpic.cn/mmbiz_jpg/cover/0

点击上方蓝字关注我们

美国商务部工业与安全局周二宣布，将多家中国企业列入实体清单。

###

业界反应

多家企业表示将评估影响。**受影响企业**
“将依法维权”。

![](https://mmbiz.qpic.cn/mmbiz_jpg/figure/640?wx_fmt=jpeg)

图：美国商务部大楼

- END -

推荐阅读

[![](https://mmbiz.qpic.cn/mmbiz_jpg/old/640)旧文：芯片法案一周年](https://mp.weixin.qq.com/s?__biz=XYZ&scene=21#wechat_redirect)

喜欢就点个在看吧
`;

const NETEASE = `网易首页 > 网易号 > 正文 申请入驻

荷兰收紧光刻机出口，阿斯麦回应

12
分享至

荷兰政府周五公布新的出口管制条例。

【阿斯麦总部】

阿斯麦表示将遵守规定。

特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。

Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao, which is a social media platform and only provides information storage services.

相关推荐
热点推荐
某地暴雨引发山洪，多人被困

某地暴雨引发山洪，多人被困

天气速报
2024-01-09 23:10:00
球星宣布退役，球迷泪目

球星宣布退役，球迷泪目

体育大观
2024-01-08 07:00:00
2024-01-09 08:15:02
科技观潮 incentive-icons
科技观潮
专注科技产业
312文章数 18关注度
往期回顾 全部

科技要闻

某公司发布新手机

无障碍浏览 进入关怀版`;

const DW = `<!--1698912000000-->
[荷兰限制对华出口光刻机](https://www.dw.com/zh/%E8%8D%B7%E5%85%B0/a-67290001)
------

<div><i><br>2023-11-02T08:00:00.000Z</i></div><img src="https://images.weserv.nl/?url=ssl:static.dw.com/image/1111_303.jpg" width="100%"><div><small style="color: #999;">阿斯麦公司位于荷兰费尔德霍芬的总部</small></div><p>（德国之声中文网）荷兰政府宣布新规，<a href="https://api.dw.com/api/detail/article/67000001" rel="ArticleRef">限制光刻机出口</a>。</p><p>分析人士认为此举影响有限。</p>`;

const DW_EN = `<!--1698912000000-->
[Netherlands curbs chip tool exports](https://www.dw.com/en/netherlands-curbs/a-67290002)
------

<div><i>2023-11-02T09:30:00Z</i></div><p>The Dutch government announced new export rules for lithography machines on Thursday.</p><p>Analysts expect a limited effect on China's chip industry.</p>`;

const INITIUM = `国际

## 荷兰扩大光刻机管制，中国芯片业如何应对？ | 深度

荷兰的新规将深紫外光刻机纳入管制范围，中国厂商面临更大压力。

2023年1月10日，一名工作人员在工厂内。摄：Someone/Reuters/达志影像

端传媒记者 张三、李四 发自香港 | 2024-01-15

1月1日起，荷兰新规正式生效。（延伸阅读：[《荷兰与美国达成协议》](#)）

专家指出，[国产替代](#)仍需时间。
`;

const INITIUM_HANT = `評論

## 晶片戰下的台灣

美中晶片競爭加劇，台灣處於風暴中心。

特約撰稿人 陳大文 發自台北 | 2022-10-08

台灣的半導體產業在全球供應鏈中舉足輕重，這一點從未改變。
`;

const NOTE = `---
title: A note on export controls
date: 2024-05-01
custom_field: keep me
tags: [semiconductor]
---

# A note on export controls

The Bureau of Industry and Security published new rules on advanced computing chips this week.
`;

describe("format detection is structural", () => {
  const cases: Array<[string, string]> = [
    [WECHAT, "wechat"],
    [NETEASE, "netease"],
    [DW, "dw-rss"],
    [DW_EN, "dw-rss"],
    [INITIUM, "initium"],
    [INITIUM_HANT, "initium"],
    [NOTE, "frontmatter-note"],
    ["# Just a title\n\nDate: 2024-01-01\n\nSome text.", "generic"],
  ];
  for (const [text, id] of cases) {
    it(`recognises ${id}: ${text.split("\n").find((l) => l.trim())?.slice(0, 30)}`, () => {
      assert.equal(detectFormat(text).id, id);
    });
  }

  it("exactly one specific format accepts each clipping", () => {
    for (const [text, id] of cases.slice(0, -1)) {
      const accepting = FORMATS.filter((f) => f.id !== "generic" && f.detect(text)).map((f) => f.id);
      assert.deepEqual(accepting, [id]);
    }
  });

  it("a text that only mentions WeChat or NetEase is not taken for their pages", () => {
    const text = "# 微信与网易\n\n日期：2024-01-02\n\n有人把文章发在 mp.weixin.qq.com，也有人发在网易号。\n\n相关推荐\n";
    assert.equal(detectFormat(text).id, "generic");
  });
});

describe("WeChat variant", () => {
  const r = importClipping(WECHAT);

  it("reads its header", () => {
    assert.equal(r.frontMatter.title, "美国商务部更新实体清单，涉及多家中国企业");
    assert.equal(r.frontMatter.date, "2023-10-18T20:05:00+08:00");
    assert.equal(r.frontMatter.author, "芯观察");
    assert.equal(r.frontMatter.outlet, "芯观察", "without a © line the author names the account");
    assert.equal(r.frontMatter.place, "北京");
    assert.equal(r.frontMatter.source, "https://mp.weixin.qq.com/s/AbCdEf123");
  });

  it("keeps the article, repairs the heading, drops other prompts and footers", () => {
    assert.match(r.body, /^### 业界反应$/m);
    assert.ok(r.body.includes("**受影响企业**“将依法维权”。"));
    assert.ok(r.body.includes("![](https://mmbiz.qpic.cn/mmbiz_jpg/figure/640?wx_fmt=jpeg)"));
    assert.equal(bodyLines(r.body).at(-1), "图：美国商务部大楼");
    for (const noise of ["点击上方蓝字", "END", "推荐阅读", "旧文", "点个在看", "scene=21"]) {
      assert.ok(!r.body.includes(noise), noise);
    }
    assert.ok(r.noiseLines >= 5);
  });
});

describe("NetEase variant", () => {
  const r = importClipping(NETEASE);

  it("takes the author card's timestamp, not a headline's", () => {
    assert.equal(r.frontMatter.title, "荷兰收紧光刻机出口，阿斯麦回应");
    assert.equal(r.frontMatter.date, "2024-01-09T08:15:02+08:00");
    assert.equal(r.frontMatter.author, "科技观潮");
    assert.equal(r.frontMatter.outlet, "网易号");
  });

  it("keeps only the article", () => {
    assert.deepEqual(bodyLines(r.body), ["荷兰政府周五公布新的出口管制条例。", "【阿斯麦总部】", "阿斯麦表示将遵守规定。"]);
  });

  it("finds the author card wherever the page puts it", () => {
    const cardFirst = NETEASE.replace(
      "相关推荐\n",
      "2024-01-10 10:00:00\n另一个号 incentive-icons\n另一个号\n签名\n5文章数 1关注度\n相关推荐\n",
    ).replace(/2024-01-09 08:15:02\n科技观潮 incentive-icons\n科技观潮\n专注科技产业\n312文章数 18关注度\n/, "");
    const moved = importClipping(cardFirst);
    assert.equal(moved.frontMatter.date, "2024-01-10T10:00:00+08:00");
    assert.equal(moved.frontMatter.author, "另一个号");
  });

  it("has no date without an author card", () => {
    const noCard = NETEASE.replace(/2024-01-09 08:15:02\n科技观潮 incentive-icons\n科技观潮\n专注科技产业\n312文章数 18关注度\n/, "");
    assert.throws(() => importClipping(noCard, { file: "n.txt" }), /no publication date found in n\.txt/);
  });
});

describe("feed item variants", () => {
  it("Chinese DW: date from <i>, proxy unwrapped (ssl: prefix), caption kept, API links readable", () => {
    const r = importClipping(DW);
    assert.equal(r.frontMatter.title, "荷兰限制对华出口光刻机");
    assert.equal(r.frontMatter.date, "2023-11-02T08:00:00.000+00:00");
    assert.equal(r.frontMatter.fetched, "2023-11-02T08:00:00.000+00:00");
    assert.equal(r.frontMatter.outlet, "德国之声");
    assert.deepEqual(bodyLines(r.body), [
      "![阿斯麦公司位于荷兰费尔德霍芬的总部](https://static.dw.com/image/1111_303.jpg)",
      "*阿斯麦公司位于荷兰费尔德霍芬的总部*",
      "（德国之声中文网）荷兰政府宣布新规，[限制光刻机出口](https://www.dw.com/zh/a-67000001)。",
      "分析人士认为此举影响有限。",
    ]);
  });

  it("a feed item whose only date is the crawl time: dated by it and marked date_source: crawled, with a warning", () => {
    const noTime = DW.replace("<div><i><br>2023-11-02T08:00:00.000Z</i></div>", "");
    const r = importClipping(noTime, { file: "dw.txt" });
    assert.equal(r.frontMatter.date, "2023-11-02T08:00:00.000+00:00", "the fetch instant, as the comment gives it");
    assert.equal(r.frontMatter.date_source, "crawled");
    assert.deepEqual(Object.keys(r.frontMatter).slice(0, 3), ["title", "date", "date_source"]);
    assert.equal(r.day, "2023-11-02");
    assert.ok(!r.missing.includes("date"));
    assert.ok(r.warnings.some((w) => /^no publication date found; dated by when the item was fetched, 2023-11-02, and marked `date_source: crawled`/.test(w)), r.warnings.join("\n"));
    // A date given on the command line is the user's: not a crawl date.
    const given = importClipping(noTime, { date: "2023-11-01" });
    assert.equal(given.frontMatter.date_source, undefined);
    assert.equal(given.frontMatter.date, "2023-11-01T00:00:00+08:00");
    // With its own publication time the item is not marked.
    assert.equal(importClipping(DW).frontMatter.date_source, undefined);
  });

  it("English DW: outlet DW, language en", () => {
    const r = importClipping(DW_EN);
    assert.equal(r.frontMatter.outlet, "DW");
    assert.equal(r.frontMatter.lang, "en");
    assert.equal(r.frontMatter.date, "2023-11-02T09:30:00+00:00");
    assert.equal(r.frontMatter.fetched, "2023-11-02T08:00:00.000+00:00");
  });
});

describe("Initium variants", () => {
  it("two authors, another column, another place", () => {
    const r = importClipping(INITIUM);
    assert.equal(r.frontMatter.title, "荷兰扩大光刻机管制，中国芯片业如何应对？");
    assert.equal(r.frontMatter.series, "深度");
    assert.equal(r.frontMatter.author, "张三、李四");
    assert.equal(r.frontMatter.place, "香港");
    assert.equal(r.frontMatter.date, "2024-01-15T00:00:00+08:00");
    assert.equal(r.frontMatter.summary, "荷兰的新规将深紫外光刻机纳入管制范围，中国厂商面临更大压力。");
    assert.deepEqual(bodyLines(r.body), [
      "荷兰的新规将深紫外光刻机纳入管制范围，中国厂商面临更大压力。",
      "2023年1月10日，一名工作人员在工厂内。摄：Someone/Reuters/达志影像",
      "1月1日起，荷兰新规正式生效。（延伸阅读：《荷兰与美国达成协议》）",
      "专家指出，国产替代仍需时间。",
    ]);
    assert.equal(r.noiseLines, 1);
  });

  it("bylines without a place: a reporter, or the editorial desk signing as itself", () => {
    const desk = importClipping(INITIUM.replace("端传媒记者 张三、李四 发自香港 | 2024-01-15", "端传媒编辑部 | 2024-02-01"));
    assert.equal(desk.format, "initium");
    assert.equal(desk.frontMatter.author, "端传媒编辑部");
    assert.equal(desk.frontMatter.place, undefined);
    assert.equal(desk.frontMatter.date, "2024-02-01T00:00:00+08:00");
    const reporter = importClipping(INITIUM.replace("端传媒记者 张三、李四 发自香港 | 2024-01-15", "特约撰稿人王五 | 2024-02-02"));
    assert.equal(reporter.frontMatter.author, "王五");
    // `text | date` with neither role nor place is not a byline.
    assert.equal(detectFormat(INITIUM.replace("端传媒记者 张三、李四 发自香港 | 2024-01-15", "某某 | 2024-02-02")).id, "generic");
  });

  it("Traditional Chinese, no column", () => {
    const r = importClipping(INITIUM_HANT);
    assert.equal(r.frontMatter.title, "晶片戰下的台灣");
    assert.equal(r.frontMatter.series, undefined);
    assert.equal(r.frontMatter.author, "陳大文");
    assert.equal(r.frontMatter.place, "台北");
    assert.equal(r.frontMatter.lang, "zh-Hant");
    assert.equal(r.frontMatter.date, "2022-10-08T00:00:00+08:00");
  });
});

describe("front-matter note variant", () => {
  const r = importClipping(NOTE);

  it("keeps the user's fields and date, fills lang, reports what is missing", () => {
    assert.equal(r.frontMatter.date, "2024-05-01");
    assert.equal(r.frontMatter.custom_field, "keep me");
    assert.deepEqual(r.frontMatter.tags, ["semiconductor"]);
    assert.equal(r.frontMatter.lang, "en");
    assert.deepEqual(r.missing, ["source", "outlet", "author"]);
    assert.ok(r.body.startsWith("# A note on export controls"));
  });

  it("a note's unreadable date is an error naming the file", () => {
    assert.throws(
      () => importClipping(NOTE.replace("2024-05-01", "sometime in May"), { file: "notes/x.md" }),
      /cannot read the publication date "sometime in May" in notes\/x\.md/,
    );
  });

  it("--date, --title and --source override what the clipping says", () => {
    const o = importClipping(NOTE, { date: "2024-06-02 10:00", title: "Other", source: "https://example.org/a" });
    assert.equal(o.frontMatter.title, "Other");
    assert.equal(o.frontMatter.source, "https://example.org/a");
    assert.equal(o.frontMatter.outlet, "example.org");
    // A date given on the command line is the importer's, so it is written as ISO.
    assert.equal(o.frontMatter.date, "2024-06-02T10:00:00+00:00");
  });
});

describe("generic fallback", () => {
  it("reads a Date: line and the first heading", () => {
    const r = importClipping("# Chip rules tightened\n\nDate: 2024-01-17\nAuthor: Jane Roe\n\nThe rules take effect in April.\n\nMore text follows.");
    assert.equal(r.format, "generic");
    assert.equal(r.frontMatter.title, "Chip rules tightened");
    assert.equal(r.frontMatter.date, "2024-01-17T00:00:00+00:00");
    assert.equal(r.frontMatter.author, "Jane Roe");
    assert.equal(r.frontMatter.lang, "en");
    assert.deepEqual(bodyLines(r.body), ["The rules take effect in April.", "More text follows."]);
  });

  it("reads Chinese header lines, the first line as title, a 来源 URL as source", () => {
    const r = importClipping("稀土管制新规解读\n日期：2024年10月9日\n来源：https://example.cn/news/1\n\n商务部公布了新的稀土管制规定。");
    assert.equal(r.frontMatter.title, "稀土管制新规解读");
    assert.equal(r.frontMatter.date, "2024-10-09T00:00:00+08:00");
    assert.equal(r.frontMatter.source, "https://example.cn/news/1");
    assert.equal(r.frontMatter.outlet, "example.cn");
    assert.deepEqual(bodyLines(r.body), ["商务部公布了新的稀土管制规定。"]);
  });

  it("without any date, fails with a message naming the file and suggesting --date", () => {
    assert.throws(
      () => importClipping("# A title\n\nJust text, no date anywhere.", { file: "clips/undated.md" }),
      (e: unknown) =>
        e instanceof ImportError &&
        e.message === "no publication date found in clips/undated.md: add a `date:` line or pass --date YYYY-MM-DD",
    );
    const ok = importClipping("# A title\n\nJust text, no date anywhere.", { date: "2024-03-03" });
    assert.equal(ok.frontMatter.date, "2024-03-03T00:00:00+00:00");
  });

  it("an empty clipping is an error", () => {
    assert.throws(() => importClipping("  \n\n", { file: "e.txt" }), /e\.txt is empty/);
  });

  it("strips an HTML page to its <article> and reads its meta tags", () => {
    const html = `<!DOCTYPE html><html><head><title>Site | Page</title>
<meta property="og:title" content="Export curbs widen &amp; deepen">
<meta property="article:published_time" content="2024-02-05T12:00:00+01:00">
<meta name="author" content="John Doe"><meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.com/curbs"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><p>Subscribe today</p></header>
<article><h1>Export curbs widen &amp; deepen</h1><p>The first paragraph.</p>
<figure><img src="/img/a.jpg" alt=""><figcaption>A caption</figcaption></figure>
<ul><li>One</li><li>Two</li></ul><h2>Section</h2><p>Last <a href="/more">paragraph</a>.</p></article>
<aside>Most read: something else</aside><footer>© Example News</footer></body></html>`;
    const r = importClipping(html);
    assert.equal(r.format, "generic");
    assert.equal(r.frontMatter.title, "Export curbs widen & deepen");
    assert.equal(r.frontMatter.date, "2024-02-05T12:00:00+01:00");
    assert.equal(r.frontMatter.author, "John Doe");
    assert.equal(r.frontMatter.outlet, "Example News");
    assert.equal(r.frontMatter.source, "https://news.example.com/curbs");
    assert.deepEqual(bodyLines(r.body), [
      "The first paragraph.",
      "![A caption](https://news.example.com/img/a.jpg)",
      "*A caption*",
      "- One",
      "- Two",
      "## Section",
      "Last [paragraph](https://news.example.com/more).",
    ]);
    assert.ok(r.noiseLines >= 3);
  });
});
