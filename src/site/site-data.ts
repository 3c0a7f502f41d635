// The shaped site for Eleventy's global data, shaped once per dataset a process sees. A render
// worker renders several slices one after another (src/build.ts), and npm start's quick pass and
// its rebuild follow each other: reading and shaping 10,000 articles again each time cost about
// 1.5 s of a 9.5 s slice (docs/performance.md).
import { promises as fs } from "node:fs";
import path from "node:path";
import { DATASET_FILE, readDataset } from "../model/dataset.ts";
import { shapeSite } from "./shape.ts";
import type { SiteModel } from "./site-model.ts";
import { DEFAULT_UI_LANG } from "./i18n.ts";

let last: { key: string; site: Promise<SiteModel> } | undefined;

/** The dataset in dataDir shaped for pages under pathPrefix; shaped again when the file changes. */
export async function shapedSite(dataDir: string, pathPrefix: string): Promise<SiteModel> {
  const file = path.join(dataDir, DATASET_FILE);
  const st = await fs.stat(file);
  // A rewrite changes the time (and mostly the size); the ingest writes the file whole.
  const key = [file, pathPrefix, st.mtimeMs, st.size].join("\0");
  if (last?.key !== key) {
    const site = readDataset(dataDir).then((d) => shapeSite(d, DEFAULT_UI_LANG, { pathPrefix }));
    last = { key, site };
    // A failed read is not remembered: the next build reads again.
    site.catch(() => {
      if (last?.site === site) last = undefined;
    });
  }
  return last.site;
}
