// The Eleventy side of the house: wiring only. Data comes shaped from src/site/shape.ts,
// strings and dates from src/site/i18n.ts; nothing here knows about articles' content.
import { readFileSync } from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { loadConfig, ROOT } from "../config.ts";
import { TIMELINE_COLUMNS } from "../model/event-fields.ts";
import { timelineDataPackage } from "../timeline/datapackage.ts";
import { bodyFile, DIAGNOSTICS_FILE } from "../model/dataset.ts";
import { shapedSite } from "./site-data.ts";
import nunjucksCompiledOnce from "./nunjucks-once.ts";
import { t, formatDate, formatEventDate, readingMinutes, DEFAULT_UI_LANG, type UiLang } from "./i18n.ts";
import { toCsv } from "../timeline/csv.ts";
import { bilingualAttr, bilingualDate, bilingualEventDate, bilingualName, bilingualText, englishOf, langOf, nameAttrs } from "./i18n.ts";
import { bodyMarker, pageBody } from "./bodies.ts";
import { ATTACHMENTS_DIR } from "../model/site-config.ts";
import { pagedData, renderedTemplates } from "./views.ts";
import { REBUILD_STAMP } from "./eleventy.ts";
import type { Named } from "../model/names.ts";
import { devBanner, injectAfterBody } from "./dev-banner.ts";
import type { Diagnostic } from "../model/diagnostics.ts";
import type { Lang, NormalizedDate } from "../model/types.ts";
import type { ArticleView, EventView, TermView, ListPage } from "./site-model.ts";
import { absoluteUrl } from "./site-url.ts";
import { articleEntries, atomFeed, eventEntries, feedLinks, jsonFeed, pageMeta, sitemapPaths, sitemapXml, FAVICON_PATH, FEED_PATHS, type FeedInfo, type SitemapSource } from "./feeds.ts";

/** A site path under the path prefix; absolute URLs and fragments pass through. */
export function withPrefix(u: string, prefix: string): string {
  if (!u.startsWith("/") || u.startsWith("//")) return u;
  return `${prefix.replace(/\/$/, "")}${u}`;
}

/** The project's version: the data package's too. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

export default function kbSite(eleventyConfig: UserConfig): void {
  const kb = loadConfig();
  eleventyConfig.addPlugin(nunjucksCompiledOnce, {
    itemPartials: [
      { shortcode: "articleItem", partial: "partials/article-item.njk", as: "a" },
      { shortcode: "articleLine", partial: "partials/article-item.njk", as: "a", with: { short: true } },
    ],
  });

  eleventyConfig.addGlobalData("kb", async () => {
    const site = await shapedSite(kb.dataDir, kb.pathPrefix);
    const announced = site.events.map((e) => e.date.value);
    const dataPackage = timelineDataPackage(TIMELINE_COLUMNS, { home: kb.siteUrl, version: PACKAGE_VERSION, events: site.events.length, ...(announced.length ? { first: announced[0]!, last: announced[announced.length - 1]! } : {}) });
    return { ...site, paged: pagedData(site, kb.renderSlice, kb.renderOnly), dataPackage };
  });
  // Slices after the first render only their part of the paged views (src/site/views.ts);
  // npm start's quick pass renders only the article pages it names.
  const rendered = renderedTemplates(kb.renderSlice, kb.renderOnly);
  const firstSlice = rendered === undefined;
  if (rendered) {
    // A template's path under pages/, as the registry names it: "/api/articles" → "api/articles.njk".
    eleventyConfig.addPreprocessor("kb-render-slice", "njk", (data: { page: { filePathStem: string } }) =>
      rendered.includes(`${data.page.filePathStem.slice(1)}.njk`) ? undefined : false,
    );
  }
  eleventyConfig.addGlobalData("uiLang", DEFAULT_UI_LANG);

  // Our own `url`, from the one config every part of the build reads (Eleventy's is deprecated).
  eleventyConfig.addFilter("url", (u: string) => withPrefix(u, kb.pathPrefix));
  // Bodies are read one page at a time, never held all at once. A build writes a marker that
  // src/site/bodies.ts replaces after Eleventy is done (read once here, not on every page).
  const deferBodies = kb.deferBodies;
  eleventyConfig.addFilter("articleBody", (slug: string) =>
    deferBodies ? bodyMarker(slug) : pageBody(readFileSync(bodyFile(kb.dataDir, slug), "utf8")),
  );
  eleventyConfig.addFilter("t", (key: string, vars?: Record<string, string | number>, lang?: UiLang) => t(key, lang ?? DEFAULT_UI_LANG, vars));
  eleventyConfig.addFilter("formatDate", (d: NormalizedDate, lang?: UiLang) => formatDate(d, lang ?? DEFAULT_UI_LANG));
  eleventyConfig.addFilter("readingMinutes", (n: number, lang: Lang) => readingMinutes(n, lang));
  eleventyConfig.addFilter("formatEventDate", (d: Parameters<typeof formatEventDate>[0], lang?: UiLang) => formatEventDate(d, lang ?? DEFAULT_UI_LANG));
  eleventyConfig.addFilter("csv", (rows: Array<Record<string, unknown>>) => toCsv(rows));
  eleventyConfig.addFilter("json", (v: unknown) => JSON.stringify(v, null, 1));

  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  if (firstSlice) eleventyConfig.addPassthroughCopy({ "pages/assets": "assets" });
  // Images notes embed with ![[image.png]], copied beside the dataset by ingest (src/ingest/links.ts).
  if (firstSlice) eleventyConfig.addPassthroughCopy({ [path.join(kb.dataDir, ATTACHMENTS_DIR)]: ATTACHMENTS_DIR });
  // npm start rebuilds everything when it touches this file, after its quick pass (scripts/start.ts).
  // The data folder (.kb/) is git-ignored, and Eleventy's watcher skips what .gitignore lists:
  // the rebuild never came. The input folder (pages/) holds nothing ignored.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addWatchTarget(path.join(kb.dataDir, REBUILD_STAMP));

  // npm start: ingest problems on every page (read once per build, not per page).
  if (kb.dev) {
    let banner = "";
    eleventyConfig.on("eleventy.before", () => {
      try {
        const diagnostics = JSON.parse(readFileSync(path.join(kb.dataDir, DIAGNOSTICS_FILE), "utf8")) as Diagnostic[];
        banner = devBanner(diagnostics, withPrefix("/assets/dev.css", kb.pathPrefix), path.join(kb.dataDir, DIAGNOSTICS_FILE));
      } catch {
        banner = "";
      }
    });
    eleventyConfig.addTransform("kb-dev-banner", function (this: { page: { outputPath?: string | false } }, content: string) {
      return typeof this.page.outputPath === "string" && this.page.outputPath.endsWith(".html") ? injectAfterBody(content, banner) : content;
    });
  }

  // publishing (feeds, sitemap, meta)
  {
    const lang = DEFAULT_UI_LANG;
    const siteTitle = t("siteTitle", lang);
    const tagline = t("siteTagline", lang);
    const abs = (p: string) => absoluteUrl(p, kb.siteUrl);
    const articlesTitle = `${siteTitle} · ${t("latestArticles", lang)}`;
    const eventsTitle = `${siteTitle} · ${t("timelineTitle", lang)}`;
    const info = (self: string, title: string, subtitle: string, home: string): FeedInfo => ({
      title, subtitle, lang, homeUrl: abs(home), selfUrl: abs(self), iconUrl: abs(FAVICON_PATH), author: siteTitle,
    });
    const eventLabels = { lang, kind: (k: string) => t(`ekind_${k}`, lang), domain: (d: string) => t(`domain_${d}`, lang) };
    const links = feedLinks({ articles: articlesTitle, events: eventsTitle });
    const termDescription = (term: TermView) =>
      t("termDescription", lang, { kind: t(`kind_${term.kind}`, lang), names: [...new Set([term.label, ...Object.values(term.names)])].join(" / "), n: term.count, e: term.events });

    eleventyConfig.addFilter("absoluteUrl", (p: string) => abs(p));
    eleventyConfig.addFilter("articlesAtomFeed", (articles: ArticleView[]) =>
      atomFeed(info(FEED_PATHS.articlesAtom, articlesTitle, tagline, "/"), articleEntries(articles, kb.siteUrl)));
    eleventyConfig.addFilter("articlesJsonFeed", (articles: ArticleView[]) =>
      jsonFeed(info(FEED_PATHS.articlesJson, articlesTitle, tagline, "/"), articleEntries(articles, kb.siteUrl)));
    eleventyConfig.addFilter("eventsAtomFeed", (events: EventView[]) =>
      atomFeed(info(FEED_PATHS.eventsAtom, eventsTitle, t("feedEventsSubtitle", lang), "/timeline/"), eventEntries(events, kb.siteUrl, eventLabels)));
    // The paged views' pages from the data (src/site/views.ts): a slice's collections hold only its own.
    eleventyConfig.addFilter("sitemapXml", (items: SitemapSource[], pagedUrls: string[] = []) =>
      sitemapXml([...new Set([...sitemapPaths(items), ...pagedUrls])].sort(), kb.siteUrl));
    eleventyConfig.addFilter(
      "pageMeta",
      (
        page: { url: string | false },
        ctx: { docTitle?: string; description?: string; pageLang?: string; article?: ArticleView; event?: EventView; listPage?: ListPage<TermView> },
      ) => ({
        ...pageMeta({
          pageUrl: page.url || "/",
          siteUrl: kb.siteUrl,
          siteTitle,
          tagline,
          uiLang: lang,
          ...(ctx.pageLang ? { pageLang: ctx.pageLang } : {}),
          ...(ctx.docTitle ? { docTitle: ctx.docTitle } : {}),
          ...(ctx.description ? { description: ctx.description } : {}),
          ...(ctx.article ? { article: ctx.article } : {}),
          ...(ctx.event ? { event: ctx.event } : {}),
          ...(ctx.listPage ? { termDescription: termDescription(ctx.listPage.term) } : {}),
        }),
        feeds: links,
        favicon: FAVICON_PATH,
      }),
    );
  }

  // reader experience: both interface languages in one build, and content images with alt text
  {
    const vars = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, string | number>) : {});
    // Shortcodes, not filters: their output is markup that is already escaped.
    eleventyConfig.addShortcode("tr", (key: string, v?: unknown) => bilingualText(key, vars(v)));
    eleventyConfig.addShortcode("trAttr", (attr: string, key: string, v?: unknown) => bilingualAttr(attr, key, vars(v)));
    eleventyConfig.addShortcode("enOf", (key: string, v?: unknown) => englishOf(key, vars(v)));
    eleventyConfig.addShortcode("dateTag", (d: NormalizedDate) => bilingualDate(d));
    eleventyConfig.addShortcode("eventDateTag", (d: Parameters<typeof bilingualEventDate>[0]) => bilingualEventDate(d));
    eleventyConfig.addShortcode("nameTag", (n: Named) => bilingualName(n));
    eleventyConfig.addShortcode("nameAttrs", (n: Named) => nameAttrs(n));
    eleventyConfig.addFilter("langOf", (text: string) => langOf(String(text ?? "")));
    eleventyConfig.addFilter("contentImages", (html: string) => pageBody(html));
  }
}
