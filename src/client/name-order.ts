// Lists of names in the reader's order: pages list names as a Chinese index does (by pinyin,
// src/site/collate.ts) and write on each item its place in the English order. Any element
// marked data-name-order whose children carry data-en-order (a <ul> of terms, a row of chips)
// is put in the English order when the reader picks English, and back when Chinese.
import { currentUiLang, UI_LANG_EVENT, type UiLang } from "./ui-lang.ts";

/** Each list's items in the order the page wrote them (the Chinese order). */
const written = new WeakMap<Element, Element[]>();

/** Puts every marked list under `root` in the order of `lang`. */
export function applyNameOrder(lang: UiLang, root: ParentNode = document): void {
  for (const list of Array.from(root.querySelectorAll("[data-name-order]"))) {
    let items = written.get(list);
    if (!items) written.set(list, (items = Array.from(list.children)));
    const ordered =
      lang === "en"
        ? items
            .map((el, i) => ({ el, place: Number((el as HTMLElement).dataset.enOrder ?? i) }))
            .sort((a, b) => a.place - b.place)
            .map((x) => x.el)
        : items;
    // Moving nodes keeps their focus and listeners; append() moves an element already in the list.
    if (ordered.some((el, i) => list.children[i] !== el)) list.append(...ordered);
  }
}

/** Orders the lists for the current language now and after every switch. */
export function initNameOrder(): void {
  if (currentUiLang() === "en") applyNameOrder("en");
  document.addEventListener(UI_LANG_EVENT, (e) => applyNameOrder((e as CustomEvent<{ lang: UiLang }>).detail.lang));
}
