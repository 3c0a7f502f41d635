// Eleventy for a config, apart from the rest of the build so that a render slice's process
// (scripts/render-slice.ts) loads nothing of ingest.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { ROOT, configEnv, type KbConfig } from "../config.ts";

/** An Eleventy for this config. The environment carries cfg to .eleventy.ts. */
export function createEleventy(cfg: KbConfig, runMode: "build" | "serve"): Eleventy {
  Object.assign(process.env, configEnv(cfg));
  // A build adds article bodies after Eleventy (src/site/bodies.ts); the dev server cannot.
  process.env.KB_DEFER_BODIES = runMode === "build" ? "1" : "0";
  return new Eleventy(path.join(ROOT, "pages"), cfg.outputDir, {
    configPath: path.join(ROOT, ".eleventy.ts"),
    // Quiet for builds; under npm start its rebuild lines are worth seeing.
    quietMode: runMode === "build",
    runMode,
    // Set here, not only in .eleventy.ts: Eleventy keeps the first prefix it saw in a process.
    pathPrefix: cfg.pathPrefix,
  });
}

/** One Eleventy build of cfg (of its render slice); the number of files written. */
export async function writeWithEleventy(cfg: KbConfig): Promise<number> {
  const eleventy = createEleventy(cfg, "build");
  const written = (await eleventy.write()) as unknown as Array<unknown[]> | unknown[];
  return (Array.isArray(written[0]) ? (written as unknown[][]).flat() : written).length;
}

