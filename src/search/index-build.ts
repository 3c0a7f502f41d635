// Builds the search index from the dataset (not from the rendered pages): Pagefind indexes of
// folded, pair-split text in shards of bounded size (shards.ts), plus the fold map, the
// registry's names and the list of shards for the browser.
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { KbConfig } from "../config.ts";
import { readDataset, TEXT_DIR } from "../ingest/dataset.ts";
import { buildAliasIndex, buildFoldMap, recordSources } from "./records.ts";
import { cutShards, isShardDir, newestFirst, shardDir, SEARCH_DATA_DIR, SEARCH_MANIFEST, type SearchManifest } from "./shards.ts";
import { loadVocabulary } from "../ingest/vocabulary.ts";
import { DiagnosticLog } from "../model/diagnostics.ts";


export interface IndexFigures {
  pages: number;
  shards: number;
  foldEntries: number;
  aliasKeys: number;
}

type PagefindApi = typeof pagefind;
type PagefindIndex = NonNullable<Awaited<ReturnType<PagefindApi["createIndex"]>>["index"]>;

/**
 * A second Pagefind process. The module keeps one process per instance of itself, so a second
 * instance of the module (its own URL) has its own.
 */
async function secondPagefind(): Promise<PagefindApi> {
  return (await import(`${import.meta.resolve("pagefind")}?second`)) as PagefindApi;
}

/**
 * Written by us, not by Pagefind's writeFiles: its service answers before its last writes
 * reach the disk, and ending the process then left truncated files (an empty
 * pagefind-entry.json in one shard of 22 at 10,000 articles).
 */
async function writeShard(index: PagefindIndex, dir: string): Promise<void> {
  const built = await index.getFiles();
  if (built.errors.length) throw new Error(`pagefind: ${built.errors.join("; ")}`);
  for (const file of built.files) {
    const target = path.join(dir, file.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content);
  }
}

export async function buildSearchIndex(cfg: KbConfig): Promise<IndexFigures> {
  const data = await readDataset(cfg.dataDir);
  // Texts are read from disk when needed, never all held: twice, once for the characters of
  // the fold map and once as each record is made.
  const textOf = (slug: string) => readFileSync(path.join(cfg.dataDir, TEXT_DIR, `${slug}.txt`), "utf8");

  const registryNames = [...data.actors, ...data.tags].flatMap((x) => [...Object.values(x.names), ...x.aliases].filter((n): n is string => Boolean(n)));
  const map = buildFoldMap(
    (function* () {
      for (const a of data.articles) yield `${a.title}\n${a.summary ?? ""}\n${textOf(a.slug)}`;
      for (const e of data.events) yield `${e.title["zh-Hans"]}${e.title["zh-Hant"] ?? ""}${e.text}`;
      yield registryNames.join("\n");
    })(),
  );
  const aliases = buildAliasIndex(data.actors, data.tags, map);

  // The registries were checked by ingest; here they only find names in text.
  const vocab = await loadVocabulary(cfg.contentDir, cfg.shippedContentDir, new DiagnosticLog());
  const sources = newestFirst(recordSources(data, textOf, map, (text) => vocab.findMentions(text, { nested: true })));

  // Shards left from an earlier, larger build would be merged by nobody but still published.
  for (const entry of await fs.readdir(cfg.outputDir).catch(() => [] as string[])) {
    if (isShardDir(entry)) await fs.rm(path.join(cfg.outputDir, entry), { recursive: true, force: true });
  }
  let pages = 0;
  let shards = 0;
  const records = (function* () {
    for (const s of sources) yield s.make();
  })();
  // Two Pagefind processes take turns: while one writes shard k (one core, and five times the
  // memory it needed while records went in), our process makes the records of shard k + 1
  // and the other takes them in (the other core). Only one shard is written at a time.
  const services = [pagefind, await secondPagefind()];
  const free: Array<Promise<void>> = services.map(() => Promise.resolve());
  let writing = Promise.resolve();
  try {
    for (const shard of cutShards(records, cfg.searchShardWords)) {
      const k = shards++;
      const service = services[k % services.length]!;
      // This process's previous shard is written and the process ended.
      await free[k % services.length];
      const { index, errors } = await service.createIndex({});
      if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
      for (const record of shard) {
        // The shard as a filter: a date-sorted search reads the shards one after another.
        const r = await index.addCustomRecord({ ...record, filters: { ...record.filters, shard: [String(k)] } });
        if (r.errors.length) throw new Error(`pagefind: ${record.url}: ${r.errors.join("; ")}`);
        pages++;
      }
      writing = writing.then(() => writeShard(index, path.join(cfg.outputDir, shardDir(k)))).then(async () => void (await service.close()));
      // Awaited below or by the next shard of this process; marked handled so that a failure
      // while the other shard's records go in is reported once, not as an unhandled rejection.
      writing.catch(() => undefined);
      free[k % services.length] = writing;
    }
    await writing;
  } finally {
    await Promise.all(services.map((s) => s.close()));
  }

  const dir = path.join(cfg.outputDir, SEARCH_DATA_DIR);
  await fs.mkdir(dir, { recursive: true });
  const manifest: SearchManifest = { shards: Array.from({ length: shards }, (_, k) => shardDir(k)), pages };
  await fs.writeFile(path.join(dir, SEARCH_MANIFEST), JSON.stringify(manifest));
  await fs.writeFile(path.join(dir, "fold.json"), JSON.stringify(map));
  await fs.writeFile(path.join(dir, "aliases.json"), JSON.stringify(aliases));
  return { pages, shards, foldEntries: Object.keys(map).length, aliasKeys: Object.keys(aliases.keys).length };
}
