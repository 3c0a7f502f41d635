// One content file → one Article (or the diagnostics that say why not). Pure: the caller
// reads the file and passes the registries; nothing here touches the disk.
import path from "node:path";
import { IANAZone } from "luxon";
import type { Article, Lang, NormalizedDate, OpenName } from "../model/types.ts";
import { reporterFor, type Diagnostic } from "../model/diagnostics.ts";
import { readArticleFrontMatter, KNOWN_ARTICLE_FIELDS, type ArticleFrontMatter, type DroppedField } from "../model/schema.ts";
import { parseContentFile, type ParsedFile } from "../content/frontmatter.ts";
import { normalizeDate, checkPlausibleDate } from "../normalize/date.ts";
import { detectLang } from "../normalize/lang.ts";
import { plainTitle } from "../model/names.ts";
import { slugify } from "../normalize/slug.ts";
import { renderMarkdown, countWords, MAX_QUOTE_DEPTH, type RenderOptions } from "../render/markdown.ts";
import { NAME_FIELDS, type Vocabulary } from "./vocabulary.ts";
import type { FallbackDates } from "./file-dates.ts";
import { articleEvents, type EventIndex } from "../timeline/article-events.ts";

export interface ArticleResult {
  article?: Article;
  html?: string;
  headings?: ReturnType<typeof renderMarkdown>["headings"];
  /** Body text for the search index: all of it (every word is indexed). */
  text?: string;
  /** Images of the content folder the body shows (![[image.png]]): the build publishes them. */
  attachments?: string[];
  diagnostics: Diagnostic[];
}

/** Fields real notes use for the publication date, in order of preference. */
const DATE_FIELDS = ["date", "published", "pubDate", "created"] as const;

export function defaultZone(lang: Lang): string {
  // Chinese outlets (mainland, Hong Kong, Taiwan, Singapore) all publish on UTC+8.
  return lang === "en" ? "UTC" : "Asia/Shanghai";
}

/** The zone a note's dates are read in: its own `timezone` when it is an IANA name, else its language's. */
function articleZone(fm: ArticleFrontMatter, lang: Lang): string {
  return fm.timezone !== undefined && IANAZone.isValidZone(fm.timezone) ? fm.timezone : defaultZone(lang);
}

export function ingestArticle(
  file: string,
  raw: string,
  vocab: Vocabulary,
  opts: {
    now: Date;
    /** Where a note without a usable date takes it from, after a date in its file name (file-dates.ts). */
    fallbackDates?: FallbackDates;
    /** The run's class allowlist and wikilink targets (src/render/markdown.ts). */
    render?: RenderOptions;
    /** The run's events: a published article lists those it reports (src/timeline/article-events.ts). */
    events?: EventIndex;
    /** Drafts are published, so they are linked to events too. */
    includeDrafts?: boolean;
  },
): ArticleResult {
  const diagnostics: Diagnostic[] = [];
  const { err, warn } = reporterFor(file, diagnostics);

  if (raw.trim() === "") {
    // Nothing to publish, and nothing wrong with the rest: an Obsidian vault has empty daily notes.
    warn("the file is empty: there is nothing to publish", undefined, undefined, "not-an-article");
    return { diagnostics };
  }
  if (raw.includes("\u0000")) {
    warn("the file is binary (it contains NUL bytes), not Markdown text: it is not published", undefined, undefined, "not-an-article");
    return { diagnostics };
  }

  // Front matter that cannot be read costs the fields it spoils, never the article: the body is
  // published, and the title and the date come from their fallbacks below.
  const parsed = parseContentFile(raw, { lenient: true });
  for (const p of parsed.problems) diagnostics.push({ file, ...p });
  const { fields: fm, dropped } = readArticleFrontMatter(parsed.data);
  for (const d of dropped) warn(droppedMessage(d), d.field, parsed.lineOf(d.field));
  const body = parsed.body;
  const rendered = renderMarkdown(body, opts.render);
  for (const r of rendered.removed) {
    const times = r.count > 1 ? ` (×${r.count}, first at line ${parsed.bodyLine + r.line - 1})` : "";
    warn(`removed from the page for safety: ${r.what}${times} (the text stays in the file)`, "body", parsed.bodyLine + r.line - 1, "html-removed");
  }
  if (rendered.flattenedFrom !== undefined) {
    warn(`quotes or lists are nested deeper than a page can show from this line on: the deepest levels are shown ${MAX_QUOTE_DEPTH} levels deep, every word kept`, "body", parsed.bodyLine + rendered.flattenedFrom - 1);
  }
  for (const u of rendered.wikilinks.unresolved) {
    warn(`[[${u.target}]] leads to no note or image in the content folder; shown as plain text`, "body", parsed.bodyLine + u.line - 1, "wikilink-unresolved");
  }

  const lang: Lang = (fm.lang as Lang | undefined) ?? detectLang(`${fm.title ?? ""}\n${rendered.text}`);

  let title = fm.title === undefined ? undefined : plainTitle(fm.title);
  if (!title) {
    // Only a heading the note opens with: vaults use `#` for sections too ("# Example" in E-graph.md).
    const h1 = rendered.leadingH1;
    title = h1 || path.basename(file, path.extname(file));
    warn(`no title in front matter; using ${h1 ? "the first heading" : "the file name"}: "${title}"`, "title", 1);
  }
  if (title.length > 300) {
    warn(
      `title is ${title.length} characters long; it is kept whole, but lists, browser tabs and search results cannot show all of it: move the rest to \`summary\``,
      "title",
      parsed.lineOf("title"),
    );
  }

  const zone = articleZone(fm, lang);
  if (fm.timezone !== undefined && zone !== fm.timezone) {
    warn(`unknown time zone "${fm.timezone}" is ignored (dates are read in ${zone}); use an IANA name such as Asia/Shanghai`, "timezone", parsed.lineOf("timezone"));
  }

  const date = articleDate(file, fm, parsed, zone, opts, { warn, err });
  let updated: NormalizedDate | undefined;
  if (fm.updated !== undefined) {
    const r = normalizeDate(fm.updated, { zone });
    if (r.ok) updated = r.value;
    else warn(`ignored: ${r.error}`, "updated", parsed.lineOf("updated"));
  }

  if (diagnostics.some((d) => d.severity === "error") || !date) return { diagnostics };

  // Vocabularies are open: a name no registry has is a term of its own, kept as written (no
  // warning); its id is settled over the collection (src/normalize/open-terms.ts). Products are
  // tags: what a measure controls (H20, HBM) is a tag, as in an event's items.
  const named = (fields: typeof NAME_FIELDS.tags | typeof NAME_FIELDS.actors, resolve: (name: string) => string | undefined, openId: (name: string) => string) => {
    const ids = new Set<string>();
    const open: OpenName[] = [];
    for (const [field, kind] of fields) {
      for (const name of fm[field] ?? []) {
        const id = resolve(name);
        if (id) ids.add(id);
        else {
          const o = openId(name);
          ids.add(o);
          open.push({ id: o, name, kind });
        }
      }
    }
    return { ids, open };
  };
  const fromTags = named(NAME_FIELDS.tags, (n) => vocab.resolveTag(n), (n) => vocab.openTagId(n));
  const fromActors = named(NAME_FIELDS.actors, (n) => vocab.resolveActor(n), (n) => vocab.openActorId(n));
  const tags = fromTags.ids;
  const actors = fromActors.ids;
  const unknownTags = new Set(fromTags.open.map((o) => o.id));
  const openNames: { tags: OpenName[]; actors: OpenName[] } = { tags: fromTags.open, actors: fromActors.open };

  // Nested names too (芯片 in AI芯片), for the search index's name filters: one scan for both.
  const { mentions, nestedOnly } = vocab.findMentionsWithNested(`${title}\n${fm.summary ?? ""}\n${rendered.text}`);
  mentions.actors.forEach((a) => actors.add(a));
  mentions.tags.forEach((t) => tags.add(t));

  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fm)) if (!KNOWN_ARTICLE_FIELDS.has(k)) extra[k] = v;

  const slug = articleSlug(file, fm.slug);
  const draft = fm.draft ?? dropped.some((d) => d.field === "draft");
  // Only what is published: a draft's links would be read by nobody.
  const events =
    opts.events && isPublished({ draft }, opts.includeDrafts ?? false)
      ? articleEvents(body, date.day, opts.events, vocab).map((l) => ({ ...l, line: parsed.bodyLine + l.line - 1 }))
      : [];
  const article: Article = {
    slug,
    url: `/articles/${slug}/`,
    file,
    title,
    date,
    ...(updated ? { updated } : {}),
    lang,
    ...(fm.source ? { source: fm.source } : {}),
    ...(fm.outlet ? { outlet: fm.outlet } : {}),
    ...(fm.author ? { author: fm.author } : {}),
    ...(fm.place ? { place: fm.place } : {}),
    ...(fm.summary ? { summary: fm.summary } : {}),
    excerpt: truncate(rendered.firstParagraph, 200),
    ...(fm.image ? { image: fm.image } : {}),
    draft,
    tags: [...tags].sort(),
    unknownTags: [...unknownTags].sort(),
    ...(openNames.tags.length || openNames.actors.length ? { openNames } : {}),
    actors: [...actors].sort(),
    nestedNames: { actors: nestedOnly.actors.filter((a) => !actors.has(a)), tags: nestedOnly.tags.filter((t) => !tags.has(t)) },
    ...(fm.raw ? { raw: fm.raw } : {}),
    ...(fm.format ? { format: fm.format } : {}),
    wordCount: countWords(rendered.text),
    ...(rendered.originals ? { transcript: true } : {}),
    ...(events.length ? { events } : {}),
    extra,
  };
  return { article, html: rendered.html, headings: rendered.headings, text: rendered.text, ...(rendered.attachments.length ? { attachments: rendered.attachments } : {}), diagnostics };
}

/**
 * What events:suggest needs of a note, without rendering it (it reads thousands): its body
 * (front matter read leniently, as ingest reads it), the file line the body starts on, and its
 * date from the same fields and fallbacks as ingestArticle. The language that sets the time zone
 * is judged from the Markdown instead of the rendered text. Undefined for a file that is no
 * article (empty, binary) or has no date at all.
 */
export function noteForSuggestions(file: string, raw: string, opts: { now: Date; fallbackDates?: FallbackDates }): { body: string; bodyLine: number; date: NormalizedDate } | undefined {
  if (raw.trim() === "" || raw.includes("\u0000")) return undefined;
  const parsed = parseContentFile(raw, { lenient: true });
  const { fields: fm } = readArticleFrontMatter(parsed.data);
  const lang: Lang = (fm.lang as Lang | undefined) ?? detectLang(`${fm.title ?? ""}\n${parsed.body}`);
  const zone = articleZone(fm, lang);
  // Problems with a note's date are ingest's to report; here they only cost the note.
  const date = articleDate(file, fm, parsed, zone, opts, reporterFor(file, []));
  return date ? { body: parsed.body, bodyLine: parsed.bodyLine, date } : undefined;
}

/**
 * A note's publication date as ingest reads it: the first of its date fields that can be read,
 * else the first its file can give (fallbackDate); undefined, with an error, when none can.
 */
export function articleDate(
  file: string,
  fm: ArticleFrontMatter,
  parsed: Pick<ParsedFile, "lineOf">,
  zone: string,
  opts: { now: Date; fallbackDates?: FallbackDates },
  { warn, err }: Pick<ReturnType<typeof reporterFor>, "warn" | "err">,
): NormalizedDate | undefined {
  let date: NormalizedDate | undefined;
  // The first date field given is the date; one that cannot be read gives way to the next.
  const dateField = DATE_FIELDS.find((f) => fm[f] !== undefined);
  let unusable: string | undefined;
  for (const field of DATE_FIELDS.filter((f) => fm[f] !== undefined)) {
    const r = normalizeDate(fm[field], { zone });
    if (!r.ok) {
      unusable ??= r.error;
      continue;
    }
    date = r.value;
    const implausible = checkPlausibleDate(date, opts.now);
    if (implausible) warn(implausible, field, parsed.lineOf(field));
    if (field !== dateField) warn(`no usable date: \`${dateField}: ${shown(fm[dateField!])}\` could not be read; using \`${field}\`, ${date.day} (${unusable})`, dateField, parsed.lineOf(dateField!));
    break;
  }
  if (!date) {
    // A note without a usable date is still published, dated by the best the file itself says.
    const fallback = fallbackDate(file, zone, opts.fallbackDates);
    const problem = dateField
      ? `no usable date: \`${dateField}: ${shown(fm[dateField])}\` could not be read`
      : "no date in front matter";
    if (fallback) {
      date = fallback.date;
      warn(`${problem}; using ${fallback.from}: ${fallback.date.day}${unusable ? ` (${unusable})` : ""}`, dateField ?? "date", dateField ? parsed.lineOf(dateField) : undefined);
    } else {
      err(dateField ? `${problem}: ${unusable}` : "missing publication date: add a `date:` line (for example `date: 2024-12-04` or `date: 2024-12-04 09:24`)", dateField ?? "date", dateField ? parsed.lineOf(dateField) : 1);
    }
  }
  return date;
}

/** The first date a note without a usable one can take: its file name's, its first commit's, its modification time. */
function fallbackDate(file: string, zone: string, dates: FallbackDates = {}): { date: NormalizedDate; from: string } | undefined {
  const fromName = /^(\d{4}-\d{2}-\d{2})/.exec(path.basename(file))?.[1];
  const candidates: Array<[unknown, string]> = [
    [fromName, "the date in the file name"],
    [dates.firstCommit !== undefined ? Math.floor(dates.firstCommit / 1000) : undefined, "the file's first commit in git"],
    [dates.modified !== undefined ? Math.floor(dates.modified / 1000) : undefined, "the file's modification time"],
  ];
  for (const [value, from] of candidates) {
    if (value === undefined) continue;
    const r = normalizeDate(value, { zone });
    if (r.ok) return { date: r.value, from };
  }
  return undefined;
}

/** A front-matter value as the user wrote it, short enough for a message. */
function shown(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

function droppedMessage(d: DroppedField): string {
  const then =
    d.field === "draft"
      ? "; the note is kept as a draft, so that it is not published by mistake"
      : d.field === "source" || d.field === "image"
        ? `; the article is published without its ${d.field}`
        : "";
  return `\`${d.field}: ${shown(d.value)}\` is left out: ${d.reason}${then}`;
}

/** A draft is on the site only when the run includes drafts (KB_INCLUDE_DRAFTS, npm start). */
export function isPublished(article: Pick<Article, "draft">, includeDrafts: boolean): boolean {
  return !article.draft || includeDrafts;
}

/** The slug a file asks for: its `slug:` field, else its file name, as an ASCII slug. */
export function articleSlug(file: string, explicit?: string): string {
  const base = explicit ?? path.basename(file).replace(/\.(md|markdown)$/i, "");
  return slugify(base, 20) || "article";
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n).join("")}…` : s;
}
