// Search quality on the shipped content, measured in Node against the real Pagefind bundle:
// precision and recall for our query list, printed, and held to a bar.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js";
import { buildSite, type BuiltSite } from "../support/site.ts";
import { indexSite } from "../../src/build.ts";
import { loadPagefind, type PagefindApi } from "../../src/search/node-search.ts";
import { runSearch } from "../../src/search/engine.ts";
import type { AliasIndex, FoldMap } from "../../src/search/fold.ts";
import { QUERIES } from "./queries.ts";

let site: BuiltSite;
/** The same site's search, once as one index and once cut into shards (src/search/shards.ts). */
const searches = new Map<string, { pagefind: PagefindApi; shards: number; pages: number }>();
const VARIANTS = ["one index", "shards"] as const;
// Small enough that the shipped content makes several shards.
const SMALL_SHARD_WORDS = 4000;
let map: FoldMap;
let aliases: AliasIndex;
/** url → the text of the page as the oracle reads it. */
const pages = new Map<string, string>();
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

before(async () => {
  site = await buildSite({ includeDrafts: true });
  map = JSON.parse(await site.read("search/fold.json"));
  aliases = JSON.parse(await site.read("search/aliases.json"));
  searches.set("one index", await loadPagefind(site.dir));
  const sharded = path.join(path.dirname(site.dir), "sharded");
  const figures = await indexSite({ ...site.cfg, outputDir: sharded, searchShardWords: SMALL_SHARD_WORDS });
  assert.ok(figures.shards >= 3, `${figures.shards} shards`);
  searches.set("shards", await loadPagefind(sharded));
  const data = JSON.parse(await fs.readFile(path.join(site.cfg.dataDir, "dataset.json"), "utf8"));
  for (const a of data.articles) {
    const body = await fs.readFile(path.join(site.cfg.dataDir, "text", `${a.slug}.txt`), "utf8");
    pages.set(a.url, `${a.title}\n${a.summary ?? ""}\n${body}`);
  }
  for (const e of data.events) pages.set(e.url, [e.title["zh-Hans"], e.title.en, e.instrument?.id ?? "", e.instrument?.title ?? "", e.text].join("\n"));
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
    const { pagefind, shards, pages: records } = searches.get(variant)!;
  let tp = 0;
  let returned = 0;
  let relevantTotal = 0;
  const rows: string[] = [];
  for (const c of QUERIES) {
    const out = await runSearch(pagefind, { q: c.q, filters: {}, sort: "relevance" }, map, aliases, shards, records);
    const urls = new Set((await Promise.all(out.results.map((r) => r.data()))).map((d) => d.url as string));
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
  console.log(`${variant}: search quality on ${QUERIES.length} queries:\n${rows.join("\n")}\nprecision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (${tp} relevant of ${returned} returned, ${relevantTotal} relevant)`);
  assert.ok(precision >= 0.95, `precision ${precision.toFixed(3)}`);
  assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)}`);
});

  test(`${variant}: 台积电 never returns a page that only shares 台 with it`, async () => {
    const { pagefind, shards, pages: records } = searches.get(variant)!;
  const out = await runSearch(pagefind, { q: "台积电", filters: {}, sort: "relevance" }, map, aliases, shards, records);
  const urls = (await Promise.all(out.results.map((r) => r.data()))).map((d) => d.url as string);
  for (const u of urls) assert.match(toSimplified(pages.get(u) ?? "").toLowerCase(), /台积电|tsmc|台湾积体电路/, u);
  assert.ok(urls.length >= 1);
});

  test(`${variant}: filters narrow by type, jurisdiction, actor, tag and year; sort by date puts the newest first`, async () => {
    const { pagefind, shards, pages: records } = searches.get(variant)!;
  const search = (q: string, filters: Record<string, string>, sort: "relevance" | "date" = "relevance") =>
    runSearch(pagefind, { q, filters, sort }, map, aliases, shards, records).then((o) => Promise.all(o.results.map((r) => r.data())));
  const events = await search("稀土", { type: "event" });
  assert.ok(events.length >= 5 && events.every((d) => d.meta.type === "event"));
  const cn = await search("", { type: "event", jurisdiction: "CN", year: "2025" });
  assert.ok(cn.length >= 3 && cn.every((d) => d.filters.jurisdiction.includes("CN") && d.filters.year.includes("2025")));
  const bis = await search("", { actor: "us-bis" });
  assert.ok(bis.some((d) => d.url === "/events/2024-12-02-us-bis-fdpr-hbm-chipmaking-equipment/"));
  const tagged = await search("", { tag: "gallium" });
  assert.ok(tagged.every((d) => d.filters.tag.includes("gallium")));
  const dated = await search("出口", { type: "article" }, "date");
  const days = dated.map((d) => d.meta.date as string);
  assert.deepEqual(days, [...days].sort().reverse());
});
}
