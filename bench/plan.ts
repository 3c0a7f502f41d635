// The bench corpus's plan: every article's path, date, language, style, size and shape, drawn
// up front and cheap enough to hold for 10,000 files, so that events can cite articles by file
// name and each article can then be written from its own seeded stream.
import type { DateTime } from "luxon";
import type { Lang } from "../src/model/types.ts";
import { slugify } from "../src/normalize/slug.ts";
import { articleSlug } from "../src/ingest/article.ts";
import type { Material } from "./material.ts";
import { createRng, type Rng } from "./prng.ts";
import { planSizes, SIZE_PROFILES, type SizeProfileName } from "./sizes.ts";
import { enName, pools, zhName, type Script } from "./names.ts";
import { FIRST_DAY, plain, SPAN_DAYS, type Context, type NoteStyle } from "./prose.ts";

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

/** Share of drafts: the real collection publishes 1% of its notes; the rest is the knowledge base. */
export const DRAFT_SHARE = 0.99;

/** About one note in eight is a bilingual transcript: drawn among the notes of 30 KB or more (41% of them). */
export const TRANSCRIPT_SHARE_OF_LONG = 0.3;
export const TRANSCRIPT_MIN_BYTES = 30_000;

/** One note in this many has front matter YAML cannot parse (the real collection: one of 9,180). */
export const BROKEN_FRONT_MATTER_EVERY = 9000;

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
