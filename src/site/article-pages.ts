// Articles as their pages show them: tags, actors and events as references, reading time,
// table of contents, and the reading aids (neighbours by date, related articles) computed once
// for the corpus. Also an article's row of the API export.
import type { Dataset } from "../model/dataset.ts";
import { readingMinutes } from "./i18n.ts";
import { neighboursByTime, relatedByTerms } from "./related.ts";
import { tableOfContents } from "./toc.ts";
import type { TermRefs } from "./term-refs.ts";
import type { ArticleLink, ArticleView, EventRef, TermRef } from "./site-model.ts";

export function shapeArticles(data: Dataset, refs: TermRefs, eventsOfArticle: Map<string, EventRef[]>): ArticleView[] {
  const { tagRef, typedActorRef } = refs;
  // Reading aids: neighbours by date and related articles, computed once for the corpus.
  const timed = data.articles.map((a) => ({
    key: a.slug,
    time: Date.parse(a.date.iso),
    terms: [...a.actors.map((id) => `actor:${id}`), ...a.tags.map((id) => `tag:${id}`)],
  }));
  const neighbours = neighboursByTime(timed);
  const related = relatedByTerms(timed);
  const linkTo = (i: number): ArticleLink => {
    const a = data.articles[i]!;
    return { slug: a.slug, title: a.title, url: a.url, lang: a.lang, date: a.date };
  };
  const termRef = (term: string): TermRef => (term.startsWith("actor:") ? typedActorRef(term.slice(6)) : tagRef(term.slice(4)));

  return data.articles.map((a, i) => {
    const { older, newer } = neighbours[i]!;
    return {
      ...a,
      eventRefs: eventsOfArticle.get(a.slug) ?? [],
      tagRefs: a.tags.map(tagRef),
      actorRefs: a.actors.map(typedActorRef),
      readingMinutes: readingMinutes(a.wordCount, a.lang),
      toc: tableOfContents(a.headings, a.wordCount, a.lang, a.title),
      ...(older !== undefined ? { older: linkTo(older) } : {}),
      ...(newer !== undefined ? { newer: linkTo(newer) } : {}),
      related: related[i]!.map((m) => ({ ...linkTo(m.index), shared: m.shared.slice(0, 3).map(termRef) })),
    };
  });
}

/** An article's row of /api/articles.json: its fields as plain values, its URL with the site's path prefix. */
export function articleRow(a: ArticleView, prefix: string): Record<string, unknown> {
  return {
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
  };
}
