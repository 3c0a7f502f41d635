// content/events/*.md → TimelineEvent[]: validated, dates parsed, names resolved, sources
// checked against the articles, and the measure → countermeasure graph computed.
import { reporterFor, type Diagnostic } from "../model/diagnostics.ts";
import { copiedEventFields, eventFrontMatter, DATE_ROLES, type EventDate, type EventSource, type TimelineEvent } from "../model/event.ts";
import { parseContentFile } from "../content/frontmatter.ts";
import { renderMarkdown } from "../render/markdown.ts";
import { parseEventDate } from "../timeline/dates.ts";
import { buildGraph, type GraphNode } from "../timeline/graph.ts";
import { sideOf } from "../timeline/sides.ts";
import { eventStatus } from "../timeline/status.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface ArticleRef {
  slug: string;
  title: string;
  url: string;
  /** False for a draft left out of this build: the event still validates, the link is not shown. */
  published: boolean;
}

type Pending = Omit<TimelineEvent, "respondsTo" | "answeredBy" | "chain"> & { node: GraphNode };

/** An article source as the file names it, resolved by linkEvents once every article is known. */
interface CitedArticle {
  type: "cited";
  article: string;
  note?: string;
  /** Its index in `sources:`, for the field named in an error. */
  index: number;
  line?: number;
}

/** An event as its file alone defines it: everything but its article sources and its links. */
export type UnlinkedEvent = Omit<Pending, "sources"> & { sources: (EventSource | CitedArticle)[] };

/**
 * One event file, parsed and checked on its own: the part of an event's ingest that needs no
 * other file, so that ingest worker threads can do it (src/build/ingest-pool.ts). Without `event` the file had
 * errors and is left out.
 */
export interface ParsedEvent {
  file: string;
  diagnostics: Diagnostic[];
  event?: UnlinkedEvent;
}

export function parseEvent(file: string, raw: string, vocab: Vocabulary): ParsedEvent {
  const diagnostics: Diagnostic[] = [];
  const { err, warn } = reporterFor(file, diagnostics);
  const done = (event?: UnlinkedEvent): ParsedEvent => ({ file, diagnostics, ...(event && !diagnostics.some((d) => d.severity === "error") ? { event } : {}) });

  if (raw.trim() === "") {
    err("the file is empty");
    return done();
  }
  const parsed = parseContentFile(raw);
  for (const p of parsed.problems) diagnostics.push({ file, ...p });
  if (parsed.problems.some((p) => p.severity === "error")) return done();
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
    return done();
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
  const coAuthorities = fm.co_authorities.map((a, i) => {
    const resolved = vocab.resolveActor(a);
    if (!resolved) err(`co-authority "${a}" is not in the actor registry`, `co_authorities.${i}`, parsed.lineOf(`co_authorities.${i}`));
    return resolved ?? a;
  });
  if (!vocab.resolveActor(fm.jurisdiction.toLowerCase())) {
    warn(`jurisdiction "${fm.jurisdiction}" is not a jurisdiction in the actor registry`, "jurisdiction", parsed.lineOf("jurisdiction"));
  }
  // A target the registry does not know (a company listed once) is kept as its name, as an
  // article's open names are: no problem to report.
  const targets = fm.targets.map((t) => vocab.resolveActor(t) ?? t);
  const items = fm.items.map((it) => vocab.resolveTag(it) ?? it);

  const sources = fm.sources.map((s, i): EventSource | CitedArticle => {
    if ("article" in s) {
      const line = parsed.lineOf(`sources.${i}.article`);
      return { type: "cited", article: s.article, index: i, ...(s.note ? { note: s.note } : {}), ...(line ? { line } : {}) };
    }
    return { type: "url", url: s.url, ...(s.title ? { title: s.title } : {}), ...(s.note ? { note: s.note } : {}) };
  });
  if (fm.sources.length === 0) err("an event needs at least one source: an article in content/ or an official URL", "sources", parsed.lineOf("sources") ?? 1);

  if (diagnostics.some((d) => d.severity === "error") || !dates.announced || !authority) return done();

  const rendered = renderMarkdown(parsed.body);
  for (const r of rendered.removed) {
    warn(`removed from the page for safety: ${r.what}`, "body", parsed.bodyLine + r.line - 1);
  }
  return done({
    id,
    url: `/events/${id}/`,
    file,
    // title, jurisdiction, kind, instrument, domain and any plain field the schema adds.
    ...copiedEventFields(fm),
    dates,
    date: dates.announced,
    ...(fm.date_notes ? { dateNotes: fm.date_notes } : {}),
    side: sideOf(fm.jurisdiction),
    authority,
    coAuthorities,
    items,
    targets,
    sources,
    // Filled in by linkEvents, here so that the fields keep their order.
    articles: [],
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

/**
 * The events of a run, their article sources resolved against `articles` and the measure →
 * countermeasure graph computed: an event citing an article that is not there is left out.
 */
export function linkEvents(parsed: ParsedEvent[], articles: Map<string, ArticleRef>, asOf: string): { events: TimelineEvent[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const pending: Pending[] = [];
  for (const { file, diagnostics: own, event } of parsed) {
    diagnostics.push(...own);
    if (!event) continue;
    let missing = false;
    const sources = event.sources.flatMap((s): EventSource[] => {
      if (s.type !== "cited") return [s];
      const ref = articles.get(s.article.replace(/\.(md|markdown)$/i, "").replace(/^.*\//, ""));
      if (!ref) {
        missing = true;
        diagnostics.push({ severity: "error", file, message: `source article "${s.article}" is not in the content folder`, field: `sources.${s.index}.article`, ...(s.line ? { line: s.line } : {}) });
        return [];
      }
      return ref.published ? [{ type: "article", slug: ref.slug, title: ref.title, url: ref.url, ...(s.note ? { note: s.note } : {}) }] : [];
    });
    if (missing) continue;
    pending.push({ ...event, sources, articles: sources.flatMap((s) => (s.type === "article" ? [s.slug] : [])) });
  }
  const graph = buildGraph(pending.map((p) => p.node));
  diagnostics.push(...graph.diagnostics);
  const linked = pending
    .filter((p) => graph.nodes.get(p.id) === p.node)
    .map(({ node: _node, ...e }) => ({
      ...e,
      respondsTo: graph.respondsTo.get(e.id) ?? [],
      answeredBy: graph.answeredBy.get(e.id) ?? [],
      chain: graph.chain.get(e.id) ?? e.id,
    }));
  const byId = new Map(linked.map((e) => [e.id, e]));
  const events: TimelineEvent[] = linked
    .map((e) => {
      const status = eventStatus(e, byId, asOf);
      return status ? { ...e, status } : e;
    })
    .sort((a, b) => (a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : a.id < b.id ? -1 : 1));
  return { events, diagnostics };
}

/**
 * The events without the articles they cite, for tools that read the events alone
 * (npm run events:suggest): cited articles are left out of their sources instead of leaving
 * the event out.
 */
export function linkEventsAlone(parsed: ParsedEvent[], asOf: string): TimelineEvent[] {
  return linkEvents(parsed.map(withoutCitedSources), new Map(), asOf).events;
}

/** An event with only the sources it names by URL: the articles it cites are not at hand. */
export function withoutCitedSources(p: ParsedEvent): ParsedEvent {
  return p.event ? { ...p, event: { ...p.event, sources: p.event.sources.filter((s) => s.type !== "cited") } } : p;
}
