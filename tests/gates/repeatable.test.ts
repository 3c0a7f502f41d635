// Gate: two builds of the same content are byte-identical, so a published site's diff shows
// only real changes (no build times, no random ids, no order that depends on the machine).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { promises as fs } from "node:fs";
import path from "node:path";
import { buildSiteInChild } from "../support/site.ts";

async function digest(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
    out.set(path.relative(dir, full), createHash("sha256").update(await fs.readFile(full)).digest("hex"));
  }
  return out;
}

// Pagefind writes its filter indexes from a hash map in arbitrary order (upstream
// Pagefind/pagefind#638: "filter/metadata indexes" still change between builds), and the
// metadata and entry files name them by hash. Those three are compared by content instead.
const PAGEFIND_UNSTABLE = /^pagefind\/(filter\/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)$/;

/** Every decompressed byte of the filter indexes, sorted: equal when only the order differs. */
async function filterBytes(dir: string): Promise<Buffer> {
  const files = (await fs.readdir(path.join(dir, "pagefind/filter"))).sort();
  const all = Buffer.concat(await Promise.all(files.map(async (f) => gunzipSync(await fs.readFile(path.join(dir, "pagefind/filter", f))))));
  return Buffer.from([...all].sort((x, y) => x - y));
}

test("two builds of the same content are byte-identical (Pagefind's filter indexes equal in content)", async () => {
  const a = await buildSiteInChild({ KB_INCLUDE_DRAFTS: "1" });
  const b = await buildSiteInChild({ KB_INCLUDE_DRAFTS: "1" });
  const da = await digest(a.dir);
  const db = await digest(b.dir);
  const differ = [...new Set([...da.keys(), ...db.keys()])].filter((f) => da.get(f) !== db.get(f)).sort();
  const stable = differ.filter((f) => !PAGEFIND_UNSTABLE.test(f));
  const filtersA = [...da.keys()].filter((f) => f.startsWith("pagefind/filter/")).length;
  const filtersB = [...db.keys()].filter((f) => f.startsWith("pagefind/filter/")).length;
  console.log(`repeatable builds: ${da.size} files; ${stable.length} differ outside Pagefind's filter indexes; ${differ.length - stable.length} Pagefind filter/meta files named differently (same content)`);
  assert.ok(da.size > 100);
  assert.deepEqual(stable, []);
  assert.equal(filtersA, filtersB);
  assert.ok((await filterBytes(a.dir)).equals(await filterBytes(b.dir)), "the filter indexes hold the same bytes");
});
