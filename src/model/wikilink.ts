// Obsidian's [[wikilinks]] as text: what a link says and what a reader sees of it. Pure, and in
// the model because the schema reads front matter through it: a web clipper's
// `author: ["[[Name]]"]` is the name. src/render/wikilinks.ts resolves links to pages.

export const withoutMd = (s: string) => s.replace(/\.(md|markdown)$/i, "");
export const baseName = (p: string) => p.slice(p.lastIndexOf("/") + 1);

export interface Wikilink {
  embed: boolean;
  /** The note or file, without the heading. Empty for [[#Heading]]. */
  target: string;
  /** After `#`: a heading, or `^id` for a block. */
  heading?: string;
  /** After `|`. */
  label?: string;
}

/** `[[…]]` or `![[…]]` at the start of `text`, and how many characters it takes. */
export function parseWikilink(text: string): { link: Wikilink; length: number } | undefined {
  const m = /^(!?)\[\[([^\[\]\n]+)\]\]/.exec(text);
  if (!m) return undefined;
  // Inside a table Obsidian writes the pipe escaped: [[note\|label]].
  const inner = m[2]!;
  const bar = /\\?\|/.exec(inner);
  const ref = bar ? inner.slice(0, bar.index) : inner;
  const label = bar ? inner.slice(bar.index + bar[0].length).trim() : undefined;
  const hash = ref.indexOf("#");
  const target = (hash >= 0 ? ref.slice(0, hash) : ref).trim();
  const heading = hash >= 0 ? ref.slice(hash + 1).trim() : undefined;
  if (!target && !heading) return undefined;
  return {
    link: { embed: m[1] === "!", target, ...(heading ? { heading } : {}), ...(label ? { label } : {}) },
    length: m[0].length,
  };
}

/** What a reader sees for a link: its label, else the note's name (and heading) as Obsidian shows it. */
export function displayText(link: Wikilink): string {
  if (link.label && !(link.embed && /^\d+(x\d+)?$/.test(link.label))) return link.label;
  const name = baseName(withoutMd(link.target.replace(/\\/g, "/")));
  const heading = link.heading?.startsWith("^") ? undefined : link.heading;
  if (!name) return heading ?? "";
  return heading ? `${name} > ${heading}` : name;
}

/** Front-matter text written as links (`author: "[[Name]]"`, web clipper style) read as text. */
export function unwikilink(text: string): string {
  return text.replace(/!?\[\[[^\[\]\n]+\]\]/g, (whole) => {
    const parsed = parseWikilink(whole);
    return parsed ? displayText(parsed.link) : whole;
  });
}

