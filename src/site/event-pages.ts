// Events as their pages, the timeline and the pages that list them show them: names in the
// interface language, the authority, jurisdiction, items and targets as references, the links
// between events as cards to jump to, and each event's escalation chain.
import { parseEventDate } from "../timeline/dates.ts";
import { lagPhrase } from "../timeline/lag.ts";
import type { Lang } from "../model/types.ts";
import type { Dataset } from "../model/dataset.ts";
import type { EventLink, TimelineEvent } from "../model/event.ts";
import { named, type Named } from "../model/names.ts";
import { markParagraphLangs } from "./i18n.ts";
import type { TermRefs } from "./term-refs.ts";
import { timelinePageOf } from "./timeline-pages.ts";
import type { DiscussionRef, EventRef, EventView, LinkView, SiteModel } from "./site-model.ts";

export interface ShapedEvents {
  events: EventView[];
  actorEvents: SiteModel["actorEvents"];
  /** The events each article (by slug) is a source of or reports (ingest found them in its text), oldest first. */
  eventsOfArticle: Map<string, EventRef[]>;
  /** The timeline page that shows an event. */
  timelineUrlOf: (e: TimelineEvent) => string;
}

export function shapeEvents(data: Dataset, uiLang: Lang, refs: TermRefs): ShapedEvents {
  const { actorById, actorRef, tagLabel, eventRef } = refs;
  const eventLabel = (e: TimelineEvent) => (uiLang === "en" ? e.title.en : e.title["zh-Hans"]);
  const eventNamed = (e: TimelineEvent): Named => named({ "zh-Hans": e.title["zh-Hans"], en: e.title.en }, uiLang, e.id);
  const eventById = new Map(data.events.map((e) => [e.id, e]));
  const eventsOfArticle = new Map<string, EventRef[]>();
  const addToArticle = (slug: string, ref: EventRef) => (eventsOfArticle.get(slug) ?? eventsOfArticle.set(slug, []).get(slug)!).push(ref);
  for (const e of data.events) for (const slug of e.articles) addToArticle(slug, eventRef(e));
  // What ingest found in the articles' text, apart from the sources events cite.
  const discussedIn = new Map<string, DiscussionRef[]>();
  for (const a of data.articles) {
    for (const found of a.events ?? []) {
      const e = eventById.get(found.event);
      if (!e || e.articles.includes(a.slug)) continue;
      addToArticle(a.slug, { ...eventRef(e), named: found.named });
      (discussedIn.get(e.id) ?? discussedIn.set(e.id, []).get(e.id)!).push({ slug: a.slug, title: a.title, url: a.url, lang: a.lang, date: a.date, named: found.named });
    }
  }
  for (const refs of eventsOfArticle.values()) refs.sort((x, y) => (x.date.start < y.date.start ? -1 : x.date.start > y.date.start ? 1 : 0));
  const timelineUrlOf = timelinePageOf(data.events);
  // `side`: whether the other event is the earlier one (what `from` answers) or the later (an answer to it).
  const linkView = (from: TimelineEvent, side: "earlier" | "later") => (l: EventLink): LinkView => {
    const other = eventById.get(l.id)!;
    const page = timelineUrlOf(other);
    return { ...l, ...eventNamed(other), url: other.url, date: other.date, lag: lagPhrase(l.lagDays, l.lagApprox, side), timelineHref: page === timelineUrlOf(from) ? `#${other.id}` : `${page}#${other.id}` };
  };
  // Its dates as the pages write dates, and the event that set it.
  const statusView = (st: NonNullable<TimelineEvent["status"]>): NonNullable<EventView["statusView"]> => {
    const by = st.by ? eventById.get(st.by) : undefined;
    const day = (v?: string) => (v ? parseEventDate(v) : undefined);
    const since = day(st.since);
    const until = day(st.until);
    return { ...st, ...(since && !("error" in since) ? { sinceDate: since } : {}), ...(until && !("error" in until) ? { untilDate: until } : {}), ...(by ? { byRef: eventRef(by) } : {}) };
  };
  const chainMembers = new Map<string, EventRef[]>();
  for (const e of data.events) (chainMembers.get(e.chain) ?? chainMembers.set(e.chain, []).get(e.chain)!).push(eventRef(e));
  const events: EventView[] = data.events.map((e) => ({
    ...e,
    // Event notes mix English and Chinese paragraphs.
    html: markParagraphLangs(e.html, "zh-Hans"),
    label: eventLabel(e),
    authorityRef: actorRef(e.authority),
    coAuthorityRefs: e.coAuthorities.map((a) => (actorById.has(a) ? actorRef(a) : { label: a })),
    ...(e.status ? { statusView: statusView(e.status) } : {}),
    jurisdictionRef: actorRef(e.jurisdiction.toLowerCase()),
    itemRefs: e.items.map(tagLabel),
    targetRefs: e.targets.map((t) => (actorById.has(t) ? actorRef(t) : { label: t })),
    respondsToRefs: e.respondsTo.map(linkView(e, "earlier")),
    answeredByRefs: e.answeredBy.map(linkView(e, "later")),
    chainRefs: chainMembers.get(e.chain) ?? [],
    // data.articles is the newest first.
    discussedIn: discussedIn.get(e.id) ?? [],
    articleCount: e.articles.length + (discussedIn.get(e.id)?.length ?? 0),
    timelineUrl: `${timelineUrlOf(e)}#${e.id}`,
  }));
  const actorEvents: SiteModel["actorEvents"] = {};
  for (const e of data.events) {
    (actorEvents[e.authority] ??= []).push({ ...eventRef(e), role: "issued" });
    for (const t of new Set(e.targets)) if (actorById.has(t)) (actorEvents[t] ??= []).push({ ...eventRef(e), role: "targeted" });
  }
  return { events, actorEvents, eventsOfArticle, timelineUrlOf };
}
