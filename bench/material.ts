// What the synthetic corpus is made of: sentences, headings and glossary terms of the seed
// articles (content/articles/*.md), and the names in the registries. Taken from the repository
// rather than written here, so the benchmark's text has the project's real shape: Chinese
// prose with English in brackets, WeChat bold, DW links, registry names in every script.
import { promises as fs } from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js";
import { parseContentFile } from "../src/content/frontmatter.ts";
import { loadActors, loadTags } from "../src/normalize/registry.ts";
import { loadSiteConfig } from "../src/ingest/site-config.ts";
import { DiagnosticLog } from "../src/model/diagnostics.ts";
import type { ActorEntry, TagEntry } from "../src/model/registry.ts";

export interface GlossaryTerm {
  /** The bolded term as written (稀土). */
  term: string;
  /** What follows it in brackets (Rare Earth Elements: 一组17种化学元素的总称…). */
  gloss: string;
}

export interface Material {
  /** Chinese sentences of the seed bodies, each with balanced Markdown. */
  sentences: string[];
  /** The same sentences, seed by seed. */
  sentencesBySeed: string[][];
  /** Section headings of the seed bodies, without the #. */
  headings: string[];
  glossary: GlossaryTerm[];
  /** Han characters of the seed bodies, most frequent first, for words no seed contains. */
  hanChars: string;
  actors: ActorEntry[];
  tags: TagEntry[];
  /** Simplified → Traditional (Taiwan), for the corpus's Traditional-script articles. */
  toTraditional(text: string): string;
  /** The shipped site.yaml's classes (a transcript's english-text), which the corpus's own site.yaml keeps. */
  classes?: string[];
}

const HAN = /\p{Script=Han}/u;

/** Sentences end at 。！？!? and any closing quotes or brackets right after. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const re = /[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)/g;
  for (const m of paragraph.matchAll(re)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}

/** Markdown that stays well-formed when the sentence is moved elsewhere. */
function balanced(s: string): boolean {
  const count = (re: RegExp) => (s.match(re) ?? []).length;
  return count(/\*\*/g) % 2 === 0 && count(/\[/g) === count(/\]/g) && count(/\(/g) === count(/\)/g) && count(/“/g) === count(/”/g) && !/^[*_]/.test(s.replace(/^\*\*/, ""));
}

/** Pure: the material in a set of seed bodies (Markdown without front matter). */
export function extractMaterial(
  bodies: string[],
  registries: { actors: ActorEntry[]; tags: TagEntry[] },
  toTraditional: (text: string) => string,
): Material {
  const sentences: string[] = [];
  const sentencesBySeed: string[][] = [];
  const headings: string[] = [];
  const glossary: GlossaryTerm[] = [];
  const charCount = new Map<string, number>();
  for (const body of bodies) {
    const own: string[] = [];
    sentencesBySeed.push(own);
    for (const m of body.matchAll(/\*\*([^*\n]{1,20})\*\*（([^）\n]{4,200})）/g)) glossary.push({ term: m[1]!, gloss: m[2]! });
    // A paragraph is a run of non-blank lines; Chinese text wraps without spaces.
    for (const block of body.split(/\n\s*\n/)) {
      const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
      if (lines.length === 0) continue;
      const first = lines[0]!;
      if (/^#{1,6}\s/.test(first)) {
        headings.push(first.replace(/^#+\s*/, ""));
        continue;
      }
      // Images, captions in italics and bracketed lines (【…】) are not prose.
      if (/^(!\[|\*[^*]|【|>|-|\d+\.)/.test(first)) continue;
      const text = lines.join("");
      for (const ch of text) if (HAN.test(ch)) charCount.set(ch, (charCount.get(ch) ?? 0) + 1);
      for (const s of splitSentences(text)) {
        if ([...s].filter((c) => HAN.test(c)).length < 8 || !balanced(s)) continue;
        sentences.push(s);
        own.push(s);
      }
    }
  }
  const hanChars = [...charCount.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c).join("");
  return { sentences, sentencesBySeed: sentencesBySeed.filter((s) => s.length > 0), headings, glossary, hanChars, actors: registries.actors, tags: registries.tags, toTraditional };
}

/** Reads the seed articles and the registries of a content folder (the repository's by default). */
export async function loadMaterial(contentDir: string): Promise<Material> {
  const dir = path.join(contentDir, "articles");
  const names = (await fs.readdir(dir)).filter((f) => f.endsWith(".md")).sort();
  const bodies = await Promise.all(names.map(async (f) => parseContentFile(await fs.readFile(path.join(dir, f), "utf8")).body));
  const actors = loadActors(await fs.readFile(path.join(contentDir, "actors.yaml"), "utf8"), "actors.yaml").items;
  const tags = loadTags(await fs.readFile(path.join(contentDir, "tags.yaml"), "utf8"), "tags.yaml").items;
  const material = extractMaterial(bodies, { actors, tags }, OpenCC.Converter({ from: "cn", to: "tw" }));
  if (material.sentences.length < 20) throw new Error(`only ${material.sentences.length} sentences in ${dir}: the corpus needs the seed articles`);
  const classes = (await loadSiteConfig(contentDir, contentDir, new DiagnosticLog())).html.classes;
  return { ...material, classes };
}
