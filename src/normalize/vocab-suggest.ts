// `npm run vocab -- suggest`: the names of a collection that are likely one thing, as entries
// to paste into actors.yaml or tags.yaml. Pure: the script reads the notes' front matter.
//
// What counts as likely the same (the rules the tests pin down):
//   spellings    one open term written several ways (case, width, spacing, script): already
//                one page; registering it chooses the name shown and adds translations.
//   sound        different names with one slug (梁文锋 / 梁文丰, U.S. / US): transcripts and
//                clippings mistype names, and a slug is their pinyin. Same kind only (网易, an
//                organization, is not 王毅, a person).
//   together     an English and a Chinese name of the same kind, neither with a name in the
//                other script yet, that notes name together: each is in at least `minNotes`
//                notes, at least `minNotes` name both, at least `minShare` of the notes of the
//                rarer one also name the other, and each is the other's most frequent partner of
//                the other script (so 微软 pairs with Microsoft, not with Google, which it also
//                meets). A name that has its translation (Trump, 川普) is never paired again: a
//                name everyone mentions meets every other.
// Names that resolve to a registered entry take part too: the suggestion is then to add the open
// names to that entry's aliases. Suggestions are ranked by the notes they cover, most first.
import type { OpenKind, OpenName } from "../model/types.ts";
import { foldKey, openIdentity, openTermId, type Registry } from "./registry.ts";
import { settleOpenTerms } from "./open-terms.ts";
import { taiwanToSimplified as twToCn } from "./chinese-script.ts";

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** The names one note's front matter gives, by vocabulary, with the kind their field implies. */
export interface NoteNames {
  tags: Array<{ name: string; kind: OpenKind }>;
  actors: Array<{ name: string; kind: OpenKind }>;
}

export interface SuggestOptions {
  /** Notes each name of a "together" pair must be in, and that must name both (default 5). */
  minNotes: number;
  /** Share of the rarer name's notes that must also name the other (default 0.6). */
  minShare: number;
}

export const SUGGEST_DEFAULTS: SuggestOptions = { minNotes: 5, minShare: 0.6 };

export type Reason = "spellings" | "sound" | "together";
export type Vocab = "actors" | "tags";

export interface SuggestedMember {
  /** The registered id, or the id the open term has now. */
  id: string;
  registered: boolean;
  /** Spellings as written, the most used first, with their notes. */
  spellings: Array<[string, number]>;
  kind: string;
  notes: number;
}

export interface Suggestion {
  vocabulary: Vocab;
  reasons: Reason[];
  members: SuggestedMember[];
  /** Notes naming any member. */
  notes: number;
  /** For "together": the pairs and how many notes name both. */
  pairs: Array<{ a: string; b: string; together: number }>;
}

interface Unit {
  key: string;
  id: string;
  registered: boolean;
  spellings: Map<string, number>;
  kinds: Map<string, number>;
  notes: number[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const top = <K>(m: Map<K, number>): K => [...m].sort((a, b) => b[1] - a[1] || byCodePoint(String(a[0]), String(b[0])))[0]![0];

/** Registered kinds and open kinds on one scale: what may be merged with what. */
function kindClass(vocab: Vocab, kind: string): string {
  if (vocab === "tags") return "tag";
  if (kind === "person") return "person";
  if (kind === "jurisdiction") return "jurisdiction";
  return "organization";
}

export function suggestDuplicates(notes: readonly NoteNames[], registry: Registry, opts: SuggestOptions = SUGGEST_DEFAULTS): Suggestion[] {
  // Merges of different names first (they change pages), then a term's spellings; by notes covered.
  const merges = (s: Suggestion) => (s.reasons.some((r) => r !== "spellings") ? 0 : 1);
  return [...suggestFor("actors", notes, registry, opts), ...suggestFor("tags", notes, registry, opts)].sort(
    (a, b) => merges(a) - merges(b) || b.notes - a.notes || byCodePoint(a.members[0]!.id, b.members[0]!.id),
  );
}

function suggestFor(vocab: Vocab, notes: readonly NoteNames[], registry: Registry, opts: SuggestOptions): Suggestion[] {
  // Each distinct name once: a collection writes "Donald Trump" a thousand times.
  const cached = <T>(f: (n: string) => T) => {
    const memo = new Map<string, T>();
    return (n: string): T => {
      if (memo.has(n)) return memo.get(n)!;
      const v = f(n);
      memo.set(n, v);
      return v;
    };
  };
  const resolve = cached((n) => (vocab === "tags" ? registry.resolveTag(n) : registry.resolveActor(n)));
  const openId = cached((n) => (vocab === "tags" ? registry.openTagId(n) : registry.openActorId(n)));
  const identityOf = cached((n) => openIdentity(n) || n);
  const registeredKind = (id: string) => (vocab === "tags" ? registry.tag(id)?.kind : registry.actor(id)?.type) ?? "topic";

  // The ids the site gives open names: settled over the collection, as ingest does.
  const perNote: OpenName[][] = notes.map((n) =>
    n[vocab].filter((x) => !resolve(x.name)).map((x) => ({ id: openId(x.name), name: x.name, kind: x.kind })),
  );
  const settled = settleOpenTerms(perNote.map((names) => ({ openNames: vocab === "tags" ? { tags: names, actors: [] } : { tags: [], actors: names } })));
  const idOf = vocab === "tags" ? settled.tags.idOf : settled.actors.idOf;

  const units = new Map<string, Unit>();
  const noteUnits: Unit[][] = notes.map((n, i) => {
    const here = new Map<string, Unit>();
    const spelled = new Set<string>();
    for (const { name, kind } of n[vocab]) {
      const reg = resolve(name);
      const identity = identityOf(name);
      const key = reg ? `reg:${reg}` : `open:${identity}`;
      let u = units.get(key);
      if (!u) {
        u = { key, id: reg ?? idOf.get(identity) ?? openId(name), registered: Boolean(reg), spellings: new Map(), kinds: new Map(), notes: [] };
        units.set(key, u);
      }
      if (!spelled.has(name)) {
        spelled.add(name);
        u.spellings.set(name, (u.spellings.get(name) ?? 0) + 1);
      }
      if (!here.has(key)) {
        here.set(key, u);
        u.notes.push(i);
        u.kinds.set(reg ? registeredKind(reg) : kind, (u.kinds.get(reg ? registeredKind(reg) : kind) ?? 0) + 1);
      }
    }
    return [...here.values()];
  });
  // What each unit is, worked out once: its most used spelling, kind, and script.
  const list = [...units.values()];
  const index = new Map(list.map((u, i) => [u, i]));
  const topName = list.map((u) => top(u.spellings));
  const cls = list.map((u) => kindClass(vocab, top(u.kinds)));
  const names = (u: Unit) => {
    const e = u.registered ? (vocab === "tags" ? registry.tag(u.id) : registry.actor(u.id)) : undefined;
    return e ? [...Object.values(e.names), ...e.aliases] : [...u.spellings.keys()];
  };
  // A name in both scripts already has its translation.
  const bilingual = list.map((u) => names(u).some((n) => HAN.test(n)) && names(u).some((n) => !HAN.test(n) && LATIN.test(n)));
  const hanOnly = topName.map((n) => HAN.test(n) && !LATIN.test(n));
  const latinOnly = topName.map((n) => !HAN.test(n) && LATIN.test(n));

  // Union-find over units; a group holds at most one registered entry (two are the registry's business).
  const parent = Int32Array.from(list, (_, i) => i);
  const hasRegistered = list.map((u) => u.registered);
  const reasons = list.map(() => new Set<Reason>());
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (a: number, b: number, reason: Reason): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      if (hasRegistered[ra] && hasRegistered[rb]) return false;
      parent[rb] = ra;
      hasRegistered[ra] = hasRegistered[ra]! || hasRegistered[rb]!;
      for (const r of reasons[rb]!) reasons[ra]!.add(r);
    }
    reasons[ra]!.add(reason);
    return true;
  };

  // sound: one slug, several names, one kind.
  const bySlug = new Map<string, number[]>();
  list.forEach((u, i) => {
    if (u.registered) return;
    const slug = openTermId(topName[i]!, "tag");
    if (!slug) return;
    const key = `${cls[i]}\u0000${slug}`;
    (bySlug.get(key) ?? bySlug.set(key, []).get(key)!).push(i);
  });
  for (const group of bySlug.values()) for (const i of group.slice(1)) join(group[0]!, i, "sound");

  // together: an English and a Chinese name of one kind, neither translated yet, named together.
  const together = new Map<number, Map<number, number>>();
  for (const here of noteUnits) {
    const ids = here.map((u) => index.get(u)!);
    for (const l of ids) {
      if (!latinOnly[l] || bilingual[l] || list[l]!.notes.length < opts.minNotes) continue;
      for (const h of ids) {
        if (!hanOnly[h] || bilingual[h] || cls[l] !== cls[h] || (list[l]!.registered && list[h]!.registered) || list[h]!.notes.length < opts.minNotes) continue;
        const m = together.get(l) ?? together.set(l, new Map()).get(l)!;
        m.set(h, (m.get(h) ?? 0) + 1);
      }
    }
  }
  const overlap = (l: number, h: number, n: number) => n / Math.min(list[l]!.notes.length, list[h]!.notes.length);
  const better = (l: number, h: number, n: number, l2: number, h2: number, n2: number) => n - n2 || overlap(l, h, n) - overlap(l2, h2, n2);
  const bestHanOf = new Map<number, [number, number]>();
  const bestLatinOf = new Map<number, [number, number]>();
  for (const [l, m] of together) {
    for (const [h, n] of m) {
      const bh = bestHanOf.get(l);
      if (!bh || better(l, h, n, l, bh[0], bh[1]) > 0) bestHanOf.set(l, [h, n]);
      const bl = bestLatinOf.get(h);
      if (!bl || better(l, h, n, bl[0], h, bl[1]) > 0) bestLatinOf.set(h, [l, n]);
    }
  }
  const pairs: Array<{ a: number; b: number; together: number }> = [];
  for (const [l, [h, n]] of bestHanOf) {
    if (bestLatinOf.get(h)?.[0] !== l) continue;
    if (n < opts.minNotes || overlap(l, h, n) < opts.minShare) continue;
    if (join(l, h, "together")) pairs.push({ a: l, b: h, together: n });
  }

  // The groups, and the single terms written several ways.
  const groups = new Map<number, number[]>();
  list.forEach((_, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(i);
  });
  const out: Suggestion[] = [];
  for (const [root, group] of groups) {
    const members = group.map((i) => list[i]!);
    let why: Reason[];
    if (members.length > 1) why = [...reasons[root]!].sort();
    else if (!members[0]!.registered && members[0]!.spellings.size > 1 && members[0]!.notes.length >= opts.minNotes) why = ["spellings"];
    else continue;
    const noteSet = new Set<number>();
    for (const m of members) for (const i of m.notes) noteSet.add(i);
    members.sort((a, b) => Number(b.registered) - Number(a.registered) || b.notes.length - a.notes.length || byCodePoint(a.id, b.id));
    out.push({
      vocabulary: vocab,
      reasons: why,
      members: members.map((m) => ({
        id: m.id,
        registered: m.registered,
        spellings: [...m.spellings].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0])),
        kind: top(m.kinds),
        notes: m.notes.length,
      })),
      notes: noteSet.size,
      pairs: pairs.filter((p) => find(p.a) === root).map((p) => ({ a: topName[p.a]!, b: topName[p.b]!, together: p.together })),
    });
  }
  return out;
}

// ─── YAML ───────────────────────────────────────────────────────────────────────────────────

/** A YAML scalar: plain where that is safe, double-quoted (JSON is valid YAML) otherwise. */
export function yamlScalar(s: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} ._&()'’·+\/-]*$/u.test(s) && !/[ ]$/.test(s) && !/^(true|false|yes|no|null|on|off|~)$/i.test(s) && !/^[\d.+-]+$/.test(s);
  return plain ? s : JSON.stringify(s);
}

const ACTOR_TYPE: Record<string, string> = { person: "person", organization: "organization", unregistered: "organization", product: "organization", topic: "organization" };

/**
 * A suggestion as text to paste: a new entry, or, where one member is registered, the aliases to
 * add to that entry. A comment line says why and with how many notes.
 */
export function suggestionYaml(s: Suggestion): string {
  const all = s.members.flatMap((m) => m.spellings);
  const why = `${s.reasons.join(", ")}: ${s.notes} notes — ${s.members.map((m) => m.spellings.map(([n, c]) => `${n} ${c}`).join(", ")).join(" | ")}`;
  const together = s.pairs.map((p) => `${p.together} notes name both ${p.a} and ${p.b}`).join("; ");
  const head = [`# ${why}`, ...(together ? [`# ${together}`] : [])];
  const registered = s.members.find((m) => m.registered);
  if (registered) {
    const aliases = dedupeByKey(s.members.filter((m) => !m.registered).flatMap((m) => m.spellings.map(([n]) => n)));
    return [...head, `# add to the aliases of "${registered.id}" in ${s.vocabulary}.yaml:`, `#   aliases: [${aliases.map(yamlScalar).join(", ")}]`].join("\n");
  }
  const first = (test: (n: string) => boolean) => all.filter(([n]) => test(n)).sort((a, b) => b[1] - a[1])[0]?.[0];
  const en = first((n) => !HAN.test(n));
  const zh = first((n) => HAN.test(n));
  const names: string[] = [];
  if (zh) names.push(`${twToCn(zh) === zh ? "zh-Hans" : "zh-Hant"}: ${yamlScalar(zh)}`);
  if (en) names.push(`en: ${yamlScalar(en)}`);
  const named = new Set([zh, en].filter(Boolean).map((n) => foldKey(n!)));
  const aliases = dedupeByKey(all.map(([n]) => n)).filter((n) => !named.has(foldKey(n)));
  // The id: the English name's (readable), else the most used member's; its page keeps its address.
  const lead = s.members.find((m) => m.spellings.some(([n]) => n === en)) ?? s.members[0]!;
  const kindLine = s.vocabulary === "actors" ? `  type: ${ACTOR_TYPE[lead.kind] ?? "organization"}` : `  kind: ${lead.kind === "product" ? "product" : "topic"}`;
  return [
    ...head,
    `- id: ${lead.id}`,
    kindLine,
    `  names: { ${names.join(", ")} }`,
    ...(aliases.length ? [`  aliases: [${aliases.map(yamlScalar).join(", ")}]`] : []),
  ].join("\n");
}

/** One spelling per foldKey: the registry folds case, width, spacing and script itself. */
function dedupeByKey(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = foldKey(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The suggestions as two YAML texts, one per registry file. */
export function suggestionsYaml(suggestions: readonly Suggestion[]): Record<Vocab, string> {
  const of = (v: Vocab) => suggestions.filter((s) => s.vocabulary === v).map(suggestionYaml).join("\n\n");
  return { actors: of("actors"), tags: of("tags") };
}
