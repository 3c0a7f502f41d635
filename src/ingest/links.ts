// What [[wikilinks]] can lead to in one content folder: every note's slug by file name, path and
// title, and every image an embed can show. Built before the notes are rendered (they are
// rendered on the ingest threads, each on its own), from the file list and the head of each
// note, where its title and slug are; the images referenced by published notes are then copied
// beside the dataset, and the site publishes them under /attachments/.
import { promises as fs } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { ATTACHMENT_EXTENSIONS, buildLinkTargets, type LinkTargets, type NoteEntry } from "../render/wikilinks.ts";
import { ATTACHMENTS_DIR } from "../model/site-config.ts";
import { listContentFiles } from "../content/files.ts";
import { cleanText, headlessFrontMatterClose } from "../content/frontmatter.ts";
import { readToml, tomlHead } from "../content/toml-front-matter.ts";
import { headEnd, headOpener, readNoteHead } from "../content/head.ts";
import { plainTitle } from "../model/names.ts";


const TITLE_LINE = /^title:[ \t]*(.+)$/m;
const SLUG_LINE = /^slug:[ \t]*(.+)$/m;

/** `title:` and `slug:` from a note's front matter, read from its first lines only. */
export function headFields(head: string): { title?: string; slug?: string } {
  let block: string;
  const opener = headOpener(head);
  if (opener === "+++") return tomlHeadFields(cleanText(head).text);
  if (opener === "---") {
    const end = headEnd(head);
    block = end < 0 ? head : head.slice(0, end);
  } else {
    // Hexo's front matter without its opening line, read as ingest reads it.
    const text = cleanText(head).text;
    const close = headlessFrontMatterClose(text);
    if (close === undefined) return {};
    block = text.split("\n", close - 1).join("\n");
  }
  const out: { title?: string; slug?: string } = {};
  for (const field of ["title", "slug"] as const) {
    const line = (field === "title" ? TITLE_LINE : SLUG_LINE).exec(block);
    if (!line) continue;
    const plain = line[1]!.trim();
    // A plain value is the value; quoted or otherwise marked up, YAML reads it.
    if (!/^["'\[{>|&*!%@`]|\s#/.test(plain)) {
      out[field] = plainTitle(plain);
      continue;
    }
    try {
      const value = (parseYaml(line[0], { logLevel: "error" }) as Record<string, unknown> | null)?.[field];
      if (typeof value === "string" || typeof value === "number") out[field] = plainTitle(String(value));
    } catch {
      // A line YAML cannot read is reported when the note itself is ingested.
    }
  }
  return out;
}

/** `title` and `slug` of Hugo's TOML front matter (`+++`), a value TOML cannot read left out. */
function tomlHeadFields(text: string): { title?: string; slug?: string } {
  const { data } = readToml(tomlHead(text).source, true);
  const out: { title?: string; slug?: string } = {};
  for (const field of ["title", "slug"] as const) {
    const value = data[field];
    if (typeof value === "string" || typeof value === "number") out[field] = plainTitle(String(value));
  }
  return out;
}

/** Every image under the folder that an embed may show (hidden folders and node_modules aside). */
export function listAttachmentFiles(contentDir: string): Promise<string[]> {
  return listContentFiles(contentDir, { keep: (name) => ATTACHMENT_EXTENSIONS.has(path.extname(name).slice(1).toLowerCase()), unreadableOk: true });
}

/**
 * The link targets of a folder whose notes are `files`. Each note's slug is the one ingest will
 * give it (its `slug:` or file name, made unique in file order as ingest makes it), so a link
 * leads to the page the note gets.
 */
export async function scanLinkTargets(
  contentDir: string,
  files: readonly string[],
  settleSlug: (file: string, wanted: string, taken: Map<string, string>) => string,
  articleSlug: (file: string, explicit?: string) => string,
): Promise<LinkTargets> {
  const heads: Array<{ title?: string; slug?: string }> = new Array(files.length);
  let next = 0;
  // A few files at a time: enough to keep the disk busy.
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < files.length) {
        const i = next++;
        try {
          heads[i] = headFields(await readNoteHead(path.join(contentDir, files[i]!)));
        } catch {
          heads[i] = {};
        }
      }
    }),
  );
  const taken = new Map<string, string>();
  const notes: NoteEntry[] = files.map((file, i) => {
    const { title, slug } = heads[i]!;
    return { file, slug: settleSlug(file, articleSlug(file, slug), taken), ...(title ? { title } : {}) };
  });
  return buildLinkTargets(notes, await listAttachmentFiles(contentDir));
}

/** Copies the images published notes show into `<dataDir>/attachments/`, replacing what was there. */
export async function copyAttachments(contentDir: string, dataDir: string, files: Iterable<string>): Promise<number> {
  const into = path.join(dataDir, ATTACHMENTS_DIR);
  await fs.rm(into, { recursive: true, force: true });
  let copied = 0;
  for (const file of new Set(files)) {
    const to = path.join(into, file);
    // A path from our own listing, but never let one leave the folder.
    if (!to.startsWith(into + path.sep)) continue;
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.copyFile(path.join(contentDir, file), to);
    copied++;
  }
  return copied;
}
