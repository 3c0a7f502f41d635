// The home page's data (src/site/home-page.ts): the latest events and articles, the chains
// worth following and their longest run of answers, the chips in each language's order, and
// every download and feed the site writes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chainView, homePage, pickChains, zhOrdered, HOME_CHAIN_STEPS, HOME_EVENTS } from "../../src/site/home-page.ts";
import { lagPhrase } from "../../src/timeline/lag.ts";
import { parseEventDate } from "../../src/timeline/dates.ts";
import { STRINGS } from "../../src/site/i18n.ts";
import { ROOT } from "../../src/config.ts";
import type { EventDate } from "../../src/model/event.ts";
import type { ArticleView, EventView, TermView } from "../../src/site/site-model.ts";

interface Spec {
  id: string;
  date: string;
  side?: EventView["side"];
  /** What it answers (ids of earlier events). */
  answers?: string[];
  page?: string;
}

/** Events as shapeEvents makes them, with only what the home page reads; oldest first. */
function events(specs: Spec[]): EventView[] {
  const byId = new Map(specs.map((s) => [s.id, s]));
  const dateOf = (id: string) => parseEventDate(byId.get(id)!.date) as EventDate;
  const days = (a: string, b: string) => Math.round((Date.parse(dateOf(b).start) - Date.parse(dateOf(a).start)) / 86_400_000);
  // Chains: the connected groups, named by their earliest event.
  const chain = new Map<string, string>();
  for (const s of specs) chain.set(s.id, s.answers?.length ? chain.get(s.answers[0]!)! : s.id);
  const ref = (id: string) => ({ id, label: `事件 ${id}`, lang: "zh-Hans" as const, en: `Event ${id}`, url: `/events/${id}/`, date: dateOf(id), kind: "measure" as const });
  return specs.map((s) => {
    const answeredBy = specs.filter((o) => o.answers?.includes(s.id));
    return {
      id: s.id,
      url: `/events/${s.id}/`,
      date: dateOf(s.id),
      side: s.side ?? "us",
      kind: "measure",
      chain: chain.get(s.id)!,
      label: `事件 ${s.id}`,
      title: { "zh-Hans": `事件 ${s.id}`, en: `Event ${s.id}` },
      answeredByRefs: answeredBy.map((o) => ({ ...ref(o.id), basis: "stated", lagDays: days(s.id, o.id), lagApprox: false, lag: lagPhrase(days(s.id, o.id), false, "later"), timelineHref: `#${o.id}` })),
      chainRefs: specs.filter((o) => chain.get(o.id) === chain.get(s.id)).map((o) => ref(o.id)),
      timelineUrl: `${s.page ?? "/timeline/"}#${s.id}`,
    } as unknown as EventView;
  });
}

test("chains: the longest first (the most recent among equals), then the most recent of the others", () => {
  const list = events([
    { id: "g", date: "2019-01-01" },
    { id: "h", date: "2019-02-01", answers: ["g"], side: "cn" },
    { id: "a", date: "2020-01-01" },
    { id: "b", date: "2020-01-05", answers: ["a"], side: "cn" },
    { id: "d", date: "2020-01-10", answers: ["a"], side: "cn" },
    { id: "c", date: "2020-02-01", answers: ["b"] },
    { id: "e", date: "2021-05-01" },
    { id: "f", date: "2021-05-02", answers: ["e"], side: "cn" },
    { id: "k", date: "2022-01-01" },
    { id: "l", date: "2022-01-02", answers: ["k"], side: "cn" },
    { id: "m", date: "2023-01-01" },
  ]);
  const { longest, recent } = pickChains(list);
  assert.deepEqual(longest.map((c) => [c.id, c.size]), [["a", 4], ["k", 2], ["e", 2]]);
  assert.deepEqual(recent.map((c) => c.id), ["g"], "a chain is listed once; a lone event is no chain");
  const a = longest[0]!;
  assert.deepEqual(a.steps.map((s) => s.id), ["a", "b", "c"], "its longest run of answers, not every member");
  assert.deepEqual(a.steps.map((s) => s.lag), [undefined, { key: "lagDaysLater", n: 4 }, { key: "lagDaysLater", n: 27 }]);
  assert.deepEqual(a.steps.map((s) => s.side), ["us", "cn", "us"]);
  assert.equal(a.steps[1]!.en, "Event b", "each step carries its English title");
  assert.deepEqual([a.first.value, a.last.value, a.moreSteps], ["2020-01-01", "2020-02-01", 0]);
  assert.equal(a.href, "/timeline/?chain=a#a");
});

test("a chain's link is to its first event's timeline page, with the chain alone; a long run is cut", () => {
  const specs: Spec[] = Array.from({ length: HOME_CHAIN_STEPS + 2 }, (_, i) => ({
    id: `p${i}`,
    date: `2018-0${i + 1}-01`,
    page: "/timeline/2018/",
    ...(i ? { answers: [`p${i - 1}`] } : {}),
  }));
  const [only] = pickChains(events(specs)).longest;
  assert.equal(only!.href, "/timeline/2018/?chain=p0#p0");
  assert.equal(only!.steps.length, HOME_CHAIN_STEPS);
  assert.equal(only!.moreSteps, 2);
  assert.deepEqual(only!.steps.map((s) => s.id), ["p0", "p1", "p2", "p3", "p4"]);
});

test("the longest run follows the answers that go furthest, not the first answer", () => {
  // x is answered by y and by w; w is answered by v, v by u: the run is x → w → v → u, not x → y.
  const list = events([
    { id: "x", date: "2020-01-01" },
    { id: "y", date: "2020-01-02", answers: ["x"] },
    { id: "w", date: "2020-01-03", answers: ["x"] },
    { id: "v", date: "2020-01-04", answers: ["w"] },
    { id: "u", date: "2020-01-05", answers: ["v"] },
  ]);
  const view = chainView({ id: "x", members: list });
  assert.deepEqual(view.steps.map((s) => s.id), ["x", "w", "v", "u"]);
});

test("the latest events newest first, the latest 5 articles, every download and feed", () => {
  const list = events(Array.from({ length: 12 }, (_, i) => ({ id: `e${i}`, date: `2024-${String(i + 1).padStart(2, "0")}-01` })));
  const articles = Array.from({ length: 9 }, (_, i) => ({ slug: `n${i}` }) as ArticleView);
  const home = homePage({ events: list, articles, browseTags: [], browseActors: [] });
  assert.equal(home.latestEvents.length, HOME_EVENTS);
  assert.deepEqual(home.latestEvents.map((e) => e.id).slice(0, 3), ["e11", "e10", "e9"]);
  assert.deepEqual(home.latestArticles.map((a) => a.slug), ["n0", "n1", "n2", "n3", "n4"]);
  assert.deepEqual([home.longestChains, home.recentChains], [[], []]);
  // Every file pages/api/ and pages/feeds/ write is offered, each with its words in both languages.
  const permalinks = ["api", "feeds"].flatMap((dir) =>
    readdirSync(path.join(ROOT, "pages", dir)).map((f) => /^permalink:\s*(\S+)/m.exec(readFileSync(path.join(ROOT, "pages", dir, f), "utf8"))![1]!),
  );
  assert.deepEqual([...home.downloads, ...home.feeds].map((d) => d.url).sort(), permalinks.sort());
  for (const d of [...home.downloads, ...home.feeds]) assert.ok(d.key in STRINGS, d.key);
});

test("chips in the Chinese order, by pinyin, each with its place in the English order", () => {
  const term = (label: string, en: string): TermView => ({ id: en.toLowerCase(), label, lang: "zh-Hans", en, url: `/actors/${en}/`, names: {}, aliases: [], kind: "company", count: 1, events: 0, registered: true });
  const chips = zhOrdered([term("中兴", "ZTE"), term("英伟达", "Nvidia"), term("华为", "Huawei"), term("阿斯麦", "ASML"), term("美国商务部", "US Department of Commerce")]);
  // a (阿) h (华) m (美) y (英) z (中); in English ASML, Huawei, Nvidia, US…, ZTE.
  assert.deepEqual(chips.map((c) => c.label), ["阿斯麦", "华为", "美国商务部", "英伟达", "中兴"]);
  assert.deepEqual(chips.map((c) => c.enOrder), [0, 1, 3, 2, 4]);
});

test("a chain whose answers loop (ingest reports the cycle as an error) still shows, each event once", () => {
  const list = events([
    { id: "x", date: "2020-01-01" },
    { id: "y", date: "2020-01-01", answers: ["x"], side: "cn" },
  ]);
  // The cycle ingest reports: x also answers y.
  const [x, y] = list as [EventView, EventView];
  (y as { answeredByRefs: unknown[] }).answeredByRefs = [{ ...x.answeredByRefs[0]!, id: "x" }];
  const view = chainView({ id: "x", members: [x, y] });
  assert.deepEqual(view.steps.map((s) => s.id), ["x", "y"]);
});
