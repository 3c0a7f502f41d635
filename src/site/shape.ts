// Shapes the dataset into what pages present: references with display names and URLs,
// and every long list cut into pages. Templates only loop over what this returns; none of
// them touches the whole corpus, and no page lists every other page.
import type { Actor, Lang, Names, Tag } from "../model/types.ts";
import type { Dataset, DatasetArticle } from "../ingest/dataset.ts";

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

  const articles: ArticleView[] = data.articles.map((a) => ({
    ...a,
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
