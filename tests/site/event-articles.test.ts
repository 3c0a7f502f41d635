// Articles and events linked both ways on the site: an event page lists the articles that
// mention it (apart from the sources it cites), an article page its events, oldest first, with
// the words that report them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ingest } from "../../src/ingest/ingest.ts";
import { toDataset } from "../../src/ingest/dataset.ts";
import { ROOT } from "../../src/config.ts";
import { shapeSite } from "../../src/site/shape.ts";

test("an event lists the articles that mention it, newest first; an article lists its events, oldest first, with the words that report them", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-links-"));
  try {
    const note = (title: string, day: string, body: string) => `---\ntitle: ${title}\ndate: ${day}\n---\n${body}\n`;
    await fs.writeFile(path.join(dir, "old.md"), note("旧文", "2025-01-05", "商务部2024年第46号公告。"));
    await fs.writeFile(path.join(dir, "new.md"), note("新文", "2025-11-01", "“解放日”关税之后，再看商务部公告2024年第46号。"));
    await fs.writeFile(path.join(dir, "none.md"), note("无关", "2025-11-01", "今天天气很好。"));
    const r = await ingest({ contentDir: dir, fallbackDir: path.join(ROOT, "content"), includeDrafts: false, now: new Date("2026-11-22T00:00:00Z") });
    const site = shapeSite(toDataset(r), "zh-Hans");

    const ban = site.events.find((e) => e.id === "2024-12-03-cn-mofcom-2024-46-dual-use-ban-us")!;
    assert.deepEqual(ban.discussedIn.map((a) => [a.slug, a.named]), [["new", "商务部公告2024年第46号"], ["old", "商务部2024年第46号公告"]]);
    assert.deepEqual(site.events.find((e) => e.id === "2025-04-02-us-white-house-reciprocal-tariffs")!.discussedIn.map((a) => a.slug), ["new"]);

    const newer = site.articles.find((a) => a.slug === "new")!;
    assert.deepEqual(newer.eventRefs.map((e) => [e.id, e.side, e.named]), [
      ["2024-12-03-cn-mofcom-2024-46-dual-use-ban-us", "cn", "商务部公告2024年第46号"],
      ["2025-04-02-us-white-house-reciprocal-tariffs", "us", "“解放日”关税"],
    ]);
    assert.deepEqual(site.articles.find((a) => a.slug === "none")!.eventRefs, []);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
