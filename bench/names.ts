// The bench corpus's names: registry entries spelled as users write them (any script, an
// alias, the id, a known variant) and the long tails of tags, people, organizations and products
// that most real notes name only once. Deterministic: every draw comes from the caller's stream.
import type { Lang } from "../src/model/types.ts";
import type { ActorEntry, TagEntry } from "../src/model/registry.ts";
import type { Material } from "./material.ts";
import type { Rng } from "./prng.ts";

export type Script = "zh-Hans" | "zh-Hant" | "en";

export function zhName(e: { names: Partial<Record<Lang, string>> }, script: "zh-Hans" | "zh-Hant", m: Material): string {
  const hans = e.names["zh-Hans"] ?? e.names.en ?? "";
  return script === "zh-Hans" ? hans : (e.names["zh-Hant"] ?? m.toTraditional(hans));
}

export function enName(e: { names: Partial<Record<Lang, string>> }): string {
  return e.names.en ?? e.names["zh-Hans"] ?? "";
}

/** A name as a user might write it in front matter: any script, an alias, or the id. */
export function anyName(e: ActorEntry | TagEntry, rng: Rng, m: Material): string {
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

export function unknownTag(rng: Rng): string {
  return rng.chance(0.4) ? rng.pick(UNKNOWN_TAG_WORDS) : `${rng.pick(UNKNOWN_TAG_HEADS)}${rng.pick(UNKNOWN_TAG_TAILS)}`;
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
export const PEOPLE_VARIANTS: readonly (readonly string[])[] = [
  ["黄仁勋", "Jensen Huang", "黃仁勳", "老黄"],
  ["马斯克", "Elon Musk", "Musk", "馬斯克"],
  ["特朗普", "Donald Trump", "川普", "Trump"],
];
export const PRODUCT_VARIANTS: readonly (readonly string[])[] = [
  ["H20", "h20", "NVIDIA H20", "H20 芯片"],
  ["Ascend 910B", "昇腾910B", "910B"],
  ["ChatGPT", "chatgpt", "Chat GPT"],
  ["iPhone", "iphone", "苹果手机"],
];

export function variantOf(groups: readonly (readonly string[])[], rng: Rng): string {
  return rng.pick(rng.pick(groups));
}

/** A tag of the long tail: an English slug, a Chinese word or a #tag, most used by one note. */
export function tailTag(rng: Rng, m: Material): string {
  const rank = tailRank(rng, 400_000);
  const w = SLUG_WORDS.length;
  const tag = rng.chance(0.5)
    ? [SLUG_WORDS[rank % w]!, ...(rank >= w ? [SLUG_WORDS[Math.floor(rank / w) % w]!] : []), ...(rank >= w * w ? [String(Math.floor(rank / (w * w)))] : [])].join("-")
    : lexiconWord(rank, m.hanChars);
  return rng.chance(0.1) ? `#${tag}` : tag;
}

/** A person of the long tail: Chinese or English, most named by one note. */
export function tailPerson(rng: Rng, m: Material): string {
  const rank = tailRank(rng, 200_000);
  if (rng.chance(0.6)) return `${SURNAMES[rank % SURNAMES.length]}${rank < 300 ? GIVEN[Math.floor(rank / SURNAMES.length) % GIVEN.length] : lexiconWord(rank, m.hanChars).slice(0, 2)}`;
  const first = EN_FIRST[rank % EN_FIRST.length]!;
  const last = EN_LAST[Math.floor(rank / EN_FIRST.length) % EN_LAST.length]!;
  return rank < 400 ? `${first} ${last}` : `${first} ${last}-${lexiconWord(rank, "abcdefghijklmnopqrstuvwxyz")}`;
}

export function tailOrg(rng: Rng, m: Material): string {
  const rank = tailRank(rng, 200_000);
  return rng.chance(0.5) ? `${lexiconWord(rank, m.hanChars)}${ORG_SUFFIX_ZH[rank % ORG_SUFFIX_ZH.length]}` : `${SLUG_WORDS[rank % SLUG_WORDS.length]!.replace(/^./, (c) => c.toUpperCase())} ${ORG_SUFFIX_EN[Math.floor(rank / SLUG_WORDS.length) % ORG_SUFFIX_EN.length]}`;
}

export function tailProduct(rng: Rng): string {
  const rank = tailRank(rng, 100_000);
  return `${MODEL_HEADS[rank % MODEL_HEADS.length]}${Math.floor(rank / MODEL_HEADS.length) + 1}`;
}

export interface Pools {
  actors: ActorEntry[];
  people: ActorEntry[];
  orgs: ActorEntry[];
  outlets: ActorEntry[];
  authorities: ActorEntry[];
  tags: TagEntry[];
  itemTags: TagEntry[];
}

const poolCache = new WeakMap<Material, Pools>();

export function pools(m: Material): Pools {
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

/** Words no seed contains, for a vocabulary that grows with the corpus as real text does. */
export function lexiconWord(rank: number, chars: string): string {
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

/** A transcript's speaker: someone of the long tail, in English as the videos name them. */
export function tailPersonName(rng: Rng): string {
  const rank = tailRank(rng, 400);
  return `${EN_FIRST[rank % EN_FIRST.length]} ${EN_LAST[Math.floor(rank / EN_FIRST.length) % EN_LAST.length]}`;
}
