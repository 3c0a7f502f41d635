// The event files of a run and their parse: a content folder's own and, unless its site.yaml
// says `timeline: { shipped: false }`, the shipped timeline's, so that a notes collection is
// linked to it. The folder's own event of a shipped one's id replaces it. Ingest reads the
// timeline this way, and so do events:suggest and events:review.
import path from "node:path";
import { listContentFiles } from "../content/files.ts";
import type { DiagnosticLog } from "../model/diagnostics.ts";
import type { SiteConfig } from "../model/site-config.ts";
import { parseEvent, withoutCitedSources, type ParsedEvent } from "./events.ts";
import { readContentFile } from "./job.ts";
import type { Vocabulary } from "./vocabulary.ts";

const MARKDOWN = /\.(md|markdown)$/i;

/** Every Markdown file in an `events/` folder, at any depth. */
export function listEventFiles(contentDir: string): Promise<string[]> {
  return listContentFiles(contentDir, { keep: (name, above) => above.includes("events") && MARKDOWN.test(name), unreadableOk: true });
}

/** An event file of a run: in the content folder, or one of the shipped timeline's. */
export interface EventFile {
  dir: string;
  file: string;
  shipped: boolean;
}

/** The folder's own event files first, then the shipped timeline's when it is included. */
export async function eventFilesOf(contentDir: string, shippedDir: string, config: Pick<SiteConfig, "timeline">): Promise<EventFile[]> {
  const own = (await listEventFiles(contentDir)).map((file) => ({ dir: contentDir, file, shipped: false }));
  if (path.resolve(shippedDir) === path.resolve(contentDir) || !config.timeline.shipped) return own;
  return [...own, ...(await listEventFiles(shippedDir)).map((file) => ({ dir: shippedDir, file, shipped: true }))];
}

/**
 * The events of those files, parsed; a file that cannot be read is an error in `log`. The
 * shipped timeline cites its own articles, which a notes collection does not have: they are
 * left out of its events' sources.
 */
export async function readEventFiles(files: readonly EventFile[], vocab: Vocabulary, log: DiagnosticLog): Promise<ParsedEvent[]> {
  const parsed: ParsedEvent[] = [];
  const ownIds = new Set<string>();
  for (const { dir, file, shipped } of files) {
    try {
      const { text, notice } = await readContentFile(path.join(dir, file), file);
      const event = parseEvent(file, text, vocab);
      if (notice) event.diagnostics.unshift(notice);
      if (!shipped) {
        parsed.push(event);
        if (event.event) ownIds.add(event.event.id);
      } else if (!ownIds.has(event.event?.id ?? "")) parsed.push(withoutCitedSources(event));
    } catch (e) {
      log.error(file, `cannot read the file: ${(e as Error).message}`);
    }
  }
  return parsed;
}
