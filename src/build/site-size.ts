// The built site's size against GitHub Pages' limit, for the build's summary: a published site
// may be at most 1 GB, and a notes collection with its drafts easily passes it.
import { promises as fs } from "node:fs";
import path from "node:path";

/** GitHub Pages' limit on a published site (its documentation says 1 GB; read as 10⁹ bytes, the smaller). */
export const PAGES_LIMIT_BYTES = 1e9;
/** Share of the limit from which the build warns. */
export const WARN_SHARE = 0.9;

/**
 * The sum of the sizes of every file under `dir` (what Pages counts), walked once, depth first,
 * a directory's entries streamed and stat'ed a few dozen at a time: nothing grows with the site.
 */
export async function siteBytes(dir: string): Promise<{ bytes: number; files: number }> {
  const total = { bytes: 0, files: 0 };
  const walk = async (d: string): Promise<void> => {
    let batch: Array<Promise<void>> = [];
    for await (const e of await fs.opendir(d)) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) {
        batch.push(
          fs.stat(full).then((st) => {
            total.bytes += st.size;
            total.files++;
          }),
        );
        if (batch.length >= 64) {
          await Promise.all(batch);
          batch = [];
        }
      }
    }
    await Promise.all(batch);
  };
  await walk(dir);
  return total;
}

const mb = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString("en-US")} MB`;

/**
 * Pure: the summary's line on the site's size, and a warning from 90% of the limit saying what
 * to do (drafts left out when they are in, the collection published in parts).
 */
export function siteSizeLines(bytes: number, opts: { includeDrafts: boolean; limit?: number } = { includeDrafts: false }): string[] {
  const limit = opts.limit ?? PAGES_LIMIT_BYTES;
  const share = bytes / limit;
  const lines = [`site: ${mb(bytes)} of GitHub Pages' ${mb(limit).replace(/^1,000 MB$/, "1 GB")} (${Math.round(share * 100)}%)`];
  if (share < WARN_SHARE) return lines;
  const what = share > 1 ? `over GitHub Pages' limit, which will refuse it` : `${Math.round(share * 100)}% of GitHub Pages' limit`;
  const todo = [...(opts.includeDrafts ? ["leave drafts out (KB_INCLUDE_DRAFTS=0)"] : []), "publish the collection in parts (a KB_CONTENT_DIR and a site for each)"];
  lines.push(`warning: the site is ${mb(bytes)}, ${what}: ${todo.join(", or ")}`);
  return lines;
}
