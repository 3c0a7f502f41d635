// How pages name tags and actors: a display name in the interface language, and a link only
// when the term has a page of its own. Every page kind (article, event, term, index) takes its
// references from here, so a term is named and linked the same way everywhere.
import { memoize } from "../memo.ts";
import type { Lang, OpenTerm } from "../model/types.ts";
import type { Actor, Names, Tag } from "../model/registry.ts";
import type { Dataset } from "../model/dataset.ts";
import type { TimelineEvent } from "../model/event.ts";
import { named, type Named } from "../model/names.ts";
import { openIdentity, openTermId } from "../normalize/registry.ts";
import type { EventRef, Ref, TermRef } from "./site-model.ts";

/**
 * Articles a term needs to get a page of its own, unless it is registered. Vocabularies are
 * open and long-tailed: of 14,217 tags of a 9,180-note collection, 10,151 are used by one note,
 * and their pages, each listing that one note, were a fifth of the site. Such a term is plain
 * text on its article and a line of the index that leads to that article.
 */
export const TERM_PAGE_MIN_ARTICLES = 2;
/** The same threshold counts events too: a term two events name (counter-tariffs) is as much a subject. */
export const TERM_PAGE_MIN_NOTES = TERM_PAGE_MIN_ARTICLES;

export const tagUrl = (id: string) => `/tags/${id}/`;
export const actorUrl = (id: string) => `/actors/${id}/`;

export interface TermRefs {
  actorById: Map<string, Actor>;
  tagById: Map<string, Tag>;
  openActorById: Map<string, OpenTerm>;
  openTagById: Map<string, OpenTerm>;
  tagHasPage(id: string): boolean;
  actorHasPage(id: string): boolean;
  /** A registered term's name, else an open term's, else its id. */
  termNamed(registered: { names: Names } | undefined, open: OpenTerm | undefined, id: string): Named;
  /** An actor, always linked (events name their authority and jurisdiction so). */
  actorRef(id: string): Ref;
  /** An actor as an article names it, with its type. */
  typedActorRef(id: string): TermRef & { type: string };
  tagRef(id: string): TermRef;
  /** An event's item: a tag, linked when it has a page, else plain text. */
  tagLabel(item: string): Named & { url?: string };
  /** The tags an event carries: its items and the registered tags its text names. */
  eventTags(e: TimelineEvent): string[];
  /** An event as lists name it, in the interface language. */
  eventRef(e: TimelineEvent): EventRef;
}

/** The references of one shaping of the dataset. */
export function termRefs(data: Dataset, uiLang: Lang): TermRefs {
  const actorById = new Map<string, Actor>(data.actors.map((a) => [a.id, a]));
  const tagById = new Map<string, Tag>(data.tags.map((t) => [t.id, t]));
  // One object per actor or tag, shared by every page that names it: an article of a long
  // note names a hundred, and 10,000 articles made a million copies (shaping is done in every
  // render slice). Templates only read these.
  const openActorById = new Map<string, OpenTerm>((data.openActors ?? []).map((t) => [t.id, t]));
  const openTagById = new Map<string, OpenTerm>((data.openTags ?? []).map((t) => [t.id, t]));
  // An event's items are tag names as written; those no registry entry has (counter-tariffs,
  // section 301) are open tags like an article's, settled to one id per spelling (openIdentity)
  // and merged with an article's open tag of that spelling.
  const itemTagId = new Map<string, string>();
  const openByIdentity = new Map<string, string>();
  for (const t of openTagById.values()) for (const n of t.names) openByIdentity.set(openIdentity(n), t.id);
  for (const e of data.events) {
    for (const item of e.items) {
      if (tagById.has(item) || itemTagId.has(item)) continue;
      const identity = openIdentity(item);
      let id = openByIdentity.get(identity);
      if (!id) {
        id = openTermId(item, "tag", (x) => tagById.has(x) || openTagById.has(x));
        openByIdentity.set(identity, id);
        openTagById.set(id, { id, names: [item], kind: "unregistered", count: 0 });
      } else {
        const t = openTagById.get(id)!;
        if (!t.names.includes(item) && t.count === 0) openTagById.set(id, { ...t, names: [...t.names, item] });
      }
      itemTagId.set(item, id);
    }
  }
  const eventTags = memoize((e: TimelineEvent): string[] => [...new Set([...e.items.map((i) => itemTagId.get(i) ?? i), ...e.mentions.tags])], (e) => e.id);
  const tagCount = new Map<string, number>();
  const actorCount = new Map<string, number>();
  for (const a of data.articles) {
    for (const t of a.tags) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
    for (const x of a.actors) actorCount.set(x, (actorCount.get(x) ?? 0) + 1);
  }
  for (const e of data.events) for (const t of eventTags(e)) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
  const tagHasPage = (id: string) => tagById.has(id) || (tagCount.get(id) ?? 0) >= TERM_PAGE_MIN_NOTES;
  const actorHasPage = (id: string) => actorById.has(id) || (actorCount.get(id) ?? 0) >= TERM_PAGE_MIN_ARTICLES;
  const termNamed = (registered: { names: Names } | undefined, open: OpenTerm | undefined, id: string): Named =>
    registered ? named(registered.names, uiLang, id) : open ? openNamed(open) : { label: id };
  const actorRef = memoize((id: string): Ref => ({ id, ...termNamed(actorById.get(id), openActorById.get(id), id), url: actorUrl(id) }), String);
  // A term without a page is named, not linked (TERM_PAGE_MIN_ARTICLES).
  const typedActorRef = memoize((id: string): TermRef & { type: string } => {
    const { url, ...name } = actorRef(id);
    const type = actorById.get(id)?.type ?? openActorById.get(id)?.kind ?? "unregistered";
    return { ...name, ...(actorHasPage(id) ? { url } : {}), type };
  }, String);
  const tagRef = memoize(
    (id: string): TermRef => ({ id, ...termNamed(tagById.get(id), openTagById.get(id), id), ...(tagHasPage(id) ? { url: tagUrl(id) } : {}) }),
    String,
  );
  const tagLabel = (item: string): Named & { url?: string } => {
    const t = tagById.get(item);
    if (t) return { ...named(t.names, uiLang, item), url: tagUrl(item) };
    const id = itemTagId.get(item);
    // Named as the event writes it, linked when the open tag has a page.
    return { label: item, ...(/\p{Script=Han}/u.test(item) ? {} : { lang: "en" as const }), ...(id && tagHasPage(id) ? { url: tagUrl(id) } : {}) };
  };
  const eventRef = (e: TimelineEvent): EventRef => ({ id: e.id, ...named({ "zh-Hans": e.title["zh-Hans"], en: e.title.en }, uiLang, e.id), url: e.url, date: e.date, kind: e.kind, side: e.side });
  return { actorById, tagById, openActorById, openTagById, tagHasPage, actorHasPage, termNamed, actorRef, typedActorRef, tagRef, tagLabel, eventTags, eventRef };
}

const HAN = /\p{Script=Han}/u;

/** An open term's name: the spelling most used; a Latin one is marked English. */
function openNamed(t: OpenTerm): Named {
  const label = t.names[0] ?? t.id;
  return HAN.test(label) ? { label } : { label, lang: "en" };
}
