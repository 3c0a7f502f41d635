// Applies a reviewed candidate list to a content folder (npm run events:review): accepted
// candidates become new event files, "sources" adds articles to the matched event's file (a
// shipped event the folder has no file of is copied into its events/, where it replaces the
// shipped one), and rejected ones are remembered in candidates-rejected.yaml. Nothing is
// overwritten: an event file whose name is taken gets a numbered name.
import { promises as fs } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { candidateEvent } from "../timeline/candidate-file.ts";
import { rejectedOf, withArticleSources, type Rejected, type ReviewEntry } from "../timeline/review.ts";
import { markdownFiles } from "./collection-candidates.ts";
import type { Vocabulary } from "./vocabulary.ts";

export const REJECTED_FILE = "candidates-rejected.yaml";

export async function readRejected(contentDir: string): Promise<Rejected[]> {
  const text = await fs.readFile(path.join(contentDir, REJECTED_FILE), "utf8").catch(() => "");
  const data = text ? (parse(text) as unknown) : [];
  return Array.isArray(data) ? (data as Rejected[]) : [];
}

export interface ReviewOutcome {
  written: string[];
  sourcesAdded: Array<{ event: string; articles: number }>;
  rejected: number;
  undecided: number;
  problems: string[];
}

/** `shippedDir`: the shipped content folder, whose events a notes folder's timeline includes. */
export async function applyReview(entries: readonly ReviewEntry[], contentDir: string, vocab: Vocabulary, shippedDir = contentDir): Promise<ReviewOutcome> {
  const out: ReviewOutcome = { written: [], sourcesAdded: [], rejected: 0, undecided: 0, problems: [] };
  const eventsDir = path.join(contentDir, "events");
  await fs.mkdir(eventsDir, { recursive: true });
  const rejected = await readRejected(contentDir);
  const eventFiles = async (dir: string) => markdownFiles([path.join(dir, "events")]).catch(() => [] as string[]);
  const [existing, shipped] = await Promise.all([eventFiles(contentDir), path.resolve(shippedDir) === path.resolve(contentDir) ? [] : eventFiles(shippedDir)]);
  const fileOfEvent = (id: string, files: readonly string[]) => files.find((f) => path.basename(f, ".md") === id);
  for (const { decision, candidate } of entries) {
    if (decision === "") out.undecided++;
    else if (decision === "reject") {
      rejected.push(rejectedOf(candidate));
      out.rejected++;
    } else if (decision === "accept") {
      const { id, text } = candidateEvent(candidate, vocab);
      let name = `${id}.md`;
      for (let n = 2; await fs.stat(path.join(eventsDir, name)).then(() => true, () => false); n++) name = `${id}-${n}.md`;
      // A numbered file keeps a numbered id: ids must be unique.
      const body = name === `${id}.md` ? text : text.replace(`\nid: ${id}\n`, `\nid: ${name.slice(0, -3)}\n`);
      await fs.writeFile(path.join(eventsDir, name), body);
      out.written.push(path.join("events", name));
    } else {
      const event = candidate.matches_event;
      const own = event ? fileOfEvent(event, existing) : undefined;
      const from = own ?? (event ? fileOfEvent(event, shipped) : undefined);
      if (!event || !from) {
        out.problems.push(`"sources" for the candidate of ${candidate.announced} (${candidate.jurisdiction}): ${event ? `no file for event ${event}` : "it matches no shipped event"}`);
        continue;
      }
      const updated = withArticleSources(await fs.readFile(from, "utf8"), candidate.articles, !own);
      if (updated) {
        await fs.writeFile(own ?? path.join(eventsDir, path.basename(from)), updated);
        out.sourcesAdded.push({ event, articles: candidate.articles.length });
      }
    }
  }
  if (out.rejected) {
    const header = "# Candidate events rejected in review (npm run events:review): npm run events:suggest does not propose them again.\n";
    await fs.writeFile(path.join(contentDir, REJECTED_FILE), header + stringify(rejected, { lineWidth: 0 }));
  }
  return out;
}
