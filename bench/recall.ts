// Which notes a search finds on the same folder of notes: ours against stock Pagefind's over
// the stock Eleventy build (the baseline). A note stock Pagefind finds and we do not is a note
// our index missed when its text has every word of the query (出口 and 管制 for 出口管制, apart
// or together); stock Pagefind also returns notes that lack one of the words (it segments
// Chinese differently when it indexes and when it searches, Pagefind#1237: 出口管制 finds notes
// that say 出口 and never 管制), which are counted apart. Node only: both indexes are read from disk.
import { promises as fs } from "node:fs";
import path from "node:path";
import { loadPagefind, loadSearch } from "../src/search/node-search.ts";
import { runSearch } from "../src/search/engine.ts";
import { fold, looseReading } from "../src/search/fold.ts";
import { DATASET_FILE, type Dataset } from "../src/model/dataset.ts";

export interface RecallRow {
  query: string;
  /** Notes stock Pagefind finds. */
  stock: number;
  /** Notes we find. */
  ours: number;
  /** Notes stock Pagefind finds and we do not, whose text has every word of the query (folded for case, width and script). */
  missed: string[];
  /** Notes stock Pagefind finds and we do not, whose text lacks a word of the query. */
  lacking: number;
}

/** Search terms of this field, in both scripts and both languages, for a collection of notes. */
export const RECALL_QUERIES = ["H20", "英伟达", "出口管制", "稀土", "实体清单", "台积电", "光刻机", "关税", "Nvidia", "export controls", "Huawei", "semiconductor"];

const noteKey = (file: string) => file.replace(/\.(md|markdown)$/i, "");

/**
 * `ourSite` and `ourData`: our build of the folder (its site and dataset); `stockSite`: the
 * baseline's site with stock Pagefind's index (its pages at /articles/<note path>/).
 */
export async function compareRecall(opts: { notesDir: string; ourSite: string; ourData: string; stockSite: string; queries?: readonly string[] }): Promise<RecallRow[]> {
  const data = JSON.parse(await fs.readFile(path.join(opts.ourData, DATASET_FILE), "utf8")) as Dataset;
  const fileOfUrl = new Map(data.articles.map((a) => [a.url, noteKey(a.file)]));
  const ours = await loadSearch(opts.ourSite);
  // The baseline's pages say <html lang="zh-CN">: stock Pagefind's index is under that language.
  const stock = await loadPagefind(opts.stockSite, "zh-cn");
  const textOf = async (note: string) => fold(await fs.readFile(path.join(opts.notesDir, `${note}.md`), "utf8").catch(() => ""), ours.map);
  const rows: RecallRow[] = [];
  for (const query of opts.queries ?? RECALL_QUERIES) {
    const found = await stock.search(query);
    const stockNotes = new Set<string>();
    for (const r of found.results) {
      const { url } = await r.data();
      const m = /^\/?articles\/(.+?)\/?$/.exec(decodeURIComponent(url.replace(/^\/kbsite\d+/, "").replace(/\/index\.html$/, "/")));
      if (m) stockNotes.add(m[1]!);
    }
    const outcome = await runSearch(ours.index, { q: query, filters: { type: "article" }, sort: "relevance" }, ours.map, ours.aliases);
    const ourNotes = new Set<string>();
    for (const r of outcome.results) {
      const note = fileOfUrl.get((await r.data()).url);
      if (note) ourNotes.add(note);
    }
    const missed: string[] = [];
    let lacking = 0;
    const words = looseReading(fold(query, ours.map)).words;
    for (const note of stockNotes) {
      if (ourNotes.has(note)) continue;
      const text = await textOf(note);
      if (words.every((w) => text.includes(w))) missed.push(note);
      else lacking++;
    }
    rows.push({ query, stock: stockNotes.size, ours: ourNotes.size, missed, lacking });
  }
  return rows;
}

/** The comparison as lines of the bench's report. */
export function recallLines(rows: readonly RecallRow[]): string[] {
  const lines = [
    "notes found on the same notes, ours against stock Pagefind; missed: stock finds them, they have every word of the query, we do not; lacking a word: stock finds them though they lack a word of the query (Pagefind#1237)",
    "| query | stock Pagefind | ours | missed | lacking a word |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  for (const r of rows) lines.push(`| ${r.query} | ${r.stock} | ${r.ours} | ${r.missed.length}${r.missed.length ? ` (${r.missed.slice(0, 3).join(", ")}${r.missed.length > 3 ? " …" : ""})` : ""} | ${r.lacking} |`);
  return lines;
}
