import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { scaffold } from "../../src/content/scaffold.ts";
import { ingest } from "../../src/ingest/ingest.ts";
import { ROOT } from "../../src/config.ts";

test("scaffolded article, event and actor ingest with no errors, dated today in Beijing", async () => {
  const now = new Date("2026-11-21T17:30:00Z"); // 01:30 on the 22nd in Beijing
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-new-"));
  await fs.copyFile(path.join(ROOT, "content/tags.yaml"), path.join(dir, "tags.yaml"));
  await fs.copyFile(path.join(ROOT, "content/actors.yaml"), path.join(dir, "actors.yaml"));
  // A site of its own: the scaffolded event is its whole timeline.
  await fs.writeFile(path.join(dir, "site.yaml"), "timeline:\n  shipped: false\n");
  for (const kind of ["article", "event", "actor"] as const) {
    const s = scaffold(kind, { now, title: kind === "actor" ? "Example Agency" : undefined });
    await fs.mkdir(path.dirname(path.join(dir, s.file)), { recursive: true });
    await fs.appendFile(path.join(dir, s.file), s.text);
  }
  const r = await ingest({ contentDir: dir, fallbackDir: ROOT, includeDrafts: true, now });
  assert.deepEqual(r.log.errors, []);
  assert.equal(r.articles.length, 1);
  assert.equal(r.articles[0]!.article.date.day, "2026-11-22");
  assert.equal(r.articles[0]!.article.draft, true);
  assert.deepEqual(r.events.map((e) => e.id), ["2026-11-22-xin-shijian"]);
  assert.ok(r.vocab.actors.some((a) => a.id === "example-agency"));
  assert.match(scaffold("article", { now }).file, /^articles\/2026-11-22-xin-wenzhang\.md$/);
});
