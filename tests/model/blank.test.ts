import { test } from "node:test";
import assert from "node:assert/strict";
import { isNothing, withoutNothing, fieldsWithoutNothing } from "../../src/model/blank.ts";

test("what scripts write for nothing is nothing", () => {
  for (const v of [undefined, null, "", "   ", "\t\n", "None", "none", "NONE", "null", "NULL", "Null", "N/A", "n/a", "nil", "NaN", "nan", "undefined", '""', "''", " '' ", "[]", "{}", Number.NaN]) {
    assert.equal(isNothing(v), true, JSON.stringify(v) ?? String(v));
  }
});

test("values that say something are kept, however short or odd", () => {
  for (const v of ["0", 0, false, true, "-", "NA", "N", "Nonetheless", "null pointer", "no", "n/a/b", '"x"', "[a]", new Date(0)]) {
    assert.equal(isNothing(v), false, String(v));
    assert.equal(withoutNothing(v), v);
  }
});

test("lists and mappings lose their empty items, and are nothing when nothing is left", () => {
  assert.deepEqual(withoutNothing(["None", "稀土", "", null, "N/A", "chips"]), ["稀土", "chips"]);
  assert.equal(withoutNothing([]), undefined);
  assert.equal(withoutNothing(["None", "", null, "  "]), undefined);
  assert.deepEqual(withoutNothing({ a: "None", b: ["", "x"], c: { d: null } }), { b: ["x"] });
  assert.equal(withoutNothing({ a: "None" }), undefined);
  assert.deepEqual(withoutNothing([["None"], ["x", "n/a"]]), [["x"]]);
});

test("a front-matter mapping keeps only the fields that say something", () => {
  assert.deepEqual(
    fieldsWithoutNothing({ title: "T", outlet: "None", guest: "", series: null, tags: [], people: ["NULL"], speaker: "Someone", draft: false }),
    { title: "T", speaker: "Someone", draft: false },
  );
});
