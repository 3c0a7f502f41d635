// Shapes the dataset into what pages present: references with display names and URLs,
// and every long list cut into pages. Templates only loop over what this returns; none of
// them touches the whole corpus, and no page lists every other page.
// Each page kind is shaped in a module of its own (event-pages, article-pages, term-pages,
// timeline-pages) from the same references (term-refs); this puts them together.
import type { Lang } from "../model/types.ts";
import type { Dataset } from "../model/dataset.ts";
import { timelineRow } from "../timeline/rows.ts";
import { uniqueSorted } from "./lists.ts";
import { termRefs } from "./term-refs.ts";
import { shapeEvents } from "./event-pages.ts";
import { articleRow, shapeArticles } from "./article-pages.ts";
import { shapeTerms } from "./term-pages.ts";
import { timelinePages } from "./timeline-pages.ts";
import { overviewChart } from "../timeline/overview.ts";
import { homePage } from "./home-page.ts";
import type { ShapedTerms, SiteModel } from "./site-model.ts";

export function shapeSite(
  data: Dataset,
  uiLang: Lang,
  opts: { pathPrefix?: string } = {},
): SiteModel {
  const prefix = (opts.pathPrefix ?? "/").replace(/\/$/, "");
  const refs = termRefs(data, uiLang);
  const { events, actorEvents, eventsOfArticle, timelineUrlOf } = shapeEvents(data, uiLang, refs);
  const articles = shapeArticles(data, refs, eventsOfArticle);
  const terms = shapeTerms(data, refs, articles, actorEvents);

  const pages = timelinePages(events, timelineUrlOf);
  // A year on the overview leads to its heading on the timeline page that shows it.
  const yearPage = new Map(pages.yearNav.map((y) => [y.year, y.url]));
  const overview = overviewChart(events, { yearHref: (y) => (yearPage.has(y) ? `${yearPage.get(y)}#year-${y}` : undefined) });

  return {
    summary: data.summary,
    events,
    timeline: pages,
    actorEvents,
    timelineApi: data.events.map((e) => timelineRow(e, prefix)),
    searchFilters: searchFilters(data, terms, actorEvents),
    articles,
    ...terms,
    articlesApi: articles.map((a) => articleRow(a, prefix)),
    overview,
    home: homePage({ events, articles, browseTags: terms.browseTags, browseActors: terms.browseActors }),
  };
}

/** What the search page's filters offer: only values the index can be filtered by. */
function searchFilters(data: Dataset, { actors, tags }: ShapedTerms, actorEvents: SiteModel["actorEvents"]): SiteModel["searchFilters"] {
  return {
    jurisdictions: actors
      .filter((a) => a.kind === "jurisdiction" && (a.count > 0 || data.events.some((e) => e.jurisdiction === a.id.toUpperCase())))
      .map((a) => ({ id: a.id.toUpperCase(), label: a.label, url: a.url, ...(a.lang ? { lang: a.lang } : {}), ...(a.en ? { en: a.en } : {}) })),
    // The most mentioned first; a select of thousands helps nobody.
    actors: actors.filter((a) => a.registered && (a.count > 0 || actorEvents[a.id])).sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1)).slice(0, 200),
    tags: tags.filter((t) => t.registered && t.count > 0).sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1)).slice(0, 200),
    years: uniqueSorted([...data.articles.map((a) => a.date.day.slice(0, 4)), ...data.events.map((e) => e.date.start.slice(0, 4))]).reverse(),
  };
}
