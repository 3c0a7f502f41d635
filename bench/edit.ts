// How fast a saved edit reaches the browser under `npm start` on the corpus: the dev server is
// started on the benchmark's corpus, an article opened in headless Chromium, its title changed
// in the file, and the time from the write to the new title on the open page is measured.
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";

export interface EditFigures {
  /** From `npm start` to its server answering: the initial ingest, build and index. */
  startSeconds: number;
  /** From each write of the file to the new title shown, ms. */
  editsMs: number[];
  /** What the server printed for the last edit (the quick pass and the full rebuild). */
  log: string[];
}

const MARK = "已修改";

export async function measureEdit(opts: {
  root: string;
  corpusDir: string;
  workDir: string;
  launchBrowser(): Promise<Browser>;
  edits?: number;
  port?: number;
}): Promise<EditFigures> {
  // A copy: the corpus stays as generated for the other measurements.
  const content = path.join(opts.workDir, "content");
  await fs.rm(opts.workDir, { recursive: true, force: true });
  await fs.cp(opts.corpusDir, content, { recursive: true });
  const port = opts.port ?? 18500 + (process.pid % 400);
  const dataDir = path.join(opts.workDir, "data");
  const t0 = performance.now();
  const server = spawn(process.execPath, ["--import", "tsx", path.join(opts.root, "scripts/start.ts")], {
    cwd: opts.root,
    env: { ...process.env, PORT: String(port), KB_CONTENT_DIR: content, KB_DATA_DIR: dataDir, KB_OUTPUT_DIR: path.join(opts.workDir, "site") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d) => (output += String(d)));
  server.stderr!.on("data", (d) => (output += String(d)));
  const browser = await opts.launchBrowser();
  try {
    while (!/Server at/.test(output) || !/watching .* for changes/.test(output)) {
      if (server.exitCode !== null) throw new Error(`npm start ended:\n${output.slice(-2000)}`);
      if (performance.now() - t0 > 30 * 60_000) throw new Error("npm start did not come up in 30 minutes");
      await new Promise((r) => setTimeout(r, 200));
    }
    const startSeconds = (performance.now() - t0) / 1000;
    // The newest article: the one a user is most likely editing.
    const dataset = JSON.parse(await fs.readFile(path.join(dataDir, "dataset.json"), "utf8")) as { articles: Array<{ file: string; url: string }> };
    const article = dataset.articles[0]!;
    const file = path.join(content, article.file);
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}${article.url}`);
    const editsMs: number[] = [];
    let log: string[] = [];
    for (let i = 1; i <= (opts.edits ?? 3); i++) {
      const before = output.length;
      const text = await fs.readFile(file, "utf8");
      const title = `${MARK}${i} `;
      const next = text.replace(/^title: (['"]?)(?:已修改\d+ )?/m, `title: $1${title}`);
      if (next === text) throw new Error(`${article.file}: no title line to edit`);
      const saved = performance.now();
      await fs.writeFile(file, next);
      await page.waitForFunction((t) => document.querySelector("h1")?.textContent?.startsWith(t), title, { timeout: 120_000, polling: 20 });
      editsMs.push(performance.now() - saved);
      // Let the full rebuild behind the quick pass finish before the next edit.
      await waitFor(() => /Wrote \d+ files/.test(output.slice(before)), 300_000).catch(() => {
        throw new Error(`no full rebuild within 300 s after edit ${i}: ${output.slice(before).split("\n").filter((l) => !/^(warning|  )/.test(l)).slice(-6).join(" / ")}`);
      });
      log = output.slice(before).split("\n").filter((l) => /changed|updated|Wrote/.test(l));
    }
    return { startSeconds, editsMs, log };
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
}

async function waitFor(ok: () => boolean, ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}
