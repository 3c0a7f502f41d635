// The bench corpus's text: sentences from the seed notes, from templates filled with registry
// names and from a growing lexicon, put together into bodies of a planned size with headings,
// lists, quotes, images, links, wikilinks and bilingual transcript turns, as real notes have them.
import { DateTime } from "luxon";
import { slugify } from "../src/normalize/slug.ts";
import type { ActorEntry, TagEntry } from "../src/model/registry.ts";
import type { Material } from "./material.ts";
import type { Rng } from "./prng.ts";
import { enName, lexiconWord, tailPersonName, zhName, type Pools, type Script } from "./names.ts";

/** A note keeps its own headings (### and ####); a clipping has the outlet's (## and ###). */
export type NoteStyle = "note" | "clipping";

// The window real clippings fall in, and a "now" after it so no date is in the future: the
// dates of sentences, articles and events are all drawn inside it.
export const FIRST_DAY = DateTime.fromISO("2018-01-01", { zone: "Asia/Shanghai" });
const LAST_DAY = DateTime.fromISO("2025-09-30", { zone: "Asia/Shanghai" });
export const SPAN_DAYS = Math.round(LAST_DAY.diff(FIRST_DAY, "days").days);

// ─── Sentences ───────────────────────────────────────────────────────────────────────────────

export const ZH_TEMPLATES = [
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

export const EN_TEMPLATES = [
  "{A} said on {E} that the new {T} rules would take effect within {N} days.",
  "Analysts at {O} estimate that the {T} controls could cut shipments by {N}% this year.",
  "The measure follows earlier restrictions by {B} on {T}, according to {O}.",
  "{A} added {N} entities to its list, citing national-security concerns over {T}.",
  "Officials from {A} and {B} are expected to discuss {T} at the next round of talks.",
  "Industry groups warned that licensing delays for {T} now exceed {N} working days.",
];

export interface Context {
  rng: Rng;
  m: Material;
  p: Pools;
  script: Script;
}

/** Fills a template's slots with registry names: Chinese names for a Chinese template. */
export function fill(template: string, c: Context, zh: boolean): string {
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

export function plain(s: string): string {
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

export function sourceUrl(rng: Rng): string {
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

export function linkSentence(c: Context): string {
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
  const speakers = shape.transcript ? [tailPersonName(c.rng), tailPersonName(c.rng)] : [];
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
