// The synthetic corpus: the same seed gives the same bytes, sizes follow the real collection,
// and everything it writes ingests without a single error.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { ROOT } from "../../src/config.ts";
import { loadMaterial, splitSentences, type Material } from "../../bench/material.ts";
import { generateCorpus, renderArticle } from "../../bench/corpus.ts";
import { planArticles, uniqueBase, DRAFT_SHARE } from "../../bench/plan.ts";
import { renderEvents } from "../../bench/events.ts";
import { NAME_VARIANTS } from "../../bench/names.ts";
import { planSizes, normalQuantile, quantile, median, SIZE_PROFILES } from "../../bench/sizes.ts";
import { createRng } from "../../bench/prng.ts";
import { writeCorpus } from "../../bench/write.ts";
import { parseContentFile } from "../../src/content/frontmatter.ts";
import { eventFrontMatter } from "../../src/model/event.ts";
import { parseEventDate } from "../../src/timeline/dates.ts";
import { ingest } from "../../src/ingest/ingest.ts";

let material: Material;
before(async () => {
  material = await loadMaterial(path.join(ROOT, "content"));
});

const digest = (files: Iterable<{ path: string; text: string }>) => {
  const h = createHash("sha256");
  for (const f of files) h.update(f.path).update("\0").update(f.text).update("\0");
  return h.digest("hex");
};

test("the same seed and options give byte-identical files; another seed gives others", () => {
  const opts = { articles: 25, events: 8, size: "small" as const, seed: "test-seed" };
  const a = digest(generateCorpus(opts, material));
  const b = digest(generateCorpus(opts, material));
  assert.equal(a, b);
  assert.notEqual(digest(generateCorpus({ ...opts, seed: "other-seed" }, material)), a);
});

test("the seeded generator repeats itself and spreads evenly", () => {
  const draw = (seed: string) => Array.from({ length: 5 }, createRng(seed).next);
  const r1 = createRng("x");
  const r2 = createRng("x");
  assert.deepEqual(Array.from({ length: 5 }, () => r1.next()), Array.from({ length: 5 }, () => r2.next()));
  assert.notDeepEqual(draw("x"), draw("y"));
  const rng = createRng("spread");
  const buckets = new Array(10).fill(0);
  for (let i = 0; i < 10_000; i++) buckets[Math.floor(rng.next() * 10)]++;
  for (const b of buckets) assert.ok(b > 900 && b < 1100, `bucket of ${b}`);
});

test("normalQuantile is the inverse of the standard normal distribution", () => {
  assert.ok(Math.abs(normalQuantile(0.5)) < 1e-9);
  assert.ok(Math.abs(normalQuantile(0.9) - 1.2815516) < 1e-6);
  assert.ok(Math.abs(normalQuantile(0.99) - 2.3263479) < 1e-6);
  assert.ok(Math.abs(normalQuantile(0.001) + 3.0902323) < 1e-6);
});

test("on 2,000 articles sizes follow the real collection: median 24 KB, p90 87 KB", () => {
  const sizes = planSizes(2000, SIZE_PROFILES.realistic, createRng("sizes"));
  const med = median(sizes);
  const p90 = quantile(sizes, 0.9);
  assert.ok(Math.abs(med - 24_000) <= 0.15 * 24_000, `median ${med}`);
  assert.ok(Math.abs(p90 - 87_000) <= 0.2 * 87_000, `p90 ${p90}`);
  assert.ok(Math.max(...sizes) <= 1_100_000);
});

test("the largest of 10,000 articles is at the 1.1 MB cap; small articles are about 6 KB", () => {
  const big = planSizes(10_000, SIZE_PROFILES.realistic, createRng("sizes"));
  assert.equal(Math.max(...big), 1_100_000);
  const p99 = quantile(big, 0.99);
  assert.ok(p99 > 170_000 && p99 < 260_000, `p99 ${p99}`);
  const small = planSizes(500, SIZE_PROFILES.small, createRng("small"));
  assert.ok(small.every((s) => s >= 4_500 && s <= 8_000));
  assert.ok(Math.abs(median(small) - 6_000) < 300);
});

test("written files have the planned size, from the smallest to the largest", () => {
  const opts = { articles: 2000, events: 0, size: "realistic" as const, seed: "kb-bench" };
  const plans = planArticles(opts, material);
  const bySize = [...plans].sort((a, b) => a.bytes - b.bytes);
  // Every 100th by size, and the largest: 21 files across the whole distribution.
  const picked = [...bySize.filter((_, i) => i % 100 === 0), bySize[bySize.length - 1]!];
  for (const plan of picked) {
    const bytes = Buffer.byteLength(renderArticle(plan, material, opts.seed));
    // Small files may be all front matter and one paragraph; the rest land within a character or so.
    const tolerance = plan.bytes < 4_000 ? 1_500 : 8;
    assert.ok(Math.abs(bytes - plan.bytes) <= tolerance, `${plan.path}: planned ${plan.bytes}, wrote ${bytes}`);
  }
  const drafts = plans.filter((p) => p.draft).length / plans.length;
  assert.ok(Math.abs(drafts - DRAFT_SHARE) < 0.05, `drafts ${drafts}`);
  assert.equal(new Set(plans.map((p) => p.path)).size, plans.length, "file names are unique");
});

test("articles carry the front matter of real notes, in several date forms and scripts", () => {
  const opts = { articles: 200, events: 0, size: "small" as const, seed: "fm" };
  const plans = planArticles(opts, material);
  const dates = new Set<string>();
  const langs = new Set<string>();
  let unknownTags = 0;
  let traditionalNames = 0;
  let withHeadings = 0;
  for (const plan of plans.slice(0, 200)) {
    const parsed = parseContentFile(renderArticle(plan, material, opts.seed));
    assert.equal(parsed.problems.length, 0, plan.path);
    const d = parsed.data;
    assert.equal(typeof d.title, "string");
    // Dates are quoted strings, but for the few notes with none or only a year.
    if (plan.dateShape === "full") assert.equal(typeof d.date, "string", "dates are quoted strings");
    else if (plan.dateShape === "none") assert.equal(d.date, undefined);
    else if (plan.dateShape === "year") assert.equal(d.date, plan.date.year);
    assert.equal(typeof d.draft, "boolean");
    assert.match(String(d.source), /^(https:\/\/|None$)/);
    dates.add(String(d.date).replace(/\d/g, "9"));
    langs.add(plan.lang);
    const tags = Array.isArray(d.tags) ? (d.tags as string[]) : String(d.tags ?? "").split(/,\s*/);
    if (tags.some((t) => /笔记|观察|周报|待整理|weekly|TODO/.test(t))) unknownTags++;
    if ([...(d.people as string[] ?? []), ...(d.companies_orgs as string[] ?? [])].some((n) => /[國們華體際臺灣]/.test(n))) traditionalNames++;
    if (/^(##|###) /m.test(parsed.body)) withHeadings++;
  }
  assert.ok(withHeadings > 120, `${withHeadings} of 200 have headings`);
  assert.ok(dates.size >= 6, `date forms: ${[...dates].join(" | ")}`);
  assert.deepEqual([...langs].sort(), ["en", "zh-Hans", "zh-Hant"]);
  assert.ok(unknownTags > 10 && traditionalNames > 5, `${unknownTags} with unknown tags, ${traditionalNames} with Traditional names`);
});

test("the corpus has the real collection's shapes: transcripts, long-tailed names, drafts, empty and None values, odd dates, one broken front matter per 9,000, wikilinks", () => {
  const plans = planArticles({ articles: 9000, events: 0, size: "realistic", seed: "shapes" }, material);
  const share = (f: (p: (typeof plans)[number]) => boolean) => plans.filter(f).length / plans.length;
  assert.ok(share((p) => p.transcript) > 0.09 && share((p) => p.transcript) < 0.16, `transcripts ${share((p) => p.transcript)}`);
  assert.ok(share((p) => p.draft) > 0.98, `drafts ${share((p) => p.draft)}`);
  for (const shape of ["none", "year", "malformed"] as const) assert.ok(plans.some((p) => p.dateShape === shape), shape);
  assert.ok(share((p) => p.dateShape !== "full") < 0.02);
  assert.equal(plans.filter((p) => p.brokenFrontMatter).length, 1);
  assert.ok(share((p) => p.wikilinks.length > 0) > 0.01 && share((p) => p.wikilinks.length > 0) < 0.04);

  const broken = plans.find((p) => p.brokenFrontMatter)!;
  assert.ok(parseContentFile(renderArticle(broken, material, "shapes")).problems.length > 0, "YAML cannot parse it");

  const tagUses = new Map<string, number>();
  const orgs = new Set<string>();
  const texts: string[] = [];
  let emptyKeys = 0;
  let notes = 0;
  for (const plan of plans.slice(0, 240)) {
    const text = renderArticle(plan, material, "shapes");
    texts.push(text);
    const d = parseContentFile(text).data;
    const tags = Array.isArray(d.tags) ? (d.tags as string[]) : String(d.tags ?? "").split(/,\s*/).filter(Boolean);
    for (const t of tags) tagUses.set(t, (tagUses.get(t) ?? 0) + 1);
    for (const o of (d.companies_orgs as string[] | undefined) ?? []) orgs.add(o);
    if (plan.style === "note") {
      notes++;
      if (d.guest === "" && d.insight === "" && d.series === "") emptyKeys++;
    }
    if (plan.transcript) {
      assert.ok((text.match(/<details>\n<summary>View\/Hide Original English<\/summary>\n<p class="english-text">[^<]+<\/p>\n<\/details>/g) ?? []).length >= 20, `${plan.path}: a transcript has its originals`);
    }
  }
  const once = [...tagUses.values()].filter((n) => n === 1).length;
  assert.ok(once / tagUses.size > 0.6, `${once} of ${tagUses.size} tags used once`);
  const tags = [...tagUses.keys()];
  assert.ok(tags.some((t) => t.startsWith("#")) && tags.some((t) => /^[a-z]+(-[a-z0-9]+)+$/.test(t)) && tags.some((t) => /^\p{Script=Han}+$/u.test(t)), "English slugs, Chinese tags and #tags");
  assert.ok(NAME_VARIANTS.some((g) => g.filter((v) => orgs.has(v)).length >= 2), "one organisation under two names");
  assert.ok(emptyKeys / notes > 0.8, `${emptyKeys} of ${notes} notes with guest, insight and series empty`);
  assert.ok(texts.some((t) => /: None$/m.test(t)), "None where scripts wrote it");
  assert.ok(texts.some((t) => /\[\[[^\]]+\]\]/.test(t)) || plans.slice(0, 240).every((p) => p.wikilinks.length === 0));
});

test("every shape of a real note is published by ingest, none dropped", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-bench-shapes-"));
  try {
    const opts = { articles: 12, events: 0, size: "small" as const, seed: "shapes-ingest" };
    const plans = planArticles(opts, material).map((p, i) => ({
      ...p,
      dateShape: (["none", "year", "malformed"] as const)[i] ?? p.dateShape,
      brokenFrontMatter: i === 3,
      transcript: i === 4 || p.transcript,
      wikilinks: i === 5 ? [planArticles(opts, material)[0]!.base] : p.wikilinks,
    }));
    await writeCorpus(dir, plans.map((p) => ({ path: p.path, text: renderArticle(p, material, opts.seed) })));
    const r = await ingest({ contentDir: dir, fallbackDir: path.join(ROOT, "content"), includeDrafts: true });
    assert.equal(r.articles.length, 12, r.log.sorted().filter((d) => d.severity === "error").map((d) => `${d.file}: ${d.message}`).join("\n"));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test("events are valid, answer strictly earlier events and cite generated articles", () => {
  const opts = { articles: 120, events: 60, size: "small" as const, seed: "ev" };
  const plans = planArticles(opts, material);
  const bases = new Set(plans.flatMap((p) => [p.base, `${p.base}.md`, p.path]));
  const events = renderEvents(opts, plans, material);
  assert.equal(events.length, 60);
  const dateOf = new Map<string, ReturnType<typeof parseEventDate>>();
  let answering = 0;
  for (const f of events) {
    const id = f.path.replace(/^events\//, "").replace(/\.md$/, "");
    const fm = eventFrontMatter.parse(parseContentFile(f.text).data);
    const date = parseEventDate(fm.dates.announced);
    assert.ok(!("error" in date), f.path);
    for (const r of fm.responds_to) {
      const earlier = dateOf.get(r.id);
      assert.ok(earlier && !("error" in earlier), `${id} answers ${r.id}, an earlier event`);
      assert.ok(!("error" in date) && earlier.start < date.start, `${id} is dated after ${r.id}`);
    }
    if (fm.responds_to.length) answering++;
    for (const s of fm.sources) if ("article" in s) assert.ok(bases.has(s.article), `${id} cites ${s.article}`);
    dateOf.set(id, date);
  }
  assert.ok(answering >= 18 && answering <= 40, `${answering} of 60 answer earlier events`);
});

test("sentences of the seeds are split where Chinese sentences end", () => {
  assert.deepEqual(splitSentences("第一句。第二句！“引语。”第三句"), ["第一句。", "第二句！", "“引语。”", "第三句"]);
  assert.ok(material.sentences.length > 100 && material.glossary.length > 3 && material.headings.length > 5);
});

test("the whole corpus ingests with zero errors", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-bench-corpus-"));
  try {
    const opts = { articles: 60, events: 15, size: "small" as const, seed: "kb-bench" };
    const stats = await writeCorpus(dir, generateCorpus(opts, material));
    assert.equal(stats.articles, 60);
    const r = await ingest({ contentDir: dir, fallbackDir: path.join(ROOT, "content"), includeDrafts: true });
    const errors = r.log.sorted().filter((d) => d.severity === "error");
    assert.deepEqual(errors, []);
    assert.equal(r.articles.length, 60);
    assert.equal(r.events.length, 15);
    assert.ok(r.events.some((e) => e.respondsTo.length > 0));
    assert.ok(r.events.every((e) => e.articles.length > 0), "every event links its articles");
    assert.ok(r.articles.some((a) => a.article.unknownTags.length > 0));
    assert.ok(r.articles.some((a) => a.article.lang === "zh-Hant"));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test("file names of colliding titles stay unique when the title alone fills the slug (50,000 articles hung here)", () => {
  const taken = new Set<string>();
  // 22 Chinese characters: 22 pinyin words, more than a slug keeps, so a "-2" suffix is cut off.
  const long = "美国商务部工业与安全局宣布对中国企业实施新一轮出口管制措施";
  const bases = Array.from({ length: 4 }, () => uniqueBase(long, taken));
  assert.equal(new Set(bases).size, 4);
  assert.equal(taken.size, 4);
  // Short stems keep their suffix, as before.
  assert.deepEqual([uniqueBase("2024-01-02-a", taken), uniqueBase("2024-01-02-a", taken)], ["2024-01-02-a", "2024-01-02-a-2"]);
});
