// A candidate event as a person reviews it: titles in both languages from its issuer and items,
// and the front matter of a new event file, with the evidence (which articles, which
// sentences, how the date was settled) in comments above it.
import { stringify } from "yaml";
import type { Actor, Tag } from "../model/registry.ts";
import { eventFileFields } from "../model/event-fields.ts";
import { slugify } from "../normalize/slug.ts";
import type { Candidate } from "./candidates.ts";

const KIND_ZH: Record<Candidate["kind"], string> = { measure: "措施", countermeasure: "反制措施", relaxation: "放宽或暂停", ruling: "裁决", statement: "表态" };

/** Titles to start from: the issuer, what kind of measure, on what. A person rewrites them. */
export function candidateTitles(c: Candidate, vocab: { actors: readonly Actor[]; tags: readonly Tag[] }): { "zh-Hans": string; en: string } {
  const who = vocab.actors.find((a) => a.id === c.authority)?.names;
  const items = c.items.slice(0, 3).map((id) => vocab.tags.find((t) => t.id === id)?.names ?? { "zh-Hans": id, en: id });
  const on = (lang: "zh-Hans" | "en", sep: string) => items.map((n) => n[lang] ?? n.en ?? n["zh-Hans"]).join(sep) || c.domain[0];
  return {
    "zh-Hans": `${who?.["zh-Hans"] ?? c.authority}${KIND_ZH[c.kind]}：${on("zh-Hans", "、")}`,
    en: `${who?.en ?? c.authority}: ${c.kind} on ${on("en", ", ")}`,
  };
}

/** The candidate as a new event: its id and the file's text (front matter and a description to write). */
export function candidateEvent(c: Candidate, vocab: { actors: readonly Actor[]; tags: readonly Tag[] }): { id: string; text: string } {
  const title = candidateTitles(c, vocab);
  const id = `${c.announced}-${c.jurisdiction.toLowerCase()}-${c.authority.replace(/^[a-z]{2}-/, "")}-${slugify(c.items.slice(0, 2).join(" ") || c.domain[0] || "measure", 4)}`;
  const fm = eventFileFields({
    id,
    title,
    dates: { announced: c.announced },
    date_notes: `From ${c.articles.length} article${c.articles.length === 1 ? "" : "s"}: ${c.dateNote}`,
    jurisdiction: c.jurisdiction,
    authority: c.authority,
    kind: c.kind,
    domain: c.domain.length ? c.domain : ["trade-rules"],
    items: c.items,
    targets: c.targets,
    ...(c.instrument ? { instrument: { id: c.instrument } } : {}),
    sources: c.articles.map((article) => ({ article })),
    verified: false,
  });
  return { id, text: ["---", stringify(fm, { lineWidth: 0 }).trimEnd(), "---", "TODO: a short neutral description, from the official text.", ""].join("\n") };
}

/** The candidate as a new event file to edit and save under content/events/, its evidence in comments above. */
export function candidateToEventFile(c: Candidate, vocab: { actors: readonly Actor[]; tags: readonly Tag[] }): string {
  const { id, text } = candidateEvent(c, vocab);
  return [
    `# candidate (confidence ${c.confidence}), reported by ${c.articles.length} article${c.articles.length === 1 ? "" : "s"}; check every field, then save as content/events/${id}.md`,
    ...c.sentences.slice(0, 5).map((s) => `#   ${s.article}:${s.line}: ${s.text.replace(/\s+/g, " ").slice(0, 200)}`),
    ...(c.sentences.length > 5 ? [`#   … and ${c.sentences.length - 5} more sentences`] : []),
    text,
  ].join("\n");
}
