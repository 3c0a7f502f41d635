import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { headEnd, readNoteHead } from "../../src/content/head.ts";

test("a head ends after its closing line, YAML or TOML, and not before it is closed", () => {
  assert.equal(headEnd("---\ntitle: a\n---\nbody"), "---\ntitle: a\n---\n".length);
  assert.equal(headEnd("\uFEFF+++\r\ntitle = 'a'\r\n+++\r\nbody"), "\uFEFF+++\r\ntitle = 'a'\r\n+++\r\n".length);
  // A `+++` head is not closed by `---`, nor the other way round.
  assert.equal(headEnd("+++\ntitle = 'a'\n---\n"), -1);
  assert.equal(headEnd("---\ntitle: a\n+++\n"), -1);
  assert.equal(headEnd("---\n---\n"), "---\n---\n".length);
  assert.equal(headEnd("# no head\n---\n"), -1);
});

test("a note's head is read through its closing line however long, and a headless note gives its first piece", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-head-"));
  try {
    const long = `---\ntitle: 长\nsummary: ${"摘要".repeat(20000)}\n---\n${"正文".repeat(50000)}`;
    await fs.writeFile(path.join(dir, "long.md"), long);
    const head = await readNoteHead(path.join(dir, "long.md"));
    assert.ok(head.endsWith("\n---\n"));
    assert.equal(head, long.slice(0, long.indexOf("\n---\n", 4) + 5));
    // Hexo's headless front matter: no opening line, so the head is where it would be.
    await fs.writeFile(path.join(dir, "hexo.md"), `title: 无头\ndate: 2020-01-01\n---\n${"x".repeat(40000)}`);
    const hexo = await readNoteHead(path.join(dir, "hexo.md"));
    assert.ok(hexo.startsWith("title: 无头\n") && hexo.length < 40000);
    // Unclosed: read no further than the cap, never the whole body.
    await fs.writeFile(path.join(dir, "open.md"), `---\ntitle: a\n${"y".repeat(1024 * 1024)}`);
    const open = await readNoteHead(path.join(dir, "open.md"));
    assert.ok(open.length < 1024 * 1024 && open.length >= 256 * 1024);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
