// The render's slices, planned: the setting that names a slice read and written back, and the
// plan bounded in items and in bytes (src/build/slices.ts). Whether slices render the pages of
// one run is tests/site/slices.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatRenderSlice, parseRenderSlice } from "../../src/config.ts";
import { articleTextBytes, planSlices, sliceCount } from "../../src/build/slices.ts";

test("slices: i/n parsed and checked", () => {
  assert.deepEqual(parseRenderSlice(undefined), { index: 0, count: 1 });
  assert.deepEqual(parseRenderSlice("2/8"), { index: 2, count: 8 });
  for (const bad of ["8/8", "1/0", "a/b", "3"]) assert.throws(() => parseRenderSlice(bad), /KB_RENDER_SLICE/);
  assert.equal(sliceCount(0, 1500), 1);
  assert.equal(sliceCount(1500, 1500), 1);
  // Beyond one slice, the pages that exist once get a slice of their own.
  assert.equal(sliceCount(1501, 1500), 3);
  assert.equal(sliceCount(12000, 1500), 9);
});

test("slices: a slice may name its articles, and is written back as it was read", () => {
  assert.deepEqual(parseRenderSlice("3/11:120-245"), { index: 3, count: 11, articles: [120, 245] });
  for (const v of ["3/11:120-245", "0/1", "2/8:0-0"]) assert.equal(formatRenderSlice(parseRenderSlice(v)), v);
  assert.throws(() => parseRenderSlice("3/11:245-120"), /KB_RENDER_SLICE/);
  assert.equal(articleTextBytes({ wordCount: 1000, lang: "zh-Hans" }), 3000);
  assert.equal(articleTextBytes({ wordCount: 1000, lang: "en" }), 6000);
});

test("slices are bounded in items and in bytes: 1,000 notes of 1 MB are not one slice", () => {
  const limits = { items: 1000, bytes: 64e6 };
  // Small notes: by count, as before.
  assert.deepEqual(planSlices(new Array(1000).fill(6000), 0, limits), { count: 1 });
  assert.equal(planSlices(new Array(10_000).fill(6000), 2000, limits).count, sliceCount(12_000, 1000));
  // 1,000 notes of 1 MB: 64 MB a slice.
  const big = planSlices(new Array(1000).fill(1e6), 0, limits);
  assert.equal(big.count, 17);
  // A mix: every slice within the limits, give or take one article; every article once, in order.
  const sizes = Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 ? 1.1e6 : i % 7 === 0 ? 200_000 : 20_000));
  const plan = planSlices(sizes, 300, limits);
  const parts = plan.articles!;
  assert.equal(parts.length, plan.count);
  assert.deepEqual(parts[0], [0, 0], "slice 0 renders the pages that exist once");
  for (let k = 1; k < parts.length; k++) {
    assert.equal(parts[k]![0], parts[k - 1]![1], "contiguous");
    const bytes = sizes.slice(parts[k]![0], parts[k]![1]).reduce((s, b) => s + b, 0);
    assert.ok(bytes <= limits.bytes + 1.1e6, `slice ${k}: ${bytes} bytes`);
    assert.ok(parts[k]![1] - parts[k]![0] <= limits.items + 1, `slice ${k}: ${parts[k]![1] - parts[k]![0]} articles`);
  }
  assert.equal(parts.at(-1)![1], sizes.length);
  // Few items and few bytes: one slice, the whole site.
  assert.deepEqual(planSlices([1e6, 2e6], 10, limits), { count: 1 });
});
