// Under `npm start`, many ingest problems show on the page as the terminal shows them: grouped
// by kind, one line each with its count and first places, errors one a line first; the banner
// is styled by its stylesheet under the site's CSP (no inline style or script).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { ROOT } from "../../src/config.ts";
import { REPORT_MAX_LINES } from "../../src/ingest/report.ts";
import { launchBrowser } from "../support/browser.ts";

let browser: Browser;
let server: ChildProcess;
let output = "";
let dataDir: string;
const port = 19000 + (process.pid % 1000);
const UNTITLED = REPORT_MAX_LINES + 5;

before(async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kb-dev-problems-"));
  const contentDir = path.join(tmp, "content");
  dataDir = path.join(tmp, "data");
  await fs.cp(path.join(ROOT, "content"), contentDir, { recursive: true });
  // Our own notes: each builds, with a warning of one kind (no title); and one empty event file, an error.
  for (let i = 0; i < UNTITLED; i++) {
    await fs.writeFile(path.join(contentDir, "articles", `untitled-${String(i).padStart(2, "0")}.md`), `---\ndate: 2024-05-${String((i % 28) + 1).padStart(2, "0")}\n---\nA note without a title.\n`);
  }
  await fs.writeFile(path.join(contentDir, "events", "empty.md"), "");
  server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), KB_CONTENT_DIR: contentDir, KB_DATA_DIR: dataDir, KB_OUTPUT_DIR: path.join(tmp, "site") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (output += String(d)));
  server.stderr!.on("data", (d) => (output += String(d)));
  const deadline = Date.now() + 90_000;
  while (!/Server at/.test(output)) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
});

test("the banner lists the problems grouped by kind, the error first, and is styled under the CSP", async () => {
  const page = await browser.newPage();
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  await page.goto(`http://localhost:${port}/`);
  const banner = page.locator(".kb-dev-problems");
  await banner.waitFor();
  const items = await banner.locator("li").allInnerTexts();
  assert.ok(items.length <= REPORT_MAX_LINES, `${items.length} lines`);
  assert.match(items[0]!, /^error: events\/empty\.md: /);
  const titles = items.find((t) => /\[title\]/.test(t));
  assert.ok(titles, items.join("\n"));
  assert.match(titles, new RegExp(`^warning ×${UNTITLED} in ${UNTITLED} files +\\[title\\] .* — articles/untitled-00\\.md(:\\d+)?, articles/untitled-01\\.md(:\\d+)?, articles/untitled-02\\.md(:\\d+)? … \\(\\+${UNTITLED - 3}\\)$`));
  assert.match(await banner.locator(".kb-dev-where").innerText(), new RegExp(`every problem, one a line: .*${path.basename(dataDir)}/diagnostics\\.json`));
  // The stylesheet applied (the CSP allows only the site's own): the banner sticks to the top.
  assert.equal(await banner.evaluate((el) => getComputedStyle(el).position), "sticky");
  assert.deepEqual(blocked, []);
  // The terminal shows the same grouping.
  assert.match(output, new RegExp(`warning ×${UNTITLED} in ${UNTITLED} files {2}\\[title\\]`));
  await page.close();
});
