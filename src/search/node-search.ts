// Pagefind's browser bundle, run in Node: fetch reads the bundle from disk. Used to measure
// search quality (precision and recall) without a browser, and by the benchmark.
import { promises as fs } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface PagefindApi {
  init(language?: string): Promise<void>;
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string | null, o?: Record<string, unknown>): Promise<{ results: Array<{ id: string; score: number; data(): Promise<PagefindResultData> }> }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface PagefindResultData {
  url: string;
  raw_url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  content: string;
}

/** Loads the bundle in `dir` (the site's pagefind/ folder) and counts the bytes it reads. */
export async function loadPagefind(dir: string): Promise<{ pagefind: PagefindApi; bytesRead: () => number }> {
  let bytes = 0;
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const rel = url.replace(/^.*?\/pagefind\//, "").replace(/\?.*$/, "");
    const file = path.join(dir, rel);
    try {
      const data = await fs.readFile(file);
      bytes += data.length;
      return new Response(data, { status: 200 });
    } catch {
      return original ? original(input) : new Response(null, { status: 404 });
    }
  }) as typeof fetch;
  const mod = (await import(`${pathToFileURL(path.join(dir, "pagefind.js")).href}?t=${Date.now()}`)) as {
    options(o: Record<string, unknown>): Promise<void>;
    init(language?: string): Promise<void>;
  } & PagefindApi;
  await mod.options({ basePath: "/pagefind/", baseUrl: "/" });
  await mod.init("en");
  return { pagefind: mod, bytesRead: () => bytes };
}
