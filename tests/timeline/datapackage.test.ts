import { test } from "node:test";
import assert from "node:assert/strict";
import { TIMELINE_COLUMNS } from "../../src/model/event-fields.ts";
import { DATA_LICENSE, timelineDataPackage } from "../../src/timeline/datapackage.ts";

test("the data package describes every column of timeline.csv, in its order, under a stated licence", () => {
  const pkg = timelineDataPackage(TIMELINE_COLUMNS, { home: "https://example.org/kb/", version: "1.2.3", events: 2, first: "2018-04-15", last: "2025-11-10" }) as {
    licenses: unknown[];
    homepage: string;
    description: string;
    resources: Array<{ path: string; schema?: { fields: Array<{ name: string; type: string; description: string }>; primaryKey: string } }>;
  };
  const csv = pkg.resources.find((r) => r.path === "timeline.csv")!;
  assert.deepEqual(csv.schema!.fields.map((f) => f.name), TIMELINE_COLUMNS.map((c) => c.key));
  assert.equal(csv.schema!.primaryKey, "id");
  assert.ok(csv.schema!.fields.every((f) => f.description.length > 10), "every field is described");
  assert.equal(csv.schema!.fields.find((f) => f.name === "verified")!.type, "boolean");
  assert.deepEqual(pkg.licenses, [DATA_LICENSE]);
  assert.equal(pkg.homepage, "https://example.org/kb/timeline/");
  assert.match(pkg.description, /2 events, 2018-04-15 to 2025-11-10/);
  assert.ok(pkg.resources.some((r) => r.path === "timeline.json"));
});
