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
  assert.deepEqual(parseSiteConfig("html:\n  classes: [english-text, note-box]\n", "site.yaml", log), { html: { classes: ["english-text", "note-box"] }, timeline: { shipped: true } });
  assert.deepEqual(parseSiteConfig("# nothing set\n", "site.yaml", log), { html: { classes: [] }, timeline: { shipped: true } });
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

test("site.yaml: whether the shipped timeline is included; a value that is not true or false is a warning on its line", () => {
  const log = new DiagnosticLog();
  assert.deepEqual(parseSiteConfig("timeline:\n  shipped: false\n", "site.yaml", log)?.timeline, { shipped: false });
  assert.equal(parseSiteConfig("timeline:\n  shipped: maybe\n", "site.yaml", log), undefined);
  assert.deepEqual([log.items[0]!.line, log.items[0]!.field], [2, "timeline.shipped"]);
  assert.match(log.items[0]!.message, /true or false/);
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
