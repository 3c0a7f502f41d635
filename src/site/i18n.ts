// Every interface string, in one dictionary. Templates ask for a key; nothing is spelled
// out in a template. Dates are formatted with luxon in the reader's language and in the zone
// the date was stored in, so a day is never shown as the day before or after.
import { DateTime } from "luxon";
import type { Lang, NormalizedDate } from "../model/types.ts";
import { memoize } from "../memo.ts";
import { detectLang } from "../normalize/lang.ts";
import { escapeHtml } from "../render/escape.ts";

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
  showAllOriginals: { "zh-Hans": "显示全部原文", en: "Show all originals" },
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
  olderInSearch: { "zh-Hans": "还有 {n} 篇更早的文章：在搜索中按日期查看全部", en: "{n} older articles: see them all in search, by date" },
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
  kind_product: { "zh-Hans": "产品与型号", en: "Product" },
  allTags: { "zh-Hans": "全部标签", en: "All tags" },
  allActors: { "zh-Hans": "全部机构与人物", en: "All actors" },
  termsUsedOnce: { "zh-Hans": "只出现一次的名称", en: "Used once" },
  termsUsedOnceNote: {
    "zh-Hans": "这些名称只出现在一篇文章或一个事件中，没有单独的页面；每个名称链接到提到它的那篇文章或那个事件。",
    en: "These names appear in one article or event only and have no page of their own; each leads to it.",
  },
  lang_zh_Hans: { "zh-Hans": "简体中文", en: "Simplified Chinese" },
  lang_zh_Hant: { "zh-Hans": "繁体中文", en: "Traditional Chinese" },
  lang_en: { "zh-Hans": "英文", en: "English" },
  readingTime: { "zh-Hans": "阅读约 {n} 分钟", en: "{n} min read" },
  // The reader's settings, reading aids and punctuation that changes with the language.
  mainNav: { "zh-Hans": "主导航", en: "Main navigation" },
  preferences: { "zh-Hans": "显示设置", en: "Display settings" },
  uiLanguage: { "zh-Hans": "界面语言", en: "Interface language" },
  // Each language is named in itself, whatever the interface language.
  uiLangSelf_zh: { "zh-Hans": "中文", en: "中文" },
  uiLangSelf_en: { "zh-Hans": "English", en: "English" },
  theme: { "zh-Hans": "主题", en: "Theme" },
  themeSystem: { "zh-Hans": "跟随系统", en: "System" },
  themeLight: { "zh-Hans": "浅色", en: "Light" },
  themeDark: { "zh-Hans": "深色", en: "Dark" },
  readingTimeLabel: { "zh-Hans": "阅读时间", en: "Reading time" },
  toc: { "zh-Hans": "目录", en: "Contents" },
  articleNav: { "zh-Hans": "按日期浏览文章", en: "Articles by date" },
  olderArticle: { "zh-Hans": "较早的文章", en: "Older article" },
  newerArticle: { "zh-Hans": "较新的文章", en: "Newer article" },
  relatedArticles: { "zh-Hans": "相关文章", en: "Related articles" },
  inCommon: { "zh-Hans": "共同涉及", en: "In common" },
  imageAlt: { "zh-Hans": "图片", en: "Image" },
  colon: { "zh-Hans": "：", en: ": " },
  listSep: { "zh-Hans": "、", en: ", " },
  navTimeline: { "zh-Hans": "时间线", en: "Timeline" },
  timelineTitle: { "zh-Hans": "措施与反制时间线", en: "Measures and countermeasures" },
  timelineYears: { "zh-Hans": "按年份", en: "By year" },
  timelineIntro: {
    "zh-Hans": "每一项措施、发布机构和法律文件，以及对方的回应。时间自上而下，同一周的事件并排；连线从措施指向回应，标注相隔的时间。",
    en: "Every measure, its authority and instrument, and what the other side answered. Time runs down the page, the events of a week side by side; connectors run from a measure to its answer, with the time between.",
  },
  side_us: { "zh-Hans": "美国及盟友", en: "US and allies" },
  side_cn: { "zh-Hans": "中国", en: "China" },
  side_other: { "zh-Hans": "其他", en: "Others" },
  ekind_measure: { "zh-Hans": "措施", en: "Measure" },
  ekind_countermeasure: { "zh-Hans": "反制", en: "Countermeasure" },
  ekind_relaxation: { "zh-Hans": "放宽或暂停", en: "Relaxation or suspension" },
  ekind_ruling: { "zh-Hans": "裁决", en: "Ruling" },
  ekind_statement: { "zh-Hans": "表态", en: "Statement" },
  domain_chips: { "zh-Hans": "芯片", en: "Chips" },
  "domain_chipmaking-equipment": { "zh-Hans": "芯片制造设备", en: "Chipmaking equipment" },
  domain_ai: { "zh-Hans": "人工智能", en: "AI" },
  "domain_critical-minerals": { "zh-Hans": "关键矿产", en: "Critical minerals" },
  "domain_entity-listing": { "zh-Hans": "实体清单", en: "Entity listing" },
  domain_tariffs: { "zh-Hans": "关税", en: "Tariffs" },
  domain_investment: { "zh-Hans": "投资", en: "Investment" },
  "domain_technology-transfer": { "zh-Hans": "技术转让", en: "Technology transfer" },
  domain_cybersecurity: { "zh-Hans": "网络安全审查", en: "Cybersecurity review" },
  "domain_trade-rules": { "zh-Hans": "贸易规则", en: "Trade rules" },
  date_announced: { "zh-Hans": "宣布", en: "Announced" },
  date_published: { "zh-Hans": "公布", en: "Published" },
  date_effective: { "zh-Hans": "生效", en: "In force" },
  date_ended: { "zh-Hans": "终止", en: "Ended" },
  date_suspended: { "zh-Hans": "暂停", en: "Suspended" },
  dateNotes: { "zh-Hans": "日期说明", en: "About the dates" },
  status: { "zh-Hans": "状态", en: "Status" },
  "status_in-force": { "zh-Hans": "生效中", en: "In force" },
  status_pending: { "zh-Hans": "尚未生效", en: "Not yet in force" },
  status_suspended: { "zh-Hans": "已暂停", en: "Suspended" },
  status_lifted: { "zh-Hans": "已解除", en: "Lifted" },
  status_rescinded: { "zh-Hans": "已撤销", en: "Rescinded" },
  status_replaced: { "zh-Hans": "已被取代", en: "Replaced" },
  status_expired: { "zh-Hans": "已失效", en: "Expired" },
  statusBy: { "zh-Hans": "依据", en: "by" },
  // In force again: the suspension whose end it is in force from.
  statusSuspensionOver: { "zh-Hans": "暂停期满", en: "suspension over" },
  // Read from the recorded end of the suspension: an extension not yet recorded would change it.
  statusNoExtension: { "zh-Hans": "；未见延期记录", en: "; no extension on record" },
  coAuthorities: { "zh-Hans": "联合发布", en: "Issued jointly with" },
  unverifiedShort: { "zh-Hans": "未与官方文本核对", en: "Not checked against the official text" },
  unverified: {
    "zh-Hans": "本条尚未与法律文件的官方文本核对；日期和编号以来源为准。",
    en: "This event has not been checked against the instrument's official text; its dates and numbers are as its sources give them.",
  },
  authority: { "zh-Hans": "发布机构", en: "Authority" },
  instrument: { "zh-Hans": "法律文件", en: "Instrument" },
  officialText: { "zh-Hans": "官方文本", en: "Official text" },
  domain: { "zh-Hans": "领域", en: "Domain" },
  items: { "zh-Hans": "涉及物项", en: "Items" },
  targets: { "zh-Hans": "针对", en: "Targets" },
  kind: { "zh-Hans": "类型", en: "Kind" },
  respondsTo: { "zh-Hans": "回应了", en: "Responds to" },
  answeredBy: { "zh-Hans": "被回应", en: "Answered by" },
  // The time between a measure and its answer (src/timeline/lag.ts picks the phrase).
  lagSameDay: { "zh-Hans": "同日", en: "the same day" },
  lagDayEarlier: { "zh-Hans": "早 1 天", en: "1 day earlier" },
  lagDaysEarlier: { "zh-Hans": "早 {n} 天", en: "{n} days earlier" },
  lagDayLater: { "zh-Hans": "1 天后", en: "1 day later" },
  lagDaysLater: { "zh-Hans": "{n} 天后", en: "{n} days later" },
  lagWithinMonth: { "zh-Hans": "同月前后", en: "within about a month" },
  lagMonthEarlierApprox: { "zh-Hans": "约早 1 个月", en: "about a month earlier" },
  lagMonthsEarlierApprox: { "zh-Hans": "约早 {n} 个月", en: "about {n} months earlier" },
  lagMonthLaterApprox: { "zh-Hans": "约 1 个月后", en: "about a month later" },
  lagMonthsLaterApprox: { "zh-Hans": "约 {n} 个月后", en: "about {n} months later" },
  lagYearEarlierApprox: { "zh-Hans": "约早 1 年", en: "about a year earlier" },
  lagYearsEarlierApprox: { "zh-Hans": "约早 {n} 年", en: "about {n} years earlier" },
  lagYearLaterApprox: { "zh-Hans": "约 1 年后", en: "about a year later" },
  lagYearsLaterApprox: { "zh-Hans": "约 {n} 年后", en: "about {n} years later" },
  basis_stated: { "zh-Hans": "发布方明言", en: "stated by the issuer" },
  basis_analyst: { "zh-Hans": "分析解读", en: "analyst's reading" },
  chain: { "zh-Hans": "升级链条", en: "Escalation chain" },
  sources: { "zh-Hans": "来源", en: "Sources" },
  eventsReported: { "zh-Hans": "本文报道的事件", en: "Events this article reports" },
  inTheText: { "zh-Hans": "文中", en: "In the text" },
  discussedIn: { "zh-Hans": "提到此事件的文章（{n}）", en: "Articles that mention it ({n})" },
  articlesOnEvent: { "zh-Hans": "本站 {n} 篇文章涉及此事件", en: "{n} articles here on this event" },
  articlesOnEvent1: { "zh-Hans": "本站 1 篇文章涉及此事件", en: "1 article here on this event" },
  eventsOfActor: { "zh-Hans": "相关事件", en: "Events" },
  role_issued: { "zh-Hans": "发布", en: "issued" },
  role_targeted: { "zh-Hans": "被针对", en: "targeted" },
  filterTimeline: { "zh-Hans": "筛选", en: "Filter" },
  filterAll: { "zh-Hans": "全部", en: "All" },
  filterApply: { "zh-Hans": "应用", en: "Apply" },
  filterReset: { "zh-Hans": "重置", en: "Reset" },
  filterShown: { "zh-Hans": "显示 {n} / {total} 个事件", en: "Showing {n} of {total} events" },
  jsNeededForFilters: { "zh-Hans": "筛选需要 JavaScript；下面列出全部事件。", en: "Filtering needs JavaScript; every event is listed below." },
  // The timeline: its axis, its cards, its connectors and what its filters say.
  timelineAxis: { "zh-Hans": "时间", en: "Time" },
  timelineNoEvents: { "zh-Hans": "无事件", en: "no events" },
  datePrecision_year: { "zh-Hans": "仅知年份", en: "year only" },
  datePrecision_month: { "zh-Hans": "仅知月份", en: "month only" },
  monthShort_1: { "zh-Hans": "1月", en: "Jan" },
  monthShort_2: { "zh-Hans": "2月", en: "Feb" },
  monthShort_3: { "zh-Hans": "3月", en: "Mar" },
  monthShort_4: { "zh-Hans": "4月", en: "Apr" },
  monthShort_5: { "zh-Hans": "5月", en: "May" },
  monthShort_6: { "zh-Hans": "6月", en: "Jun" },
  monthShort_7: { "zh-Hans": "7月", en: "Jul" },
  monthShort_8: { "zh-Hans": "8月", en: "Aug" },
  monthShort_9: { "zh-Hans": "9月", en: "Sep" },
  monthShort_10: { "zh-Hans": "10月", en: "Oct" },
  monthShort_11: { "zh-Hans": "11月", en: "Nov" },
  monthShort_12: { "zh-Hans": "12月", en: "Dec" },
  eventDetails: { "zh-Hans": "详情", en: "Details" },
  statusUntil: { "zh-Hans": "至", en: "until" },
  side: { "zh-Hans": "阵营", en: "Side" },
  yearFrom: { "zh-Hans": "起始年份", en: "From" },
  yearTo: { "zh-Hans": "截止年份", en: "To" },
  filterAny: { "zh-Hans": "不限", en: "Any" },
  filterContext: { "zh-Hans": "另有 {n} 个与之相连的事件以浅色显示", en: "{n} linked events shown dimmed" },
  chainOnly: { "zh-Hans": "只看这条升级链条", en: "Show this chain only" },
  chainShown: { "zh-Hans": "只显示一条升级链条。", en: "Showing one escalation chain." },
  showEverything: { "zh-Hans": "显示全部事件", en: "Show every event" },
  connectorLegend: { "zh-Hans": "连线", en: "Connectors" },
  connector_answer: { "zh-Hans": "回应（反制等）", en: "answer (countermeasure and the like)" },
  connector_suspends: { "zh-Hans": "暂停", en: "suspends" },
  connector_ends: { "zh-Hans": "解除、撤销或取代", en: "lifts, rescinds or replaces" },
  connectorBasis: { "zh-Hans": "实线：发布方明言；虚线：分析解读", en: "solid: stated by the issuer; dashed: an analyst's reading" },
  searchPlaceholder: { "zh-Hans": "搜索（按 / 键）", en: "Search (press /)" },
  searchTitle: { "zh-Hans": "搜索", en: "Search" },
  searchQuery: { "zh-Hans": "搜索词", en: "Search for" },
  searchNoJs: {
    "zh-Hans": "搜索需要 JavaScript。没有 JavaScript 时，可以从标签索引和机构与人物索引查找。",
    en: "Search needs JavaScript. Without it, browse the tag index and the actor index.",
  },
  searchCount: { "zh-Hans": "找到 {n} 个结果。", en: "{n} results." },
  searchNames: { "zh-Hans": "（按名称匹配：{names}）", en: "(matched by name: {names})" },
  searchEmpty: { "zh-Hans": "输入搜索词，或选择筛选条件。", en: "Type a query or pick a filter." },
  searchMore: { "zh-Hans": "更多结果", en: "More results" },
  searchLooser: { "zh-Hans": "以下 {n} 个结果含有这些词，但不相连：", en: "The {n} results below have these words, but not together:" },
  searchSort: { "zh-Hans": "排序", en: "Sort" },
  sortRelevance: { "zh-Hans": "相关度", en: "Relevance" },
  sortDate: { "zh-Hans": "日期（新到旧）", en: "Date (newest first)" },
  searchType: { "zh-Hans": "类型", en: "Type" },
  year: { "zh-Hans": "年份", en: "Year" },
  type_article: { "zh-Hans": "文章", en: "Article" },
  type_event: { "zh-Hans": "事件", en: "Event" },
  type_actor: { "zh-Hans": "机构与人物", en: "Actor" },
  type_tag: { "zh-Hans": "标签", en: "Tag" },
  viewOnTimeline: { "zh-Hans": "在时间线上查看", en: "View on the timeline" },
  feedEventsSubtitle: {
    "zh-Hans": "最新宣布的出口管制措施与反制措施，按宣布日期排列。",
    en: "The latest export-control measures and countermeasures, by date announced.",
  },
  termDescription: { "zh-Hans": "{kind}：{names}。相关事件：{e} 个；提及它的文章：{n} 篇。", en: "{kind}: {names}. Events: {e}; articles that mention it: {n}." },
  // indexes, search, previews
  nEvents: { "zh-Hans": "{n} 个事件", en: "{n} events" },
  nEvents1: { "zh-Hans": "1 个事件", en: "1 event" },
  nArticles: { "zh-Hans": "{n} 篇文章", en: "{n} articles" },
  nArticles1: { "zh-Hans": "1 篇文章", en: "1 article" },
  eventsWithTag: { "zh-Hans": "带有此标签的事件", en: "Events with this tag" },
  relatedTags: { "zh-Hans": "相关标签", en: "Related tags" },
  // home page and overview chart
  overviewTitle: { "zh-Hans": "各方每季度宣布的事件", en: "Events announced per quarter, by side" },
  overviewDesc: {
    "zh-Hans": "{first}–{last} 年共 {all} 个事件：美国及盟友 {us} 个（轴线上方），中国 {cn} 个（轴线下方），其他 {other} 个（底部）。每根柱子是一个季度，最高 {max} 个事件；只知年份的事件画成横跨全年的浅色块；连续两年以上没有事件的年份压缩为一道折线。点击年份可跳到时间线上的该年。",
    en: "{all} events, {first}–{last}: US and allies {us} (above the axis), China {cn} (below it), others {other} (at the bottom). Each bar is a quarter, the tallest {max} events; events dated only by their year are a paler block across the year; two or more years without events are compressed into a zigzag. Pick a year to go to it on the timeline.",
  },
  overviewYear: { "zh-Hans": "{year} 年：美国及盟友 {us}，中国 {cn}，其他 {other}", en: "{year}: US and allies {us}, China {cn}, others {other}" },
  overviewBreak: { "zh-Hans": "{from}–{to} 年：没有事件", en: "{from}–{to}: no events" },
  overviewTable: { "zh-Hans": "各年事件数（表格）", en: "Events per year (table)" },
  countsTitle: { "zh-Hans": "各年事件数", en: "Events by year and side" },
  countsTotal: { "zh-Hans": "合计", en: "Total" },
  homeOverview: { "zh-Hans": "概览", en: "Overview" },
  latestEvents: { "zh-Hans": "最新事件", en: "Latest events" },
  wholeTimeline: { "zh-Hans": "查看完整时间线（{n} 个事件）", en: "The whole timeline ({n} events)" },
  homeChains: { "zh-Hans": "升级链条", en: "Escalation chains" },
  chainsLongest: { "zh-Hans": "最长的升级链条", en: "The longest escalation chains" },
  chainsRecent: { "zh-Hans": "最近的升级链条", en: "The most recent escalation chains" },
  chainsNote: {
    "zh-Hans": "一条链条是通过“回应”相连的一组事件；这里列出其中最长的一串回应，并标注相隔时间。",
    en: "A chain is a group of events linked by answers; each shows its longest run of answers, with the time between them.",
  },
  chainAlone: { "zh-Hans": "在时间线上单独查看这条链条", en: "Show this chain alone on the timeline" },
  chainMoreSteps: { "zh-Hans": "……之后还有 {n} 步", en: "… then {n} more steps" },
  chainMoreStep: { "zh-Hans": "……之后还有 1 步", en: "… then 1 more step" },
  dataAndFeeds: { "zh-Hans": "数据下载与订阅", en: "Data and feeds" },
  downloadTimelineCsv: { "zh-Hans": "时间线数据表", en: "The timeline as a table" },
  downloadTimelineJson: { "zh-Hans": "时间线数据", en: "The timeline's data" },
  downloadDataPackage: { "zh-Hans": "数据包说明（每一列的含义，Frictionless 格式）", en: "Data package: what each column means (Frictionless)" },
  downloadArticles: { "zh-Hans": "文章列表", en: "The list of articles" },
  feedEvents: { "zh-Hans": "新事件订阅", en: "New events feed" },
  feedArticles: { "zh-Hans": "新文章订阅", en: "New articles feed" },
  dataLicense: { "zh-Hans": "时间线数据（事件、机构与标签词表及以上导出文件）的许可协议：", en: "The timeline's data (the events, the actor and tag registries and the exports above) is licensed under " },
  citeAs: {
    "zh-Hans": "引用格式：US–China export controls knowledge base contributors，“{title}”，版本 {version}，{url}，并注明下载日期（各项措施的状态以网站生成之日为准）。",
    en: "Cite it as: US–China export controls knowledge base contributors, “{title}”, version {version}, {url}, with the date you downloaded it (each measure's status is as of the day the site was built).",
  },
} as const satisfies Record<string, Record<UiLang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: string, lang: UiLang = DEFAULT_UI_LANG, vars: Record<string, string | number> = {}): string {
  const entry = (STRINGS as Record<string, Record<UiLang, string>>)[key];
  if (!entry) throw new Error(`no interface string "${key}" in src/site/i18n.ts`);
  return entry[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

const LOCALE: Record<UiLang, string> = { "zh-Hans": "zh-CN", en: "en-GB" };

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A stored ISO date's parts as written: its calendar date and time are those of its own zone. */
const STORED_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * The calendar date in the zone it was stored in, with the time when the source gave one:
 * 2024年12月4日, 4 December 2024 09:24 (UTC+8). Written by hand as luxon and Intl write it
 * (DATE_FULL in zh-CN and en-GB): through them it took a second of each render worker at
 * 10,000 articles. A date of another shape goes through luxon.
 */
export function formatDate(d: NormalizedDate, lang: UiLang = DEFAULT_UI_LANG): string {
  const m = STORED_ISO.exec(d.iso);
  if (!m) return formatDateWithLuxon(d, lang);
  const [, y, mo, day, hh = "00", mm = "00", ss = "00", frac = "0", zone] = m as unknown as string[];
  const date = lang === "en" ? `${Number(day)} ${MONTHS_EN[Number(mo) - 1]} ${Number(y)}` : `${Number(y)}年${Number(mo)}月${Number(day)}日`;
  // A stored midnight says no more than the day (clippers write dates as T00:00:00+08:00).
  if (d.precision === "day" || (hh === "00" && mm === "00" && ss === "00" && Number(frac) === 0)) return date;
  return `${date} ${hh}:${mm} (${utcOffset(zone)})`;
}

/** "UTC", "UTC+8", "UTC-5", "UTC+5:30": as luxon's "Z" writes an offset, after "UTC". */
function utcOffset(zone: string | undefined): string {
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone ?? "Z");
  if (!z) return "UTC";
  const [, sign, h, min = "00"] = z as unknown as [string, string, string, string?];
  if (Number(h) === 0 && Number(min) === 0) return "UTC";
  return `UTC${sign}${Number(h)}${min === "00" ? "" : `:${min}`}`;
}

function formatDateWithLuxon(d: NormalizedDate, lang: UiLang): string {
  const dt = DateTime.fromISO(d.iso, { setZone: true }).setLocale(LOCALE[lang]);
  const day = dt.toLocaleString(DateTime.DATE_FULL);
  if (d.precision === "day" || (dt.hour === 0 && dt.minute === 0 && dt.second === 0 && dt.millisecond === 0)) return day;
  const offset = dt.offset === 0 ? "UTC" : `UTC${dt.toFormat("Z")}`;
  return `${day} ${dt.toFormat("HH:mm")} (${offset})`;
}

/** An event date at the precision it has: 2010年, 2025年5月, 2024年12月2日. */
export function formatEventDate(d: { value: string; precision: "year" | "month" | "day" }, lang: UiLang = DEFAULT_UI_LANG): string {
  const dt = DateTime.fromISO(d.value.length === 4 ? `${d.value}-01-01` : d.value, { zone: "UTC" }).setLocale(LOCALE[lang]);
  if (d.precision === "year") return lang === "en" ? d.value : `${d.value}年`;
  if (d.precision === "month") return lang === "en" ? dt.toFormat("LLLL yyyy") : dt.toFormat("yyyy年M月");
  return dt.toLocaleString(DateTime.DATE_FULL);
}

/** Reading time: about 400 Chinese characters or 200 English words a minute. */
export function readingMinutes(wordCount: number, lang: Lang): number {
  const perMinute = lang === "en" ? 200 : 400;
  return Math.max(1, Math.round(wordCount / perMinute));
}

// ── Both languages in one page ─────────────────────────────────────────────────────────────
// Pages are built once, in the default language, and carry the English alongside: text in
// data-en, attributes in data-en-<attribute>. The client swaps them when the reader picks
// English (src/client/ui-lang.ts). Everything here is escaped: keys, names and dates alike.

type Vars = Record<string, string | number>;

/** ` data-en="…"` when the English differs, for an element whose text is the default language. */
function enData(zh: string, en: string, attr = "data-en"): string {
  return en === zh ? "" : ` ${attr}="${escapeHtml(en)}"`;
}

/** An interface string as `<span data-en="Tags">标签</span>`. */
export function bilingualText(key: string, vars: Vars = {}): string {
  const zh = t(key, DEFAULT_UI_LANG, vars);
  const en = t(key, "en", vars);
  return en === zh ? escapeHtml(zh) : `<span${enData(zh, en)}>${escapeHtml(zh)}</span>`;
}

/** `placeholder="搜索" data-en-placeholder="Search"`: an attribute in both languages. */
export function bilingualAttr(attr: string, key: string, vars: Vars = {}): string {
  if (!/^[a-z][a-z-]*$/.test(attr)) throw new Error(`not an attribute name: ${attr}`);
  const zh = t(key, DEFAULT_UI_LANG, vars);
  return `${attr}="${escapeHtml(zh)}"${enData(zh, t(key, "en", vars), `data-en-${attr}`)}`;
}

/** ` data-en="All"`, for elements that may hold only text (<option>, <title>). */
export function englishOf(key: string, vars: Vars = {}): string {
  return enData(t(key, DEFAULT_UI_LANG, vars), t(key, "en", vars));
}

/** `<time datetime="…" data-en="4 December 2024">2024年12月4日</time>`. */
// Pages list the same dates over and over; luxon's formatting was a quarter of render time.
export const bilingualDate = memoize(
  (d: NormalizedDate): string => {
    const zh = formatDate(d, DEFAULT_UI_LANG);
    return `<time datetime="${escapeHtml(d.iso)}"${enData(zh, formatDate(d, "en"))}>${escapeHtml(zh)}</time>`;
  },
  (d) => `${d.iso}|${d.precision}`,
);

/** An event date at its precision, in both languages. */
export const bilingualEventDate = memoize(
  (d: { value: string; precision: "year" | "month" | "day" }): string => {
    const zh = formatEventDate(d, DEFAULT_UI_LANG);
    return `<time datetime="${escapeHtml(d.value)}"${enData(zh, formatEventDate(d, "en"))}>${escapeHtml(zh)}</time>`;
  },
  (d) => `${d.value}|${d.precision}`,
);

/** A name in the language it is in, with its English name for the English interface. */
export function nameAttrs(n: { label: string; lang?: string; en?: string }): string {
  return `${n.lang ? `lang="${escapeHtml(n.lang)}"` : ""}${n.en ? enData(n.label, n.en) : ""}`.trim();
}

export function bilingualName(n: { label: string; lang?: string; en?: string }): string {
  const attrs = nameAttrs(n);
  return attrs ? `<span ${attrs}>${escapeHtml(n.label)}</span>` : escapeHtml(n.label);
}

/**
 * Marks each paragraph whose language differs from the block's with its own lang, so that
 * notes written half in English and half in Chinese are read and hyphenated right. Works on
 * sanitized HTML: bare <p> tags, escaped text.
 */
export function markParagraphLangs(html: string, blockLang: Lang): string {
  return html.replace(/<p>([\s\S]*?)<\/p>/g, (whole, inner: string) => {
    const text = inner.replace(/<[^>]*>/g, "");
    if (!text.trim()) return whole;
    const lang = detectLang(text);
    return lang === blockLang ? whole : `<p lang="${lang}">${inner}</p>`;
  });
}

/** The language of a short text (a note, a source's title), for its lang attribute. */
export function langOf(text: string): Lang {
  return detectLang(text);
}
