import { test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DiagnosticLog } from "../../src/model/diagnostics.ts";
import { loadSiteConfig, parseSiteConfig } from "../../src/ingest/site-config.ts";
import { ROOT } from "../../src/config.ts";

test("site.yaml: the classes it lists; a bad entry is a warning naming line and field", () => {
  const log = new DiagnosticLog();
  assert.deepEqual(parseSiteConfig("html:\n  classes: [english-text, note-box]\n", "site.yaml", log), { html: { classes: ["english-text", "note-box"] } });
  assert.deepEqual(parseSiteConfig("# nothing set\n", "site.yaml", log), { html: { classes: [] } });
  assert.equal(log.items.length, 0);

  assert.equal(parseSiteConfig("html:\n  classes:\n    - ok\n    - \"two words\"\n", "site.yaml", log), undefined);
  assert.equal(parseSiteConfig("html:\n  clases: [x]\n", "site.yaml", log), undefined);
  assert.equal(parseSiteConfig("html: [unclosed\n", "site.yaml", log), undefined);
  const [bad, typo, yaml] = log.items;
  assert.deepEqual([bad!.line, bad!.field, bad!.severity], [4, "html.classes.1", "warning"]);
  assert.match(bad!.message, /single class name/);
  assert.equal(typo!.line, 2);
  assert.match(typo!.message, /clases/);
  assert.match(yaml!.message, /cannot read the YAML/);
});

test("a content folder without site.yaml uses the shipped one; its own, or the shipped one if its own is broken", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-site-config-"));
  try {
    const shipped = path.join(ROOT, "content");
    const log = new DiagnosticLog();
    assert.deepEqual((await loadSiteConfig(dir, shipped, log)).html.classes, ["english-text", "chinese-text", "emphasis", "book-title"]);
    await fs.writeFile(path.join(dir, "site.yaml"), "html:\n  classes: [mine]\n");
    assert.deepEqual((await loadSiteConfig(dir, shipped, log)).html.classes, ["mine"]);
    assert.equal(log.items.length, 0);
    await fs.writeFile(path.join(dir, "site.yaml"), "html:\n  classes: mine\n");
    assert.deepEqual((await loadSiteConfig(dir, shipped, log)).html.classes, ["english-text", "chinese-text", "emphasis", "book-title"]);
    assert.equal(log.items.length, 1);
    assert.match(log.items[0]!.file, /site\.yaml$/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
