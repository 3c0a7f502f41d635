// Values that mean nothing. Scripts that write front matter put `None` (Python), `null`,
// `N/A`, `nan` (pandas), `""` or `[]` where they had nothing to say; shown on a page they read
// as if the outlet were called "None". Such a value is a value not given.

/** Words scripts write for "nothing", compared without case and surrounding spaces. */
const NOTHING_WORDS = new Set(["none", "null", "nil", "n/a", "nan", "undefined"]);
/** Empty literals written as text (`outlet: '""'`, `tags: "[]"`). */
const EMPTY_LITERALS = new Set(['""', "''", "[]", "{}"]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** True for a value that says nothing by itself (not looking inside lists and mappings). */
export function isNothing(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === "number") return Number.isNaN(v);
  if (typeof v !== "string") return false;
  const t = v.trim();
  return t === "" || NOTHING_WORDS.has(t.toLowerCase()) || EMPTY_LITERALS.has(t);
}

/**
 * The value without what means nothing: undefined when it is nothing as a whole (a list of
 * nothing but `None` and `""` included), lists and mappings with such items left out.
 */
export function withoutNothing(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(withoutNothing).filter((x) => x !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const kept = withoutNothing(x);
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return isNothing(v) ? undefined : v;
}

/** A front-matter mapping without the fields that mean nothing; {} when none is left. */
export function fieldsWithoutNothing(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    const kept = withoutNothing(v);
    if (kept !== undefined) out[k] = kept;
  }
  return out;
}
