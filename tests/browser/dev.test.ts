// The authoring loop: under `npm start`, saving a content file updates the open page, and an
// ingest error is shown on the page without stopping the server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { ROOT } from "../../src/config.ts";
import { launchBrowser } from "../support/browser.ts";

let browser: Browser;
let server: ChildProcess;
let output = "";
let contentDir: string;
const port = 18000 + (process.pid % 1000);

async function copyDir(from: string, to: string): Promise<void> {
  await fs.cp(from, to, { recursive: true });
}

before(async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kb-dev-"));
  contentDir = path.join(tmp, "content");
  await copyDir(path.join(ROOT, "content"), contentDir);
  server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), KB_CONTENT_DIR: contentDir, KB_DATA_DIR: path.join(tmp, "data"), KB_OUTPUT_DIR: path.join(tmp, "site") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (output += String(d)));
  server.stderr!.on("data", (d) => (output += String(d)));
  const deadline = Date.now() + 60_000;
  while (!/Server at/.test(output)) {
    if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await launchBrowser();
});
after(async () => {
  // The server first: once, under a loaded machine, the browser's close never returned and the
  // server it would have stopped kept the test file from ending.
  server?.kill("SIGTERM");
  await Promise.race([browser?.close(), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
});

test("a saved edit shows in the open page, and a problem it brings (an ambiguous date) shows on the page without stopping the server", async () => {
  const file = (await fs.readdir(path.join(contentDir, "articles"))).find((f) => f.startsWith("2023-07-06"))!;
  const full = path.join(contentDir, "articles", file);
  const original = await fs.readFile(full, "utf8");
  const page = await browser.newPage();
  await page.goto(`http://localhost:${port}/articles/${file.replace(/\.md$/, "")}/`);
  assert.match(await page.locator("h1").innerText(), /耶伦访华前夕/);

  const saved = Date.now();
  await fs.writeFile(full, original.replace("title: 耶伦访华前夕", "title: 已修改：耶伦访华前夕"));
  await page.waitForFunction(() => document.querySelector("h1")?.textContent?.startsWith("已修改"), null, { timeout: 15_000 });
  const seconds = (Date.now() - saved) / 1000;
  console.log(`edit → updated page in the browser: ${seconds.toFixed(2)} s\n${output.split("\n").filter((l) => /changed|ingest|Wrote|Copied/.test(l)).slice(-4).join("\n")}`);
  assert.ok(seconds < 5, `${seconds} s`);

  await fs.writeFile(full, original.replace("date: '2023-07-06T00:00:00+08:00'", "date: 04/05/2023"));
  await page.waitForSelector(".kb-dev-problems", { timeout: 15_000 });
  assert.match(await page.locator(".kb-dev-problems").innerText(), new RegExp(`${file}:\\d+ \\[date\\].*ambiguous`, "i"));
  assert.match(output, /ambiguous/i, "the problem is printed in the terminal too");
  assert.equal(server.exitCode, null, "the server keeps running");

  await fs.writeFile(full, original);
  // The other pages are rebuilt behind the edited one: the home page may first still be the one
  // from before the problem, then the one with it, then the one without. Ask again until it is gone.
  // A page caught while it navigates (its own live reload) can show no banner for a moment: the
  // problem counts as gone when two loaded pages, half a second apart, both show none.
  const deadline = Date.now() + 60_000;
  let clean = 0;
  while (clean < 2) {
    assert.ok(Date.now() < deadline, "the problem still shows a minute after it was fixed");
    await page.goto(`http://localhost:${port}/`, { waitUntil: "load" }).catch(() => undefined);
    const banners = await page.locator(".kb-dev-problems").count().catch(() => -1);
    clean = banners === 0 ? clean + 1 : 0;
    if (clean < 2) await new Promise((r) => setTimeout(r, 500));
  }
  await page.close();
});
