// The benchmark's synthetic notes folder: articles/…/*.md with front matter like the users'
// notes and clippings, and events/*.md that answer one another, as a user's folder grows to
// thousands of files. Pure and deterministic: the same options and material give the same
// bytes, file by file, on every machine; each file draws from its own seeded stream.
import { DateTime } from "luxon";
import { Document } from "yaml";
import type { Lang } from "../model/types.ts";
import { EVENT_DOMAINS, type EventKind } from "../model/event.ts";
import { slugify } from "../normalize/slug.ts";
import { articleSlug } from "../ingest/article.ts";
import type { ActorEntry, TagEntry } from "../normalize/registry.ts";
import type { Material } from "./material.ts";
import { createRng, type Rng } from "./prng.ts";
import { planSizes, SIZE_PROFILES, type SizeProfileName } from "./sizes.ts";

export interface CorpusOptions {
  articles: number;
  events: number;
  size: SizeProfileName;
  seed: string;
}

export interface CorpusFile {
  /** Relative to the corpus folder, with forward slashes. */
  path: string;
  text: string;
}

export type NoteStyle = "note" | "clipping";

export interface ArticlePlan {
  index: number;
  path: string;
  /** File name without .md: what an event's `sources: - article:` may name. */
  base: string;
  /** Publication time in Beijing time. */
  date: DateTime;
  lang: Lang;
  style: NoteStyle;
  draft: boolean;
  /** Target size of the whole file in UTF-8 bytes. */
  bytes: number;
  title: string;
  /**
   * The shapes of a real collection: a bilingual transcript (each Chinese paragraph followed by
   * its English original in a collapsed <details>), a date missing, only a year or malformed,
   * front matter YAML cannot parse, [[wikilinks]] to these other notes (their file names).
   */
  transcript: boolean;
  dateShape: "full" | "none" | "year" | "malformed";
  brokenFrontMatter: boolean;
  wikilinks: string[];
}

// The window real clippings fall in, and a "now" after it so no date is in the future.
const FIRST_DAY = DateTime.fromISO("2018-01-01", { zone: "Asia/Shanghai" });
const LAST_DAY = DateTime.fromISO("2025-09-30", { zone: "Asia/Shanghai" });
const SPAN_DAYS = Math.round(LAST_DAY.diff(FIRST_DAY, "days").days);

/** Share of drafts: the real collection publishes 1% of its notes; the rest is the knowledge base. */
export const DRAFT_SHARE = 0.99;

/** About one note in eight is a bilingual transcript: drawn among the notes of 30 KB or more (41% of them). */
export const TRANSCRIPT_SHARE_OF_LONG = 0.3;
export const TRANSCRIPT_MIN_BYTES = 30_000;

/** One note in this many has front matter YAML cannot parse (the real collection: one of 9,180). */
export const BROKEN_FRONT_MATTER_EVERY = 9000;

// ─── Names ───────────────────────────────────────────────────────────────────────────────────

type Script = "zh-Hans" | "zh-Hant" | "en";

function zhName(e: { names: Partial<Record<Lang, string>> }, script: "zh-Hans" | "zh-Hant", m: Material): string {
  const hans = e.names["zh-Hans"] ?? e.names.en ?? "";
  return script === "zh-Hans" ? hans : (e.names["zh-Hant"] ?? m.toTraditional(hans));
}

function enName(e: { names: Partial<Record<Lang, string>> }): string {
  return e.names.en ?? e.names["zh-Hans"] ?? "";
}

/** A name as a user might write it in front matter: any script, an alias, or the id. */
function anyName(e: ActorEntry | TagEntry, rng: Rng, m: Material): string {
  return rng.weighted<() => string>([
    [() => zhName(e, "zh-Hans", m), 4],
    [() => zhName(e, "zh-Hant", m), 2],
    [() => enName(e), 3],
    [() => (e.aliases.length ? rng.pick(e.aliases) : enName(e)), 2],
    [() => e.id, 1],
  ])();
}

const UNKNOWN_TAG_WORDS = [
  "地缘政治", "供应链", "中美关系", "科技战", "产业政策", "新能源", "周报", "读书笔记", "访谈", "深度", "观察", "宏观",
  "geopolitical-strategy", "us-china-relations", "supply-chain", "weekly", "interview", "tech-war", "market-analysis",
  "investing", "podcast", "待整理", "重要", "TODO", "policy-watch", "半導體產業", "供應鏈安全", "科技自主", "逆全球化",
];
const UNKNOWN_TAG_HEADS = ["产业", "市场", "政策", "技术", "安全", "外交", "金融", "贸易", "能源", "制造", "资本", "人才", "标准", "规则", "地缘"];
const UNKNOWN_TAG_TAILS = ["观察", "笔记", "分析", "追踪", "评论", "专题", "回顾", "展望", "摘录", "清单"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "林", "郭", "何"];
const GIVEN = ["伟", "敏", "静", "磊", "洋", "婷", "强", "军", "杰", "涛", "明", "超", "华", "平", "刚", "玲", "建国", "志强", "晓东", "海燕"];
const EN_PEOPLE = ["John Smith", "Emily Chen", "Michael Brown", "Sarah Kim", "David Lee", "Laura Fischer", "Kenji Sato", "Anna Novak"];

function unknownTag(rng: Rng): string {
  return rng.chance(0.4) ? rng.pick(UNKNOWN_TAG_WORDS) : `${rng.pick(UNKNOWN_TAG_HEADS)}${rng.pick(UNKNOWN_TAG_TAILS)}`;
}

function unknownPerson(rng: Rng): string {
  return rng.chance(0.7) ? `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}` : rng.pick(EN_PEOPLE);
}

// Long tails: most names and tags of a real collection are used by one note. A rank drawn
// Zipf-like over a large space (P(rank r) ∝ 1/r) gives a few frequent ones and many used once.
function tailRank(rng: Rng, space: number): number {
  return Math.floor(Math.exp(rng.next() * Math.log(space)));
}

const SLUG_WORDS = [
  "geopolitics", "public", "health", "energy", "policy", "history", "economy", "finance", "media", "culture", "china", "america",
  "europe", "japan", "taiwan", "trade", "war", "tech", "ai", "chips", "markets", "crypto", "climate", "security", "science",
  "education", "society", "law", "military", "diplomacy", "labor", "housing", "startup", "investing", "books", "podcast",
  "interview", "strategy", "industry", "data", "cloud", "robotics", "space", "biotech", "pharma", "auto", "ev", "battery",
];
const EN_FIRST = ["John", "Emily", "Michael", "Sarah", "David", "Laura", "Kenji", "Anna", "Peter", "Maria", "James", "Linda", "Robert", "Chen", "Wei", "Olivia", "Daniel", "Sophie", "Ahmed", "Ivan"];
const EN_LAST = ["Smith", "Chen", "Brown", "Kim", "Lee", "Fischer", "Sato", "Novak", "Zeihan", "Ferguson", "Dalio", "Mearsheimer", "Huang", "Wang", "Garcia", "Miller", "Tanaka", "Schmidt", "Khan", "Petrov"];
const ORG_SUFFIX_ZH = ["科技", "集团", "资本", "研究院", "半导体", "控股", "基金会", "大学", "实验室", "传媒"];
const ORG_SUFFIX_EN = ["Capital", "Labs", "Semiconductor", "Group", "Institute", "Technologies", "Partners", "University", "Foundation", "Media"];
const MODEL_HEADS = ["H", "A", "B", "GB", "MI", "RTX ", "Kirin ", "Ascend ", "Snapdragon ", "GPT-", "Claude ", "Llama ", "Qwen", "DeepSeek-V", "Model "];

/** The same entity written in the ways real notes write it: case, script, language, abbreviation. */
export const NAME_VARIANTS: readonly (readonly string[])[] = [
  ["NVIDIA", "Nvidia", "nvidia", "英伟达", "輝達"],
  ["美国商务部", "US Commerce Department", "Commerce Department", "BIS", "美國商務部"],
  ["华为", "Huawei", "HUAWEI", "華為"],
  ["台积电", "TSMC", "台積電", "Taiwan Semiconductor"],
  ["OpenAI", "openai", "Open AI"],
  ["特斯拉", "Tesla", "tesla"],
  ["阿斯麦", "ASML", "艾司摩爾"],
  ["中国人民银行", "央行", "PBOC", "People's Bank of China"],
];
const PEOPLE_VARIANTS: readonly (readonly string[])[] = [
  ["黄仁勋", "Jensen Huang", "黃仁勳", "老黄"],
  ["马斯克", "Elon Musk", "Musk", "馬斯克"],
  ["特朗普", "Donald Trump", "川普", "Trump"],
];
const PRODUCT_VARIANTS: readonly (readonly string[])[] = [
  ["H20", "h20", "NVIDIA H20", "H20 芯片"],
  ["Ascend 910B", "昇腾910B", "910B"],
  ["ChatGPT", "chatgpt", "Chat GPT"],
  ["iPhone", "iphone", "苹果手机"],
];

function variantOf(groups: readonly (readonly string[])[], rng: Rng): string {
  return rng.pick(rng.pick(groups));
}

/** A tag of the long tail: an English slug, a Chinese word or a #tag, most used by one note. */
function tailTag(rng: Rng, m: Material): string {
  const rank = tailRank(rng, 400_000);
  const w = SLUG_WORDS.length;
  const tag = rng.chance(0.5)
    ? [SLUG_WORDS[rank % w]!, ...(rank >= w ? [SLUG_WORDS[Math.floor(rank / w) % w]!] : []), ...(rank >= w * w ? [String(Math.floor(rank / (w * w)))] : [])].join("-")
    : lexiconWord(rank, m.hanChars);
  return rng.chance(0.1) ? `#${tag}` : tag;
}

/** A person of the long tail: Chinese or English, most named by one note. */
function tailPerson(rng: Rng, m: Material): string {
  const rank = tailRank(rng, 200_000);
  if (rng.chance(0.6)) return `${SURNAMES[rank % SURNAMES.length]}${rank < 300 ? GIVEN[Math.floor(rank / SURNAMES.length) % GIVEN.length] : lexiconWord(rank, m.hanChars).slice(0, 2)}`;
  const first = EN_FIRST[rank % EN_FIRST.length]!;
  const last = EN_LAST[Math.floor(rank / EN_FIRST.length) % EN_LAST.length]!;
  return rank < 400 ? `${first} ${last}` : `${first} ${last}-${lexiconWord(rank, "abcdefghijklmnopqrstuvwxyz")}`;
}

function tailOrg(rng: Rng, m: Material): string {
  const rank = tailRank(rng, 200_000);
  return rng.chance(0.5) ? `${lexiconWord(rank, m.hanChars)}${ORG_SUFFIX_ZH[rank % ORG_SUFFIX_ZH.length]}` : `${SLUG_WORDS[rank % SLUG_WORDS.length]!.replace(/^./, (c) => c.toUpperCase())} ${ORG_SUFFIX_EN[Math.floor(rank / SLUG_WORDS.length) % ORG_SUFFIX_EN.length]}`;
}

function tailProduct(rng: Rng): string {
  const rank = tailRank(rng, 100_000);
  return `${MODEL_HEADS[rank % MODEL_HEADS.length]}${Math.floor(rank / MODEL_HEADS.length) + 1}`;
}

interface Pools {
  actors: ActorEntry[];
  people: ActorEntry[];
  orgs: ActorEntry[];
  outlets: ActorEntry[];
  authorities: ActorEntry[];
  tags: TagEntry[];
  itemTags: TagEntry[];
}

const poolCache = new WeakMap<Material, Pools>();

function pools(m: Material): Pools {
  const cached = poolCache.get(m);
  if (cached) return cached;
  const named = (a: ActorEntry) => Boolean(a.names["zh-Hans"] && a.names.en);
  const actors = m.actors.filter(named);
  const p: Pools = {
    actors: actors.filter((a) => a.type !== "outlet"),
    people: actors.filter((a) => a.type === "person"),
    orgs: actors.filter((a) => a.type === "company" || a.type === "organization" || a.type === "authority"),
    outlets: actors.filter((a) => a.type === "outlet"),
    authorities: actors.filter((a) => a.type === "authority" && a.jurisdiction),
    tags: m.tags.filter((t) => t.names["zh-Hans"] && t.names.en),
    itemTags: m.tags.filter((t) => (t.kind === "material" || t.kind === "technology" || t.kind === "instrument") && t.names["zh-Hans"] && t.names.en),
  };
  poolCache.set(m, p);
  return p;
}

// ─── Sentences ───────────────────────────────────────────────────────────────────────────────

const ZH_TEMPLATES = [
  "{A}表示，将进一步加强对{T}相关物项的出口管制。",
  "据{O}报道，{A}正在评估{T}供应链中断的风险，预计影响将持续{N}个月。",
  "{A}与{B}围绕{T}的博弈仍在继续，双方均未表现出让步的迹象。",
  "{D}，{A}发布新规，将{N}家企业列入管控名单，其中多家与{T}产业有关。",
  "分析人士认为，{A}此举意在回应{B}此前在{T}领域的限制措施。",
  "{A}的发言人在例行记者会上说，有关{T}的措施“不针对任何特定国家”。",
  "业内人士指出，{T}的替代来源至少需要{N}年才能形成规模。",
  "对{B}而言，{T}出口受限意味着成本上升约{N}%。",
  "{A}官员透露，{T}许可的审批周期已延长至{N}个工作日。",
  "在{T}问题上，{A}与{B}的立场分歧明显，{O}称谈判“陷入僵局”。",
  "{O}援引知情人士的话说，{A}最早可能在{D}前后公布新的{T}清单。",
  "自{D}以来，{B}对{T}的进口已经下降了{N}%，{A}则加快了本土产能建设。",
];

const EN_TEMPLATES = [
  "{A} said on {E} that the new {T} rules would take effect within {N} days.",
  "Analysts at {O} estimate that the {T} controls could cut shipments by {N}% this year.",
  "The measure follows earlier restrictions by {B} on {T}, according to {O}.",
  "{A} added {N} entities to its list, citing national-security concerns over {T}.",
  "Officials from {A} and {B} are expected to discuss {T} at the next round of talks.",
  "Industry groups warned that licensing delays for {T} now exceed {N} working days.",
];

interface Context {
  rng: Rng;
  m: Material;
  p: Pools;
  script: Script;
}

/** Fills a template's slots with registry names: Chinese names for a Chinese template. */
function fill(template: string, c: Context, zh: boolean): string {
  const { rng, m, p } = c;
  const actorName = (e: ActorEntry) => (zh ? zhName(e, "zh-Hans", m) : enName(e));
  const tagName = (t: TagEntry) => (zh ? zhName(t, "zh-Hans", m) : enName(t));
  const day = FIRST_DAY.plus({ days: rng.int(SPAN_DAYS) });
  return template.replace(/\{([ABOTNDE])\}/g, (_, k: string) => {
    switch (k) {
      case "A":
      case "B":
        return actorName(rng.pick(p.actors));
      case "O":
        return actorName(rng.pick(p.outlets));
      case "T":
        return tagName(rng.pick(p.tags));
      case "N":
        return String(rng.range(2, 140));
      case "D":
        return `${day.year}年${day.month}月${day.day}日`;
      default:
        return day.setLocale("en").toFormat("d MMMM yyyy");
    }
  });
}

/** Words no seed contains, for a vocabulary that grows with the corpus as real text does. */
function lexiconWord(rank: number, chars: string): string {
  let h = Math.imul(rank + 0x9e3779b9, 0x85ebca6b) >>> 0;
  const next = () => {
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    return h / 4294967296;
  };
  const len = next() < 0.6 ? 2 : next() < 0.7 ? 3 : 4;
  let w = "";
  // Squaring favours frequent characters, as real words do.
  for (let i = 0; i < len; i++) w += chars[Math.floor(next() ** 2 * chars.length)] ?? "字";
  return w;
}

const LEXICON_SIZE = 200_000;

/** A sentence of Zipf-distributed words (P(rank r) ∝ 1/r over a 200,000-word lexicon). */
function lexiconSentence(c: Context): string {
  const clauses = c.rng.range(1, 3);
  const out: string[] = [];
  for (let i = 0; i < clauses; i++) {
    let clause = "";
    const words = c.rng.range(3, 8);
    for (let j = 0; j < words; j++) clause += lexiconWord(Math.floor(Math.exp(c.rng.next() * Math.log(LEXICON_SIZE))), c.m.hanChars);
    out.push(clause);
  }
  return `${out.join("，")}。`;
}

function plain(s: string): string {
  return s.replace(/\*\*/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
}

function sentence(c: Context): string {
  const { rng } = c;
  if (c.script === "en") {
    return rng.chance(0.85) ? fill(rng.pick(EN_TEMPLATES), c, false) : rng.pick(c.m.sentences);
  }
  return rng.weighted<() => string>([
    [() => rng.pick(c.m.sentences), 55],
    [() => fill(rng.pick(ZH_TEMPLATES), c, true), 22],
    [() => lexiconSentence(c), 12],
    [() => fill(rng.pick(EN_TEMPLATES), c, false), 6],
    [() => glossarySentence(c), 3],
    [() => linkSentence(c), 2],
  ])();
}

function glossarySentence(c: Context): string {
  const { rng, m } = c;
  if (m.glossary.length && rng.chance(0.5)) {
    const g = rng.pick(m.glossary);
    return `${rng.pick(["这里涉及", "值得注意的是", "其核心是", "关键在于"])}**${g.term}**（${g.gloss}）。`;
  }
  const t = rng.pick(c.p.tags);
  return `${rng.pick(["所谓", "本文所说的", "文中的"])}**${zhName(t, "zh-Hans", m)}**（${enName(t)}），${rng.pick(["是这一轮管制的焦点", "一直是双方博弈的筹码", "牵动着全球供应链"])}。`;
}

function sourceUrl(rng: Rng): string {
  const id = (n: number, alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") =>
    Array.from({ length: n }, () => alphabet[rng.int(alphabet.length)]).join("");
  return rng.weighted<() => string>([
    [() => `https://www.youtube.com/watch?v=${id(11)}`, 3],
    [() => `https://mp.weixin.qq.com/s/${id(22)}`, 3],
    [() => `https://www.dw.com/zh/a-${rng.range(60_000_000, 70_000_000)}`, 2],
    [() => `https://www.163.com/dy/article/${id(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}.html`, 2],
    [() => `https://theinitium.com/article/${rng.range(2019, 2025)}0${rng.range(1, 9)}${rng.range(10, 28)}-${id(8, "abcdefghijklmnopqrstuvwxyz")}`, 1],
    [() => `https://www.reuters.com/technology/${id(10, "abcdefghijklmnopqrstuvwxyz")}-${rng.range(2019, 2025)}-0${rng.range(1, 9)}-${rng.range(10, 28)}/`, 1],
  ])();
}

function linkSentence(c: Context): string {
  const { rng, m, p } = c;
  const a = zhName(rng.pick(p.actors), "zh-Hans", m);
  return rng.pick([
    `详见[${a}的声明](${sourceUrl(rng)})。`,
    `（延伸阅读：[${zhName(rng.pick(p.tags), "zh-Hans", m)}的来龙去脉](${sourceUrl(rng)})）`,
    `${a}此前的表态见[这篇报道](${sourceUrl(rng)})。`,
  ]);
}

// ─── Bodies ──────────────────────────────────────────────────────────────────────────────────

function paragraph(c: Context): string {
  const n = c.rng.range(2, 6);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = sentence(c);
    // WeChat and note-takers bold the names that matter.
    if (c.script !== "en" && c.rng.chance(0.08)) {
      const t = zhName(c.rng.pick(c.p.tags), "zh-Hans", c.m);
      s = `**${t}**${c.rng.pick(["的问题上，", "方面，", "之争，"])}${s}`;
    }
    parts.push(s);
  }
  return parts.join(c.script === "en" ? " " : "");
}

function heading(c: Context, level: number): string {
  const { rng, m, p } = c;
  const t = c.script === "en" ? enName(rng.pick(p.tags)) : zhName(rng.pick(p.tags), "zh-Hans", m);
  const a = c.script === "en" ? enName(rng.pick(p.actors)) : zhName(rng.pick(p.actors), "zh-Hans", m);
  const text =
    c.script === "en"
      ? rng.pick([`What the ${t} rules change`, `${a} and the ${t} question`, `Outlook for ${t}`])
      : rng.weighted<() => string>([
          [() => rng.pick(m.headings), 3],
          [() => `${t}：${a}的下一步`, 1],
          [() => `${a}为何加码${t}限制`, 1],
          [() => `${t}供应链的${rng.pick(["短期冲击", "长期影响", "替代路径", "价格波动"])}`, 1],
        ])();
  return `${"#".repeat(level)} ${text}`;
}

function list(c: Context): string {
  const ordered = c.rng.chance(0.3);
  const n = c.rng.range(3, 6);
  return Array.from({ length: n }, (_, i) => `${ordered ? `${i + 1}.` : "-"} ${c.rng.chance(0.5) ? fill(c.rng.pick(c.script === "en" ? EN_TEMPLATES : ZH_TEMPLATES), c, c.script !== "en") : plain(c.rng.pick(c.m.sentences))}`).join("\n");
}

function image(c: Context): string {
  const { rng } = c;
  const caption = plain(rng.pick(c.m.sentences)).slice(0, 40);
  if (rng.chance(0.5)) return `![${caption}](https://static.dw.com/image/${rng.range(40_000_000, 70_000_000)}_303.jpg)\n\n*${caption}*`;
  const id = Array.from({ length: 40 }, () => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[rng.int(62)]).join("");
  return `![](https://mmbiz.qpic.cn/mmbiz_jpg/${id}/640?wx_fmt=jpeg&from=appmsg)`;
}

/** The collapsed English original after a transcript's Chinese paragraph, as the real collection writes it. */
export function originalBlock(english: string): string {
  return `<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">${english}</p>\n</details>`;
}

/** A speaker's turn of a bilingual transcript: the Chinese, then the English it translates. */
function transcriptTurn(c: Context, speaker: string): string {
  const zh = paragraph({ ...c, script: "zh-Hans" });
  const en = Array.from({ length: c.rng.range(2, 5) }, () => fill(c.rng.pick(EN_TEMPLATES), c, false)).join(" ");
  return `**${speaker}:** ${zh}\n\n${originalBlock(en)}`;
}

/** An Obsidian link to another note: by file name, with a label, or an embedded image. */
function wikilinkSentence(c: Context, target: string): string {
  return c.rng.weighted<() => string>([
    [() => `参见 [[${target}]]。`, 5],
    [() => `相关笔记：[[${target}|${zhName(c.rng.pick(c.p.tags), "zh-Hans", c.m)}]]。`, 3],
    [() => `![[${slugify(target, 4) || "image"}.png]]`, 1],
  ])();
}

/**
 * A body of about `target` UTF-8 bytes: sections of paragraphs with headings, lists, quotes,
 * images and links, then a last paragraph cut to land within a character of the target. A
 * transcript is speakers' turns, each Chinese paragraph followed by its English original.
 */
export function buildBody(c: Context, target: number, style: NoteStyle, shape: { transcript?: boolean; wikilinks?: readonly string[] } = {}): string {
  const convert = c.script === "zh-Hant" ? c.m.toTraditional : (s: string) => s;
  const blocks: string[] = [];
  let bytes = 0;
  let full = false;
  // A block that would pass the target is dropped: the last paragraph fills what is left.
  const push = (block: string) => {
    const b = convert(block);
    const n = Buffer.byteLength(b) + 2;
    if (bytes + n > target - 40) {
      full = true;
      return;
    }
    blocks.push(b);
    bytes += n;
  };
  const level = style === "note" ? 3 : 2;
  let sinceHeading = c.rng.range(0, 3);
  push(paragraph(c));
  for (const link of shape.wikilinks ?? []) push(wikilinkSentence(c, link));
  const speakers = shape.transcript ? [tailPersonName(c), tailPersonName(c)] : [];
  while (!full && shape.transcript) {
    if (sinceHeading >= c.rng.range(6, 14)) {
      push(heading(c, level));
      sinceHeading = 0;
    }
    push(transcriptTurn(c, c.rng.pick(speakers)));
    sinceHeading++;
  }
  while (!full) {
    if (sinceHeading >= c.rng.range(3, 8)) {
      push(heading(c, c.rng.chance(0.15) ? level + 1 : level));
      sinceHeading = 0;
    }
    const kind = c.rng.weighted<string>([["p", 86], ["list", 6], ["quote", 3], ["image", 3], ["link", 2]]);
    if (kind === "list") push(list(c));
    else if (kind === "quote") push(`> ${plain(c.rng.pick(c.m.sentences))}`);
    else if (kind === "image") push(image(c));
    else if (kind === "link") push(linkSentence(c));
    else push(paragraph(c));
    sinceHeading++;
  }
  // The last paragraph: plain sentences, cut by characters to fill what is left.
  const room = target - bytes - 1;
  if (room > 12) {
    let text = "";
    let len = 0;
    const end = c.script === "en" ? "." : "。";
    while (len < room) {
      const s = convert(c.script === "en" ? fill(c.rng.pick(EN_TEMPLATES), c, false) + " " : plain(c.rng.pick(c.m.sentences)));
      text += s;
      len += Buffer.byteLength(s);
    }
    let cut = "";
    let cutBytes = 0;
    for (const ch of text) {
      const b = Buffer.byteLength(ch);
      if (cutBytes + b + Buffer.byteLength(end) > room) break;
      cut += ch;
      cutBytes += b;
    }
    blocks.push(cut.trimEnd().replace(/[，。,.\s]+$/u, "") + end);
  }
  return `${blocks.join("\n\n")}\n`;
}

// ─── Front matter ────────────────────────────────────────────────────────────────────────────

/** Every form the date normalizer accepts that real notes use, quoted as the seed note does. */
export function formatDate(d: DateTime, rng: Rng): string {
  const en = d.setLocale("en");
  return rng.weighted<() => string>([
    [() => d.toFormat("yyyy-MM-dd"), 4],
    [() => d.toFormat("yyyy-MM-dd HH:mm"), 3],
    [() => d.toISO({ suppressMilliseconds: true })!, 3],
    [() => d.toUTC().toISO()!, 1],
    [() => `${d.year}年${d.month}月${d.day}日`, 2],
    [() => d.toFormat("yyyy/MM/dd"), 1],
    [() => en.toFormat("LLL d, yyyy"), 1],
    [() => en.toFormat("d LLLL yyyy"), 1],
    [() => en.toFormat("ccc, dd LLL yyyy HH:mm:ss ZZZ"), 1],
  ])();
}

function yamlText(data: Record<string, unknown>, indentSeq: boolean): string {
  const doc = new Document(data);
  const date = doc.get("date", true) as { type?: string; value?: unknown } | undefined;
  // Dates are quoted strings, as the seed note writes them; a year alone stays a number.
  if (date && typeof date.value === "string") date.type = "QUOTE_SINGLE";
  return doc.toString({ lineWidth: 0, singleQuote: true, indentSeq });
}

/** The date as the plan's shape has it: in one of the forms real notes use, a year, malformed, or none. */
function dateValue(plan: ArticlePlan, rng: Rng): string | number | undefined {
  switch (plan.dateShape) {
    case "none":
      return undefined;
    case "year":
      return plan.date.year;
    case "malformed":
      return rng.pick([`${plan.date.year}-13-45`, `${plan.date.year}-02-30`, "未知", `${plan.date.year}/99`]);
    default:
      return formatDate(plan.date, rng);
  }
}

/** A value as scripts write "nothing": sometimes None, as the real collection has it. */
function orNone<T>(value: T, rng: Rng, share = 0.03): T | "None" {
  return rng.chance(share) ? "None" : value;
}

/** Front matter YAML cannot parse: an unclosed quote in the title, as a hand edit leaves it. */
function breakFrontMatter(yaml: string): string {
  return yaml.replace(/^title: .*$/m, (line) => `title: "${line.slice("title: ".length).replace(/^'|'$/g, "")}`);
}

function frontMatter(plan: ArticlePlan, c: Context, summary: string): string {
  const { rng, m, p } = c;
  const tags: string[] = [];
  // Tags: registry names in any script, common unknown tags, and a long tail used by one note each.
  for (let i = rng.range(2, 9); i > 0; i--) {
    tags.push(rng.weighted<() => string>([[() => anyName(rng.pick(p.tags), rng, m), 45], [() => unknownTag(rng), 15], [() => tailTag(rng, m), 40]])());
  }
  const uniqueTags = [...new Set(tags)];
  const people = [
    ...new Set(
      Array.from({ length: rng.weighted([[0, 1], [1, 5], [2, 2], [3, 1]] as const) }, () =>
        rng.weighted<() => string>([[() => anyName(rng.pick(p.people), rng, m), 35], [() => variantOf(PEOPLE_VARIANTS, rng), 15], [() => tailPerson(rng, m), 50]])(),
      ),
    ),
  ];
  const orgs = [
    ...new Set(
      Array.from({ length: rng.weighted([[0, 1], [1, 2], [2, 3], [3, 4], [4, 3], [5, 2]] as const) }, () =>
        rng.weighted<() => string>([[() => anyName(rng.pick(p.orgs), rng, m), 35], [() => variantOf(NAME_VARIANTS, rng), 25], [() => tailOrg(rng, m), 40]])(),
      ),
    ),
  ];
  const products = [...new Set(Array.from({ length: rng.weighted([[0, 3], [1, 3], [2, 2], [3, 1]] as const) }, () => (rng.chance(0.5) ? variantOf(PRODUCT_VARIANTS, rng) : tailProduct(rng))))];
  const outlet = rng.pick(p.outlets);
  const date = dateValue(plan, rng);
  const tagValue = rng.chance(0.1) ? uniqueTags.join(", ") : uniqueTags;

  let yaml: string;
  if (plan.style === "note") {
    // Keys in alphabetical order, as the seed note's exporter writes them; guest, insight and
    // series present on every note and almost always empty, as the real collection has them.
    const data: Record<string, unknown> = {
      area: rng.pick(["market-analysis", "tech-policy", "supply-chain", "geopolitics"]),
      ...(rng.chance(0.67) ? { author: orNone(tailPerson(rng, m), rng, 0.1) } : {}),
      category: rng.pick(["geopolitics", "economy", "technology"]),
      companies_orgs: orgs,
      ...(date !== undefined ? { date } : {}),
      draft: plan.draft,
      guest: rng.chance(0.05) ? tailPerson(rng, m) : "",
      insight: rng.chance(0.05) ? plain(rng.pick(m.sentences)) : "",
      layout: "post.njk",
      media_books: [slugify(enName(outlet), 3)],
      people,
      products_models: rng.chance(0.94) ? products : [],
      project: rng.sample(["china-analysis", "geopolitics-watch", "us-analysis", "supply-chain-notes"], rng.range(1, 3)),
      series: rng.chance(0.05) ? rng.pick(["Whatsnew", "周末长读", "芯片战札记"]) : "",
      source: orNone(sourceUrl(rng), rng, 0.01),
      speaker: `${enName(outlet)} ${zhName(outlet, "zh-Hans", m)}`,
      status: rng.pick(["evergreen", "seedling", "budding"]),
      summary: orNone(summary, rng, 0.01),
      tags: tagValue,
      title: plan.title,
    };
    yaml = yamlText(data, false);
  } else {
    const data: Record<string, unknown> = { title: plan.title, ...(date !== undefined ? { date } : {}) };
    if (rng.chance(0.7)) data.lang = plan.lang;
    data.source = sourceUrl(rng);
    data.outlet = orNone(zhName(outlet, plan.lang === "zh-Hant" ? "zh-Hant" : "zh-Hans", m), rng);
    data.author = rng.chance(0.7) ? tailPerson(rng, m) : data.outlet;
    if (rng.chance(0.3)) data.place = rng.pick(["上海", "北京", "伦敦", "香港", "台北", "华盛顿"]);
    if (rng.chance(0.5)) data.summary = summary;
    if (rng.chance(0.2)) data.image = `https://static.dw.com/image/${rng.range(40_000_000, 70_000_000)}_303.jpg`;
    if (rng.chance(0.7)) data.tags = tagValue;
    if (people.length && rng.chance(0.5)) data.people = people;
    if (orgs.length && rng.chance(0.5)) data.companies_orgs = orgs;
    if (rng.chance(0.1)) data.updated = plan.date.plus({ days: rng.range(1, 20) }).toFormat("yyyy-MM-dd");
    data.draft = plan.draft;
    if (rng.chance(0.4)) data.layout = "post.njk";
    yaml = yamlText(data, true);
  }
  return `---\n${plan.brokenFrontMatter ? breakFrontMatter(yaml) : yaml}---\n\n`;
}

// ─── Articles ────────────────────────────────────────────────────────────────────────────────

const FOLDERS = ["chips", "rare-earths", "notes", "clippings", "youtube", "wechat", "读书笔记"];

function articleTitle(c: Context): string {
  const { rng, m, p } = c;
  if (c.script === "en") {
    const a = enName(rng.pick(p.actors));
    const t = enName(rng.pick(p.tags));
    return rng.pick([`${a} tightens ${t} export controls`, `Why ${a} is betting on ${t}`, `${t}: what ${a}'s new rules mean`]);
  }
  const a = zhName(rng.pick(p.actors), "zh-Hans", m);
  const b = zhName(rng.pick(p.actors), "zh-Hans", m);
  const t = zhName(rng.pick(p.tags), "zh-Hans", m);
  const title = rng.pick([
    `${a}宣布${t}出口新规，${b}回应`,
    `${a}与${b}的${t}之争升级`,
    `解读：${a}为何加码${t}限制？`,
    `${t}禁令之后，${a}的下一步`,
    `${a}${t}政策${rng.pick(["全解析", "背后的算计", "的三个信号", "会持续多久"])}`,
    plain(rng.pick(m.headings)),
  ]);
  return c.script === "zh-Hant" ? m.toTraditional(title) : title;
}

function articleScript(rng: Rng): Script {
  return rng.weighted<Script>([["zh-Hans", 80], ["zh-Hant", 15], ["en", 5]]);
}

/** A file name stem whose article slug no earlier file has; the slug is added to `taken`. */
export function uniqueBase(stem: string, taken: Set<string>): string {
  let base = stem;
  // A slug keeps 20 words: beyond them a "-2" suffix is cut off and never makes the slug
  // unique (a 20-character Chinese title is 20 pinyin words), so the number goes first.
  for (let k = 2; taken.has(articleSlug(`${base}.md`)); k++) {
    base = `${stem}-${k}`;
    if (articleSlug(`${base}.md`) === articleSlug(`${stem}.md`)) base = `${k}-${stem}`;
  }
  taken.add(articleSlug(`${base}.md`));
  return base;
}

/** Every article's name, date, language and size, cheap enough to hold for 10,000 files. */
export function planArticles(opts: CorpusOptions, m: Material): ArticlePlan[] {
  const p = pools(m);
  const sizes = planSizes(opts.articles, SIZE_PROFILES[opts.size], createRng(`${opts.seed}/sizes/${opts.size}`));
  const taken = new Set<string>();
  const plans: ArticlePlan[] = [];
  for (let i = 0; i < opts.articles; i++) {
    const rng = createRng(`${opts.seed}/plan/${i}`);
    // Skewed towards recent days: collections grow.
    const date = FIRST_DAY.plus({ days: Math.floor(SPAN_DAYS * rng.next() ** 0.7), minutes: rng.int(24 * 60) });
    const script = articleScript(rng);
    const style: NoteStyle = rng.chance(0.5) ? "note" : "clipping";
    const title = articleTitle({ rng, m, p, script });
    const year = String(date.year);
    const folder = rng.chance(0.7) ? `articles/${year}/${rng.pick(FOLDERS)}` : `articles/${year}`;
    // Notes are named by their title, clippings by date and pinyin slug as the importer names them.
    const stem = style === "note" && rng.chance(0.3) ? title.replace(/[\\/:*?"<>|#^[\]]/g, " ").replace(/\s+/g, " ").trim() : `${date.toFormat("yyyy-MM-dd")}-${slugify(title, 8) || "note"}`;
    const base = uniqueBase(stem, taken);
    const bytes = sizes[i]!;
    const draft = rng.chance(DRAFT_SHARE);
    // Drawn after the rest, so that the shapes added for real collections left the others as they were.
    const transcript = script !== "en" && bytes >= TRANSCRIPT_MIN_BYTES && rng.chance(TRANSCRIPT_SHARE_OF_LONG);
    const dateShape = rng.weighted<ArticlePlan["dateShape"]>([["full", 990], ["none", 5], ["year", 3], ["malformed", 2]]);
    const brokenFrontMatter = i % BROKEN_FRONT_MATTER_EVERY === BROKEN_FRONT_MATTER_EVERY / 2;
    const links = rng.chance(0.02) ? rng.range(1, 3) : 0;
    plans.push({ index: i, path: `${folder}/${base}.md`, base, date, lang: script, style, draft, bytes, title, transcript, dateShape, brokenFrontMatter, wikilinks: new Array<string>(links).fill("") });
  }
  // Wikilinks name other notes by file name, as Obsidian writes them; drawn once all are named.
  for (const plan of plans) {
    if (plan.wikilinks.length === 0) continue;
    const rng = createRng(`${opts.seed}/wikilinks/${plan.index}`);
    plan.wikilinks = plan.wikilinks.map(() => rng.pick(plans).base);
  }
  return plans;
}

/**
 * What one article talks about, as a real article keeps to its subject: a cast of actors and
 * tags drawn from the registry for its own sentences, and the sentences of one or two seeds to
 * borrow. (Drawing every sentence from the whole registry and all seeds gave 108 distinct
 * registry names per article; the five seeds name 22 to 53, 40 on average.)
 */
function subjectOf(p: Pools, m: Material, rng: Rng): { p: Pools; m: Material } {
  const seeds = rng.sample(m.sentencesBySeed, rng.chance(0.85) ? 1 : 2);
  return {
    p: { ...p, actors: rng.sample(p.actors, rng.range(3, 8)), tags: rng.sample(p.tags, rng.range(2, 6)) },
    m: { ...m, sentences: seeds.flat() },
  };
}

/** A transcript's speaker: someone of the long tail, in English as the videos name them. */
function tailPersonName(c: Context): string {
  const rank = tailRank(c.rng, 400);
  return `${EN_FIRST[rank % EN_FIRST.length]} ${EN_LAST[Math.floor(rank / EN_FIRST.length) % EN_LAST.length]}`;
}

export function renderArticle(plan: ArticlePlan, m: Material, seed: string): string {
  const rng = createRng(`${seed}/article/${plan.index}`);
  const subject = subjectOf(pools(m), m, rng);
  const c: Context = { rng, m: subject.m, p: subject.p, script: plan.lang };
  const rawSummary = c.script === "en" ? fill(rng.pick(EN_TEMPLATES), c, false) : plain(rng.pick(m.sentences)) + (rng.chance(0.5) ? plain(rng.pick(m.sentences)) : "");
  const summary = c.script === "zh-Hant" ? m.toTraditional(rawSummary) : rawSummary;
  const fm = frontMatter(plan, c, summary);
  return fm + buildBody(c, Math.max(200, plan.bytes - Buffer.byteLength(fm)), plan.style, { transcript: plan.transcript, wikilinks: plan.wikilinks });
}

// ─── Events ──────────────────────────────────────────────────────────────────────────────────

interface EventPlan {
  id: string;
  value: string;
  precision: "year" | "month" | "day";
  /** First and last day the date can mean, for "strictly later". */
  start: string;
  end: string;
  side: "US" | "CN" | "other";
  authority: ActorEntry;
}

function sideOfAuthority(a: ActorEntry): EventPlan["side"] {
  return a.jurisdiction === "US" ? "US" : a.jurisdiction === "CN" ? "CN" : "other";
}

function nearbyArticles(plans: ArticlePlan[], byDate: ArticlePlan[], start: string, rng: Rng, k: number): ArticlePlan[] {
  let lo = 0;
  let hi = byDate.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byDate[mid]!.date.toFormat("yyyy-MM-dd") < start) lo = mid + 1;
    else hi = mid;
  }
  const window = byDate.slice(Math.max(0, lo - 3), lo + 12);
  return rng.sample(window.length ? window : plans, k);
}

/**
 * Events in date order. About half answer one or two earlier events, always dated strictly
 * after them; each cites articles of the corpus published around its date, by file name.
 */
export function renderEvents(opts: CorpusOptions, plans: ArticlePlan[], m: Material): CorpusFile[] {
  if (opts.events === 0) return [];
  if (plans.length === 0) throw new Error("events cite articles: generate at least one article");
  const p = pools(m);
  const rng = createRng(`${opts.seed}/events`);
  const days = Array.from({ length: opts.events }, () => rng.int(SPAN_DAYS)).sort((a, b) => a - b);
  const byDate = [...plans].sort((a, b) => a.date.toMillis() - b.date.toMillis() || a.index - b.index);
  const ids = new Set<string>();
  const done: EventPlan[] = [];
  const files: CorpusFile[] = [];
  const us = p.authorities.filter((a) => sideOfAuthority(a) === "US");
  const cn = p.authorities.filter((a) => sideOfAuthority(a) === "CN");
  const other = p.authorities.filter((a) => sideOfAuthority(a) === "other");

  days.forEach((dayIndex, i) => {
    const r = rng.fork(i);
    const day = FIRST_DAY.plus({ days: dayIndex });
    const precision = r.weighted<EventPlan["precision"]>([["day", 90], ["month", 8], ["year", day.year < 2021 ? 2 : 0]]);
    const value = precision === "day" ? day.toFormat("yyyy-MM-dd") : precision === "month" ? day.toFormat("yyyy-MM") : String(day.year);
    const start = precision === "day" ? value : precision === "month" ? `${value}-01` : `${value}-01-01`;
    const end = precision === "day" ? value : (precision === "month" ? day.endOf("month") : day.endOf("year")).toFormat("yyyy-MM-dd");

    // Answers: earlier events certainly over before this one starts, most recent first.
    const earlier = done.filter((e) => e.end < start).slice(-40);
    const answers = earlier.length && r.chance(0.5) ? r.sample(earlier, r.chance(0.7) ? 1 : 2) : [];
    const answeredSide = answers[0]?.side;
    const pool = answeredSide === "US" ? cn : answeredSide === "CN" ? us : r.weighted([[us, 45], [cn, 40], [other.length ? other : us, 15]] as const);
    const authority = r.pick(pool.length ? pool : p.authorities);
    const side = sideOfAuthority(authority);
    const item = r.pick(p.itemTags);
    let id = `${value}-${authority.id}-${item.id}`;
    for (let k = 2; ids.has(id); k++) id = `${value}-${authority.id}-${item.id}-${k}`;
    ids.add(id);

    const kind: EventKind = answers.length
      ? answers.some((a) => a.side !== side) ? "countermeasure" : "measure"
      : r.weighted<EventKind>([["measure", 50], ["statement", 20], ["relaxation", 10], ["ruling", 10], ["countermeasure", 10]]);
    const itemZh = zhName(item, "zh-Hans", m);
    const authZh = zhName(authority, "zh-Hans", m);
    const verb = { measure: ["对", "实施出口管制"], countermeasure: ["对", "实施反制措施"], relaxation: ["放宽", "出口许可"], ruling: ["就", "作出裁决"], statement: ["就", "发表声明"] }[kind];
    const titleZh = `${authZh}${verb[0]}${itemZh}${verb[1]}`;
    const titleEn = `${enName(authority)}: ${kind} on ${enName(item)}`;
    const dates: Record<string, string> = { announced: value };
    if (precision === "day" && r.chance(0.4)) dates.effective = day.plus({ days: r.range(0, 90) }).toFormat("yyyy-MM-dd");
    if (precision === "day" && r.chance(0.05)) dates.suspended = day.plus({ days: r.range(100, 400) }).toFormat("yyyy-MM-dd");

    const cited = nearbyArticles(plans, byDate, start, r, r.range(1, 3));
    const sources: Array<Record<string, string>> = cited.map((a) => ({
      article: r.weighted([[a.base, 7], [`${a.base}.md`, 1], [a.path, 2]] as const),
      ...(r.chance(0.3) ? { note: plain(r.pick(m.sentences)).slice(0, 60) } : {}),
    }));
    if (r.chance(0.5)) sources.push({ url: sourceUrl(r), title: titleEn });

    const fmData: Record<string, unknown> = {
      title: { "zh-Hans": titleZh, en: titleEn, ...(r.chance(0.5) ? { "zh-Hant": m.toTraditional(titleZh) } : {}) },
      dates,
      ...(r.chance(0.1) ? { date_notes: `The source says ${r.pick(["本周一", "近期", "上月底"])}; the date is worked out from its publication date.` } : {}),
      jurisdiction: authority.jurisdiction!,
      authority: r.chance(0.7) ? authority.id : anyName(authority, r, m),
      kind,
      ...(r.chance(0.6)
        ? {
            instrument:
              side === "CN"
                ? { id: `商务部公告${day.year}年第${r.range(1, 80)}号`, title: `关于对${itemZh}实施管制的公告` }
                : { id: `${day.year - 1935} FR ${r.range(10_000, 99_999)}`, title: `${enName(item)} rule`, url: `https://www.federalregister.gov/d/${day.year}-${r.range(10_000, 29_999)}` },
          }
        : {}),
      domain: r.sample(EVENT_DOMAINS, r.range(1, 2)),
      items: [item.id, ...r.sample(p.itemTags, r.range(0, 3)).map((t) => (r.chance(0.5) ? t.id : zhName(t, "zh-Hans", m)))].filter((x, k, a) => a.indexOf(x) === k),
      targets: side === "US" ? ["cn"] : side === "CN" ? [r.pick(["us", "美国"])] : [],
      responds_to: answers.map((a) =>
        r.chance(0.4) ? { id: a.id, basis: "stated" } : { id: a.id, basis: "analyst", by: zhName(r.pick(p.outlets), "zh-Hans", m) },
      ),
      sources,
    };
    const c: Context = { rng: r, m, p, script: "en" };
    const body = [
      Array.from({ length: r.range(1, 3) }, () => fill(r.pick(EN_TEMPLATES), c, false)).join(" "),
      Array.from({ length: r.range(1, 3) }, () => fill(r.pick(ZH_TEMPLATES), c, true)).join(""),
    ].join("\n\n");
    files.push({ path: `events/${id}.md`, text: `---\n${yamlText(fmData, true)}---\n${body}\n` });
    done.push({ id, value, precision, start, end, side, authority });
  });
  return files;
}

/** The whole corpus, one file at a time: articles in plan order, then events. */
export function* generateCorpus(opts: CorpusOptions, m: Material): Generator<CorpusFile> {
  const plans = planArticles(opts, m);
  for (const plan of plans) yield { path: plan.path, text: renderArticle(plan, m, opts.seed) };
  yield* renderEvents(opts, plans, m);
}
