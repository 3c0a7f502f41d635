// WeChat official-account articles as Markdown exporters save them: `# title`, a header block
// (`文章作者:`, `发布时间:`, `发布地:`, `原文链接:`, `封面图链接:`), the article with its
// hotlinked mmbiz images, then the account's promotional footer (follow/group prompts,
// "往期推荐" links to older posts, "点个在看"). The footer goes; the article's own images,
// captions and copyright line stay.
import type { ClippingFormat, Extraction } from "../types.ts";
import {
  NoiseLog,
  headerValue,
  isImageOnlyLine,
  joinCjkSoftBreaks,
  repairSplitHeadings,
  splitLines,
  extraction,
} from "../text.ts";

/** Header keys of WeChat exporters and the front-matter field each one fills. */
const HEADER_FIELDS: Record<string, string> = {
  标题: "title",
  文章标题: "title",
  文章作者: "author",
  作者: "author",
  公众号: "outlet",
  公众号名称: "outlet",
  发布时间: "date",
  发布日期: "date",
  发布地: "place",
  原文链接: "source",
  封面图链接: "image",
  封面图: "image",
  摘要: "summary",
  文章摘要: "summary",
};
const HEADER_KEYS = Object.keys(HEADER_FIELDS);
/** Keys no other clipping format uses; three of them identify the export without a weixin link. */
const WECHAT_KEYS = new Set(["文章作者", "发布地", "原文链接", "封面图链接", "公众号", "公众号名称"]);
const WEIXIN = /mp\.weixin\.qq\.com|mmbiz\.qpic\.cn|mmbiz\.qlogo\.cn/;

/** A line that starts the footer: everything from here on is the account's, not the article's. */
const TAIL_MARKER =
  /^(往期推荐|往期回顾|往期精选|往期精彩(回顾)?|往期文章|推荐阅读|精彩推荐|热门推荐|热门文章|相关阅读|历史文章|近期热文|热文推荐|猜你喜欢|更多精彩|更多推荐|预览时标签不可点|[-—–·=\s]*(THE\s+)?END[-—–·=\s]*)[:：]?$/i;

/** Follow/share/group prompts WeChat accounts put around their articles. */
const PROMO =
  /关注我|关注我们|关注公众号|请关注|点击上方|点击下方|蓝字|公众号获取|添加公众号|进群|交流群|投稿|商务合作|点个\s*在看|点.{0,2}在看|在看你最好看|设为星标|星标|标星|扫码|扫一扫|二维码|长按识别|阅读原文|点赞|分享给|Scan to Follow|继续滑动看下一个|向上滑动看下一个|轻点两下取消/i;

function plain(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>]/g, "")
    .trim();
}

function isPromo(line: string): boolean {
  const p = plain(line);
  // Prompts are one short line; an article paragraph that happens to say 关注 is long.
  return p.length > 0 && p.length <= 80 && PROMO.test(p);
}

function isTailMarker(line: string): boolean {
  return TAIL_MARKER.test(plain(line));
}

interface HeaderBlock {
  titleLine?: number;
  start: number;
  end: number;
  values: Array<{ key: string; value: string }>;
}

/** The `# title` line and the header block after it, within the first lines of the file. */
function findHeader(lines: readonly string[]): HeaderBlock | undefined {
  let titleLine: number | undefined;
  let nonEmpty = 0;
  for (let i = 0; i < lines.length && nonEmpty < 12; i++) {
    const line = lines[i] ?? "";
    if (!line.trim()) continue;
    nonEmpty++;
    if (titleLine === undefined && /^#\s+\S/.test(line)) {
      titleLine = i;
      continue;
    }
    if (!headerValue(line, HEADER_KEYS)) continue;
    const values: HeaderBlock["values"] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const l = lines[j] ?? "";
      if (!l.trim()) continue;
      const h = headerValue(l, HEADER_KEYS);
      if (!h) break;
      values.push(h);
    }
    return { ...(titleLine !== undefined ? { titleLine } : {}), start: i, end: j, values };
  }
  return undefined;
}

function detect(text: string): boolean {
  const header = findHeader(splitLines(text));
  if (!header) return false;
  const keys = new Set(header.values.map((v) => v.key));
  const specific = [...keys].filter((k) => WECHAT_KEYS.has(k)).length;
  return (keys.size >= 2 && specific >= 1 && WEIXIN.test(text)) || specific >= 3;
}

/**
 * Index where the footer starts: the first tail marker in the second half of the text, pulled
 * back over the prompts, blank lines and decorative images just above it. (A 相关阅读 heading
 * early on is the article's own.) Images above the first prompt stay: they may be the
 * article's last figure.
 */
function footerStart(lines: readonly string[]): number {
  const half = Math.floor(lines.length / 2);
  let tail = lines.findIndex((l, i) => i >= half && isTailMarker(l));
  if (tail < 0) tail = lines.length;
  let start = tail;
  for (let i = tail - 1; i >= 0; i--) {
    const l = lines[i] ?? "";
    if (!l.trim() || isImageOnlyLine(l)) continue;
    if (isPromo(l)) {
      start = i;
      continue;
    }
    break;
  }
  return start;
}

function extract(text: string): Extraction {
  const lines = splitLines(text);
  const header = findHeader(lines);
  const noise = new NoiseLog();
  const fields: Record<string, unknown> = {};

  let bodyStart = 0;
  if (header) {
    if (header.titleLine !== undefined) {
      fields.title = (lines[header.titleLine] ?? "").replace(/^#\s+/, "").trim();
      // Anything above the title is the clipper's, not the article's.
      noise.dropAll(lines.slice(0, header.titleLine));
    }
    for (const { key, value } of header.values) {
      const field = HEADER_FIELDS[key];
      if (field && value && fields[field] === undefined) fields[field] = value;
    }
    bodyStart = header.end;
  }

  let body = lines.slice(bodyStart);
  const cut = footerStart(body);
  noise.dropAll(body.slice(cut));
  body = body.slice(0, cut).filter((l) => {
    if (!isPromo(l)) return true;
    noise.drop(l);
    return false;
  });
  body = joinCjkSoftBreaks(repairSplitHeadings(body));

  // The account is the outlet: named in the header, else in its closing `© name` line.
  if (fields.outlet === undefined) {
    const copyright = body
      .map((l) => /^\s*(?:©|\(c\)|版权所有[:：]?)\s*(.{1,30}?)\s*$/i.exec(plain(l))?.[1])
      .filter((x): x is string => !!x)
      .pop();
    const outlet = copyright ?? (typeof fields.author === "string" ? fields.author : undefined);
    if (outlet) fields.outlet = outlet;
  }
  fields.platform = "WeChat";

  return extraction(fields, body.join("\n"), noise, "Asia/Shanghai");
}

export const wechat: ClippingFormat = {
  id: "wechat",
  label: "WeChat official-account article (Markdown export)",
  detect,
  extract,
};
