// A built site's search, run in Node: Pagefind's browser bundle with fetch reading the bundle
// from disk, or our postings index read from disk. Used to measure search quality (precision
// and recall) without a browser, and by the benchmark.
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { INDEX_LANGUAGE, PAGEFIND_DIR, SEARCH_DATA_DIR, SEARCH_MANIFEST, type SearchManifest } from "./manifest.ts";
import { PostingsIndex } from "./postings-search.ts";
import type { SearchIndex } from "./engine.ts";
import type { AliasIndex, FoldMap } from "./fold.ts";

export interface PagefindApi {
  init(language?: string): Promise<void>;
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(indexPath: string, o?: Record<string, unknown>): Promise<void>;
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

// Each loaded site is mounted under its own path, so that two sites can be searched side by
// side: Pagefind's bundle reads its files through the global fetch.
const mounts = new Map<string, string>();
let bytes = 0;
let installed = false;
function installFetch(): void {
  if (installed) return;
  installed = true;
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const parsed = new URL(url, "http://site.invalid/");
    const pathname = decodeURIComponent(parsed.pathname);
    const mount = /^\/(kbsite\d+)\//.exec(pathname);
    const dir = mount ? mounts.get(mount[1]!) : undefined;
    // Before options() takes effect, Pagefind starts loading from beside its own file.
    const file = parsed.protocol === "file:" ? fileURLToPath(`file://${parsed.pathname}`) : dir ? path.join(dir, pathname.slice(mount![0].length)) : undefined;
    if (!file) return original ? original(input) : new Response(null, { status: 404 });
    try {
      const data = await fs.readFile(file);
      bytes += data.length;
      return new Response(data, { status: 200 });
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
}

/**
 * Loads the search of the built site in `siteDir` as the search page does: its Pagefind index,
 * or our postings index. `bytesRead` counts what every loaded site has read so far (compressed,
 * as it would be downloaded).
 */
export async function loadSearch(siteDir: string): Promise<{ index: SearchIndex; engine: SearchManifest["engine"]; pages: number; map: FoldMap; aliases: AliasIndex; bytesRead: () => number }> {
  const json = async <T>(rel: string) => JSON.parse(await fs.readFile(path.join(siteDir, rel), "utf8")) as T;
  const manifest = await json<SearchManifest>(path.join(SEARCH_DATA_DIR, SEARCH_MANIFEST));
  const map = await json<FoldMap>(path.join(SEARCH_DATA_DIR, "fold.json"));
  const aliases = await json<AliasIndex>(path.join(SEARCH_DATA_DIR, "aliases.json"));
  const common = { engine: manifest.engine, pages: manifest.pages, map, aliases, bytesRead: () => bytes };
  if (manifest.engine === "postings") {
    const postings = new PostingsIndex({
      firsts: manifest.firsts,
      records: manifest.pages,
      base: "/",
      load: async (rel) => {
        const packed = await fs.readFile(path.join(siteDir, rel));
        bytes += packed.length;
        return gunzipSync(packed);
      },
    });
    return { ...common, index: { kind: "postings", postings } };
  }
  return { ...common, index: { kind: "pagefind", pagefind: await loadPagefind(siteDir, INDEX_LANGUAGE) } };
}

/**
 * The Pagefind bundle of the site in `siteDir` (ours, or stock Pagefind's over any site), its
 * index for `language` (Pagefind keeps one per page language).
 */
export async function loadPagefind(siteDir: string, language: string): Promise<PagefindApi> {
  installFetch();
  const mount = `kbsite${mounts.size + 1}`;
  mounts.set(mount, siteDir);
  const mod = (await import(`${pathToFileURL(path.join(siteDir, PAGEFIND_DIR, "pagefind.js")).href}?t=${Date.now()}-${mount}`)) as PagefindApi;
  await mod.options({ basePath: `/${mount}/${PAGEFIND_DIR}`, baseUrl: "/" });
  // No document here, so Pagefind reads no page language and leaves queries as given.
  await mod.init(language);
  return mod;
}
