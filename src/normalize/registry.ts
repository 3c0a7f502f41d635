// The actor registry and the tag vocabulary: loading them from the user's YAML, with every
// problem reported at its line, and resolving any name a note uses to one canonical id.
// Names are compared through foldKey, so case, spacing, hyphens and Simplified/Traditional
// script never make two spellings of one name into two actors or two tags. The entries'
// schemas, and the Actor and Tag types inferred from them, are src/model/registry.ts.
import { createHash } from "node:crypto";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { LANGS } from "../model/types.ts";
import type { Diagnostic } from "../model/diagnostics.ts";
import { actorEntrySchema, tagEntrySchema, type Actor, type ActorEntry, type Names, type TagEntry, type TextRules } from "../model/registry.ts";
import { memoizeByReference } from "../memo.ts";
import { slugify } from "./slug.ts";
import { simplifiedToHongKong as cnToHk, simplifiedToTaiwan as cnToTw, taiwanToSimplified as twToCn } from "./chinese-script.ts";

const HAN = /\p{Script=Han}/u;

/**
 * The key two names are the same under: NFKC, trimmed, lower-case, Simplified script, runs of
 * spaces, underscores and dashes as one "-", one kind of apostrophe and of middle dot.
 * "Rare-Earths", "rare earths" and "rare_earths" are one key; so are 稀土金屬 and 稀土金属.
 */
export function foldKey(s: string): string {
  return twToCn(s.normalize("NFKC").trim().toLowerCase())
    .replace(/[\s_\p{Pd}]+/gu, "-")
    .replace(/[‘’`´]/g, "'")
    .replace(/[・•‧･]/g, "·")
    .replace(/^-+|-+$/g, "");
}

/**
 * The spellings of a name in every Chinese script we read: as written, Simplified, and
 * Traditional as Taiwan and Hong Kong write it (台湾 → 臺灣, 台灣). Latin names have one.
 * Character-level only: OpenCC's phrase tables rewrite words (安全局 → 安全域性), so Taiwan
 * vocabulary is written into the registry instead.
 */
export function scriptVariants(name: string): string[] {
  if (!HAN.test(name)) return [name];
  const simplified = twToCn(name);
  return [...new Set([name, simplified, cnToTw(simplified), cnToHk(simplified), cnToTw(name), cnToHk(name)])];
}

// ─── Loading ────────────────────────────────────────────────────────────────────────────────

export interface Loaded<T> {
  items: T[];
  diagnostics: Diagnostic[];
}

type Path = (string | number)[];

/** Where in the YAML a path points, so every diagnostic can name its line. */
class SourceMap {
  private readonly lines = new LineCounter();
  readonly doc: Document.Parsed;

  constructor(text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: true, uniqueKeys: true });
  }

  lineAt(offset: number): number {
    return this.lines.linePos(offset).line;
  }

  /** The line of the deepest node that exists along `path`; a missing field points at its entry. */
  lineOf(path: Path, key = false): number | undefined {
    let node: unknown = this.doc.contents;
    let line = this.rangeLine(node);
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        if (key && step === path[path.length - 1]) return this.rangeLine(pair.key) ?? line;
        node = pair.value;
        line = this.rangeLine(pair.value) ?? this.rangeLine(pair.key) ?? line;
      } else if (isSeq(node) && typeof step === "number") {
        node = node.items[step];
        line = this.rangeLine(node) ?? line;
      } else {
        break;
      }
    }
    return line;
  }

  private rangeLine(node: unknown): number | undefined {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lineAt(range[0]) : undefined;
  }
}

/** `[3].names.en`, `[0].aliases[2]`: the path as the user reads their file. */
function fieldOf(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

interface Surface {
  text: string;
  path: Path;
}

/** Every name an entry can be resolved by, with where it was written. */
function surfacesOf(e: { id: string; names: Names; aliases: string[] } & TextRules): Surface[] {
  const out: Surface[] = [{ text: e.id, path: ["id"] }];
  for (const l of LANGS) {
    const n = e.names[l];
    if (n) out.push({ text: n, path: ["names", l] });
  }
  for (const field of ["aliases", "exactCase", "resolveOnly"] as const) {
    (e[field] ?? []).forEach((text, i) => out.push({ text, path: [field, i] }));
  }
  return out;
}

/** The names searched in text: names, aliases and exactCase, minus resolveOnly. */
export function detectableNames(e: { names: Names; aliases: string[] } & TextRules): string[] {
  const only = new Set(e.resolveOnly ?? []);
  const all = [...LANGS.map((l) => e.names[l]), ...e.aliases, ...(e.exactCase ?? [])];
  return [...new Set(all.filter((n): n is string => !!n && !only.has(n)))];
}

/** The foldKeys an entry is resolved by: each name in each script. */
function resolutionKeys(e: { id: string; names: Names; aliases: string[] } & TextRules): Map<string, Surface> {
  const keys = new Map<string, Surface>();
  for (const s of surfacesOf(e)) {
    for (const v of scriptVariants(s.text)) {
      const k = foldKey(v);
      if (k && !keys.has(k)) keys.set(k, s);
    }
  }
  return keys;
}

type Raw = z.output<typeof actorEntrySchema> | z.output<typeof tagEntrySchema>;

function loadRegistry<T extends Raw>(
  yamlText: string,
  file: string,
  schema: z.ZodType<T>,
  what: "actor" | "tag",
): { entries: { index: number; value: T }[]; src: SourceMap | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (message: string, line?: number, field?: string) =>
    diagnostics.push({ severity: "error", file, message, ...(line ? { line } : {}), ...(field ? { field } : {}) });

  let src: SourceMap;
  let data: unknown;
  try {
    src = new SourceMap(yamlText);
    const report = (severity: "error" | "warning", e: { message: string; pos: [number, number]; linePos?: [{ line: number }] | [{ line: number }, { line: number }] }) => {
      // The parser's message ends with the position and an excerpt; the diagnostic has its own.
      const message = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      diagnostics.push({ severity, file, line: e.linePos?.[0]?.line ?? src.lineAt(e.pos[0]), message: `YAML: ${message}` });
    };
    src.doc.errors.forEach((e) => report("error", e));
    src.doc.warnings.forEach((e) => report("warning", e));
    data = src.doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    error(`YAML could not be read: ${(e as Error).message.split("\n")[0]}`);
    return { entries: [], src: undefined, diagnostics };
  }

  if (data === null || data === undefined) return { entries: [], src, diagnostics };
  if (!Array.isArray(data)) {
    error(`expected a list of ${what}s (each starting with "- id: …")`, src.lineOf([]));
    return { entries: [], src, diagnostics };
  }

  const entries: { index: number; value: T }[] = [];
  data.forEach((item, index) => {
    const r = schema.safeParse(item);
    if (r.success) {
      entries.push({ index, value: r.data });
      return;
    }
    for (const issue of r.error.issues) {
      const path: Path = [index, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))];
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) {
          error(`unknown field "${k}"`, src.lineOf([...path, k], true), fieldOf([...path, k]));
        }
      } else {
        error(issue.message, src.lineOf(path), fieldOf(path));
      }
    }
  });
  return { entries, src, diagnostics };
}

/** Checks that need the whole file: repeated ids, a name claimed twice, jurisdictions, text rules. */
function crossCheck(
  entries: { index: number; value: Raw }[],
  src: SourceMap,
  file: string,
  what: "actor" | "tag",
  diagnostics: Diagnostic[],
): Set<number> {
  const rejected = new Set<number>();
  const at = (index: number, path: Path) => ({ line: src.lineOf([index, ...path]), field: fieldOf([index, ...path]) });
  const error = (message: string, where: { line?: number; field: string }) =>
    diagnostics.push({ severity: "error", file, message, ...where });
  const warn = (message: string, where: { line?: number; field: string }) =>
    diagnostics.push({ severity: "warning", file, message, ...where });

  const ids = new Map<string, number>();
  for (const { index, value } of entries) {
    const first = ids.get(value.id);
    if (first !== undefined) {
      error(`duplicate id "${value.id}"; first defined on line ${src.lineOf([first, "id"])}`, at(index, ["id"]));
      rejected.add(index);
    } else {
      ids.set(value.id, index);
    }
  }

  const owners = new Map<string, { id: string; index: number; surface: Surface }>();
  for (const { index, value } of entries) {
    if (rejected.has(index)) continue;
    const reported = new Set<string>();
    for (const [key, surface] of resolutionKeys(value)) {
      const owner = owners.get(key);
      if (!owner) {
        owners.set(key, { id: value.id, index, surface });
      } else if (owner.id !== value.id && !reported.has(owner.id + "\0" + surface.text)) {
        reported.add(owner.id + "\0" + surface.text);
        const ownerLine = src.lineOf([owner.index, ...owner.surface.path]);
        error(
          `"${surface.text}" already names ${what} "${owner.id}" (line ${ownerLine}, as "${owner.surface.text}"); a name may lead to one ${what} only`,
          at(index, surface.path),
        );
      }
    }
  }

  const jurisdictions = new Set(
    entries.filter((e) => "type" in e.value && e.value.type === "jurisdiction").map((e) => e.value.id),
  );
  for (const { index, value } of entries) {
    if ("jurisdiction" in value && value.jurisdiction && !jurisdictions.has(value.jurisdiction.toLowerCase())) {
      error(
        `jurisdiction "${value.jurisdiction}" is not a jurisdiction of this file (add an entry with id: ${value.jurisdiction.toLowerCase()} and type: jurisdiction)`,
        at(index, ["jurisdiction"]),
      );
    }

    const detectable = detectableNames(value);
    const comparable = (s: string) => twToCn(s.normalize("NFKC").toLowerCase());
    (value.falseFriends ?? []).forEach((ff, i) => {
      const f = comparable(ff);
      if (!detectable.some((n) => f.includes(comparable(n)))) {
        error(`false friend "${ff}" contains none of the names of "${value.id}", so it cannot hide a mention of it`, at(index, ["falseFriends", i]));
      }
    });

    const searched = value.detect ?? what === "actor";
    if (searched) {
      for (const s of surfacesOf(value)) {
        if (s.path[0] === "id" || s.path[0] === "resolveOnly" || (value.resolveOnly ?? []).includes(s.text)) continue;
        const single = [...s.text.normalize("NFKC")].length === 1;
        const latin = /^[\p{Script=Latin}\d]$/u.test(s.text.normalize("NFKC"));
        // One Han character is a fine name for an element (镓), not for an actor (美).
        if (single && (latin || what === "actor")) {
          warn(`"${s.text}" is a single character and would be found inside ordinary words; move it to resolveOnly`, at(index, s.path));
        }
      }
    }
  }
  return rejected;
}

function stripEmpty<T extends TextRules>(entry: T): T {
  for (const k of ["exactCase", "resolveOnly", "falseFriends"] as const) {
    if (entry[k] && entry[k].length === 0) delete entry[k];
  }
  return entry;
}

/** Reads content/actors.yaml. Entries with errors are left out; everything else is kept. */
export function loadActors(yamlText: string, file: string): Loaded<ActorEntry> {
  const { entries, src, diagnostics } = loadRegistry(yamlText, file, actorEntrySchema, "actor");
  const rejected = src ? crossCheck(entries, src, file, "actor", diagnostics) : new Set<number>();
  const items = entries
    .filter((e) => !rejected.has(e.index))
    .map(({ value }) => stripEmpty({ ...value } as ActorEntry));
  return { items, diagnostics };
}

/** Reads content/tags.yaml. Entries with errors are left out; everything else is kept. */
export function loadTags(yamlText: string, file: string): Loaded<TagEntry> {
  const { entries, src, diagnostics } = loadRegistry(yamlText, file, tagEntrySchema, "tag");
  const rejected = src ? crossCheck(entries, src, file, "tag", diagnostics) : new Set<number>();
  const items = entries
    .filter((e) => !rejected.has(e.index))
    .map(({ value }) => stripEmpty({ ...value } as TagEntry));
  return { items, diagnostics };
}

// ─── Resolving ──────────────────────────────────────────────────────────────────────────────

/**
 * What makes two open names the same term: their foldKey without its hyphens and without
 * quotes or brackets around it, so case, full/half width, spacing, hyphens and underscores,
 * quoting and Simplified/Traditional script never split a name ("AI Agent", "ai-agent",
 * "AIAgent"; 英偉達, 英伟达; 《华尔街日报》, 华尔街日报).
 */
export function openIdentity(name: string): string {
  return foldKey(name).replace(ENCLOSING, "").replace(/-/g, "");
}

/** Quotes and brackets around a whole name ("OpenAI", “Google”, 《华尔街日报》) are not part of it. */
const ENCLOSING = /^[\p{Ps}\p{Pi}\p{Pf}"']+|[\p{Pe}\p{Pi}\p{Pf}"']+$/gu;

const shortHash = (s: string, length: number) => createHash("sha256").update(s).digest("hex").slice(0, length);

/**
 * The id a name no registry entry has is kept under (an open term): its slug, readable and
 * the same from run to run; for a name with nothing to spell (emoji, punctuation), `<prefix>-`
 * and a short hash of it. `taken` ids (the registry's own) get the slug and a short hash, so
 * that 网易 never lands on a registered wang-yi. Two different open names whose slugs meet
 * (网易 and 王毅 are both wang-yi) are told apart over the whole collection: settleOpenTerms.
 */
export function openTermId(name: string, prefix: "tag" | "actor", taken?: (id: string) => boolean): string {
  const identity = openIdentity(name);
  // A version's dot is a word break (GPT-5.5 is gpt-5-5, not the gpt-55 of GPT-55).
  const slug = slugify(twToCn(name.normalize("NFKC").trim()).replace(/(\d)\.(?=\d)/g, "$1-"));
  if (!slug) return `${prefix}-${shortHash(identity || name.normalize("NFKC").trim(), 8)}`;
  return taken?.(slug) ? disambiguated(slug, identity) : slug;
}

/** A slug that several names share, made this name's own. */
export function disambiguated(slug: string, identity: string): string {
  return `${slug}-${shortHash(identity, 4)}`;
}

export class Registry {
  private readonly actorIndex = new Map<string, string>();
  private readonly tagIndex = new Map<string, string>();
  private readonly actorById = new Map<string, ActorEntry>();
  private readonly tagById = new Map<string, TagEntry>();

  /** Where two entries claim one name the first wins; loadActors/loadTags report the clash. */
  constructor(actors: readonly ActorEntry[], tags: readonly TagEntry[]) {
    for (const a of actors) if (!this.actorById.has(a.id)) this.actorById.set(a.id, a);
    for (const t of tags) if (!this.tagById.has(t.id)) this.tagById.set(t.id, t);
    index(this.actorById.values(), this.actorIndex);
    index(this.tagById.values(), this.tagIndex);
  }

  get actors(): ActorEntry[] {
    return [...this.actorById.values()];
  }

  get tags(): TagEntry[] {
    return [...this.tagById.values()];
  }

  actor(id: string): ActorEntry | undefined {
    return this.actorById.get(id);
  }

  tag(id: string): TagEntry | undefined {
    return this.tagById.get(id);
  }

  /** The id of the actor `name` names (its id, any name or alias, in any script), if any. */
  resolveActor(name: string): string | undefined {
    return resolve(name, this.actorIndex, this.actorById);
  }

  /** The id of the tag `name` names (its id, any name or alias, in any script), if any. */
  resolveTag(name: string): string | undefined {
    return resolve(name, this.tagIndex, this.tagById);
  }

  /** The id an open tag (a name tags.yaml does not have) is kept under; never a registered tag's id. */
  openTagId(name: string): string {
    return openTermId(name, "tag", (id) => this.tagById.has(id));
  }

  /** The id an open actor (a name actors.yaml does not have) is kept under; never a registered actor's id. */
  openActorId(name: string): string {
    return openTermId(name, "actor", (id) => this.actorById.has(id));
  }
}

function index(entries: Iterable<ActorEntry | TagEntry>, into: Map<string, string>): void {
  for (const e of entries) {
    for (const key of resolutionKeys(e).keys()) if (!into.has(key)) into.set(key, e.id);
  }
}

function resolve(name: string, keys: Map<string, string>, byId: Map<string, unknown>): string | undefined {
  const hit = keys.get(foldKey(name));
  if (hit) return hit;
  // "Export controls!" or "US–China relations" slugify to an id even where foldKey keeps the
  // punctuation. Not a Chinese name: its slug is pinyin, and 网易 is not the wang-yi of 王毅.
  if (HAN.test(name)) return undefined;
  const slug = slugify(name);
  return slug && byId.has(slug) ? slug : undefined;
}

/** The actors by id, made once per list of actors (a registry's list lives as long as its run). */
export const actorsById: (actors: readonly Actor[]) => ReadonlyMap<string, Actor> = memoizeByReference((actors: readonly Actor[]) => new Map(actors.map((a) => [a.id, a])));
