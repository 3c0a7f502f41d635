import { test } from "node:test";
import assert from "node:assert/strict";
import { newestFirst } from "../../src/search/manifest.ts";

test("newestFirst orders by date, newest first; equal dates keep their input order", () => {
  const items = [
    { id: "old", date: "2020-01-01" },
    { id: "x", date: "2024-05-05" },
    { id: "actor", date: "0000-00-00" },
    { id: "y", date: "2024-05-05" },
    { id: "new", date: "2025-01-01" },
  ];
  assert.deepEqual(newestFirst(items).map((i) => i.id), ["new", "x", "y", "old", "actor"]);
});
