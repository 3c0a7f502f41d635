// Results remembered per object: made once for the same object, again for another.
import { test } from "node:test";
import assert from "node:assert/strict";
import { memoizeByReference } from "../src/memo.ts";
import { putVarint, readVarint, writeVarint } from "../src/search/postings.ts";

test("a result remembered by reference is made once per object", () => {
  let made = 0;
  const count = memoizeByReference((xs: readonly number[]) => (made++, xs.length));
  const a = [1, 2, 3];
  assert.equal(count(a), 3);
  assert.equal(count(a), 3);
  assert.equal(made, 1);
  assert.equal(count([1]), 1);
  assert.equal(made, 2);
});

test("putVarint writes what writeVarint writes, and readVarint reads it back", () => {
  for (const n of [0, 1, 127, 128, 300, 2 ** 21, 2 ** 35 + 7]) {
    const expected: number[] = [];
    writeVarint(expected, n);
    const out = new Uint8Array(8);
    const end = putVarint(out, 1, n);
    assert.deepEqual([...out.subarray(1, end)], expected, String(n));
    assert.equal(readVarint(out, { i: 1 }), n);
  }
});
