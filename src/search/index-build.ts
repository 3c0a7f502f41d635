// Builds the Pagefind index of the rendered site.
import path from "node:path";
import * as pagefind from "pagefind";
import type { KbConfig } from "../config.ts";

export async function buildSearchIndex(cfg: KbConfig): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: cfg.outputDir });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join("; ")}`);
  const written = await index.writeFiles({ outputPath: path.join(cfg.outputDir, "pagefind") });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  await pagefind.close();
  return { pages: added.page_count };
}
