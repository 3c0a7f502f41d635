// Where things are, from the environment. One place, so scripts and the Eleventy config agree:
// every KB_* setting is read here and nowhere else, and reaches another process (a stage, a
// render worker, Eleventy's config file) through configEnv.
import path from "node:path";
import { fileURLToPath } from "node:url";

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

/**
 * Each render worker's heap, MiB (KB_RENDER_HEAP_MB): fixed, whatever the corpus's size. A
 * worker keeps the shaped dataset between slices and renders one bounded slice at a time; at
 * 10,000 realistic notes it needed 842 MiB (docs/performance.md). Two workers run at once.
 */
export const RENDER_HEAP_MB = 1024;

/**
 * Articles and events per render slice by default (KB_RENDER_SLICE_ITEMS). A slice in a worker
 * that rendered one before costs Eleventy's start only (about 1 s at 10,000 articles), so
 * slices can be small: less memory.
 */
export const RENDER_SLICE_ITEMS = 1000;

/**
 * Article text per render slice by default, in MB (KB_RENDER_SLICE_MB), estimated from each
 * article's word count (src/build/slices.ts articleTextBytes). The realistic corpus's 1,000
 * articles are about 30 MB of it; a slice of long notes ends here before it reaches 1,000.
 */
export const RENDER_SLICE_MB = 64;

/**
 * Slices rendered at once (KB_RENDER_JOBS), each in a worker process on a core of its own: at
 * most about 0.85 GB each at 10,000 articles (docs/performance.md), so two stay within the 2 GB
 * a build is held to.
 */
export const RENDER_JOBS = 2;

/**
 * Which part of the site one Eleventy run renders (KB_RENDER_SLICE=i/n): a large corpus renders
 * in several runs, planned by the build (src/build/slices.ts); the page types say what each
 * slice holds (src/site/views.ts).
 */
export interface RenderSlice {
  index: number;
  count: number;
  /**
   * The articles this slice renders, [from, to) in dataset order, when the build planned them
   * by size (planSlices); without it the articles are shared out by count, like the rest.
   */
  articles?: readonly [number, number];
}

export const WHOLE: RenderSlice = { index: 0, count: 1 };

/** "2/8" → { index: 2, count: 8 }; "2/8:120-245" also names the slice's articles. */
export function parseRenderSlice(v: string | undefined): RenderSlice {
  if (v === undefined || v.trim() === "") return WHOLE;
  const m = /^(\d+)\/(\d+)(?::(\d+)-(\d+))?$/.exec(v.trim());
  if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2]) || Number(m[3] ?? 0) > Number(m[4] ?? 0)) {
    throw new Error(`KB_RENDER_SLICE "${v}" must be i/n with 0 ≤ i < n, optionally followed by :from-to (articles)`);
  }
  const s: RenderSlice = { index: Number(m[1]), count: Number(m[2]) };
  return m[3] !== undefined ? { ...s, articles: [Number(m[3]), Number(m[4])] } : s;
}

/** The inverse of parseRenderSlice. */
export function formatRenderSlice(s: RenderSlice): string {
  return `${s.index}/${s.count}${s.articles ? `:${s.articles[0]}-${s.articles[1]}` : ""}`;
}

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
  /**
   * Indexed words up to which search uses one Pagefind index, beyond which our postings index
   * (KB_PAGEFIND_MAX_WORDS); unset, the search's own default (src/search/manifest.ts).
   */
  pagefindMaxWords?: number;
  /** Threads that make the postings index (KB_INDEX_THREADS); default: one per core, for 500 records or more each. */
  indexThreads?: number;
  /** Which part of the paged templates this process renders (KB_RENDER_SLICE=i/n); see src/build/slices.ts. */
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
  /** npm start: ingest problems shown on every page (KB_DEV=1; never set by a production build). */
  dev: boolean;
  /**
   * Article bodies are put in after Eleventy has written the pages (KB_DEFER_BODIES=1; set for
   * builds by src/site/eleventy.ts, never for the dev server): see src/site/bodies.ts.
   */
  deferBodies: boolean;
  /**
   * The progress line (KB_PROGRESS=1 or 0; under CI, off): drawn or not whatever the output;
   * undefined: drawn on a terminal only (src/build/progress.ts).
   */
  progress?: boolean;
  /** A stage sends its progress to the build over IPC (KB_PROGRESS_IPC=1; set by the build for its stages). */
  progressIpc: boolean;
  /** Every stage's process writes a CPU profile here (KB_CPU_PROF_DIR; the benchmark's --profile). */
  cpuProfileDir?: string;
  /** npm start prints how long each ingest and write took (KB_TIMING). */
  timing: boolean;
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} "${v}" must be a positive whole number`);
  return n;
}

/** `{ key: value }`, or nothing when the value is not given: an optional field left out, not undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [k in K]?: V });
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
    ...optional("pagefindMaxWords", positiveInt(env.KB_PAGEFIND_MAX_WORDS, "KB_PAGEFIND_MAX_WORDS")),
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
    dev: env.KB_DEV === "1",
    deferBodies: env.KB_DEFER_BODIES === "1",
    ...progressSetting(env),
    progressIpc: env.KB_PROGRESS_IPC === "1",
    ...(env.KB_CPU_PROF_DIR ? { cpuProfileDir: env.KB_CPU_PROF_DIR } : {}),
    timing: Boolean(env.KB_TIMING),
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
    KB_PAGEFIND_MAX_WORDS: cfg.pagefindMaxWords ? String(cfg.pagefindMaxWords) : "",
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
    KB_DEV: cfg.dev ? "1" : "0",
    KB_DEFER_BODIES: cfg.deferBodies ? "1" : "0",
    KB_PROGRESS: cfg.progress === undefined ? "" : cfg.progress ? "1" : "0",
    KB_PROGRESS_IPC: cfg.progressIpc ? "1" : "0",
    KB_CPU_PROF_DIR: cfg.cpuProfileDir ?? "",
    KB_TIMING: cfg.timing ? "1" : "",
  };
}

/** KB_PROGRESS=1 or 0 decides when set (the build's tests set it); otherwise never under CI, else undecided. */
function progressSetting(env: NodeJS.ProcessEnv): { progress?: boolean } {
  if (env.KB_PROGRESS === "1") return { progress: true };
  if (env.KB_PROGRESS === "0") return { progress: false };
  const ci = env.CI !== undefined && env.CI !== "" && env.CI !== "0" && env.CI.toLowerCase() !== "false";
  return ci ? { progress: false } : {};
}
