// Every interface string, in one dictionary. Templates ask for a key; nothing is spelled
// out in a template. Dates are formatted with luxon in the reader's language and in the zone
// the date was stored in, so a day is never shown as the day before or after.
import { DateTime } from "luxon";
import type { Lang, NormalizedDate } from "../model/types.ts";

export type UiLang = "zh-Hans" | "en";
export const UI_LANGS: readonly UiLang[] = ["zh-Hans", "en"];
export const DEFAULT_UI_LANG: UiLang = "zh-Hans";

export const STRINGS = {
  siteTitle: { "zh-Hans": "中美出口管制知识库", en: "US–China Export Controls" },
  siteTagline: {
    "zh-Hans": "谁限制了什么、何时、依据哪项法规，以及对方如何回应。",
    en: "Who restricted what, when, under which instrument — and how the other side answered.",
  },
  skipToContent: { "zh-Hans": "跳到正文", en: "Skip to content" },
  navHome: { "zh-Hans": "首页", en: "Home" },
  navArticles: { "zh-Hans": "文章", en: "Articles" },
  navTags: { "zh-Hans": "标签", en: "Tags" },
  navActors: { "zh-Hans": "机构与人物", en: "Actors" },
  navSearch: { "zh-Hans": "搜索", en: "Search" },
  latestArticles: { "zh-Hans": "最新文章", en: "Latest articles" },
  allArticles: { "zh-Hans": "全部文章", en: "All articles" },
  browseTags: { "zh-Hans": "按标签浏览", en: "Browse by tag" },
  browseActors: { "zh-Hans": "按机构与人物浏览", en: "Browse by actor" },
  published: { "zh-Hans": "发布时间", en: "Published" },
  outlet: { "zh-Hans": "来源媒体", en: "Outlet" },
  author: { "zh-Hans": "作者", en: "Author" },
  place: { "zh-Hans": "发布地", en: "Place" },
  original: { "zh-Hans": "原文链接", en: "Original" },
  rawClipping: { "zh-Hans": "原始剪藏", en: "Raw clipping" },
  tags: { "zh-Hans": "标签", en: "Tags" },
  actors: { "zh-Hans": "机构与人物", en: "Actors" },
  draft: { "zh-Hans": "草稿", en: "Draft" },
  articlesCount: { "zh-Hans": "篇文章", en: "articles" },
  noArticles: { "zh-Hans": "暂无文章。", en: "No articles yet." },
  names: { "zh-Hans": "名称", en: "Names" },
  aliases: { "zh-Hans": "别名", en: "Aliases" },
  jurisdiction: { "zh-Hans": "法域", en: "Jurisdiction" },
  mentionedIn: { "zh-Hans": "提及的文章", en: "Articles that mention it" },
  unregistered: { "zh-Hans": "未登记（不在词表中）", en: "Not registered in the vocabulary" },
  page: { "zh-Hans": "页", en: "Page" },
  previousPage: { "zh-Hans": "上一页", en: "Previous page" },
  nextPage: { "zh-Hans": "下一页", en: "Next page" },
  notFoundTitle: { "zh-Hans": "找不到这个页面", en: "Page not found" },
  notFoundText: {
    "zh-Hans": "这个地址没有页面。可以从首页、标签或机构与人物索引继续浏览。",
    en: "There is no page at this address. Try the home page, or the tag and actor indexes.",
  },
  kind_authority: { "zh-Hans": "政府机构", en: "Authority" },
  kind_company: { "zh-Hans": "企业", en: "Company" },
  kind_person: { "zh-Hans": "人物", en: "Person" },
  kind_jurisdiction: { "zh-Hans": "国家和地区", en: "Jurisdiction" },
  kind_organization: { "zh-Hans": "组织", en: "Organization" },
  kind_outlet: { "zh-Hans": "媒体", en: "Outlet" },
  kind_unregistered: { "zh-Hans": "未登记", en: "Unregistered" },
  kind_topic: { "zh-Hans": "主题", en: "Topic" },
  kind_material: { "zh-Hans": "材料", en: "Material" },
  kind_technology: { "zh-Hans": "技术", en: "Technology" },
  kind_instrument: { "zh-Hans": "管制工具", en: "Instrument" },
  kind_policy: { "zh-Hans": "政策", en: "Policy" },
  lang_zh_Hans: { "zh-Hans": "简体中文", en: "Simplified Chinese" },
  lang_zh_Hant: { "zh-Hans": "繁体中文", en: "Traditional Chinese" },
  lang_en: { "zh-Hans": "英文", en: "English" },
  readingTime: { "zh-Hans": "阅读约 {n} 分钟", en: "{n} min read" },
} as const satisfies Record<string, Record<UiLang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: string, lang: UiLang = DEFAULT_UI_LANG, vars: Record<string, string | number> = {}): string {
  const entry = (STRINGS as Record<string, Record<UiLang, string>>)[key];
  if (!entry) throw new Error(`no interface string "${key}" in src/site/i18n.ts`);
  return entry[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

const LOCALE: Record<UiLang, string> = { "zh-Hans": "zh-CN", en: "en-GB" };

/** The calendar date in the zone it was stored in, with the time when the source gave one. */
export function formatDate(d: NormalizedDate, lang: UiLang = DEFAULT_UI_LANG): string {
  const dt = DateTime.fromISO(d.iso, { setZone: true }).setLocale(LOCALE[lang]);
  const day = dt.toLocaleString(DateTime.DATE_FULL);
  // A stored midnight says no more than the day (clippers write dates as T00:00:00+08:00).
  if (d.precision === "day" || (dt.hour === 0 && dt.minute === 0 && dt.second === 0 && dt.millisecond === 0)) return day;
  const offset = dt.offset === 0 ? "UTC" : `UTC${dt.toFormat("Z")}`;
  return `${day} ${dt.toFormat("HH:mm")} (${offset})`;
}

/** Reading time: about 400 Chinese characters or 200 English words a minute. */
export function readingMinutes(wordCount: number, lang: Lang): number {
  const perMinute = lang === "en" ? 200 : 400;
  return Math.max(1, Math.round(wordCount / perMinute));
}
