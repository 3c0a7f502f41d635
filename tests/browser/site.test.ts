// The built site from the shipped content, read in Chromium the way a reader reads it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildSite, serve, type BuiltSite } from "../support/site.ts";
import { launchBrowser } from "../support/browser.ts";

let site: BuiltSite;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

before(async () => {
  site = await buildSite({ includeDrafts: true }, { index: false });
  server = await serve(site.dir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(pathname: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.url + pathname.replace(/^\//, ""));
  return page;
}

// For each seed: its own date as a reader sees it, text from its first and last paragraphs,
// and noise from the clipping that must not be on the page.
const SEEDS = [
  {
    raw: "raw/000_d67bebb5f1f79fa8.txt",
    day: "2024年12月4日",
    text: ["美国政府于本周一公布了新一轮对中国的出口管制措施", "加强自主创新与技术研发显然已成为应对外部压力的关键战略", "© AI范儿"],
    noise: ["往期推荐", "点个 在看", "交流群", "美国历史上最严芯片禁令出台"],
  },
  {
    raw: "raw/001_0f687606ae77ce11.txt",
    day: "2025年10月14日",
    text: ["在正式探讨今日议题前", "最终可能对中国的经济和国际影响力产生深远而不利的影响"],
    noise: ["layout: post.njk"],
  },
  {
    raw: "raw/002_71498972dcc4fdd5.txt",
    day: "2025年6月13日",
    text: ["5月上旬,中国商务部批准四家稀土磁材企业", "【美国商务部宣布废除对AI芯片出口分级管制法案】", "这才是最该盘算的"],
    noise: ["日本自卫队感慨万千", "特朗普:中美谈判完成", "特别声明", "Notice: The content above", "相关推荐", "无障碍浏览", "分享至"],
  },
  {
    raw: "raw/003_38e325384dfded78.txt",
    day: "2024年3月30日",
    text: ["出于对国家安全的担忧", "美国正在积极说服盟友进一步限制向中国出口与先进芯片有关的产品", "财经专栏作家刘远举", "©2024年德国之声版权声明"],
    noise: ["1711795624000", "weserv"],
  },
  {
    raw: "raw/004_d320378eb413a6c9.txt",
    day: "2023年7月6日",
    text: ["7月3日，中国大陆商务部发布公告", "摄：Brian Snyder/Reuters/达志影像", "这已然成为美中欧贸易纠葛中全新的战场"],
    noise: ["即时"],
  },
];

test("every seed has a page with its own date, its paragraphs, and none of its noise", async () => {
  const articles = JSON.parse(await site.read("api/articles.json")) as Array<{ url: string; title: string }>;
  const slugByRaw = new Map(site.ingest.articles.map((a) => [a.article.raw, a.article.url]));
  assert.equal(articles.length, 5);
  for (const seed of SEEDS) {
    const url = slugByRaw.get(seed.raw);
    assert.ok(url, `${seed.raw} has an article`);
    const page = await open(url!);
    const body = await page.locator("article").innerText();
    assert.ok(body.includes(seed.day), `${seed.raw}: shows ${seed.day}`);
    for (const t of seed.text) assert.ok(body.includes(t), `${seed.raw}: has "${t}"`);
    const main = await page.locator(".article__body").innerText();
    for (const n of seed.noise) assert.ok(!main.includes(n), `${seed.raw}: no "${n}"`);
    await page.close();
  }
});

test("articles.json lists the five seeds with their publication dates and canonical ids", async () => {
  const articles = JSON.parse(await site.read("api/articles.json")) as Array<Record<string, unknown>>;
  const days = articles.map((a) => a.day).sort();
  assert.deepEqual(days, ["2023-07-06", "2024-03-30", "2024-12-04", "2025-06-13", "2025-10-14"]);
  for (const a of articles) {
    for (const key of ["slug", "url", "title", "date", "source", "outlet", "lang", "tags", "actors"]) assert.ok(key in a, `${key} in ${a.slug}`);
    assert.match(String(a.date), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$/);
  }
  const wechat = articles.find((a) => a.day === "2024-12-04")!;
  for (const id of ["cn-mofcom", "us"]) assert.ok((wechat.actors as string[]).includes(id), id);
  for (const id of ["gallium", "germanium", "antimony"]) assert.ok((wechat.tags as string[]).includes(id), id);
});

test("tag and actor pages list the articles that mention them, with every name", async () => {
  const page = await open("/actors/us-bis/");
  const text = await page.locator("main").innerText();
  assert.match(text, /美国商务部工业与安全局/);
  assert.match(text, /美國商務部產業安全局/);
  assert.match(text, /Bureau of Industry and Security/);
  await page.goto(server.url + "tags/rare-earths/");
  const links = await page.locator("main .article-list a").count();
  assert.ok(links >= 3, `rare-earths lists ${links} articles`);
  await page.close();
});

test("an unknown address gets the 404 page", async () => {
  const page = await browser.newPage();
  const res = await page.goto(server.url + "no/such/page/");
  assert.equal(res?.status(), 404);
  assert.match(await page.locator("h1").innerText(), /找不到/);
  await page.close();
});

test("article text that looks like a template or a script is shown as text and never runs", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-hostile-"));
  await fs.writeFile(
    path.join(dir, "hostile.md"),
    [
      "---",
      'title: "<script>window.pwned=1</script>{{ title }}"',
      "date: 2024-12-04",
      "tags: ['<img src=x onerror=window.pwned=2>']",
      "---",
      "Literal {{ kb.articles }} and {% raw %} stay.",
      "",
      "<script>window.pwned = 3</script>",
      "",
      '<img src="x" onerror="window.pwned=4">',
      "",
      "[click](javascript:window.pwned=5)",
    ].join("\n"),
  );
  const hostile = await buildSite({ contentDir: dir }, { index: false });
  const srv = await serve(hostile.dir);
  try {
    const page = await browser.newPage();
    const url = hostile.ingest.articles[0]!.article.url;
    await page.goto(srv.url + url.slice(1));
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    const text = await page.locator("article").innerText();
    assert.match(text, /Literal \{\{ kb\.articles \}\} and \{% raw %\} stay\./);
    assert.match(await page.locator("h1").innerText(), /<script>window\.pwned=1<\/script>\{\{ title \}\}/);
    assert.equal(await page.locator("a[href^='javascript:']").count(), 0);
    await page.close();
  } finally {
    await srv.close();
  }
});
