// Open vocabularies end to end: notes name tags, people, organisations and products nobody
// registered; ingest keeps them without a warning, the dataset holds each once, and the site
// gives a page only to the terms that list more than one article.
import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ingest } from "../../src/ingest/ingest.ts";
import { toDataset } from "../../src/ingest/dataset.ts";
import { ROOT } from "../../src/config.ts";
import { shapeSite } from "../../src/site/shape.ts";
import { ONCE_INDEX_DIR, termIndex } from "../../src/site/term-pages.ts";
import type { OnceEntry, TermView } from "../../src/site/site-model.ts";
import { WHOLE } from "../../src/config.ts";
import { pagedData } from "../../src/site/views.ts";

const NOW = new Date("2026-11-22T00:00:00Z");

function note(title: string, day: string, fields: Record<string, string[]>, draft = false): string {
  const lines = ["---", `title: ${title}`, `date: ${day}`, ...(draft ? ["draft: true"] : [])];
  for (const [k, v] of Object.entries(fields)) lines.push(`${k}:`, ...v.map((x) => `  - ${JSON.stringify(x)}`));
  return [...lines, "---", "正文。", ""].join("\n");
}

async function site(files: Record<string, string>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-open-"));
  try {
    for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
    // Without the shipped timeline: its events' items would be terms too.
    await fs.writeFile(path.join(dir, "site.yaml"), "timeline:\n  shipped: false\n");
    const r = await ingest({ contentDir: dir, fallbackDir: path.join(ROOT, "content"), includeDrafts: false, now: NOW });
    const data = toDataset(r);
    return { r, data, site: shapeSite(data, "zh-Hans") };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

test("open names become terms without a warning; their spellings are one; only terms of two articles get a page", async () => {
  const { r, data, site: s } = await site({
    "a.md": note("A", "2025-01-01", { tags: ["Quantum Sensing", "稀土"], people: ["Ada Quill"], companies_orgs: ["Acme Robotics", "Nvidia"], products_models: ["Widget X1"] }),
    "b.md": note("B", "2025-01-02", { tags: ["quantum_sensing", "孤例标签"], companies_orgs: ["ACME ROBOTICS", "阿克米機器人"], products_models: ["widget x1"] }),
    "c.md": note("C", "2025-01-03", { tags: ["量子传感"], companies_orgs: ["阿克米机器人"] }),
    "d.md": note("D", "2025-01-04", { tags: ["Quantum Sensing", "Draft Only"] }, true),
  });
  assert.deepEqual(r.log.items, [], "no warning for a name nobody registered");

  // The dataset: each open term once, with what pages need; no per-article copies.
  const tag = (id: string) => data.openTags!.find((t) => t.id === id);
  assert.deepEqual(tag("quantum-sensing"), { id: "quantum-sensing", names: ["Quantum Sensing", "quantum_sensing"], kind: "topic", count: 2 });
  assert.deepEqual(tag("widget-x1"), { id: "widget-x1", names: ["Widget X1", "widget x1"], kind: "product", count: 2 });
  assert.equal(tag("draft-only"), undefined, "a draft left out names nothing");
  const acme = data.openActors!.find((t) => t.names.includes("阿克米机器人"))!;
  assert.deepEqual(acme.names.sort(), ["阿克米机器人", "阿克米機器人"].sort());
  assert.equal(acme.count, 2, "Simplified and Traditional are one term");
  assert.equal(data.openActors!.find((t) => t.id === "acme-robotics")!.count, 2);
  assert.equal(data.openActors!.find((t) => t.id === "ada-quill")!.kind, "person");
  assert.ok(!data.openActors!.some((t) => t.names.includes("Nvidia")), "a registered alias pulls the name into its entry");
  assert.ok(data.articles.every((a) => !("openNames" in a)));
  assert.ok(data.articles.find((a) => a.slug === "a")!.actors.includes("nvidia"));

  // Pages: registered terms and terms of two articles or more.
  const urls = new Set(pagedData(s, WHOLE).tagPages.map((p) => p.url));
  assert.ok(urls.has("/tags/quantum-sensing/") && urls.has("/tags/widget-x1/") && urls.has("/tags/rare-earths/"));
  assert.ok(urls.has("/tags/gallium/"), "a registered tag keeps its page, even unused");
  assert.ok(![...urls].some((u) => u.startsWith("/tags/liang-zi")), "量子传感 is used once: no page");
  const actorUrls = new Set(s.actorPages.map((p) => p.url));
  assert.ok(actorUrls.has("/actors/acme-robotics/") && actorUrls.has(`/actors/${acme.id}/`));
  assert.ok(!actorUrls.has("/actors/ada-quill/"));

  // The article names a single-use term without a link, and links the others.
  const a = s.articles.find((x) => x.slug === "a")!;
  const ada = a.actorRefs.find((x) => x.id === "ada-quill")!;
  assert.deepEqual([ada.label, ada.url, ada.type], ["Ada Quill", undefined, "person"]);
  assert.equal(a.actorRefs.find((x) => x.id === "acme-robotics")!.url, "/actors/acme-robotics/");
  assert.equal(a.tagRefs.find((x) => x.id === "quantum-sensing")!.label, "Quantum Sensing");
  for (const article of s.articles) {
    for (const ref of [...article.tagRefs, ...article.actorRefs, ...article.related.flatMap((x) => x.shared)]) {
      if (ref.url) assert.ok(urls.has(ref.url) || actorUrls.has(ref.url), `${article.slug} links ${ref.url}, which has no page`);
    }
  }

  // The indexes: terms with a page by kind; terms used once on their own pages, leading to their article.
  const [main, once] = s.tagIndex;
  assert.equal(main!.url, "/tags/");
  assert.ok(main!.groups.find((g) => g.kind === "product")!.terms.some((t) => t.id === "widget-x1"));
  assert.ok(main!.groups.every((g) => g.terms.every((t) => t.registered || t.count >= 2)));
  assert.equal(once!.url, `/tags/${ONCE_INDEX_DIR}/`);
  const lone = once!.once.find((e) => e.label === "孤例标签")!;
  assert.deepEqual(lone.article, { title: "B", url: "/articles/b/", lang: "zh-Hans" });
  assert.ok(s.actorIndex[1]!.once.some((e) => e.label === "Ada Quill" && e.kind === "person"));
  assert.ok(s.tags.every((t) => urls.has(t.url)), "kb.tags (the home page's and the index's) are terms with pages");
  assert.ok(s.browseTags.length <= 40 && s.browseTags.every((t) => t.count > 0));
});

test("the index of terms used once is cut into pages that link to each other", () => {
  const entry = (i: number): OnceEntry => ({ id: `t${String(i).padStart(3, "0")}`, label: `T${i}`, kind: "topic", article: { title: "x", url: "/articles/x/", lang: "en" } });
  const term = (id: string, kind: string): TermView => ({ id, label: id, url: `/tags/${id}/`, names: {}, aliases: [], kind, count: 2, events: 0, registered: false });
  const pages = termIndex("/tags/", [term("b", "topic"), term("a", "material"), term("z", "weird")], ["material", "topic"], Array.from({ length: 25 }, (_, i) => entry(i)), 10);
  assert.deepEqual(pages.map((p) => p.url), ["/tags/", "/tags/_once/", "/tags/_once/2/", "/tags/_once/3/"]);
  assert.deepEqual(pages[0]!.groups.map((g) => g.kind), ["material", "topic", "weird"]);
  assert.deepEqual(pages.map((p) => p.once.length), [0, 10, 10, 5]);
  assert.deepEqual([pages[1]!.prevUrl, pages[1]!.nextUrl, pages[3]!.prevUrl, pages[3]!.nextUrl], ["/tags/", "/tags/_once/2/", "/tags/_once/2/", undefined]);
  assert.deepEqual(pages[0]!.oncePages.map((p) => [p.first, p.last]), [["T0", "T9"], ["T10", "T19"], ["T20", "T24"]]);
  assert.deepEqual(termIndex("/actors/", [], [], []).map((p) => p.url), ["/actors/"], "nothing used once: the index alone");
});

test("a term's pages list its newest 1,000 articles; the last one leads to the search that lists the older ones", async () => {
  const files: Record<string, string> = {};
  // 1,003 notes over three years, so that which are newest is decided by their dates.
  for (let i = 0; i < 1003; i++) files[`n${i}.md`] = note(`N${i}`, `${2019 + (i % 3)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`, { tags: ["Common Thread"] });
  const { site: s } = await site(files);
  const pages = pagedData(s, WHOLE).tagPages.filter((p) => p.term.id === "common-thread");
  assert.equal(pages.length, 10);
  assert.equal(pages.reduce((n, p) => n + p.items.length, 0), 1000);
  assert.deepEqual(pages.at(-1)!.older, { count: 3, searchUrl: "/search/?type=article&tag=common-thread&sort=date" });
  assert.ok(pages.slice(0, -1).every((p) => p.older === undefined));
  // Newest first: what is left for the search is older than everything listed.
  const listed = pages.flatMap((p) => p.items.map((a) => a.date.iso));
  assert.ok(listed.every((d, i) => i === 0 || d <= listed[i - 1]!));
});

test("the shipped content: each actor once under its kind, with its events and articles; tag pages list events; tags only events use are indexed", async () => {
  const { ingest } = await import("../../src/ingest/ingest.ts");
  const r = await ingest({ contentDir: path.join(ROOT, "content"), fallbackDir: path.join(ROOT, "content"), includeDrafts: true, now: NOW });
  const data = toDataset(r);
  const s = shapeSite(data, "zh-Hans");
  const [main] = s.actorIndex;
  const listed = main!.groups.flatMap((g) => g.terms.map((t) => t.id));
  assert.equal(new Set(listed).size, listed.length, "no actor twice");
  assert.deepEqual(new Set(listed), new Set(s.actors.map((a) => a.id)), "every actor with a page, once");
  for (const g of main!.groups) assert.ok(g.terms.every((t) => t.kind === g.kind), `${g.kind}: only its own kind`);
  const bis = s.actors.find((a) => a.id === "us-bis")!;
  assert.equal(bis.events, s.actorEvents["us-bis"]!.length);
  assert.ok(bis.events > 0, "BIS issued events");
  // Chinese order by pinyin; enOrder is each term's place in the English order.
  for (const g of main!.groups) {
    const zh = g.terms.map((t) => t.label);
    assert.deepEqual(zh, [...zh].sort(new Intl.Collator("zh").compare), `${g.kind}: by pinyin`);
    const en = g.terms.map((t, i) => ({ name: t.en ?? t.label, place: g.enOrder[i]! })).sort((a, b) => a.place - b.place).map((x) => x.name);
    assert.deepEqual(en, [...en].sort(new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare), `${g.kind}: English order`);
  }
  // Tags: a registered tag's page lists the events that carry it (items or named in the text), newest first.
  const gallium = pagedData(s, WHOLE).tagPages.find((p) => p.term.id === "gallium")!;
  const withGallium = data.events.filter((e) => e.items.includes("gallium") || e.mentions.tags.includes("gallium"));
  assert.equal(gallium.events!.length, withGallium.length);
  assert.equal(gallium.term.events, withGallium.length);
  const days = gallium.events!.map((e) => e.date.start);
  assert.deepEqual(days, [...days].sort().reverse());
  assert.ok(gallium.relatedTags!.some((t) => t.id === "germanium"), "germanium goes with gallium");
  assert.ok(gallium.relatedTags!.every((t) => t.id !== "gallium" && t.url));
  // counter-tariffs is an item of 13 events and no article: a tag with a page, listed by /tags/.
  const counter = s.tags.find((t) => t.id === "counter-tariffs")!;
  assert.ok(counter && counter.count === 0 && counter.events >= 2, JSON.stringify(counter));
  assert.ok(s.tagIndex[0]!.groups.some((g) => g.terms.some((t) => t.id === "counter-tariffs")));
  // An event links its items that have a page.
  const ev = s.events.find((e) => e.items.includes("counter-tariffs"))!;
  assert.equal(ev.itemRefs.find((i) => i.label === "counter-tariffs")!.url, "/tags/counter-tariffs/");
});
