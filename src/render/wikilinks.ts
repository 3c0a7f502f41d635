// Obsidian's links between notes: [[Note]], [[Note|label]], [[Note#Heading]], [[#Heading]] and
// embeds, ![[image.png]] (![[image.png|300]] sets its width) and ![[Note]] (a link here). A link
// is resolved as Obsidian resolves it — by file name without .md, ignoring case, the shortest
// path (fewest folders) winning — and failing that by a note's title. A resolved link leads to
// the note's page; one that resolves to nothing is its label as plain text, reported by ingest.
//
// Links are written relative to the article page they sit on (/articles/<slug>/), so a body
// needs no rewriting for a site served under a path prefix: ../other/ and ../../attachments/x
// are right under / and under /repo/ alike. Bodies are only ever shown on their article page.
import type { MarkdownIt, StateInline } from "markdown-it";
import { slugify } from "../normalize/slug.ts";
import { baseName, displayText, parseWikilink, withoutMd, type Wikilink } from "../model/wikilink.ts";
import { ATTACHMENTS_DIR } from "../model/site-config.ts";

/** Where links lead: built once per run from the list of files (structured-cloneable). */
export interface LinkTargets {
  /** A note's file name without extension, lower-cased → its article slug. */
  byName: Map<string, string>;
  /** A note's path in the content folder without extension, lower-cased → its article slug. */
  byPath: Map<string, string>;
  /** A note's title, lower-cased → its article slug. */
  byTitle: Map<string, string>;
  /** An image's file name (with extension) and its path, lower-cased → its path in the content folder. */
  attachments: Map<string, string>;
}

export interface NoteEntry {
  /** Path relative to the content folder, `/`-separated. */
  file: string;
  slug: string;
  title?: string;
}

/**
 * Images an embed may show. Not SVG: opened by itself from our origin, an SVG's scripts would
 * run with the site's rights (a page's CSP does not cover it).
 */
export const ATTACHMENT_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "webp", "avif", "bmp"]);

const key = (s: string) => s.normalize("NFC").trim().toLowerCase();
/** Fewest folders first, then the shortest path, then code-point order: the choice among files of one name. */
const depth = (p: string) => p.split("/").length;
const byPreference = (a: string, b: string) => depth(a) - depth(b) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

export function buildLinkTargets(notes: readonly NoteEntry[], attachmentFiles: readonly string[]): LinkTargets {
  const byName = new Map<string, string>();
  const byPath = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const n of [...notes].sort((a, b) => byPreference(a.file, b.file))) {
    const path = key(withoutMd(n.file));
    if (!byPath.has(path)) byPath.set(path, n.slug);
    const name = key(baseName(withoutMd(n.file)));
    if (!byName.has(name)) byName.set(name, n.slug);
    const title = n.title ? key(n.title) : "";
    if (title && !byTitle.has(title)) byTitle.set(title, n.slug);
  }
  const attachments = new Map<string, string>();
  for (const f of [...attachmentFiles].sort(byPreference)) {
    if (!attachments.has(key(f))) attachments.set(key(f), f);
    if (!attachments.has(key(baseName(f)))) attachments.set(key(baseName(f)), f);
  }
  return { byName, byPath, byTitle, attachments };
}

export const NO_LINK_TARGETS: LinkTargets = buildLinkTargets([], []);

/** The slug a link's target (the part before # and |) leads to, if any. */
export function resolveNote(targets: LinkTargets, target: string): string | undefined {
  const t = key(withoutMd(target.replace(/\\/g, "/").replace(/^\.?\//, "")));
  if (!t) return undefined;
  if (t.includes("/")) return targets.byPath.get(t) ?? targets.byName.get(baseName(t));
  return targets.byName.get(t) ?? targets.byTitle.get(t);
}

/** The content-folder path of an image an embed names, if there is one. */
export function resolveAttachment(targets: LinkTargets, target: string): string | undefined {
  const t = key(target.replace(/\\/g, "/").replace(/^\.?\//, ""));
  return targets.attachments.get(t) ?? targets.attachments.get(baseName(t));
}

/** What a link became, for the renderer's report (token.meta.wikilink). */
export interface WikilinkOutcome {
  target: string;
  resolved: boolean;
  /** The image an embed shows, as a path in the content folder. */
  attachment?: string;
}

/** The env key markdown-it parses with: the run's targets. */
export interface WikilinkEnv {
  [key: string | symbol]: unknown;
  linkTargets?: LinkTargets;
}

function percentPath(p: string): string {
  return p.split("/").map(encodeURIComponent).join("/");
}

/**
 * The inline rule: [[…]] and ![[…]] become links, images or plain text (a `wikilink_text`
 * token, whose content is text like a `text` token's).
 */
export function wikilinks(md: MarkdownIt): void {
  md.renderer.rules.wikilink_text = (tokens, idx) => md.utils.escapeHtml(tokens[idx]!.content);
  md.inline.ruler.before("link", "wikilink", (state: StateInline, silent: boolean): boolean => {
    const c = state.src.charCodeAt(state.pos);
    if (c !== 0x5b /* [ */ && c !== 0x21 /* ! */) return false;
    const parsed = parseWikilink(state.src.slice(state.pos, state.pos + 1000));
    if (!parsed) return false;
    if (silent) return true;
    const { link } = parsed;
    const targets = (state.env as WikilinkEnv).linkTargets ?? NO_LINK_TARGETS;
    const text = displayText(link);
    const anchor = link.heading && !link.heading.startsWith("^") ? `#${slugify(link.heading, 6) || ""}` : "";
    const outcome = (resolved: boolean): WikilinkOutcome => ({ target: link.target || `#${link.heading ?? ""}`, resolved });

    const image = link.embed ? resolveAttachment(targets, link.target) : undefined;
    if (image !== undefined && ATTACHMENT_EXTENSIONS.has(image.slice(image.lastIndexOf(".") + 1).toLowerCase())) {
      const token = state.push("image", "img", 0);
      const size = link.label ? /^(\d+)(?:x(\d+))?$/.exec(link.label) : null;
      token.attrs = [["src", `../../${ATTACHMENTS_DIR}/${percentPath(image)}`], ["alt", ""]];
      if (size) token.attrs.push(["width", size[1]!], ...(size[2] ? [["height", size[2]] as [string, string]] : []));
      const alt = size ? "" : (link.label ?? "");
      const child = new state.Token("text", "", 0);
      child.content = alt;
      token.children = [child];
      token.content = alt;
      token.meta = { wikilink: { ...outcome(true), attachment: image } };
    } else {
      const slug = link.target ? resolveNote(targets, link.target) : "";
      if (slug === undefined) {
        // A token of its own: markdown-it joins adjacent text tokens, and their meta with them.
        const token = state.push("wikilink_text", "", 0);
        token.content = text;
        token.meta = { wikilink: outcome(false) };
      } else {
        const open = state.push("link_open", "a", 1);
        open.attrs = [["href", `${slug ? `../${slug}/` : ""}${anchor}`]];
        open.meta = { wikilink: outcome(true) };
        const label = state.push("text", "", 0);
        label.content = text;
        state.push("link_close", "a", -1);
      }
    }
    state.pos += parsed.length;
    return true;
  });
}
