// Reads site.yaml: the content folder's own, else the shipped one (as actors.yaml and
// tags.yaml are found). A problem in it is a warning with its line, and the shipped file is
// used instead: a run never stops for it.
import { promises as fs } from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { DiagnosticLog } from "../model/diagnostics.ts";
import { EMPTY_SITE_CONFIG, siteConfig, type SiteConfig } from "../model/site-config.ts";

export const SITE_CONFIG_FILE = "site.yaml";

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** The line of the node at `at` in a parsed YAML document (the nearest existing one). */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, at: PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as { range?: number[] } | null)?.range?.[0];
  for (const step of at) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      node = pair.value;
      offset = (pair.value as { range?: number[] } | null)?.range?.[0] ?? (pair.key as { range?: number[] }).range?.[0] ?? offset;
    } else if (isSeq(node) && typeof step === "number") {
      node = node.items[step];
      offset = (node as { range?: number[] } | null)?.range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** Parses one site.yaml's text; problems go to `log` under `shown`. */
export function parseSiteConfig(text: string, shown: string, log: DiagnosticLog): SiteConfig | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length) {
    for (const e of doc.errors) log.warn(shown, `cannot read the YAML: ${e.message.split("\n")[0]}; these settings are ignored`, { line: e.linePos?.[0]?.line ?? 1 });
    return undefined;
  }
  const checked = siteConfig.safeParse(doc.toJS() ?? {});
  if (checked.success) return checked.data;
  for (const issue of checked.error.issues) {
    const line = lineOf(doc, lines, issue.path);
    log.warn(shown, `${issue.message}; these settings are ignored`, { field: issue.path.join("."), ...(line ? { line } : {}) });
  }
  return undefined;
}

/** The content folder's site.yaml, else the shipped one; a broken one falls back to the shipped. */
export async function loadSiteConfig(contentDir: string, fallbackDir: string, log: DiagnosticLog): Promise<SiteConfig> {
  const shownOf = (file: string) => path.relative(process.cwd(), file) || file;
  const own = path.join(contentDir, SITE_CONFIG_FILE);
  const shipped = path.join(fallbackDir, SITE_CONFIG_FILE);
  for (const file of own === shipped ? [own] : [own, shipped]) {
    const text = await readIfExists(file);
    if (text === undefined) continue;
    const parsed = parseSiteConfig(text, shownOf(file), log);
    if (parsed) return parsed;
  }
  return EMPTY_SITE_CONFIG;
}
