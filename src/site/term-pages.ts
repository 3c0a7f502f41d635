// The pages of tags and actors: one page (or a few) per term with a page of its own, listing
// its events and articles, and for a tag the tags found with it most; the index of terms,
// grouped by kind, each term once with its counts of events and articles, with the terms used
// once on pages of their own; and the home page's most used terms.
import type { OpenTerm } from "../model/types.ts";
import type { Actor, Tag } from "../model/registry.ts";
import type { Dataset } from "../model/dataset.ts";
import { chunk, uniqueSorted } from "./lists.ts";
import { englishOrder, sortByZhName } from "./collate.ts";
import { actorUrl, tagUrl, type TermRefs } from "./term-refs.ts";
import type { ArticleView, EventRef, ListPage, OnceEntry, ShapedTerms, SiteModel, TermIndexPage, TermRef, TermView } from "./site-model.ts";

/**
 * Entries per tag or actor page, in their short form (title, date, outlet): such lists run to
 * thousands of entries, and every page costs the render as much as its entries do. At 10,000
 * articles, 50 entries with summaries made 11,700 pages and 500 MB, a third of the site
 * (docs/performance.md); the summary is one click away, on the article.
 */
export const TERM_PAGE_SIZE = 100;
/**
 * Articles a term's pages list, the newest first; the older ones are a search away (the search
 * page filtered by the term, by date). A term most notes name (美国 in 9,000 of 10,000) would
 * otherwise have 90 pages, and such terms' pages were a sixth of a 10,000-note site.
 */
export const TERM_PAGE_MAX_ARTICLES = 1000;
/** Terms used once listed per index page (/tags/_once/, /actors/_once/2/ …). */
export const ONCE_INDEX_PAGE_SIZE = 500;
/** Where the index of terms used once starts: "_" is in no id, so no term's page is there. */
export const ONCE_INDEX_DIR = "_once";
/** Terms on the home page's "browse by" lists, the most used first. */
export const HOME_TERMS = 40;
/** Related tags a tag page names: the ones found with it in the most articles and events. */
export const RELATED_TAGS = 8;
/** Notes two tags must share to be related: one shared note is chance, not a relation. */
export const RELATED_MIN_SHARED = 2;

/** The order of the index's groups; kinds not named here come after, by name. */
export const TAG_KIND_ORDER = ["instrument", "policy", "technology", "material", "product", "topic", "unregistered"] as const;
export const ACTOR_KIND_ORDER = ["jurisdiction", "authority", "organization", "company", "person", "outlet", "unregistered"] as const;

/** The pages of a tag or actor index (see TermIndexPage). */
export function termIndex(base: string, withPage: TermView[], kindOrder: readonly string[], once: OnceEntry[], size = ONCE_INDEX_PAGE_SIZE): TermIndexPage[] {
  const rank = (k: string) => (kindOrder.includes(k) ? kindOrder.indexOf(k) : kindOrder.length);
  const kinds = uniqueSorted(withPage.map((t) => t.kind)).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  // Each group in the Chinese order (by pinyin), with each term's place in the English one for the client.
  const groups = kinds.map((kind) => {
    const terms = sortByZhName(withPage.filter((t) => t.kind === kind));
    return { kind, terms, enOrder: englishOrder(terms) };
  });
  const chunks = once.length ? chunk(once, size) : [];
  const urlOf = (n: number) => `${base}${ONCE_INDEX_DIR}/${n > 1 ? `${n}/` : ""}`;
  const oncePages = chunks.map((c, i) => ({ url: urlOf(i + 1), number: i + 1, first: c[0]!.label, last: c[c.length - 1]!.label }));
  const page = (over: Partial<TermIndexPage> & Pick<TermIndexPage, "url" | "onceNumber">): TermIndexPage => ({ groups: [], once: [], onceTotal: once.length, oncePages, ...over });
  return [
    page({ url: base, onceNumber: 0, groups }),
    ...chunks.map((c, i) =>
      page({
        url: urlOf(i + 1),
        onceNumber: i + 1,
        once: c,
        prevUrl: i > 0 ? urlOf(i) : base,
        ...(i + 1 < chunks.length ? { nextUrl: urlOf(i + 2) } : {}),
      }),
    ),
  ];
}

/** A term's pages of articles, `size` a page; past TERM_PAGE_MAX_ARTICLES, the last links the search for the older ones. */
function termPages(term: TermView, items: ArticleView[], size: number, filter: "tag" | "actor", id: string, first: Pick<ListPage<TermView>, "events" | "relatedTags"> = {}): Array<ListPage<TermView>> {
  const chunks = chunk(items.slice(0, TERM_PAGE_MAX_ARTICLES), size);
  const urlOf = (n: number) => (n === 1 ? term.url : `${term.url}${n}/`);
  const older = items.length - TERM_PAGE_MAX_ARTICLES;
  return chunks.map((c, i) => ({
    term,
    items: c,
    pageNumber: i + 1,
    pageCount: chunks.length,
    url: urlOf(i + 1),
    ...(i === 0 ? first : {}),
    ...(i > 0 ? { prevUrl: urlOf(i) } : {}),
    ...(i + 1 < chunks.length ? { nextUrl: urlOf(i + 2) } : {}),
    ...(i + 1 === chunks.length && older > 0 ? { older: { count: older, searchUrl: `/search/?type=article&${filter}=${encodeURIComponent(id)}&sort=date` } } : {}),
  }));
}

/** The tags and actors with a page, their indexes and their pages of events and articles. */
export function shapeTerms(data: Dataset, refs: TermRefs, articles: ArticleView[], actorEvents: SiteModel["actorEvents"]): ShapedTerms {
  const { actorById, tagById, openActorById, openTagById, tagHasPage, actorHasPage, termNamed, eventTags, eventRef } = refs;
  const byTag = new Map<string, ArticleView[]>();
  const byActor = new Map<string, ArticleView[]>();
  for (const a of articles) {
    for (const t of a.tags) (byTag.get(t) ?? byTag.set(t, []).get(t)!).push(a);
    for (const x of a.actors) (byActor.get(x) ?? byActor.set(x, []).get(x)!).push(a);
  }
  // A tag's events, the newest first, as its articles are.
  const newestFirst = [...data.events].sort((x, y) => (x.date.start < y.date.start ? 1 : x.date.start > y.date.start ? -1 : x.id < y.id ? -1 : 1));
  const eventsByTag = new Map<string, EventRef[]>();
  const tagsOfEvent = new Map<string, string[]>();
  for (const e of newestFirst) {
    const ids = eventTags(e);
    tagsOfEvent.set(e.id, ids);
    for (const t of ids) (eventsByTag.get(t) ?? eventsByTag.set(t, []).get(t)!).push(eventRef(e));
  }

  const termView = (id: string, url: string, count: number, events: number, registered: (Actor | Tag) | undefined, open: OpenTerm | undefined): TermView => ({
    id,
    ...termNamed(registered, open, id),
    url,
    names: registered?.names ?? {},
    // An open term's other spellings are its aliases.
    aliases: registered?.aliases ?? open?.names.slice(1) ?? [],
    kind: registered ? ("type" in registered ? registered.type : registered.kind) : open?.kind ?? "unregistered",
    count,
    events,
    registered: Boolean(registered),
    ...(registered && "jurisdiction" in registered && registered.jurisdiction ? { jurisdiction: registered.jurisdiction } : {}),
  });
  // A term used once leads to its one note: an article, or else an event.
  const onceEntry = (t: TermView, list: ArticleView[] | undefined, events: EventRef[] | undefined): OnceEntry => {
    const a = list?.[0];
    const e = events?.[0];
    const note = a ? { title: a.title, url: a.url, lang: a.lang } : { title: e!.label, url: e!.url, lang: e!.lang ?? "zh-Hans", ...(e!.en ? { en: e!.en } : {}) };
    return { id: t.id, label: t.label, ...(t.lang ? { lang: t.lang } : {}), ...(t.en ? { en: t.en } : {}), kind: t.kind, article: note };
  };

  const allTags = [...new Set([...data.tags.map((t) => t.id), ...byTag.keys(), ...eventsByTag.keys()])]
    .sort()
    .map((id) => termView(id, tagUrl(id), byTag.get(id)?.length ?? 0, eventsByTag.get(id)?.length ?? 0, tagById.get(id), openTagById.get(id)));
  const tags = allTags.filter((t) => tagHasPage(t.id));
  const tagsOnce = allTags.filter((t) => !tagHasPage(t.id)).map((t) => onceEntry(t, byTag.get(t.id), eventsByTag.get(t.id)));
  const allActors = [...new Set([...data.actors.map((a) => a.id), ...byActor.keys()])]
    .sort()
    .map((id) => termView(id, actorUrl(id), byActor.get(id)?.length ?? 0, actorEvents[id]?.length ?? 0, actorById.get(id), openActorById.get(id)));
  const actors = allActors.filter((a) => actorHasPage(a.id));
  const actorsOnce = allActors.filter((a) => !actorHasPage(a.id)).map((a) => onceEntry(a, byActor.get(a.id), undefined));
  const mostUsed = (terms: TermView[]) =>
    terms
      .filter((t) => t.count > 0)
      .sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1))
      .slice(0, HOME_TERMS)
      .sort((x, y) => (x.id < y.id ? -1 : 1));
  const related = relatedTags(byTag, eventsByTag, tagsOfEvent, tagHasPage, refs.tagRef);

  return {
    tags,
    actors,
    browseTags: mostUsed(tags),
    browseActors: mostUsed(actors),
    tagIndex: termIndex("/tags/", tags, TAG_KIND_ORDER, tagsOnce),
    actorIndex: termIndex("/actors/", actors, ACTOR_KIND_ORDER, actorsOnce),
    tagPages: tags.flatMap((t) =>
      termPages(t, byTag.get(t.id) ?? [], TERM_PAGE_SIZE, "tag", t.id, { events: (eventsByTag.get(t.id) ?? []).slice(0, TERM_PAGE_MAX_ARTICLES), relatedTags: related(t.id) }),
    ),
    actorPages: actors.flatMap((a) => termPages(a, byActor.get(a.id) ?? [], TERM_PAGE_SIZE, "actor", a.id)),
  };
}

/**
 * The tags found with a tag in the most of its notes (the articles and events its page lists),
 * at least RELATED_MIN_SHARED of them, at most RELATED_TAGS, each with a page; ties by id. Only the listed notes are read, so a tag
 * every note carries costs as much as its page does.
 */
export function relatedTags(
  byTag: Map<string, ArticleView[]>,
  eventsByTag: Map<string, EventRef[]>,
  tagsOfEvent: Map<string, string[]>,
  hasPage: (id: string) => boolean,
  refOf: (id: string) => TermRef,
): (id: string) => TermRef[] {
  return (id) => {
    const together = new Map<string, number>();
    const add = (ids: readonly string[]) => {
      for (const other of new Set(ids)) if (other !== id && hasPage(other)) together.set(other, (together.get(other) ?? 0) + 1);
    };
    for (const a of (byTag.get(id) ?? []).slice(0, TERM_PAGE_MAX_ARTICLES)) add(a.tags);
    for (const e of (eventsByTag.get(id) ?? []).slice(0, TERM_PAGE_MAX_ARTICLES)) add(tagsOfEvent.get(e.id) ?? []);
    return [...together]
      .filter(([, n]) => n >= RELATED_MIN_SHARED)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, RELATED_TAGS)
      .map(([other]) => refOf(other));
  };
}
