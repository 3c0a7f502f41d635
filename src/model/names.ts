// Which of an actor's or tag's names to show in a language. Pages and search records name
// things alike: the wanted language, then the other Chinese script, then English, then the id.
import type { Lang } from "./types.ts";
import type { Names } from "./registry.ts";

/**
 * A name as pages show it: in the default interface language, with the language it is in
 * (a name may only exist in English or in Traditional characters) and the English name when
 * there is a different one, which the client swaps in when the reader picks English.
 */
export interface Named {
  label: string;
  lang?: Lang;
  en?: string;
}

const NAME_ORDER: Record<Lang, Lang[]> = {
  en: ["en", "zh-Hans", "zh-Hant"],
  "zh-Hant": ["zh-Hant", "zh-Hans", "en"],
  "zh-Hans": ["zh-Hans", "zh-Hant", "en"],
};

/** The name to show: the wanted language, then the other Chinese script, then English. */
export function displayName(names: Names, lang: Lang, fallback: string): string {
  for (const l of NAME_ORDER[lang]) if (names[l]) return names[l]!;
  return fallback;
}

/** The name in the interface language, the language it is in, and the English one if it differs. */
export function named(names: Names, lang: Lang, fallback: string): Named {
  for (const l of NAME_ORDER[lang]) {
    const label = names[l];
    if (label) return { label, lang: l, ...(names.en && names.en !== label ? { en: names.en } : {}) };
  }
  // An id: no language of its own.
  return { label: fallback };
}

/** Pure: a title as written, without zero-width marks and with wide or fixed spaces as plain ones. */
export function plainTitle(title: string): string {
  return title.replace(/[\u200B-\u200D\u2060\uFEFF]/g, "").replace(/[\u00A0\u3000]/g, " ").trim();
}
