// Eleventy for a config, apart from the rest of the build so that a render slice's process
// (scripts/render-slice.ts) loads nothing of ingest.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ROOT, configEnv, type KbConfig } from "../config.ts";

/** The file npm start touches to make its Eleventy rebuild everything (in the data folder). */
export const REBUILD_STAMP = "rebuild.stamp";

/**
 * Writes the pages of these articles only, bodies included: npm start's quick pass after a
 * save (cfg is the serving Eleventy's), so that the page being edited is new within a second
 * while the rest rebuilds behind it.
 */
export async function writeArticlesOnly(cfg: KbConfig, articles: ReadonlyArray<{ slug: string }>): Promise<void> {
  try {
    await writeWithEleventy({ ...cfg, renderOnly: articles.map((a) => a.slug) });
  } finally {
    // createEleventy set the quick pass's settings; the serving Eleventy reads its own again.
    setEleventyEnv(cfg, "serve");
  }
}

/**
 * The environment carries cfg to .eleventy.ts (configEnv), Eleventy's config file being loaded
 * by path. A build adds article bodies after Eleventy (src/site/bodies.ts); the dev server cannot.
 */
function setEleventyEnv(cfg: KbConfig, runMode: "build" | "serve"): void {
  Object.assign(process.env, configEnv({ ...cfg, deferBodies: runMode === "build" }));
}

/**
 * An Eleventy for this config. `configFile`: Eleventy's config file if not .eleventy.ts (a
 * render slice run from the build's bundles loads its bundled copy, src/build/stage-bundle.ts).
 */
export function createEleventy(cfg: KbConfig, runMode: "build" | "serve", configFile?: string): Eleventy {
  setEleventyEnv(cfg, runMode);
  return new Eleventy(path.join(ROOT, "pages"), cfg.outputDir, {
    configPath: configFile ?? path.join(ROOT, ".eleventy.ts"),
    // Quiet for builds; under npm start its rebuild lines are worth seeing.
    quietMode: runMode === "build",
    runMode,
    // Set here, not only in .eleventy.ts: Eleventy keeps the first prefix it saw in a process.
    pathPrefix: cfg.pathPrefix,
  });
}

/**
 * One Eleventy build of cfg (of its render slice), article bodies put in after it
 * (src/site/bodies.ts); the number of files written.
 */
export async function writeWithEleventy(cfg: KbConfig, configFile?: string): Promise<number> {
  const { injectBodies, pagesAwaitingBodies } = await import("./bodies.ts");
  const eleventy = createEleventy(cfg, "build", configFile);
  const result = (await eleventy.write()) as unknown as Array<unknown[]> | unknown[];
  const written = (Array.isArray(result[0]) ? (result as unknown[][]).flat() : result) as Array<{ outputPath?: unknown; content?: unknown }>;
  await injectBodies(cfg.dataDir, pagesAwaitingBodies(written));
  return written.length;
}

