import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { listArticleFiles, listEventFiles } from "../../src/ingest/ingest.ts";
import { listAttachmentFiles } from "../../src/ingest/links.ts";

test("one walk lists articles, events and images, never hidden folders or node_modules, in code-point order", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-files-"));
  try {
    const files = ["b.md", "A.markdown", "深/笔记.md", "深/图.PNG", "events/e.md", "x/events/f.md", "raw/r.md", ".obsidian/w.md", "node_modules/m.md", "x/.git/h.md", "notes.txt"];
    for (const f of files) {
      await fs.mkdir(path.dirname(path.join(dir, f)), { recursive: true });
      await fs.writeFile(path.join(dir, f), "x");
    }
    assert.deepEqual(await listArticleFiles(dir), ["A.markdown", "b.md", "深/笔记.md"]);
    assert.deepEqual(await listEventFiles(dir), ["events/e.md", "x/events/f.md"]);
    assert.deepEqual(await listAttachmentFiles(dir), ["深/图.PNG"]);
    // A folder that does not exist: no events, no images; articles say so.
    const none = path.join(dir, "missing");
    assert.deepEqual(await listEventFiles(none), []);
    assert.deepEqual(await listAttachmentFiles(none), []);
    await assert.rejects(listArticleFiles(none), /ENOENT/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test("symbolic links are followed, each folder once; one that leads nowhere is reported, not listed", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-links-"));
  const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), "kb-elsewhere-"));
  try {
    await fs.writeFile(path.join(elsewhere, "kept.md"), "x");
    await fs.mkdir(path.join(elsewhere, "shared"));
    await fs.writeFile(path.join(elsewhere, "shared", "s.md"), "x");
    await fs.writeFile(path.join(dir, "own.md"), "x");
    await fs.symlink(path.join(elsewhere, "kept.md"), path.join(dir, "linked.md"));
    await fs.symlink(path.join(elsewhere, "shared"), path.join(dir, "shared"));
    await fs.symlink(dir, path.join(dir, "loop"));
    await fs.symlink(path.join(elsewhere, "gone.md"), path.join(dir, "gone.md"));
    const broken: string[] = [];
    assert.deepEqual(await listArticleFiles(dir, (f) => broken.push(f)), ["linked.md", "own.md", "shared/s.md"]);
    assert.deepEqual(broken, ["gone.md"]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(elsewhere, { recursive: true, force: true });
  }
});
