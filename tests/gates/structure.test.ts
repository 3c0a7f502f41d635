// Gate: the code's structure (docs/architecture.md). No import cycle between files, none between
// the top-level parts of src/, the model and the settings at the bottom, and no source file over
// 600 lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../../src/config.ts";
import { cycles, folderGraph, importSpecifiers, readGraph } from "../support/imports.ts";

const CODE = ["src", "scripts", "bench"];
const graph = readGraph(ROOT, CODE.filter((f) => existsSync(path.join(ROOT, f))));

test("the reader finds imports of every form, and leaves packages and comments out", () => {
  const src = [
    'import { a } from "./a.ts";',
    'import type { B } from "../b.ts";',
    'export { c } from "./c.ts";',
    'import "./side-effect.ts";',
    'const d = await import("./d.ts");',
    'import { z } from "zod";',
    'import fs from "node:fs";',
    '// import { e } from "./commented.ts";',
    '/* import { f } from "./block.ts"; */',
  ].join("\n");
  assert.deepEqual(importSpecifiers(src), ["./a.ts", "../b.ts", "./c.ts", "./side-effect.ts", "./d.ts"]);
});

test("a cycle is found, however long, and a chain without one is not", () => {
  const g = new Map([
    ["a", ["b"]],
    ["b", ["c"]],
    ["c", ["a", "d"]],
    ["d", []],
    ["e", ["e"]],
  ]);
  assert.deepEqual(cycles(g), [["a", "b", "c"], ["e"]]);
  assert.deepEqual(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", []]])), []);
});

test("the graph is read: the pipeline's entry imports its stages", () => {
  assert.ok(graph.size > 100, `${graph.size} files read`);
  assert.ok(graph.get("scripts/build.ts")?.includes("src/build.ts"), "scripts/build.ts → src/build.ts");
});

test("no import cycle between files", () => {
  assert.deepEqual(cycles(graph), []);
});

test("no import cycle between the top-level parts of src/", () => {
  const folders = folderGraph(graph);
  const found = cycles(folders);
  const why = found.map((c) => c.map((f) => `${f} → ${folders.get(f)!.filter((t) => c.includes(t)).join(", ")}`).join("; "));
  assert.deepEqual(why, []);
});

test("the model and the settings import nothing of the layers above them", () => {
  const folders = folderGraph(graph);
  assert.deepEqual(folders.get("src/model") ?? [], []);
  assert.deepEqual((folders.get("src/config") ?? []).filter((f) => f !== "src/model"), []);
});

test("no source file over 600 lines", () => {
  const long = [...graph.keys()].map((f) => [f, readFileSync(path.join(ROOT, f), "utf8").split("\n").length] as const).filter(([, n]) => n > 600);
  assert.deepEqual(long, []);
});
