// Initium Media (端传媒) articles saved as plain text: a section label (`即时`), the title as
// `## title | Column`, a standfirst, photos' credit lines (`…摄：Name/Agency`), the byline
// `特约撰稿人 NAME 发自PLACE | YYYY-MM-DD`, then the article with "延伸阅读" cross-references
// whose links the clipper emptied (`[《…》](#)`).
import type { ClippingFormat, Extraction } from "../types.ts";
import { NoiseLog, splitLines, unwrapEmptyLinks, extraction } from "../text.ts";

/** Reporter roles, Simplified and Traditional, optionally prefixed with the outlet's name. */
const ROLE = new RegExp(
  "^(?:端传媒|端傳媒)?(?:特约|特約|实习|實習|资深|資深)?(?:撰稿人|记者|記者|评论员|評論員|编辑|編輯|作者|研究员|研究員)\\s*",
);
/** An editorial desk signs as itself: 端传媒编辑部. */
const DESK = /(编辑部|編輯部|编辑室|編輯室)$/;
/** `WHO [发自PLACE] | YYYY-MM-DD`. */
const BYLINE =
  /^\s*([^|｜。，]{1,60}?)\s*(?:(?:发自|發自)\s*([^\s|｜]{1,20}))?\s*[|｜]\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*$/;
const TITLE = /^#{1,2}\s+(\S.*?)\s*$/;
/** ` | Whatsnew`: Initium's column name after the headline. */
const COLUMN_SUFFIX = /^(.+?)\s+[|｜]\s+([^|｜]{1,30})$/;
const CREDIT = /(摄|攝|图|圖|圖片|图片|Photo)\s*[:：]/;

interface Byline {
  author: string;
  place?: string;
  date: string;
}

function parseByline(line: string): Byline | undefined {
  const m = BYLINE.exec(line);
  if (!m?.[1] || !m[3]) return undefined;
  const who = m[1].trim();
  const place = m[2];
  const role = ROLE.exec(who);
  let author: string;
  if (DESK.test(who)) author = who;
  else if (role && who.slice(role[0].length).trim()) author = who.slice(role[0].length).trim();
  // Without a role, a desk or a place, `text | date` could be anything.
  else if (place) author = who;
  else return undefined;
  return { author, ...(place ? { place } : {}), date: m[3] };
}

interface Layout {
  title: number;
  byline: number;
  parsed: Byline;
}

function layout(lines: readonly string[]): Layout | undefined {
  let title = -1;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 20; i++) {
    const l = lines[i] ?? "";
    if (!l.trim()) continue;
    seen++;
    if (title < 0) {
      if (TITLE.test(l)) title = i;
      else if (seen >= 6) return undefined;
      continue;
    }
    const parsed = parseByline(l);
    if (parsed) return { title, byline: i, parsed };
  }
  return undefined;
}

function detect(text: string): boolean {
  return layout(splitLines(text)) !== undefined;
}

function extract(text: string): Extraction {
  const lines = splitLines(text);
  const found = layout(lines);
  if (!found) throw new Error("not an Initium article: no `## title` followed by a `NAME 发自PLACE | date` byline");
  const noise = new NoiseLog();
  // Section labels above the title (即时, 国际, 评论…) are navigation.
  noise.dropAll(lines.slice(0, found.title));

  const fields: Record<string, unknown> = {};
  let title = TITLE.exec(lines[found.title] ?? "")?.[1] ?? "";
  const column = COLUMN_SUFFIX.exec(title);
  if (column?.[1] && column[2]) title = column[1].trim();
  fields.title = title;
  fields.date = found.parsed.date;
  fields.author = found.parsed.author;
  if (found.parsed.place) fields.place = found.parsed.place;
  fields.outlet = "端传媒";

  // The standfirst: the first paragraph between title and byline that is not a photo credit.
  const standfirst = lines
    .slice(found.title + 1, found.byline)
    .map((l) => l.trim())
    .find((l) => l && !CREDIT.test(l) && !/^!\[/.test(l));
  if (standfirst) fields.summary = unwrapEmptyLinks(standfirst);
  if (column?.[2]) fields.series = column[2].trim();

  const body = lines.filter((_l, i) => i > found.title && i !== found.byline);
  return extraction(fields, unwrapEmptyLinks(body.join("\n")), noise, "Asia/Shanghai");
}

export const initium: ClippingFormat = {
  id: "initium",
  label: "Initium Media (端传媒) article, plain text",
  detect,
  extract,
};
