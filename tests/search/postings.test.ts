// Our postings index: its format, written by PostingsWriter to a folder and read back the way
// the browser reads it (decompressed), then searched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { Chunk, chunkOf, chunkPath, chunksOfPrefix, encodeChunk, readVarint, recordPath, writeVarint } from "../../src/search/postings.ts";
import { mergeRuns, PostingsWriter, rangeCuts, rangesOf, writeChunks, type Run } from "../../src/search/postings-write.ts";
import { shareRecords } from "../../src/search/index-share.ts";
import { excerptOf, findRecords, intersect, MAX_PREFIX_CHUNKS, PostingsIndex, RECORD_CACHE, union } from "../../src/search/postings-search.ts";
import { prefetchSearch, runSearch, type SearchIndex } from "../../src/search/engine.ts";
import { fold, type AliasIndex } from "../../src/search/fold.ts";

test("variable-length integers round-trip, small and large", () => {
  const values = [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31 + 5, 2 ** 40];
  const out: number[] = [];
  for (const v of values) writeVarint(out, v);
  const buf = Uint8Array.from(out);
  const at = { i: 0 };
  assert.deepEqual(values.map(() => readVarint(buf, at)), values);
  assert.equal(at.i, buf.length);
  assert.throws(() => readVarint(Uint8Array.from([0x80]), { i: 0 }), /truncated/);
});

test("a chunk keeps its terms and their posting lists", () => {
  const list = (pairs: number[][]) => {
    const out: number[] = [];
    let last = 0;
    for (const [r, c] of pairs) {
      writeVarint(out, r! - last);
      writeVarint(out, c!);
      last = r!;
    }
    return Uint8Array.from(out);
  };
  const chunk = new Chunk(encodeChunk([
    { term: "出口", records: 3, postings: list([[0, 2], [5, 1], [300, 7]]) },
    { term: "huawei", records: 1, postings: list([[9, 1]]) },
  ]));
  assert.deepEqual([...chunk.terms()], ["出口", "huawei"]);
  assert.deepEqual(chunk.postings("出口"), { records: [0, 5, 300], counts: [2, 1, 7] });
  assert.deepEqual(chunk.postings("huawei"), { records: [9], counts: [1] });
  assert.equal(chunk.postings("华为"), undefined);
});

test("a term's chunk is the last whose first term is not after it; a prefix spans a run of chunks", () => {
  const firsts = ["a", "ce", "ch", "d"];
  assert.equal(chunkOf(firsts, "0"), 0);
  assert.equal(chunkOf(firsts, "b"), 0);
  assert.equal(chunkOf(firsts, "ce"), 1);
  assert.equal(chunkOf(firsts, "cz"), 2);
  assert.equal(chunkOf(firsts, "zz"), 3);
  assert.deepEqual(chunksOfPrefix(firsts, "c"), [0, 1, 2]);
  assert.deepEqual(chunksOfPrefix(firsts, "ch"), [2]);
});

test("union sums counts; intersect keeps the records on both lists", () => {
  const a = { records: [1, 4, 7], counts: [1, 2, 3] };
  const b = { records: [4, 5, 7, 9], counts: [10, 1, 1, 1] };
  assert.deepEqual(union([a, b]), { records: [1, 4, 5, 7, 9], counts: [1, 12, 1, 4, 1] });
  assert.deepEqual(intersect(a, b), { records: [4, 7], counts: [2, 3] });
  assert.deepEqual(intersect(a, { records: [], counts: [] }), { records: [], counts: [] });
});

/** Records newest first, as the index build adds them. */
const RECORDS = [
  { url: "/articles/new/", text: "華為與台積電的晶片出口", filters: { type: ["article"], year: ["2025"] } },
  { url: "/articles/mid/", text: "出口管制 出口管制 出口 huawei", filters: { type: ["article"], year: ["2024"] } },
  { url: "/events/old/", text: "台湾 出口 gallium <b>", filters: { type: ["event"], year: ["2023"] } },
  { url: "/articles/oldest/", text: "稀土 export controls", filters: { type: ["article"], year: ["2020"] } },
];
const MAP = { 華: "华", 為: "为", 與: "与", 積: "积", 電: "电", 灣: "湾" };
const NO_NAMES: AliasIndex = { keys: {}, surfaces: {}, longest: 1 };

/**
 * Records `from`..`to` of RECORDS in a writer of their own, as one thread of the index build adds
 * them; with `spillBytes`, the writer spills its lists to run files past that many bytes.
 */
async function run(dir: string, from: number, to: number, spillBytes?: number): Promise<Run[]> {
  const spill = spillBytes === undefined ? undefined : { dir: await fs.mkdtemp(path.join(os.tmpdir(), "kb-runs-")), name: `from-${from}`, budgetBytes: spillBytes };
  const writer = new PostingsWriter(dir, { firstRecord: from, ...(spill ? { spill } : {}) });
  for (const r of RECORDS.slice(from, to)) await writer.add(fold(r.text, MAP), [], r.filters, { url: r.url, meta: { title: r.url }, text: r.text });
  assert.equal(writer.figures.records, to - from);
  return writer.runs();
}

async function written(chunkBytes: number, split?: number, spillBytes?: number): Promise<{ index: PostingsIndex; chunks: number; read: string[]; dir: string; runs: number }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-postings-"));
  // Split: two writers (threads), their runs merged, as index-build.ts does.
  const runs = split === undefined ? await run(dir, 0, RECORDS.length, spillBytes) : [...(await run(dir, 0, split, spillBytes)), ...(await run(dir, split, RECORDS.length, spillBytes))];
  const figures = await writeChunks(dir, mergeRuns(runs), chunkBytes);
  const read: string[] = [];
  const index = new PostingsIndex({
    firsts: figures.firsts,
    records: RECORDS.length,
    base: "/kb/",
    load: async (rel) => {
      read.push(rel);
      return gunzipSync(await fs.readFile(path.join(dir, rel)));
    },
  });
  return { index, chunks: figures.firsts.length, read, dir, runs: runs.length };
}

async function filesOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) out.set(path.relative(dir, path.join(f.parentPath ?? f.path, f.name)), gunzipSync(await fs.readFile(path.join(f.parentPath ?? f.path, f.name))).toString("base64"));
  }
  return out;
}

test("records made by several threads and merged give the same index, file for file, as one thread", async () => {
  const one = await written(16);
  for (const split of [1, 2, 3]) {
    const merged = await written(16, split);
    assert.deepEqual(merged.index.source.firsts, one.index.source.firsts, `split at ${split}`);
    assert.deepEqual(await filesOf(merged.dir), await filesOf(one.dir), `split at ${split}`);
  }
});

test("a writer that spills its lists to run files past its budget gives the same index, file for file", async () => {
  const one = await written(16);
  // A budget of one byte spills after every record: four run files, merged from disk.
  for (const split of [undefined, 2]) {
    const spilled = await written(16, split, 1);
    assert.equal(spilled.runs, RECORDS.length, `one run per record (split at ${split})`);
    assert.deepEqual(spilled.index.source.firsts, one.index.source.firsts);
    assert.deepEqual(await filesOf(spilled.dir), await filesOf(one.dir));
  }
  // A large budget spills only at the end: one run file.
  assert.equal((await written(16, undefined, 2 ** 30)).runs, 1);
});

test("run files larger than the reader's buffer merge to the same lists as lists held in memory", async () => {
  // 400 records of 900 words each from 200,000 Latin words: runs of over 1 MB, read 1 MB at a time.
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
  const texts = Array.from({ length: 400 }, () => Array.from({ length: 900 }, () => `w${rand(200_000).toString(36)}`).join(" "));
  const lists = async (spillBytes?: number) => {
    const site = await fs.mkdtemp(path.join(os.tmpdir(), "kb-postings-"));
    const spill = spillBytes ? { dir: await fs.mkdtemp(path.join(os.tmpdir(), "kb-runs-")), name: "t00", budgetBytes: spillBytes } : undefined;
    const writer = new PostingsWriter(site, spill ? { spill } : {});
    for (const t of texts) await writer.add(t, [], {}, { url: "/", meta: {}, text: "" });
    const runs = await writer.runs();
    const line = (l: { term: string; records: number; last: number; postings: Uint8Array }) => `${l.term} ${l.records} ${l.last} ${Buffer.from(l.postings).toString("base64")}`;
    const out = [...mergeRuns(runs)].map(line);
    // Merged in three ranges of terms cut at breaks (one per thread of the build), read from a mark mid-file;
    // every word here starts with w: the breaks are between its second letters.
    const cuts = rangeCuts(runs, 3, ["w1", "w2", "w3", "w4", "w5"]);
    const inRanges = rangesOf(cuts).map((range) => [...mergeRuns(runs, range)].map(line));
    return { out, inRanges, cuts, runs: runs.length, largest: spill ? Math.max(...(await Promise.all(runs.map(async (r) => (await fs.stat((r as { file: string }).file)).size)))) : 0 };
  };
  const held = await lists();
  const spilled = await lists(12 * 2 ** 20);
  assert.ok(spilled.runs >= 2, `${spilled.runs} runs`);
  assert.ok(spilled.largest > 2 ** 20, `largest run ${spilled.largest} bytes`);
  assert.equal(spilled.out.length, held.out.length);
  assert.deepEqual(spilled.out, held.out);
  assert.equal(spilled.cuts.length, 2, `cuts ${spilled.cuts}`);
  assert.deepEqual(spilled.inRanges.flat(), held.out, "the ranges together are the whole merge, in order, each list once");
  for (const r of spilled.inRanges) assert.ok(r.length > held.out.length / 10, `a range of ${r.length} of ${held.out.length} lists`);
  assert.deepEqual(held.cuts, [], "lists held in memory have no marks: one range");
});

test("a term has one list, whether its record's run of Chinese holds a character beyond the main plane or not", async () => {
  const site = await fs.mkdtemp(path.join(os.tmpdir(), "kb-postings-"));
  const writer = new PostingsWriter(site);
  for (const text of ["尤先科获胜", "尤先科则遭到二𫫇英剧毒", "先科"]) await writer.add(fold(text, MAP), [], {}, { url: "/", meta: {}, text });
  const lists = [...mergeRuns(await writer.runs())];
  const terms = lists.map((l) => l.term);
  assert.equal(new Set(terms).size, terms.length, "no term twice");
  const { records } = new Chunk(encodeChunk(lists.filter((l) => l.term === "先科"))).postings("先科")!;
  assert.deepEqual(records, [0, 1, 2]);
});

test("terms are cut into ranges at the breaks nearest equal shares of the runs' bytes, each range non-empty", () => {
  // Marks a megabyte apart, the file ending a megabyte after the last.
  const run = (...terms: string[]): Run => ({ file: "x.run", marks: terms.map((term, i) => ({ term, offset: i * 2 ** 20 })), bytes: terms.length * 2 ** 20 });
  const breaks = ["b", "c", "d", "e", "f"];
  assert.deepEqual(rangeCuts([run("a", "c", "e"), run("b", "d", "f")], 2, breaks), ["d"]);
  assert.deepEqual(rangeCuts([run("a", "c", "e"), run("b", "d", "f")], 3, breaks), ["c", "e"]);
  assert.deepEqual(rangeCuts([run("a")], 2, breaks), [], "every term before the first break: nothing to cut");
  assert.deepEqual(rangeCuts([run("g", "h")], 2, breaks), [], "every term after the last break");
  // 8 MB from a, then a megabyte each from b, c and d.
  const uneven: Run = { file: "y.run", marks: ["a", "b", "c", "d"].map((term, i) => ({ term, offset: (i ? 7 + i : 0) * 2 ** 20 })), bytes: 11 * 2 ** 20 };
  assert.deepEqual(rangeCuts([uneven], 2, breaks), ["b"], "by bytes, not by marks: the 8 MB before b against 3 after");
  assert.deepEqual(rangeCuts([uneven], 5, breaks), ["b", "c", "d"], "none past the last mark");
  assert.deepEqual(rangeCuts([run("a", "b")], 5, breaks), ["b"], "no empty range: fewer cuts");
  assert.deepEqual(rangesOf([]), [{}]);
  assert.deepEqual(rangesOf(["d"]), [{ to: "d" }, { from: "d" }]);
  assert.deepEqual(rangesOf(["c", "e"]), [{ to: "c" }, { from: "c", to: "e" }, { from: "e" }]);
});

test("chunks end at every segment break, however small, so ranges merged apart make the same chunks", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-postings-"));
  const list = (term: string) => ({ term, records: 1, last: 0, postings: Uint8Array.from([0, 1]) });
  const { firsts } = await writeChunks(dir, ["a", "b", "d", "e", "m", "\u4e00", "\u4e01"].map(list), 1 << 20, undefined, ["c", "e", "n", "\u4e00"]);
  assert.deepEqual(firsts, ["a", "d", "e", "\u4e00"]);
});

test("records are shared between threads in runs of about equal weight", () => {
  assert.deepEqual(shareRecords([5, 5, 5, 5], 2), [[0, 2], [2, 4]]);
  assert.deepEqual(shareRecords([10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 2), [[0, 1], [1, 11]]);
  assert.deepEqual(shareRecords([1, 1, 1], 1), [[0, 3]]);
  assert.deepEqual(shareRecords([1], 4), [[0, 1]]);
  const runs = shareRecords(Array.from({ length: 1000 }, (_, i) => (i % 7) + 1), 3);
  assert.equal(runs.length, 3);
  assert.equal(runs[0]![0], 0);
  assert.equal(runs[2]![1], 1000);
  for (let k = 1; k < runs.length; k++) assert.equal(runs[k]![0], runs[k - 1]![1], "consecutive, nothing left out");
});

test("written and read back: each word is one chunk; every word and filter must match", async () => {
  const { index, chunks, read } = await written(8);
  assert.ok(chunks >= 10, `${chunks} chunks`);
  const urlsOf = async (words: string[], filters: Record<string, string[]> = {}, dated = false) => {
    const found = await findRecords(index, { words: words.map((w) => ({ word: w, exact: /^\p{Script=Han}{2}$/u.test(w) })), filters, dated });
    return Promise.all(found.map(async (f) => (await index.record(f.record)).url));
  };
  // 出口 is in four records, three times in "mid": mid ranks first; then by count, ties newest first.
  assert.deepEqual(await urlsOf(["出口"]), ["/kb/articles/mid/", "/kb/articles/new/", "/kb/events/old/"]);
  const before = read.length;
  assert.deepEqual(await urlsOf(["出口", "管制"]), ["/kb/articles/mid/"]);
  assert.equal(read.filter((r) => r.includes("/c/")).length - read.slice(0, before).filter((r) => r.includes("/c/")).length <= 1, true, "出口's chunk is not fetched again");
  // A word no record holds finds nothing, rather than being dropped.
  assert.deepEqual(await urlsOf(["出口", "南京"]), []);
  // Filters are terms too.
  assert.deepEqual(await urlsOf(["出口"], { type: ["event"] }), ["/kb/events/old/"]);
  assert.deepEqual(await urlsOf([], { type: ["article"] }), ["/kb/articles/new/", "/kb/articles/mid/", "/kb/articles/oldest/"]);
  // Date order is record order: newest first.
  assert.deepEqual(await urlsOf(["出口"], {}, true), ["/kb/articles/new/", "/kb/articles/mid/", "/kb/events/old/"]);
  // A Latin word is a prefix: "hua" finds huawei, "contr" finds controls.
  assert.deepEqual(await urlsOf(["hua"]), ["/kb/articles/mid/"]);
  assert.deepEqual(await urlsOf(["contr"]), ["/kb/articles/oldest/"]);
  // 台积 never finds the page that only says 台湾.
  assert.deepEqual(await urlsOf(["台积", "积电"]), ["/kb/articles/new/"]);
});

test("a prefix spanning too many chunks is looked up as the word alone", async () => {
  const { index } = await written(1);
  // One term per chunk: "#type:" spans 3 chunks (the two types and the chunk before them),
  // "#" every filter's (6 terms, 7 chunks), more than MAX_PREFIX_CHUNKS.
  assert.equal(MAX_PREFIX_CHUNKS, 4);
  assert.deepEqual((await index.prefix("#type:")).records, [0, 1, 2, 3]);
  assert.deepEqual(await index.prefix("#"), { records: [], counts: [] });
});

test("excerpts come from the record's own text, in its own script, with the matches marked and the rest escaped", () => {
  assert.equal(excerptOf("華為與台積電的晶片出口", ["华为", "台积电"], MAP), "<mark>華為</mark>與<mark>台積電</mark>的晶片出口");
  assert.equal(excerptOf("a <b> & gallium", ["gallium"], MAP), "a &lt;b&gt; &amp; <mark>gallium</mark>");
  assert.equal(excerptOf("nothing here", ["华为"], MAP), "");
  const long = `${"甲".repeat(200)}华为${"乙".repeat(200)}`;
  const ex = excerptOf(long, ["华为"], MAP, 40);
  assert.match(ex, /^… 甲{6}<mark>华为<\/mark>乙{32} …$/);
});

test("runSearch over the postings index: the record's URL under the site's path, a readable excerpt", async () => {
  const { index } = await written(64, 2);
  const out = await runSearch({ kind: "postings", postings: index }, { q: "华为 台积电", filters: {}, sort: "relevance" }, MAP, NO_NAMES);
  assert.equal(out.results.length, 1);
  const d = await out.results[0]!.data();
  assert.equal(d.url, "/kb/articles/new/");
  assert.equal(d.readable, true);
  assert.equal(d.excerpt, "<mark>華為</mark>與<mark>台積電</mark>的晶片出口");
});

test("a record is fetched once while it stays among the last RECORD_CACHE used; a failed fetch is tried again", async () => {
  const loads = new Map<string, number>();
  let offline = false;
  const index = new PostingsIndex({
    firsts: [],
    records: 1000,
    base: "/",
    load: async (rel) => {
      if (offline) throw new Error("offline");
      loads.set(rel, (loads.get(rel) ?? 0) + 1);
      return new TextEncoder().encode(JSON.stringify({ url: `/${rel}/`, meta: {}, text: "" }));
    },
  });
  const loadsOf = (n: number) => loads.get(recordPath(n)) ?? 0;
  await index.record(0);
  assert.equal((await index.record(0)).url, `/${recordPath(0)}/`);
  assert.equal(loadsOf(0), 1, "the second call is answered from memory");
  // The cache full (0 … RECORD_CACHE − 1); 0 used again becomes the newest, so the next
  // record lets 1 go, the oldest.
  for (let n = 1; n < RECORD_CACHE; n++) await index.record(n);
  await index.record(0);
  await index.record(RECORD_CACHE);
  await index.record(0);
  assert.equal(loadsOf(0), 1, "record 0, used again, is kept");
  await index.record(1);
  assert.equal(loadsOf(1), 2, "record 1, the oldest, was let go and is fetched again");
  offline = true;
  await assert.rejects(index.record(5000), /offline/);
  offline = false;
  await index.record(5000);
  assert.equal(loadsOf(5000), 1, "a failed fetch is not kept");
});

test("while typing, the chunks of the query's whole words are fetched; half-typed words are not", async () => {
  const { index, read } = await written(8);
  const search: SearchIndex = { kind: "postings", postings: index };
  await prefetchSearch(search, { q: "出口管 hua", filters: {}, sort: "relevance" }, MAP, NO_NAMES);
  const chunksRead = new Set(read.filter((r) => r.includes("/c/")));
  const chunkOfWord = (w: string) => chunkPath(chunkOf(index.source.firsts, w));
  // 出口 and 口管 are pairs; 管 (a lone last character) and hua (a Latin word) are prefixes still being typed.
  assert.deepEqual(chunksRead, new Set([chunkOfWord("出口"), chunkOfWord("口管")]));
  // The search after the pause reads no chunk a second time.
  const before = read.length;
  await runSearch(search, { q: "出口管", filters: {}, sort: "relevance" }, MAP, NO_NAMES);
  assert.ok(read.slice(before).every((r) => !chunksRead.has(r)), `read again: ${read.slice(before).join(" ")}`);
  // With Pagefind nothing is fetched ahead.
  await prefetchSearch({ kind: "pagefind", pagefind: { search: () => assert.fail("no search while typing") } }, { q: "出口", filters: {}, sort: "relevance" }, MAP, NO_NAMES);
});
