// Search quality on the shipped content, measured in Node against the real Pagefind bundle and
// against our postings index (the index of a corpus too large for Pagefind): precision and
// recall for our query list, printed, and held to a bar.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js";
import { buildSite, type BuiltSite } from "../support/site.ts";
import { indexSite } from "../../src/build.ts";
import { engineFor, prepareRecords } from "../../src/search/index-share.ts";
import { recordTokens } from "../../src/search/records.ts";
import { loadSearch } from "../../src/search/node-search.ts";
import { runSearch, type SearchIndex } from "../../src/search/engine.ts";
import type { AliasIndex, FoldMap } from "../../src/search/fold.ts";
import { QUERIES } from "./queries.ts";

let site: BuiltSite;
/** The same site's search, once with Pagefind and once with our postings index (src/search/manifest.ts). */
const searches = new Map<string, SearchIndex>();
const VARIANTS = ["pagefind", "postings"] as const;
// Small enough that the shipped content is "too large for Pagefind".
const SMALL_PAGEFIND_WORDS = 4000;
/** url → the event's jurisdiction, from the dataset. */
const jurisdictionOf = new Map<string, string>();
let map: FoldMap;
let aliases: AliasIndex;
/** url → the text of the page as the oracle reads it. */
const pages = new Map<string, string>();
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

before(async () => {
  site = await buildSite({ includeDrafts: true });
  map = JSON.parse(await site.read("search/fold.json"));
  aliases = JSON.parse(await site.read("search/aliases.json"));
  const pagefind = await loadSearch(site.dir);
  assert.equal(pagefind.engine, "pagefind");
  searches.set("pagefind", pagefind.index);
  const large = path.join(path.dirname(site.dir), "postings");
  // Two threads, as a large corpus is indexed (src/build/index-threads.ts).
  const figures = await indexSite({ ...site.cfg, outputDir: large, pagefindMaxWords: SMALL_PAGEFIND_WORDS, indexThreads: 2 });
  assert.equal(figures.engine, "postings");
  assert.ok(figures.chunks >= 3, `${figures.chunks} chunks`);
  const postings = await loadSearch(large);
  assert.equal(postings.engine, "postings");
  searches.set("postings", postings.index);
  const data = JSON.parse(await fs.readFile(path.join(site.cfg.dataDir, "dataset.json"), "utf8"));
  for (const a of data.articles) {
    const body = await fs.readFile(path.join(site.cfg.dataDir, "text", `${a.slug}.txt`), "utf8");
    pages.set(a.url, `${a.title}\n${a.summary ?? ""}\n${body}`);
  }
  for (const e of data.events) jurisdictionOf.set(e.url, e.jurisdiction);
  // An event's page also names its targets (actors, by their names).
  const actorNames = new Map<string, string[]>(data.actors.map((x: { id: string; names: Record<string, string>; aliases: string[] }) => [x.id, [...Object.values(x.names), ...x.aliases]]));
  const named = (ids: unknown) => (Array.isArray(ids) ? ids : [ids]).flatMap((id) => actorNames.get(String(id)) ?? [String(id)]);
  for (const e of data.events) pages.set(e.url, [e.title["zh-Hans"], e.title.en, e.instrument?.id ?? "", e.instrument?.title ?? "", e.text, ...named(e.targets ?? [])].join("\n"));
  for (const x of data.actors) pages.set(`/actors/${x.id}/`, [...Object.values(x.names), ...x.aliases].join("\n"));
  for (const x of data.tags) pages.set(`/tags/${x.id}/`, [...Object.values(x.names), ...x.aliases].join("\n"));
});

function oracle(surfaces: string[]): Set<string> {
  const out = new Set<string>();
  for (const [url, text] of pages) {
    const hay = toSimplified(text).toLowerCase();
    const hit = surfaces.some((s) => {
      const needle = toSimplified(s).toLowerCase();
      // Latin names as whole words, so "chip" is not "chipmaking" and "DW" is not "dwindle".
      return /[a-z]/.test(needle) ? new RegExp(`(^|[^a-z])${needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z])`).test(hay) : hay.includes(needle);
    });
    if (hit) out.add(url);
  }
  return out;
}

for (const variant of VARIANTS) {
  test(`${variant}: precision and recall on our query list`, async () => {
    const index = searches.get(variant)!;
  let tp = 0;
  let returned = 0;
  let relevantTotal = 0;
  const rows: string[] = [];
  let looser = 0;
  for (const c of QUERIES) {
    const out = await runSearch(index, { q: c.q, filters: {}, sort: "relevance" }, map, aliases);
    // The answer is the query's own results; its looser reading's (the words apart) come after a
    // line of their own on the page, and are counted apart here.
    const urls = new Set((await Promise.all(out.results.slice(0, out.looserFrom).map((r) => r.data()))).map((d) => d.url as string));
    looser += out.results.length - out.looserFrom;
    const relevant = oracle(c.relevant);
    const hits = [...urls].filter((u) => relevant.has(u)).length;
    tp += hits;
    returned += urls.size;
    relevantTotal += relevant.size;
    const p = urls.size ? hits / urls.size : 1;
    const r = relevant.size ? hits / relevant.size : 1;
    rows.push(`${c.q.padEnd(14)} returned ${String(urls.size).padStart(3)}  relevant ${String(relevant.size).padStart(3)}  P ${p.toFixed(2)}  R ${r.toFixed(2)}`);
    const missed = [...relevant].filter((u) => !urls.has(u));
    const extra = [...urls].filter((u) => !relevant.has(u));
    if (missed.length || extra.length) rows.push(`    missed ${missed.join(" ")} | extra ${extra.join(" ")}`);
    assert.ok(relevant.size > 0, `${c.q}: the oracle finds pages (the query list is about the shipped content)`);
  }
  const precision = tp / returned;
  const recall = tp / relevantTotal;
  console.log(`${variant}: search quality on ${QUERIES.length} queries:\n${rows.join("\n")}\nprecision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (${tp} relevant of ${returned} returned, ${relevantTotal} relevant); ${looser} more with the words apart`);
  assert.ok(precision >= 0.95, `precision ${precision.toFixed(3)}`);
  assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)}`);
});

  test(`${variant}: 台积电 never returns a page that only shares 台 with it`, async () => {
    const index = searches.get(variant)!;
  const out = await runSearch(index, { q: "台积电", filters: {}, sort: "relevance" }, map, aliases);
  const urls = (await Promise.all(out.results.map((r) => r.data()))).map((d) => d.url as string);
  for (const u of urls) assert.match(toSimplified(pages.get(u) ?? "").toLowerCase(), /台积电|tsmc|台湾积体电路/, u);
  assert.ok(urls.length >= 1);
});

  test(`${variant}: a Chinese name never matches through one of its characters`, async () => {
    const index = searches.get(variant)!;
    const urls = async (q: string) => (await Promise.all((await runSearch(index, { q, filters: {}, sort: "relevance" }, map, aliases)).results.map((r) => r.data()))).map((d) => d.url as string);
    for (const q of ["中兴", "中興", "ZTE"]) {
      const found = await urls(q);
      assert.ok(found.includes("/actors/zte/") && found.includes("/events/2018-04-15-us-bis-zte-denial-order/"), `${q}: ${found.join(" ")}`);
      for (const u of found) assert.match(toSimplified(pages.get(u) ?? "").toLowerCase(), /中兴|zte/, `${q} → ${u}`);
    }
    // A pair no page has finds nothing (Pagefind would otherwise look up its first character: 中).
    assert.ok(!oracle(["中蚓"]).size);
    assert.deepEqual(await urls("中蚓"), []);
    assert.deepEqual(await urls("出口 中蚓"), []);
    // A pair of a longer name, found only where the name is.
    for (const u of await urls("兴通")) assert.match(toSimplified(pages.get(u) ?? ""), /兴通/, u);
  });

  test(`${variant}: filters narrow by type, jurisdiction, actor, tag and year; sort by date puts the newest first`, async () => {
    const index = searches.get(variant)!;
  const search = (q: string, filters: Record<string, string>, sort: "relevance" | "date" = "relevance") =>
    runSearch(index, { q, filters, sort }, map, aliases).then((o) => Promise.all(o.results.map((r) => r.data())));
  const events = await search("稀土", { type: "event" });
  assert.ok(events.length >= 5 && events.every((d) => d.meta.type === "event"));
  const cn = await search("", { type: "event", jurisdiction: "CN", year: "2025" });
  assert.ok(cn.length >= 3 && cn.every((d) => jurisdictionOf.get(d.url) === "CN" && d.meta.date!.startsWith("2025")), JSON.stringify(cn.map((d) => d.url)));
  const bis = await search("", { actor: "us-bis" });
  assert.ok(bis.some((d) => d.url === "/events/2024-12-02-us-bis-fdpr-hbm-chipmaking-equipment/"));
  // A page carries a tag where it is tagged with it or its text names it (records.ts).
  const tagged = await search("", { tag: "gallium" });
  const gallium = oracle(aliases.surfaces["gallium"]!);
  assert.ok(tagged.length >= 3 && tagged.every((d) => gallium.has(d.url) || d.url === "/tags/gallium/"), JSON.stringify(tagged.map((d) => d.url)));
  const dated = await search("出口", { type: "article" }, "date");
  const days = dated.map((d) => d.meta.date as string);
  assert.deepEqual(days, [...days].sort().reverse());
});
}

test("the words a corpus will index, estimated before any record is made, are within 15% of the words indexed", async () => {
  const { sources } = await prepareRecords(site.cfg);
  const estimated = sources.reduce((n, s) => n + s.words, 0);
  const indexed = sources.reduce((n, s) => n + recordTokens(s.make()).length, 0);
  console.log(`estimated ${estimated} words, indexed ${indexed}`);
  assert.ok(Math.abs(estimated - indexed) / indexed < 0.15, `estimated ${estimated}, indexed ${indexed}`);
  assert.equal(engineFor(sources, indexed * 2), "pagefind");
  assert.equal(engineFor(sources, Math.floor(indexed / 2)), "postings");
});
