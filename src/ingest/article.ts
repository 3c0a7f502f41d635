// One content file → one Article (or the diagnostics that say why not). Pure: the caller
// reads the file and passes the registries; nothing here touches the disk.
import path from "node:path";
import { IANAZone } from "luxon";
import type { Article, Lang, NormalizedDate } from "../model/types.ts";
import { reporterFor, type Diagnostic } from "../model/diagnostics.ts";
import { articleFrontMatter, KNOWN_ARTICLE_FIELDS } from "../model/schema.ts";
import { parseContentFile } from "../content/frontmatter.ts";
import { normalizeDate, checkPlausibleDate } from "../normalize/date.ts";
import { detectLang } from "../normalize/lang.ts";
import { slugify } from "../normalize/slug.ts";
import { renderMarkdown, countWords } from "../render/markdown.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface ArticleResult {
  article?: Article;
  html?: string;
  headings?: ReturnType<typeof renderMarkdown>["headings"];
  /** Body text for the search index: all of it (every word is indexed). */
  text?: string;
  diagnostics: Diagnostic[];
}

/** Fields real notes use for the publication date, in order of preference. */
const DATE_FIELDS = ["date", "published", "pubDate", "created"] as const;

export function defaultZone(lang: Lang): string {
  // Chinese outlets (mainland, Hong Kong, Taiwan, Singapore) all publish on UTC+8.
  return lang === "en" ? "UTC" : "Asia/Shanghai";
}

export function ingestArticle(
  file: string,
  raw: string,
  vocab: Vocabulary,
  opts: { now: Date },
): ArticleResult {
  const diagnostics: Diagnostic[] = [];
  const { err, warn } = reporterFor(file, diagnostics);

  if (raw.trim() === "") {
    err("the file is empty");
    return { diagnostics };
  }
  if (raw.includes("\u0000")) {
    err("the file is binary (it contains NUL bytes), not Markdown text");
    return { diagnostics };
  }

  const parsed = parseContentFile(raw);
  for (const p of parsed.problems) diagnostics.push({ file, ...p });
  if (parsed.problems.some((p) => p.severity === "error")) return { diagnostics };

  const checked = articleFrontMatter.safeParse(parsed.data);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path.join(".");
      err(`${issue.message}`, field, parsed.lineOf(field));
    }
    return { diagnostics };
  }
  const fm = checked.data;
  const body = parsed.body;
  const rendered = renderMarkdown(body);
  for (const r of rendered.removed) {
    warn(`removed from the page for safety: ${r.what} (the text stays in the file)`, "body", parsed.bodyLine + r.line - 1);
  }

  const lang: Lang = (fm.lang as Lang | undefined) ?? detectLang(`${fm.title ?? ""}\n${rendered.text}`);

  let title = fm.title?.replace(/[\u200B-\u200D\u2060\uFEFF]/g, "").replace(/[\u00A0\u3000]/g, " ").trim();
  if (!title) {
    const h1 = rendered.headings.find((h) => h.level === 1)?.text;
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

  let zone = defaultZone(lang);
  if (fm.timezone !== undefined) {
    if (IANAZone.isValidZone(fm.timezone)) zone = fm.timezone;
    else err(`unknown time zone "${fm.timezone}"; use an IANA name such as Asia/Shanghai`, "timezone", parsed.lineOf("timezone"));
  }

  let date: NormalizedDate | undefined;
  const dateField = DATE_FIELDS.find((f) => parsed.data[f] !== undefined && parsed.data[f] !== null && parsed.data[f] !== "");
  if (dateField) {
    const r = normalizeDate(parsed.data[dateField], { zone });
    if (r.ok) date = r.value;
    else err(r.error, dateField, parsed.lineOf(dateField));
  } else {
    const fromName = /^(\d{4}-\d{2}-\d{2})/.exec(path.basename(file));
    const r = fromName ? normalizeDate(fromName[1], { zone }) : undefined;
    if (r?.ok) {
      date = r.value;
      warn(`no date in front matter; using the date in the file name, ${r.value.day}`, "date");
    } else {
      err("missing publication date: add a `date:` line (for example `date: 2024-12-04` or `date: 2024-12-04 09:24`)", "date", 1);
    }
  }
  if (date) {
    const implausible = checkPlausibleDate(date, opts.now);
    if (implausible) warn(implausible, dateField ?? "date", dateField ? parsed.lineOf(dateField) : undefined);
  }
  let updated: NormalizedDate | undefined;
  if (fm.updated !== undefined && fm.updated !== null && fm.updated !== "") {
    const r = normalizeDate(fm.updated, { zone });
    if (r.ok) updated = r.value;
    else warn(`ignored: ${r.error}`, "updated", parsed.lineOf("updated"));
  }

  if (diagnostics.some((d) => d.severity === "error") || !date) return { diagnostics };

  // Tags: every one the user wrote survives, known or not.
  const tags = new Set<string>();
  const unknownTags = new Set<string>();
  (fm.tags ?? []).forEach((t, i) => {
    const id = vocab.resolveTag(t);
    if (id) tags.add(id);
    else {
      const slug = vocab.unknownTagId(t);
      tags.add(slug);
      unknownTags.add(slug);
      warn(`tag "${t}" is not in the vocabulary (content/tags.yaml); kept as "${slug}"`, `tags.${i}`, parsed.lineOf(`tags.${i}`));
    }
  });

  const actors = new Set<string>();
  for (const field of ["actors", "people", "companies_orgs"] as const) {
    (fm[field] ?? []).forEach((name, i) => {
      const id = vocab.resolveActor(name);
      if (id) actors.add(id);
      else {
        const slug = vocab.unknownActorId(name);
        actors.add(slug);
        warn(`actor "${name}" is not in the registry (content/actors.yaml); kept as "${slug}"`, `${field}.${i}`, parsed.lineOf(`${field}.${i}`));
      }
    });
  }
  // Nested names too (芯片 in AI芯片), for the search index's name filters: one scan for both.
  const { mentions, nestedOnly } = vocab.findMentionsWithNested(`${title}\n${fm.summary ?? ""}\n${rendered.text}`);
  mentions.actors.forEach((a) => actors.add(a));
  mentions.tags.forEach((t) => tags.add(t));

  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed.data)) if (!KNOWN_ARTICLE_FIELDS.has(k)) extra[k] = v;

  const slug = articleSlug(file, typeof parsed.data.slug === "string" ? parsed.data.slug : undefined);
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
    draft: fm.draft ?? false,
    tags: [...tags].sort(),
    unknownTags: [...unknownTags].sort(),
    actors: [...actors].sort(),
    nestedNames: { actors: nestedOnly.actors.filter((a) => !actors.has(a)), tags: nestedOnly.tags.filter((t) => !tags.has(t)) },
    ...(fm.raw ? { raw: fm.raw } : {}),
    ...(fm.format ? { format: fm.format } : {}),
    wordCount: countWords(rendered.text),
    extra,
  };
  return { article, html: rendered.html, headings: rendered.headings, text: rendered.text, diagnostics };
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
