// The order lists of names are shown in: Chinese names as Chinese readers look them up (by
// pinyin, which is what the `zh` collation of ICU does), English names alphabetically. A list
// is shaped in both orders at build time: the interface language switches on the reader's side,
// and the page without JavaScript shows the Chinese order.
import type { Named } from "../model/names.ts";

const ZH = new Intl.Collator("zh", { numeric: true, sensitivity: "base" });
const EN = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Compares two names as a Chinese index orders them: by pinyin, Latin letters in the same alphabet. */
export const compareZh = (a: string, b: string): number => ZH.compare(a, b);
/** Compares two names as an English index orders them. */
export const compareEn = (a: string, b: string): number => EN.compare(a, b);

/** The items in the Chinese interface's order: by their shown name, by pinyin. */
export function sortByZhName<T extends Named>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareZh(a.label, b.label));
}

/** The items in the English interface's order: by their English name where they have one. */
export function sortByEnName<T extends Named>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareEn(a.en ?? a.label, b.en ?? b.label));
}

/**
 * Each item's place in the English order, for a list shown in the Chinese order: the page
 * writes it on the item (`data-en-order`) and the client reorders when English is picked.
 */
export function englishOrder<T extends Named>(items: readonly T[]): number[] {
  const order = sortByEnName(items.map((item, i) => ({ ...item, i })));
  const place = new Array<number>(items.length);
  order.forEach((item, k) => (place[item.i] = k));
  return place;
}
