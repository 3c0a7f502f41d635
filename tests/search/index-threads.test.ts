// The postings index made in threads (src/build/index-threads.ts: started before the records are
// prepared) is the index made on one thread, byte for byte; a thread that fails fails the build, naming
// what it could not read, instead of hanging it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import path from "node:path";
import { buildSite, type BuiltSite } from "../support/site.ts";
import { indexSite } from "../../src/build.ts";
import { POSTINGS_DIR } from "../../src/search/postings.ts";
import { surelyPagefind } from "../../src/build/index-threads.ts";

let site: BuiltSite;
const SMALL_PAGEFIND_WORDS = 4000;

before(async () => {
  site = await buildSite({ includeDrafts: true }, { index: false });
});

async function filesOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of (await fs.readdir(dir, { recursive: true })).map(String).sort()) {
    const full = path.join(dir, f);
    if ((await fs.stat(full)).isFile()) out.set(f, (await fs.readFile(full)).toString("base64"));
  }
  return out;
}

test("two and three index threads write the postings one thread writes", async () => {
  const base = path.dirname(site.dir);
  const built = new Map<number, Map<string, string>>();
  for (const threads of [1, 2, 3]) {
    const out = path.join(base, `postings-${threads}`);
    const figures = await indexSite({ ...site.cfg, outputDir: out, pagefindMaxWords: SMALL_PAGEFIND_WORDS, indexThreads: threads });
    assert.equal(figures.engine, "postings");
    built.set(threads, await filesOf(path.join(out, POSTINGS_DIR)));
  }
  assert.ok(built.get(1)!.size >= 3, `${built.get(1)!.size} files`);
  assert.deepEqual(built.get(2), built.get(1));
  assert.deepEqual(built.get(3), built.get(1));
});

test("a thread that cannot read an article's text fails the index build, naming the file", async () => {
  const data = path.join(path.dirname(site.dir), "data-broken");
  await fs.cp(site.cfg.dataDir, data, { recursive: true });
  const texts = (await fs.readdir(path.join(data, "text"))).sort();
  // The newest records go to the first thread, the oldest to the last: break one at each end.
  await fs.rm(path.join(data, "text", texts[0]!));
  await fs.rm(path.join(data, "text", texts.at(-1)!));
  await assert.rejects(
    indexSite({ ...site.cfg, dataDir: data, outputDir: path.join(path.dirname(site.dir), "postings-broken"), pagefindMaxWords: SMALL_PAGEFIND_WORDS, indexThreads: 2 }),
    (e: Error) => /ENOENT/.test(e.message) && /\.txt/.test(e.message),
  );
});

test("a corpus surely under Pagefind's limit is indexed on one thread; near or over it, the exact count decides", () => {
  // A vault of 3,139 short notes (768,860 words) against a limit of 2 million; 1,000 long transcripts (9.4 million).
  assert.equal(surelyPagefind(768_860, 3_346, 2_000_000), true);
  assert.equal(surelyPagefind(9_405_536, 1_207, 2_000_000), false);
  assert.equal(surelyPagefind(1_600_000, 1_000, 2_000_000), false, "within the margin");
  // The default limit: a few hundred notes.
  assert.equal(surelyPagefind(21_000, 220), true, "the shipped content");
  assert.equal(surelyPagefind(768_860, 3_346), false);
  assert.equal(surelyPagefind(3_000, 5, 5_000), true);
  assert.equal(surelyPagefind(3_000, 5, 3_000), false);
});
