// The browser scripts are TypeScript in src/client/, sharing src/search/ with the indexer;
// esbuild bundles them into the site's assets.
import path from "node:path";
import { build, stop } from "esbuild";
import { ROOT } from "../config.ts";

export const CLIENT_ENTRIES = { site: "src/client/site.ts", search: "src/client/search-page.ts" } as const;

export async function bundleClientScripts(outputDir: string): Promise<void> {
  try {
    await build({
      entryPoints: Object.fromEntries(Object.entries(CLIENT_ENTRIES).map(([name, file]) => [name, path.join(ROOT, file)])),
      outdir: path.join(outputDir, "assets"),
      bundle: true,
      format: "esm",
      target: "es2020",
      minify: true,
      // Same input, same bytes: no build paths or dates in the output.
      legalComments: "none",
      logLevel: "warning",
    });
  } finally {
    // esbuild's service process (30 MB) would otherwise live on beside the search index.
    await stop();
  }
}
