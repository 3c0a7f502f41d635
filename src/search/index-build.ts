// Builds the search index from the dataset (not from the rendered pages): one Pagefind index
// of folded, pair-split text, plus the fold map and the registry's names for the browser.
import { promises as fs } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { KbConfig } from "../config.ts";
import { readDataset, TEXT_DIR } from "../ingest/dataset.ts";
import { buildAliasIndex, buildFoldMap, buildRecords } from "./records.ts";
import { loadVocabulary } from "../ingest/vocabulary.ts";
import { DiagnosticLog } from "../model/diagnostics.ts";

export const SEARCH_DATA_DIR = "search";

export async function buildSearchIndex(cfg: KbConfig): Promise<{ pages: number; foldEntries: number; aliasKeys: number }> {
  const data = await readDataset(cfg.dataDir);
  const texts = new Map<string, string>();
  for (const a of data.articles) texts.set(a.slug, await fs.readFile(path.join(cfg.dataDir, TEXT_DIR, `${a.slug}.txt`), "utf8"));

  const registryNames = [...data.actors, ...data.tags].flatMap((x) => [...Object.values(x.names), ...x.aliases].filter((n): n is string => Boolean(n)));
  const map = buildFoldMap(
    (function* () {
      for (const a of data.articles) yield `${a.title}\n${a.summary ?? ""}\n${texts.get(a.slug) ?? ""}`;
      for (const e of data.events) yield `${e.title["zh-Hans"]}${e.title["zh-Hant"] ?? ""}${e.text}`;
      yield registryNames.join("\n");
    })(),
  );
  const aliases = buildAliasIndex(data.actors, data.tags, map);

  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  let pages = 0;
  // The registries were checked by ingest; here they only find names in text.
  const vocab = await loadVocabulary(cfg.contentDir, cfg.shippedContentDir, new DiagnosticLog());
  for (const record of buildRecords(data, texts, map, (text) => vocab.findMentions(text, { nested: true }))) {
    const r = await index.addCustomRecord(record);
    if (r.errors.length) throw new Error(`pagefind: ${record.url}: ${r.errors.join("; ")}`);
    pages++;
  }
  const written = await index.writeFiles({ outputPath: path.join(cfg.outputDir, "pagefind") });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  await pagefind.close();

  const dir = path.join(cfg.outputDir, SEARCH_DATA_DIR);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, "fold.json"), JSON.stringify(map));
  await fs.writeFile(path.join(dir, "aliases.json"), JSON.stringify(aliases));
  return { pages, foldEntries: Object.keys(map).length, aliasKeys: Object.keys(aliases.keys).length };
}
