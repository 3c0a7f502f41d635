// Where things are, from the environment. One place, so scripts and the Eleventy config agree.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_PAGEFIND_MAX_WORDS } from "./search/manifest.ts";
import { formatRenderSlice, parseRenderSlice, RENDER_HEAP_MB, RENDER_JOBS, RENDER_SLICE_ITEMS, RENDER_SLICE_MB, type RenderSlice } from "./site/slices.ts";

/**
 * Heap of the ingest process and of each of its threads, MiB (KB_INGEST_HEAP_MB). Fixed: a
 * thread holds one note at a time, the main thread every note's metadata.
 */
export const INGEST_HEAP_MB = 2048;
/**
 * Heap of the search index process and of each of its threads, MiB (KB_INDEX_HEAP_MB). Fixed:
 * the index is written in runs of bounded size.
 */
export const INDEX_HEAP_MB = 1024;

/** The repository root: the shipped content and registries live under it. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface KbConfig {
  /** The folder of articles, events and registries (KB_CONTENT_DIR, default content/). */
  contentDir: string;
  /** The shipped content folder, whose registries are used when contentDir has none. */
  shippedContentDir: string;
  /** The dataset ingest writes and Eleventy reads (KB_DATA_DIR, default .kb/). */
  dataDir: string;
  /** The built site (KB_OUTPUT_DIR, default _site/). */
  outputDir: string;
  /** Drafts are published when KB_INCLUDE_DRAFTS=1, and always under `npm start`. */
  includeDrafts: boolean;
  /** URL path the site is served under, e.g. /kb/ on a GitHub Pages project site. */
  pathPrefix: string;
  /**
   * The absolute URL of the site's home, ending in the path prefix and a slash, for what must
   * be absolute: canonical links, feeds, the sitemap (KB_SITE_URL; default http://localhost:8080
   * or $PORT, with the path prefix).
   */
  siteUrl: string;
  /** Indexed words up to which search uses one Pagefind index, beyond which our postings index (KB_PAGEFIND_MAX_WORDS); see src/search/manifest.ts. */
  pagefindMaxWords: number;
  /** Threads that make the postings index (KB_INDEX_THREADS); default: one per core, for 500 records or more each. */
  indexThreads?: number;
  /** Which part of the paged templates this process renders (KB_RENDER_SLICE=i/n); see src/site/slices.ts. */
  renderSlice: RenderSlice;
  /** Articles and events per render slice (KB_RENDER_SLICE_ITEMS); more makes more slices. */
  renderSliceItems: number;
  /** Render slices run at once (KB_RENDER_JOBS); default 2, one per core of a small machine. */
  renderJobs: number;
  /** Estimated article text per render slice, bytes (KB_RENDER_SLICE_MB, in MB); see planSlices. */
  renderSliceBytes: number;
  /** Heap budgets, MiB, fixed whatever the corpus (KB_INGEST_HEAP_MB, KB_RENDER_HEAP_MB, KB_INDEX_HEAP_MB): ingest (each of its threads too), each render worker, the index (each of its threads too). */
  ingestHeapMiB: number;
  renderHeapMiB: number;
  indexHeapMiB: number;
  /** Render only these articles' pages (KB_RENDER_ONLY, comma-separated slugs): npm start's quick pass. */
  renderOnly?: string[];
  /** Warnings fail the run as errors do (KB_STRICT=1, or --strict); see README § Errors. */
  strict: boolean;
  /** The ingest report prints every problem one a line, not grouped by kind (KB_VERBOSE=1, or --verbose). */
  verbose: boolean;
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} "${v}" must be a positive whole number`);
  return n;
}

export function normalizePathPrefix(p: string | undefined): string {
  const trimmed = (p ?? "/").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/**
 * The site's absolute home URL from KB_SITE_URL and the path prefix. The URL may name the host
 * alone (the prefix is appended) or the host and the prefix, as GitHub's configure-pages
 * `base_url` does; a different path would make every absolute URL miss the pages, so it is an
 * error rather than a guess.
 */
export function resolveSiteUrl(siteUrl: string | undefined, pathPrefix: string, port?: string): string {
  const raw = siteUrl?.trim() || `http://localhost:${port?.trim() || "8080"}/`;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`KB_SITE_URL "${raw}" is not an absolute URL (e.g. https://owner.github.io/repo/)`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error(`KB_SITE_URL "${raw}" must be an http(s) URL`);
  const given = normalizePathPrefix(decodeURI(u.pathname));
  if (given !== "/" && given !== pathPrefix) {
    throw new Error(`KB_SITE_URL "${raw}" ends in the path ${given}, but KB_PATH_PREFIX is ${pathPrefix}: set both to the same path`);
  }
  return `${u.origin}${encodeURI(pathPrefix)}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<KbConfig> = {}): KbConfig {
  const fromRoot = (p: string) => path.resolve(ROOT, p);
  const pathPrefix = overrides.pathPrefix ?? normalizePathPrefix(env.KB_PATH_PREFIX);
  return {
    contentDir: env.KB_CONTENT_DIR ? path.resolve(env.KB_CONTENT_DIR) : fromRoot("content"),
    shippedContentDir: fromRoot("content"),
    dataDir: env.KB_DATA_DIR ? path.resolve(env.KB_DATA_DIR) : fromRoot(".kb"),
    outputDir: env.KB_OUTPUT_DIR ? path.resolve(env.KB_OUTPUT_DIR) : fromRoot("_site"),
    includeDrafts: env.KB_INCLUDE_DRAFTS === "1" || env.KB_INCLUDE_DRAFTS === "true",
    pathPrefix,
    // From the prefix above, so an override of pathPrefix carries over to absolute URLs.
    siteUrl: resolveSiteUrl(env.KB_SITE_URL, pathPrefix, env.PORT),
    pagefindMaxWords: positiveInt(env.KB_PAGEFIND_MAX_WORDS, "KB_PAGEFIND_MAX_WORDS") ?? DEFAULT_PAGEFIND_MAX_WORDS,
    ...(env.KB_INDEX_THREADS ? { indexThreads: positiveInt(env.KB_INDEX_THREADS, "KB_INDEX_THREADS") } : {}),
    renderSlice: parseRenderSlice(env.KB_RENDER_SLICE),
    renderSliceItems: positiveInt(env.KB_RENDER_SLICE_ITEMS, "KB_RENDER_SLICE_ITEMS") ?? RENDER_SLICE_ITEMS,
    renderJobs: positiveInt(env.KB_RENDER_JOBS, "KB_RENDER_JOBS") ?? RENDER_JOBS,
    renderSliceBytes: (positiveInt(env.KB_RENDER_SLICE_MB, "KB_RENDER_SLICE_MB") ?? RENDER_SLICE_MB) * 1e6,
    ingestHeapMiB: positiveInt(env.KB_INGEST_HEAP_MB, "KB_INGEST_HEAP_MB") ?? INGEST_HEAP_MB,
    renderHeapMiB: positiveInt(env.KB_RENDER_HEAP_MB, "KB_RENDER_HEAP_MB") ?? RENDER_HEAP_MB,
    indexHeapMiB: positiveInt(env.KB_INDEX_HEAP_MB, "KB_INDEX_HEAP_MB") ?? INDEX_HEAP_MB,
    ...(env.KB_RENDER_ONLY ? { renderOnly: env.KB_RENDER_ONLY.split(",").filter(Boolean) } : {}),
    strict: env.KB_STRICT === "1" || env.KB_STRICT === "true",
    verbose: env.KB_VERBOSE === "1" || env.KB_VERBOSE === "true",
    ...overrides,
  };
}

/** The environment that makes loadConfig() in another process return `cfg`. */
export function configEnv(cfg: KbConfig): Record<string, string> {
  return {
    KB_CONTENT_DIR: cfg.contentDir,
    KB_DATA_DIR: cfg.dataDir,
    KB_OUTPUT_DIR: cfg.outputDir,
    KB_INCLUDE_DRAFTS: cfg.includeDrafts ? "1" : "0",
    KB_PATH_PREFIX: cfg.pathPrefix,
    KB_SITE_URL: cfg.siteUrl,
    KB_PAGEFIND_MAX_WORDS: String(cfg.pagefindMaxWords),
    KB_INDEX_THREADS: cfg.indexThreads ? String(cfg.indexThreads) : "",
    KB_RENDER_SLICE: formatRenderSlice(cfg.renderSlice),
    KB_RENDER_SLICE_ITEMS: String(cfg.renderSliceItems),
    KB_RENDER_JOBS: String(cfg.renderJobs),
    KB_RENDER_SLICE_MB: String(Math.max(1, Math.round(cfg.renderSliceBytes / 1e6))),
    KB_INGEST_HEAP_MB: String(cfg.ingestHeapMiB),
    KB_RENDER_HEAP_MB: String(cfg.renderHeapMiB),
    KB_INDEX_HEAP_MB: String(cfg.indexHeapMiB),
    KB_RENDER_ONLY: cfg.renderOnly?.join(",") ?? "",
    KB_STRICT: cfg.strict ? "1" : "0",
    KB_VERBOSE: cfg.verbose ? "1" : "0",
  };
}
