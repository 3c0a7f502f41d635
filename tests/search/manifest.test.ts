import { test } from "node:test";
import assert from "node:assert/strict";
import { cutShards, isShardDir, newestFirst, shardDir, wordCount } from "../../src/search/shards.ts";

/** As the index build does: newest first, then cut. */
const planShards = <R extends { content: string; sort: { date: string } }>(records: R[], budget: number) =>
  [...cutShards(newestFirst(records.map((r) => ({ r, date: r.sort.date }))).map((x) => x.r), budget)];

const rec = (id: string, date: string, words: number) => ({ id, sort: { date }, content: Array.from({ length: words }, (_, i) => `w${i}`).join(" ") });

test("wordCount counts space-separated words, ignoring runs of spaces", () => {
  assert.equal(wordCount(""), 0);
  assert.equal(wordCount("台积 积电 电"), 3);
  assert.equal(wordCount("  a  b "), 2);
});

test("shards are newest first, consecutive in date, and within the word budget", () => {
  const records = [rec("old", "2020-01-01", 40), rec("new", "2025-01-01", 40), rec("mid", "2023-01-01", 40), rec("actor", "0000-00-00", 5)];
  const shards = planShards(records, 90);
  assert.deepEqual(shards.map((s) => s.map((r) => r.id)), [["new", "mid"], ["old", "actor"]]);
});

test("a record larger than the budget gets a shard of its own; nothing is lost or repeated", () => {
  const records = [rec("a", "2025-01-03", 10), rec("huge", "2025-01-02", 500), rec("b", "2025-01-01", 10)];
  const shards = planShards(records, 100);
  assert.deepEqual(shards.map((s) => s.map((r) => r.id)), [["a"], ["huge"], ["b"]]);
  assert.deepEqual(planShards([], 100), []);
});

test("equal dates keep their input order; one budget large enough gives one shard", () => {
  const records = [rec("x", "2024-05-05", 3), rec("y", "2024-05-05", 3), rec("z", "2024-05-05", 3)];
  assert.deepEqual(planShards(records, 1e9).map((s) => s.map((r) => r.id)), [["x", "y", "z"]]);
});

test("shard 0 is Pagefind's usual folder, the others its siblings", () => {
  assert.equal(shardDir(0), "pagefind/");
  assert.equal(shardDir(3), "pagefind-s3/");
  assert.ok(isShardDir("pagefind") && isShardDir("pagefind-s12") && !isShardDir("pagefind-ui") && !isShardDir("assets"));
});
