// How pages name tags and actors: a display name in the interface language, and a link only
// when the term has a page of its own. Every page kind (article, event, term, index) takes its
// references from here, so a term is named and linked the same way everywhere.
import { memoize } from "../memo.ts";
import type { Lang, OpenTerm } from "../model/types.ts";
import type { Actor, Names, Tag } from "../model/registry.ts";
import type { Dataset } from "../model/dataset.ts";
import { named, type Named } from "../model/names.ts";
import type { Ref, TermRef } from "./site-model.ts";

/**
 * Articles a term needs to get a page of its own, unless it is registered. Vocabularies are
 * open and long-tailed: of 14,217 tags of a 9,180-note collection, 10,151 are used by one note,
 * and their pages, each listing that one note, were a fifth of the site. Such a term is plain
 * text on its article and a line of the index that leads to that article.
 */
export const TERM_PAGE_MIN_ARTICLES = 2;

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
  /** A registered tag linked, any other as plain text (an event's items). */
  tagLabel(id: string): Named & { url?: string };
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
  const tagCount = new Map<string, number>();
  const actorCount = new Map<string, number>();
  for (const a of data.articles) {
    for (const t of a.tags) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
    for (const x of a.actors) actorCount.set(x, (actorCount.get(x) ?? 0) + 1);
  }
  const tagHasPage = (id: string) => tagById.has(id) || (tagCount.get(id) ?? 0) >= TERM_PAGE_MIN_ARTICLES;
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
  const tagLabel = (id: string): Named & { url?: string } => {
    const t = tagById.get(id);
    return t ? { ...named(t.names, uiLang, id), url: tagUrl(id) } : { label: id };
  };
  return { actorById, tagById, openActorById, openTagById, tagHasPage, actorHasPage, termNamed, actorRef, typedActorRef, tagRef, tagLabel };
}

const HAN = /\p{Script=Han}/u;

/** An open term's name: the spelling most used; a Latin one is marked English. */
function openNamed(t: OpenTerm): Named {
  const label = t.names[0] ?? t.id;
  return HAN.test(label) ? { label } : { label, lang: "en" };
}
