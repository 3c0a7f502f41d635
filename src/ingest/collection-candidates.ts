// A collection's candidate events, from its files: each note read as ingest reads it (its date
// resolved the same way), its sentences that report a measure collected, then merged and
// matched against the shipped events (src/timeline/candidates.ts). npm run events:suggest and
// the extraction benchmark both run this.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { TimelineEvent } from "../model/event.ts";
import { listContentFiles } from "../content/files.ts";
import { articleMentions, collectionCandidates, namedEventMention, type Candidate, type Mention } from "../timeline/candidates.ts";
import { articleEvents, eventIndex, type ArticleEvent } from "../timeline/article-events.ts";
import { sentences } from "../timeline/suggest.ts";
import { noteForSuggestions } from "./article.ts";
import { linkEventsAlone } from "./events.ts";
import { eventFilesOf, readEventFiles } from "./event-files.ts";
import { loadSiteConfig } from "./site-config.ts";
import { DiagnosticLog } from "../model/diagnostics.ts";
import type { Vocabulary } from "./vocabulary.ts";

/**
 * Markdown files under the given paths (folders walked as ingest walks a content folder), sorted.
 * A path that does not exist goes to `missing` when given (the others are still read), else throws.
 */
export async function markdownFiles(paths: readonly string[], missing?: (path: string) => void): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT" || !missing) throw e;
      missing(p);
      return undefined;
    });
    if (!stat) continue;
    if (stat.isDirectory()) out.push(...(await listContentFiles(p, { keep: (name) => /\.(md|markdown)$/i.test(name) })).map((rel) => path.join(p, rel)));
    else if (/\.(md|markdown)$/i.test(p)) out.push(p);
  }
  return out;
}

/** An article's id in candidates: its file name without the extension. */
export const noteId = (file: string): string => path.basename(file).replace(/\.(md|markdown)$/i, "");

/**
 * The events of the timeline a content folder is built with (its own, and the shipped ones
 * from `shippedDir` unless its site.yaml leaves them out), without the articles they cite.
 */
export async function shippedEvents(contentDir: string, vocab: Vocabulary, asOf: string, shippedDir = contentDir): Promise<TimelineEvent[]> {
  const log = new DiagnosticLog();
  const config = await loadSiteConfig(contentDir, shippedDir, log);
  return linkEventsAlone(await readEventFiles(await eventFilesOf(contentDir, shippedDir, config), vocab, log), asOf);
}

export interface CollectionRun {
  files: number;
  /** Files that could not be read as notes at all. */
  unread: number;
  mentions: Mention[];
  candidates: Candidate[];
  /** The shipped events each note reports (by note id), as ingest links them. */
  links: Map<string, ArticleEvent[]>;
}

/** Reads the files and returns their candidates, merged and matched. */
export async function candidatesOfFiles(files: readonly string[], vocab: Vocabulary, events: readonly TimelineEvent[], now = new Date()): Promise<CollectionRun> {
  const mentions: Mention[] = [];
  const index = eventIndex(events);
  const byId = new Map(events.map((e) => [e.id, e]));
  let unread = 0;
  const links = new Map<string, ArticleEvent[]>();
  const read = (file: string) => Promise.all([fs.readFile(file, "utf8"), fs.stat(file)]);
  let next = files[0] === undefined ? undefined : read(files[0]);
  for (const [i, file] of files.entries()) {
    const [raw, stat] = await next!;
    // The next file is read while this one is worked on (the reads were an eighth of the time).
    next = files[i + 1] === undefined ? undefined : read(files[i + 1]!);
    // A note without a date (an Obsidian vault's) is dated as ingest dates it outside git.
    const note = noteForSuggestions(file, raw, { now, fallbackDates: { modified: stat.mtimeMs } });
    if (!note) {
      unread++;
      continue;
    }
    const id = noteId(file);
    const { body, date } = note;
    const split = sentences(body);
    // Sentences carry the file's line numbers (not the body's), so that an editor opens the note where they are.
    const inFile = <T extends { line: number }>(x: T): T => ({ ...x, line: x.line + note.bodyLine - 1 });
    mentions.push(...articleMentions(id, body, date, vocab, split).map(inFile));
    const reported = articleEvents(body, date.day, index, vocab, split).map(inFile);
    links.set(id, reported);
    for (const link of reported) mentions.push(namedEventMention(id, link, byId.get(link.event)!));
  }
  return { files: files.length, unread, mentions, candidates: collectionCandidates(mentions, events), links };
}

/** The candidates worth a person's time: reported by more than one article, or naming an instrument, or a shipped event. */
export function reviewable(c: Candidate): boolean {
  return c.articles.length > 1 || c.instrument !== null || c.matches_event !== null;
}
