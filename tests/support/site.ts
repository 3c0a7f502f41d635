// Builds a site into a temporary folder and serves it on loopback, for tests that look at
// the output the way a reader would. Built once per test file; every build is the real one.
import { promises as fs, createReadStream } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { loadConfig, ROOT, type KbConfig } from "../../src/config.ts";
import { runIngest, indexSite } from "../../src/build.ts";
import { renderSite } from "../../src/build/render.ts";
import type { IngestResult } from "../../src/ingest/ingest.ts";
import { before, after } from "node:test";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser.ts";

export interface BuiltSite {
  cfg: KbConfig;
  ingest: IngestResult;
  dir: string;
  read(rel: string): Promise<string>;
}

export async function buildSite(overrides: Partial<KbConfig> = {}, opts: { index?: boolean } = {}): Promise<BuiltSite> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kb-site-"));
  const cfg = loadConfig({}, { dataDir: path.join(tmp, "data"), outputDir: path.join(tmp, "site"), ...overrides });
  const ingest = await runIngest(cfg);
  await renderSite(cfg);
  if (opts.index !== false) await indexSite(cfg);
  return { cfg, ingest, dir: cfg.outputDir, read: (rel) => fs.readFile(path.join(cfg.outputDir, rel), "utf8") };
}

/**
 * Builds in a child process, as `npm run build` does. Eleventy keeps its template engine from
 * one build to the next within a process, so a second build with another path prefix must
 * run in a process of its own.
 */
export async function buildSiteInChild(env: Record<string, string>): Promise<{ dir: string; dataDir: string; stdout: string }> {
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kb-site-"));
  const dir = path.join(tmp, "site");
  const dataDir = path.join(tmp, "data");
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build.ts")], {
    cwd: ROOT,
    env: { ...process.env, KB_OUTPUT_DIR: dir, KB_DATA_DIR: dataDir, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { dir, dataDir, stdout };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
};

/** A static server like GitHub Pages: the site under `prefix`, 404.html for what is missing. */
export async function serve(root: string, prefix = "/"): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) return notFound(res, root);
    rel = rel.slice(prefix.length);
    let file = path.join(root, rel);
    if (!file.startsWith(root)) return notFound(res, root);
    try {
      const st = await fs.stat(file);
      if (st.isDirectory()) {
        if (!url.pathname.endsWith("/")) {
          res.writeHead(301, { location: `${url.pathname}/` });
          return res.end();
        }
        file = path.join(file, "index.html");
        await fs.stat(file);
      }
    } catch {
      return notFound(res, root);
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    // A browser keeps connections open after its last request; close them rather than wait.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function notFound(res: http.ServerResponse, root: string): Promise<void> {
  res.writeHead(404, { "content-type": TYPES[".html"]! });
  try {
    res.end(await fs.readFile(path.join(root, "404.html")));
  } catch {
    res.end("not found");
  }
}

/**
 * For a browser test file: builds the shipped site, serves it and starts Chromium before its
 * tests, and stops them after. The fields are there once the tests run.
 */
export function siteInBrowser(overrides: Partial<KbConfig> = {}, opts: { index?: boolean } = {}): { site: BuiltSite; server: Awaited<ReturnType<typeof serve>>; browser: Browser } {
  const ctx = {} as { site: BuiltSite; server: Awaited<ReturnType<typeof serve>>; browser: Browser };
  before(async () => {
    ctx.site = await buildSite(overrides, opts);
    ctx.server = await serve(ctx.site.dir);
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}
