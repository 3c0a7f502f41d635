// The review of candidate events as a file a person goes through: one entry per candidate with
// a decision to fill in (accept, reject, sources, or nothing to decide later), then applied in
// one go. An accepted candidate becomes a new event file; "sources" adds its articles to the
// shipped event it matches; a rejected one is remembered in the content folder
// (candidates-rejected.yaml) so that it does not come back. Pure: the command writes the files.
import { isMap, isSeq, parseDocument, stringify } from "yaml";
import { SAME_MEASURE_DAYS, type Candidate } from "./candidates.ts";
import { daysApart } from "./dates.ts";

export const DECISIONS = ["accept", "reject", "sources"] as const;
export type Decision = (typeof DECISIONS)[number];

/** A candidate as the review file lists it. */
export interface ReviewEntry {
  /** Empty until decided: accept | reject | sources (add the articles to the matched event). */
  decision: Decision | "";
  candidate: Candidate;
}

/** What is remembered of a rejected candidate: enough to know it again, in a later run's merge. */
export interface Rejected {
  jurisdiction: string;
  authority: string;
  announced: string;
  items: string[];
  /** Its first sentence, for the person reading the file. */
  example?: string;
}

/**
 * Whether a candidate is one a person rejected before: the same side and issuer, within two
 * days, and the same items if it had any (a later run may merge a few more or fewer articles).
 */
export function isRejected(c: Candidate, rejected: readonly Rejected[]): boolean {
  return rejected.some(
    (r) =>
      r.jurisdiction === c.jurisdiction &&
      r.authority === c.authority &&
      daysApart(r.announced, c.announced) <= SAME_MEASURE_DAYS &&
      (r.items.length === 0 ? c.items.length === 0 : r.items.some((i) => c.items.includes(i))),
  );
}

/** The review file: the candidates in the order shown, each with an empty decision. */
export function reviewFile(candidates: readonly Candidate[]): string {
  const header = [
    "# Candidate events to review. Set each `decision` to one of:",
    "#   accept   write it as a new event file under content/events/ (check it, then set verified when read against the official text)",
    "#   sources  add its articles as sources of the shipped event it matches (matches_event)",
    "#   reject   forget it: it is remembered in content/candidates-rejected.yaml and not proposed again",
    "# and leave it empty to decide later. Then: npm run events:review -- <this file>",
  ];
  return `${header.join("\n")}\n${stringify(candidates.map((candidate) => ({ decision: "", candidate })), { lineWidth: 0 })}`;
}

export function parseReviewFile(text: string): ReviewEntry[] {
  const data = parseDocument(text).toJS() as unknown;
  if (!Array.isArray(data)) throw new Error("the review file must be a list of { decision, candidate }");
  return data.map((e: { decision?: unknown; candidate?: Candidate }, i: number) => {
    const decision = String(e.decision ?? "").trim();
    if (decision && !(DECISIONS as readonly string[]).includes(decision)) throw new Error(`entry ${i + 1}: decision "${decision}" is not one of ${DECISIONS.join(", ")}`);
    if (!e.candidate) throw new Error(`entry ${i + 1}: no candidate`);
    return { decision: decision as ReviewEntry["decision"], candidate: e.candidate };
  });
}

export function rejectedOf(c: Candidate): Rejected {
  return { jurisdiction: c.jurisdiction, authority: c.authority, announced: c.announced, items: c.items, ...(c.sentences[0] ? { example: c.sentences[0].text.slice(0, 120) } : {}) };
}

/**
 * An event file with the articles added to its `sources` (those it does not list yet), its
 * other lines, comments and body kept as they are. Undefined when there is nothing to add.
 * `ownArticlesOnly`: the file is a shipped event copied into a notes folder, whose article
 * sources (the shipped articles) that folder does not have: they are left out.
 */
export function withArticleSources(eventFile: string, articles: readonly string[], ownArticlesOnly = false): string | undefined {
  const m = /^---\n([\s\S]*?)\n---(\n|$)/.exec(eventFile.replace(/\r\n?/g, "\n"));
  if (!m) throw new Error("the event file has no front matter");
  const doc = parseDocument(m[1]!);
  if (!isMap(doc.contents)) throw new Error("the event file's front matter is not a mapping");
  let sources = doc.get("sources");
  if (!isSeq(sources)) {
    doc.set("sources", doc.createNode([]));
    sources = doc.get("sources");
  }
  const seq = sources as ReturnType<typeof doc.createNode> & { items: unknown[] };
  if (ownArticlesOnly) seq.items = seq.items.filter((item) => !(isMap(item) && item.has("article")));
  const listed = new Set((doc.toJS().sources as Array<{ article?: string }> | undefined ?? []).map((s) => s.article).filter(Boolean));
  const added = articles.filter((a) => !listed.has(a));
  if (!added.length) return undefined;
  for (const a of added) (seq as unknown as { add(v: unknown): void }).add(doc.createNode({ article: a }));
  const rest = eventFile.replace(/\r\n?/g, "\n").slice(m[0].length);
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd()}\n---\n${rest}`;
}
