// The site's size on the build's summary, and the warning near GitHub Pages' 1 GB.
import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { siteBytes, siteSizeLines } from "../../src/build/site-size.ts";

test("the size against the limit; a warning from 90%, saying what to do", () => {
  assert.deepEqual(siteSizeLines(842_400_000, { includeDrafts: true }), ["site: 842 MB of GitHub Pages' 1 GB (84%)"]);
  assert.deepEqual(siteSizeLines(899_999_999, { includeDrafts: true }), ["site: 900 MB of GitHub Pages' 1 GB (90%)"]);
  const near = siteSizeLines(951_000_000, { includeDrafts: true });
  assert.equal(near[0], "site: 951 MB of GitHub Pages' 1 GB (95%)");
  assert.equal(near[1], "warning: the site is 951 MB, 95% of GitHub Pages' limit: leave drafts out (KB_INCLUDE_DRAFTS=0), or publish the collection in parts (a KB_CONTENT_DIR and a site for each)");
  const over = siteSizeLines(1_230_000_000, { includeDrafts: false });
  assert.equal(over[0], "site: 1,230 MB of GitHub Pages' 1 GB (123%)");
  assert.match(over[1]!, /^warning: the site is 1,230 MB, over GitHub Pages' limit, which will refuse it: publish the collection in parts/);
  assert.doesNotMatch(over[1]!, /drafts/, "no advice to leave out drafts that are out already");
  assert.deepEqual(siteSizeLines(500, { includeDrafts: false, limit: 1000 }), ["site: 0 MB of GitHub Pages' 0 MB (50%)"]);
});

test("siteBytes adds up every file under the folder, at any depth", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-site-size-"));
  try {
    await fs.mkdir(path.join(dir, "a", "b", "c"), { recursive: true });
    await fs.writeFile(path.join(dir, "index.html"), "x".repeat(1000));
    await fs.writeFile(path.join(dir, "a", "b", "c", "deep.html"), "y".repeat(24));
    for (let i = 0; i < 150; i++) await fs.writeFile(path.join(dir, "a", `${i}.json`), "z".repeat(i));
    assert.deepEqual(await siteBytes(dir), { bytes: 1000 + 24 + (149 * 150) / 2, files: 152 });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
