// Shapes the dataset into what pages present: references with display names and URLs,
// and every long list cut into pages. Templates only loop over what this returns; none of
// them touches the whole corpus, and no page lists every other page.
import type { Actor, Lang, Names, Tag } from "../model/types.ts";
import type { Dataset, DatasetArticle } from "../ingest/dataset.ts";
import type { EventLink, TimelineEvent } from "../model/event.ts";
import { layoutTimeline, type TimelineLayout } from "../timeline/layout.ts";

export const LIST_PAGE_SIZE = 50;
export const HOME_LATEST = 20;

export interface Ref {
  id: string;
  label: string;
  url: string;
}

export interface ArticleView extends DatasetArticle {
  tagRefs: Ref[];
  actorRefs: Array<Ref & { type: string }>;
  /** Events this article is a source of. */
  eventRefs: EventRef[];
}

export interface EventRef extends Ref {
  date: TimelineEvent["date"];
  kind: TimelineEvent["kind"];
}

export interface LinkView extends EventLink, Ref {
  date: TimelineEvent["date"];
}

export interface EventView extends TimelineEvent {
  label: string;
  authorityRef: Ref;
  jurisdictionRef: Ref;
  itemRefs: Array<{ label: string; url?: string }>;
  targetRefs: Array<{ label: string; url?: string }>;
  respondsToRefs: LinkView[];
  answeredByRefs: LinkView[];
  /** Every event of its escalation chain, oldest first (this one included). */
  chainRefs: EventRef[];
}

export interface TermView extends Ref {
  /** All names and aliases, for the term's own page. */
  names: Names;
  aliases: string[];
  kind: string;
  count: number;
  registered: boolean;
  jurisdiction?: string;
}

export interface ListPage<T> {
  term: T;
  items: ArticleView[];
  pageNumber: number;
  pageCount: number;
  url: string;
  prevUrl?: string;
  nextUrl?: string;
}

export interface SiteModel {
  summary: Dataset["summary"];
  events: EventView[];
  timeline: TimelineLayout<EventView> & {
    filters: { domains: string[]; jurisdictions: string[]; kinds: string[] };
  };
  /** Events an actor issued or was targeted by. */
  actorEvents: Record<string, Array<EventRef & { role: "issued" | "targeted" }>>;
  timelineApi: Array<Record<string, unknown>>;
  /** Options of the search page's filters: what the index can be filtered by. */
  searchFilters: { jurisdictions: Ref[]; actors: Ref[]; tags: Ref[]; years: string[] };
  articles: ArticleView[];
  latest: ArticleView[];
  tags: TermView[];
  actors: TermView[];
  tagPages: Array<ListPage<TermView>>;
  actorPages: Array<ListPage<TermView>>;
  /** The API export: one plain object per published article. */
  articlesApi: Array<Record<string, unknown>>;
}

/** The name to show: the wanted language, then the other Chinese script, then English. */
export function displayName(names: Names, lang: Lang, fallback: string): string {
  const order: Lang[] = lang === "en" ? ["en", "zh-Hans", "zh-Hant"] : lang === "zh-Hant" ? ["zh-Hant", "zh-Hans", "en"] : ["zh-Hans", "zh-Hant", "en"];
  for (const l of order) if (names[l]) return names[l]!;
  return fallback;
}

export function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function pagesFor(term: TermView, items: ArticleView[], size: number): Array<ListPage<TermView>> {
  const chunks = chunk(items, size);
  const urlOf = (n: number) => (n === 1 ? term.url : `${term.url}${n}/`);
  return chunks.map((c, i) => ({
    term,
    items: c,
    pageNumber: i + 1,
    pageCount: chunks.length,
    url: urlOf(i + 1),
    ...(i > 0 ? { prevUrl: urlOf(i) } : {}),
    ...(i + 1 < chunks.length ? { nextUrl: urlOf(i + 2) } : {}),
  }));
}

export function shapeSite(
  data: Dataset,
  uiLang: Lang,
  opts: { pageSize?: number; pathPrefix?: string } = {},
): SiteModel {
  const pageSize = opts.pageSize ?? LIST_PAGE_SIZE;
  const prefix = (opts.pathPrefix ?? "/").replace(/\/$/, "");
  const actorById = new Map<string, Actor>(data.actors.map((a) => [a.id, a]));
  const tagById = new Map<string, Tag>(data.tags.map((t) => [t.id, t]));
  const tagUrl = (id: string) => `/tags/${id}/`;
  const actorUrl = (id: string) => `/actors/${id}/`;

  const eventLabel = (e: TimelineEvent) => (uiLang === "en" ? e.title.en : e.title["zh-Hans"]);
  const eventRef = (e: TimelineEvent): EventRef => ({ id: e.id, label: eventLabel(e), url: e.url, date: e.date, kind: e.kind });
  const eventById = new Map(data.events.map((e) => [e.id, e]));
  const eventsOfArticle = new Map<string, EventRef[]>();
  for (const e of data.events) for (const slug of e.articles) (eventsOfArticle.get(slug) ?? eventsOfArticle.set(slug, []).get(slug)!).push(eventRef(e));
  const actorRef = (id: string): Ref => {
    const act = actorById.get(id);
    return { id, label: act ? displayName(act.names, uiLang, id) : id, url: actorUrl(id) };
  };
  const tagLabel = (id: string): { label: string; url?: string } => {
    const t = tagById.get(id);
    return t ? { label: displayName(t.names, uiLang, id), url: tagUrl(id) } : { label: id };
  };
  const linkView = (l: EventLink): LinkView => {
    const other = eventById.get(l.id)!;
    return { ...l, label: eventLabel(other), url: other.url, date: other.date };
  };
  const chainMembers = new Map<string, EventRef[]>();
  for (const e of data.events) (chainMembers.get(e.chain) ?? chainMembers.set(e.chain, []).get(e.chain)!).push(eventRef(e));
  const events: EventView[] = data.events.map((e) => ({
    ...e,
    label: eventLabel(e),
    authorityRef: actorRef(e.authority),
    jurisdictionRef: actorRef(e.jurisdiction.toLowerCase()),
    itemRefs: e.items.map(tagLabel),
    targetRefs: e.targets.map((t) => (actorById.has(t) ? actorRef(t) : { label: t })),
    respondsToRefs: e.respondsTo.map(linkView),
    answeredByRefs: e.answeredBy.map(linkView),
    chainRefs: chainMembers.get(e.chain) ?? [],
  }));
  const actorEvents: SiteModel["actorEvents"] = {};
  for (const e of data.events) {
    (actorEvents[e.authority] ??= []).push({ ...eventRef(e), role: "issued" });
    for (const t of new Set(e.targets)) if (actorById.has(t)) (actorEvents[t] ??= []).push({ ...eventRef(e), role: "targeted" });
  }
  const uniqueSorted = (xs: string[]) => [...new Set(xs)].sort();

  const articles: ArticleView[] = data.articles.map((a) => ({
    ...a,
    eventRefs: eventsOfArticle.get(a.slug) ?? [],
    tagRefs: a.tags.map((id) => {
      const t = tagById.get(id);
      return { id, label: t ? displayName(t.names, uiLang, id) : id, url: tagUrl(id) };
    }),
    actorRefs: a.actors.map((id) => {
      const act = actorById.get(id);
      return { id, label: act ? displayName(act.names, uiLang, id) : id, url: actorUrl(id), type: act?.type ?? "unregistered" };
    }),
  }));

  const byTag = new Map<string, ArticleView[]>();
  const byActor = new Map<string, ArticleView[]>();
  for (const a of articles) {
    for (const t of a.tags) (byTag.get(t) ?? byTag.set(t, []).get(t)!).push(a);
    for (const x of a.actors) (byActor.get(x) ?? byActor.set(x, []).get(x)!).push(a);
  }

  const tagIds = new Set([...data.tags.map((t) => t.id), ...byTag.keys()]);
  const tags: TermView[] = [...tagIds].sort().map((id) => {
    const t = tagById.get(id);
    return {
      id,
      label: t ? displayName(t.names, uiLang, id) : id,
      url: tagUrl(id),
      names: t?.names ?? {},
      aliases: t?.aliases ?? [],
      kind: t?.kind ?? "unregistered",
      count: byTag.get(id)?.length ?? 0,
      registered: Boolean(t),
    };
  });
  const actorIds = new Set([...data.actors.map((a) => a.id), ...byActor.keys()]);
  const actors: TermView[] = [...actorIds].sort().map((id) => {
    const a = actorById.get(id);
    return {
      id,
      label: a ? displayName(a.names, uiLang, id) : id,
      url: actorUrl(id),
      names: a?.names ?? {},
      aliases: a?.aliases ?? [],
      kind: a?.type ?? "unregistered",
      count: byActor.get(id)?.length ?? 0,
      registered: Boolean(a),
      ...(a?.jurisdiction ? { jurisdiction: a.jurisdiction } : {}),
    };
  });

  return {
    summary: data.summary,
    events,
    timeline: {
      ...layoutTimeline(events),
      filters: {
        domains: uniqueSorted(data.events.flatMap((e) => e.domain)),
        jurisdictions: uniqueSorted(data.events.map((e) => e.jurisdiction)),
        kinds: uniqueSorted(data.events.map((e) => e.kind)),
      },
    },
    actorEvents,
    timelineApi: data.events.map((e) => timelineRow(e, prefix)),
    searchFilters: {
      jurisdictions: actors
        .filter((a) => a.kind === "jurisdiction" && (a.count > 0 || data.events.some((e) => e.jurisdiction === a.id.toUpperCase())))
        .map((a) => ({ id: a.id.toUpperCase(), label: a.label, url: a.url })),
      // The most mentioned first; a select of thousands helps nobody.
      actors: actors.filter((a) => a.registered && (a.count > 0 || actorEvents[a.id])).sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1)).slice(0, 200),
      tags: tags.filter((t) => t.registered && t.count > 0).sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1)).slice(0, 200),
      years: uniqueSorted([...data.articles.map((a) => a.date.day.slice(0, 4)), ...data.events.map((e) => e.date.start.slice(0, 4))]).reverse(),
    },
    articles,
    latest: articles.slice(0, HOME_LATEST),
    tags,
    actors,
    tagPages: tags.flatMap((t) => pagesFor(t, byTag.get(t.id) ?? [], pageSize)),
    actorPages: actors.flatMap((a) => pagesFor(a, byActor.get(a.id) ?? [], pageSize)),
    articlesApi: articles.map((a) => ({
      slug: a.slug,
      url: `${prefix}${a.url}`,
      title: a.title,
      date: a.date.iso,
      day: a.date.day,
      source: a.source ?? null,
      outlet: a.outlet ?? null,
      author: a.author ?? null,
      lang: a.lang,
      summary: a.summary ?? null,
      tags: a.tags,
      actors: a.actors,
      draft: a.draft,
    })),
  };
}

/** One row of timeline.json and timeline.csv: every field of the event, links by id. */
export function timelineRow(e: TimelineEvent, prefix = ""): Record<string, unknown> {
  return {
    id: e.id,
    url: `${prefix}${e.url}`,
    title_zh_hans: e.title["zh-Hans"],
    title_en: e.title.en,
    announced: e.dates.announced?.value ?? null,
    published: e.dates.published?.value ?? null,
    effective: e.dates.effective?.value ?? null,
    ended: e.dates.ended?.value ?? null,
    suspended: e.dates.suspended?.value ?? null,
    date_notes: e.dateNotes ?? null,
    jurisdiction: e.jurisdiction,
    side: e.side,
    authority: e.authority,
    kind: e.kind,
    instrument: e.instrument?.id ?? null,
    instrument_url: e.instrument?.url ?? null,
    domain: e.domain,
    items: e.items,
    targets: e.targets,
    responds_to: e.respondsTo.map((l) => ({ id: l.id, basis: l.basis, by: l.by ?? null, lag_days: l.lagDays, lag_approx: l.lagApprox })),
    answered_by: e.answeredBy.map((l) => ({ id: l.id, basis: l.basis, by: l.by ?? null, lag_days: l.lagDays, lag_approx: l.lagApprox })),
    chain: e.chain,
    sources: e.sources.map((s) => (s.type === "article" ? `${prefix}${s.url}` : s.url)),
  };
}
