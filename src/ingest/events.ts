// content/events/*.md → TimelineEvent[]: validated, dates parsed, names resolved, sources
// checked against the articles, and the measure → countermeasure graph computed.
import { reporterFor, type Diagnostic } from "../model/diagnostics.ts";
import { eventFrontMatter, DATE_ROLES, type EventDate, type EventSource, type TimelineEvent } from "../model/event.ts";
import { parseContentFile } from "../content/frontmatter.ts";
import { renderMarkdown } from "../render/markdown.ts";
import { parseEventDate } from "../timeline/dates.ts";
import { buildGraph, type GraphNode } from "../timeline/graph.ts";
import { sideOf } from "../timeline/sides.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface ArticleRef {
  slug: string;
  title: string;
  url: string;
  /** False for a draft left out of this build: the event still validates, the link is not shown. */
  published: boolean;
}

export interface EventFile {
  file: string;
  raw: string;
}

type Pending = Omit<TimelineEvent, "respondsTo" | "answeredBy" | "chain"> & { node: GraphNode };

export function ingestEvents(
  files: EventFile[],
  vocab: Vocabulary,
  articles: Map<string, ArticleRef>,
): { events: TimelineEvent[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const pending: Pending[] = [];

  for (const { file, raw } of files) {
    const before = diagnostics.length;
    const { err, warn } = reporterFor(file, diagnostics);

    if (raw.trim() === "") {
      err("the file is empty");
      continue;
    }
    const parsed = parseContentFile(raw);
    for (const p of parsed.problems) diagnostics.push({ file, ...p });
    if (parsed.problems.some((p) => p.severity === "error")) continue;
    const checked = eventFrontMatter.safeParse(parsed.data);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys) {
            const field = [...issue.path, key].join(".");
            err(`unknown field "${key}" (see README.md § Events for the fields an event has)`, field, parsed.lineOf(field) ?? 1);
          }
          continue;
        }
        const field = issue.path.join(".");
        err(issue.message, field || undefined, parsed.lineOf(field) ?? 1);
      }
      continue;
    }
    const fm = checked.data;
    const id = fm.id ?? file.replace(/^.*\//, "").replace(/\.(md|markdown)$/i, "");
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) err(`the file name "${id}" is not a valid event id; add an \`id:\` line`, "id", 1);

    const dates: Partial<Record<(typeof DATE_ROLES)[number], EventDate>> = {};
    for (const role of DATE_ROLES) {
      const v = fm.dates[role];
      if (v === undefined) continue;
      const d = parseEventDate(v);
      if ("error" in d) err(d.error, `dates.${role}`, parsed.lineOf(`dates.${role}`));
      else dates[role] = d;
    }

    const authority = vocab.resolveActor(fm.authority);
    if (!authority) err(`authority "${fm.authority}" is not in the actor registry`, "authority", parsed.lineOf("authority"));
    if (!vocab.resolveActor(fm.jurisdiction.toLowerCase())) {
      warn(`jurisdiction "${fm.jurisdiction}" is not a jurisdiction in the actor registry`, "jurisdiction", parsed.lineOf("jurisdiction"));
    }
    const targets = fm.targets.map((t, i) => {
      const resolved = vocab.resolveActor(t);
      if (!resolved) warn(`target "${t}" is not in the actor registry; kept as text`, `targets.${i}`, parsed.lineOf(`targets.${i}`));
      return resolved ?? t;
    });
    const items = fm.items.map((it) => vocab.resolveTag(it) ?? it);

    const sources: EventSource[] = [];
    fm.sources.forEach((s, i) => {
      if ("article" in s) {
        const ref = articles.get(s.article.replace(/\.(md|markdown)$/i, "").replace(/^.*\//, ""));
        if (!ref) {
          err(`source article "${s.article}" is not in the content folder`, `sources.${i}.article`, parsed.lineOf(`sources.${i}.article`));
          return;
        }
        if (ref.published) sources.push({ type: "article", slug: ref.slug, title: ref.title, url: ref.url, ...(s.note ? { note: s.note } : {}) });
      } else {
        sources.push({ type: "url", url: s.url, ...(s.title ? { title: s.title } : {}), ...(s.note ? { note: s.note } : {}) });
      }
    });
    if (fm.sources.length === 0) err("an event needs at least one source: an article in content/ or an official URL", "sources", parsed.lineOf("sources") ?? 1);

    if (diagnostics.slice(before).some((d) => d.severity === "error") || !dates.announced || !authority) continue;

    const rendered = renderMarkdown(parsed.body);
    for (const r of rendered.removed) {
      warn(`removed from the page for safety: ${r.what}`, "body", parsed.bodyLine + r.line - 1);
    }
    pending.push({
      id,
      url: `/events/${id}/`,
      file,
      title: fm.title,
      dates,
      date: dates.announced,
      ...(fm.date_notes ? { dateNotes: fm.date_notes } : {}),
      jurisdiction: fm.jurisdiction,
      side: sideOf(fm.jurisdiction),
      authority,
      kind: fm.kind,
      ...(fm.instrument ? { instrument: fm.instrument } : {}),
      domain: fm.domain,
      items,
      targets,
      sources,
      articles: sources.flatMap((s) => (s.type === "article" ? [s.slug] : [])),
      mentions: vocab.findMentions([fm.title["zh-Hans"], fm.title.en, fm.title["zh-Hant"] ?? "", fm.instrument?.title ?? "", rendered.text].join("\n")),
      html: rendered.html,
      text: rendered.text,
      node: {
        id,
        file,
        line: parsed.lineOf("id") ?? 1,
        date: dates.announced,
        respondsTo: fm.responds_to.map((r, i) => ({ ...r, line: parsed.lineOf(`responds_to.${i}.id`) ?? parsed.lineOf("responds_to") })),
      },
    });
  }

  const graph = buildGraph(pending.map((p) => p.node));
  diagnostics.push(...graph.diagnostics);
  const events: TimelineEvent[] = pending
    .filter((p) => graph.nodes.get(p.id) === p.node)
    .map(({ node: _node, ...e }) => ({
      ...e,
      respondsTo: graph.respondsTo.get(e.id) ?? [],
      answeredBy: graph.answeredBy.get(e.id) ?? [],
      chain: graph.chain.get(e.id) ?? e.id,
    }))
    .sort((a, b) => (a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : a.id < b.id ? -1 : 1));
  return { events, diagnostics };
}
