// The stages the build runs in processes of their own (ingest, render slices, search index),
// their threads, Eleventy's config and the processes' exit hook, bundled to plain JavaScript
// before the first is started. Run through tsx, each process and each thread had a loader
// thread of its own and resolved every module through it: at 1,000 notes 50 MB and 0.4 s a
// process. esbuild (which bundles the client scripts) writes them in a fraction of a second.
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import { ROOT } from "../config.ts";

/** Where the bundles go: under node_modules, so that the packages they import resolve as from the sources. */
export const STAGE_BUNDLES_DIR = path.join(ROOT, "node_modules/.cache/kb-stages");

/** The scripts and thread modules bundled, each to `<name>.mjs`. */
export const STAGE_ENTRIES = [
  "scripts/ingest.ts",
  "scripts/search-index.ts",
  "scripts/render-slice.ts",
  // Eleventy's config, loaded by Eleventy in a render slice's process (scripts/render-slice.ts).
  ".eleventy.ts",
  "src/build/ingest-thread.ts",
  "src/build/index-thread.ts",
  "src/build/child-exit.ts",
] as const;

/** Pure: the bundled file of a script or thread module (`scripts/ingest.ts` → `<dir>/ingest.mjs`). */
export function bundledFile(dir: string, source: string): string {
  return path.join(dir, `${path.basename(source).replace(/\.ts$/, "")}.mjs`);
}

/** Pure: whether the build runs this script from the bundles. */
export function isBundledStage(script: string): boolean {
  return (STAGE_ENTRIES as readonly string[]).includes(script);
}

/**
 * Each module keeps its own import.meta.url in the bundle, so that ROOT and the threads'
 * module URLs mean what they mean run from the sources.
 */
const ownUrls: Plugin = {
  name: "kb-own-urls",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await fs.readFile(args.path, "utf8");
      return { contents: text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)), loader: "ts" };
    });
  },
};

/**
 * The folder of the bundles of the code as it is now, written if not there yet; undefined when
 * they cannot be made (the stages then run through tsx). Named by their content: builds running
 * side by side (the tests do) each find a complete folder, and a folder is never rewritten.
 */
export async function bundleStages(): Promise<string | undefined> {
  const esbuild = await import("esbuild").catch(() => undefined);
  if (!esbuild) return undefined;
  try {
    const { build } = esbuild;
    const out = path.join(STAGE_BUNDLES_DIR, "next");
    const result = await build({
      entryPoints: STAGE_ENTRIES.map((e) => path.join(ROOT, e)),
      outdir: out,
      entryNames: "[name]",
      chunkNames: "chunks/[name]-[hash]",
      outExtension: { ".js": ".mjs" },
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      write: false,
      logLevel: "silent",
      // threads.ts starts the bundled thread modules when this is defined (see KB_STAGE_BUNDLE there).
      define: { KB_STAGE_BUNDLE: "true" },
      plugins: [ownUrls],
    });
    const hash = createHash("sha256");
    for (const f of result.outputFiles) hash.update(path.relative(out, f.path)).update(f.contents);
    const dir = path.join(STAGE_BUNDLES_DIR, hash.digest("hex").slice(0, 16));
    if (await exists(bundledFile(dir, "child-exit.ts"))) return dir;
    const tmp = `${dir}.${process.pid}.tmp`;
    for (const f of result.outputFiles) {
      const target = path.join(tmp, path.relative(out, f.path));
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, f.contents);
    }
    // Another build may have written the same folder meanwhile: then its copy serves.
    await fs.rename(tmp, dir).catch(() => fs.rm(tmp, { recursive: true, force: true }));
    return dir;
  } catch {
    return undefined;
  } finally {
    // esbuild's service process (30 MB) would otherwise live as long as the build.
    await esbuild.stop();
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
