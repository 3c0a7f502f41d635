// NetEase (网易) article pages saved as plain text: the breadcrumb chrome
// (`网易首页 > 网易号 > 正文`), the headline, share widgets, the article, the platform's
// bilingual disclaimer, then "相关推荐/热点推荐" (unrelated headlines, each with an outlet and a
// timestamp), the author card (timestamp, name with `incentive-icons`, motto,
// `N文章数 N关注度`) and the site's channel lists. The article's own timestamp is the author
// card's, never a headline's.
import type { ClippingFormat, Extraction } from "../types.ts";
import { NoiseLog, splitLines, extraction } from "../text.ts";

const BREADCRUMB = /^\s*网易首页\s*>/;
const DISCLAIMER_ZH = /^\s*特别声明[:：].*网易号/m;
const DISCLAIMER_EN = /^\s*Notice: The content above .*NetEase/im;
const AUTHOR_STATS = /^\s*\d+\s*文章数\s+\d+\s*关注度\s*$/;
const TIMESTAMP = /^\s*(\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}(?::\d{2})?)\s*$/;
/** A dateline some NetEase pages carry under the headline: `2025-06-13 16:00:49 来源: 新华社`. */
const DATELINE = /^\s*(\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}(?::\d{2})?)\s+来源[:：]\s*(.+?)\s*$/;
/** Where the page after the article begins, when the disclaimer is missing. */
const TAIL_START = /^\s*(特别声明[:：]|Notice: The content above|相关推荐|热点推荐|往期回顾|无障碍浏览|返回网易首页|下载网易新闻客户端)/;
/** Share/comment widgets between the headline and the article. */
const WIDGET = /^\s*(\d+|分享至|举报|跟贴\s*\d*|\+?\s*关注|评论|申请入驻|打开网易新闻\s*查看精彩图片)\s*$/;

function detect(text: string): boolean {
  const signals = [
    /^\s*网易首页\s*>.*(正文|网易号)/m.test(text),
    DISCLAIMER_ZH.test(text),
    DISCLAIMER_EN.test(text),
    /^\s*\d+\s*文章数\s+\d+\s*关注度\s*$/m.test(text),
    /incentive-icons/.test(text),
    /^\s*(相关推荐|热点推荐)\s*$/m.test(text),
  ].filter(Boolean).length;
  return signals >= 2;
}

/** The author card in the page's tail: its timestamp and the author's name. */
function authorCard(tail: readonly string[]): { date?: string; author?: string; used: Set<number> } {
  const used = new Set<number>();
  const anchor = tail.findIndex((l) => AUTHOR_STATS.test(l) || /\bincentive-icons\b/.test(l));
  if (anchor < 0) return { used };
  // The card's timestamp is the nearest one above its name line (a few lines up at most).
  for (let i = anchor; i >= Math.max(0, anchor - 6); i--) {
    const m = TIMESTAMP.exec(tail[i] ?? "");
    if (!m) continue;
    used.add(i);
    let j = i + 1;
    while (j < tail.length && !(tail[j] ?? "").trim()) j++;
    const name = (tail[j] ?? "").replace(/\bincentive-icons\b/g, "").trim();
    if (name && !AUTHOR_STATS.test(name)) used.add(j);
    return { date: m[1], ...(name && !AUTHOR_STATS.test(name) ? { author: name } : {}), used };
  }
  return { used };
}

function extract(text: string): Extraction {
  const lines = splitLines(text);
  const noise = new NoiseLog();
  const fields: Record<string, unknown> = {};

  const crumb = lines.findIndex((l) => BREADCRUMB.test(l));
  let i = crumb >= 0 ? crumb + 1 : 0;
  noise.dropAll(lines.slice(0, i));
  while (i < lines.length && !(lines[i] ?? "").trim()) i++;
  fields.title = (lines[i] ?? "").trim();
  i++;

  // Widgets and an optional dateline between the headline and the first paragraph.
  for (; i < lines.length; i++) {
    const l = lines[i] ?? "";
    if (!l.trim()) continue;
    const dateline = DATELINE.exec(l);
    if (dateline) {
      fields.date = dateline[1];
      fields.outlet = dateline[2];
      continue;
    }
    if (!WIDGET.test(l)) break;
    noise.drop(l);
  }

  let end = lines.findIndex((l, k) => k >= i && TAIL_START.test(l));
  if (end < 0) end = lines.length;
  const body = lines.slice(i, end);
  const tail = lines.slice(end);

  const card = authorCard(tail);
  if (fields.date === undefined && card.date) fields.date = card.date;
  if (card.author) fields.author = card.author;
  tail.forEach((l, k) => {
    if (!card.used.has(k)) noise.drop(l);
  });

  // Pages from 网易号 are posted by the account itself; the platform is the outlet.
  if (fields.outlet === undefined) {
    const crumbLine = crumb >= 0 ? (lines[crumb] ?? "") : "";
    fields.outlet = /网易号/.test(crumbLine) || DISCLAIMER_ZH.test(text) || DISCLAIMER_EN.test(text) ? "网易号" : "网易";
  }

  return extraction(fields, body.join("\n"), noise, "Asia/Shanghai");
}

export const netease: ClippingFormat = {
  id: "netease",
  label: "NetEase (网易号) page, plain text",
  detect,
  extract,
};
