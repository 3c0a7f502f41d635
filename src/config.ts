// Where things are, from the environment. One place, so scripts and the Eleventy config agree.
import path from "node:path";
import { fileURLToPath } from "node:url";

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
}

export function normalizePathPrefix(p: string | undefined): string {
  const trimmed = (p ?? "/").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<KbConfig> = {}): KbConfig {
  const fromRoot = (p: string) => path.resolve(ROOT, p);
  return {
    contentDir: env.KB_CONTENT_DIR ? path.resolve(env.KB_CONTENT_DIR) : fromRoot("content"),
    shippedContentDir: fromRoot("content"),
    dataDir: env.KB_DATA_DIR ? path.resolve(env.KB_DATA_DIR) : fromRoot(".kb"),
    outputDir: env.KB_OUTPUT_DIR ? path.resolve(env.KB_OUTPUT_DIR) : fromRoot("_site"),
    includeDrafts: env.KB_INCLUDE_DRAFTS === "1" || env.KB_INCLUDE_DRAFTS === "true",
    pathPrefix: normalizePathPrefix(env.KB_PATH_PREFIX),
    ...overrides,
  };
}
