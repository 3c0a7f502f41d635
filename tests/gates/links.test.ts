// Gate: no broken internal link, anchor or asset, with the site at the root and under /kb/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LinkChecker } from "linkinator";
import { buildSiteInChild, serve } from "../support/site.ts";

async function check(url: string) {
  const origin = new URL(url).origin;
  const result = await new LinkChecker().check({
    path: url,
    recurse: true,
    checkFragments: true,
    concurrency: 8,
    // External links are the outlets' business, and this machine has no network.
    linksToSkip: async (link: string) => !link.startsWith(origin),
  });
  return result.links.filter((l) => l.state !== "SKIPPED");
}

test("links: the checker itself catches a missing page, asset and anchor", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-links-"));
  await fs.writeFile(path.join(dir, "index.html"), '<!doctype html><title>t</title><a href="/gone/">x</a><img src="/missing.png" alt="x"><a href="/#nowhere">y</a><p id="here"><a href="#here">z</a>');
  const srv = await serve(dir, "/");
  try {
    const broken = (await check(srv.url)).filter((l) => l.state === "BROKEN").map((l) => new URL(l.url).pathname + new URL(l.url).hash);
    assert.deepEqual(broken.sort(), ["/#nowhere", "/gone/", "/missing.png"]);
  } finally {
    await srv.close();
  }
});

for (const prefix of ["/", "/kb/"]) {
  test(`links: zero broken internal links, anchors or assets at ${prefix}`, async () => {
    const site = await buildSiteInChild({ KB_INCLUDE_DRAFTS: "1", KB_PATH_PREFIX: prefix });
    const srv = await serve(site.dir, prefix);
    try {
      const checked = await check(srv.url);
      const broken = checked.filter((l) => l.state === "BROKEN");
      const outside = checked.filter((l) => !new URL(l.url).pathname.startsWith(prefix));
      console.log(`links at ${prefix}: ${checked.length} internal links, anchors and assets checked, ${broken.length} broken, ${outside.length} outside ${prefix}`);
      for (const b of broken.slice(0, 20)) console.log(`  BROKEN ${b.status} ${b.url} (from ${b.parent})`);
      assert.ok(checked.length > 150, `${checked.length} checked`);
      assert.equal(broken.length, 0);
      assert.equal(outside.length, 0);
    } finally {
      await srv.close();
    }
  });
}
