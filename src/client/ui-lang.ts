// The interface language, switched in the browser. Pages are built once, in Chinese, and carry
// the English alongside: an element's text in data-en, an attribute in data-en-<attribute>
// (data-en-placeholder, data-en-aria-label, data-en-alt, data-en-data-count …). Switching swaps
// them in place and back; nothing is fetched and no page is built twice.

export type UiLang = "zh-Hans" | "en";
export const UI_LANG_KEY = "kb-ui-lang";
/** Fired on document after a switch, for scripts that build text from swapped attributes. */
export const UI_LANG_EVENT = "kb:uilang";

export function storedUiLang(): UiLang {
  try {
    return localStorage.getItem(UI_LANG_KEY) === "en" ? "en" : "zh-Hans";
  } catch {
    // Storage can be refused (private modes, blocked cookies): the default it is.
    return "zh-Hans";
  }
}

export function storeUiLang(lang: UiLang): void {
  try {
    localStorage.setItem(UI_LANG_KEY, lang);
  } catch {
    /* the choice lasts for this page only */
  }
}

/** What an element said before the first swap, to swap back to. */
interface Original {
  text?: string;
  lang: string | null;
  attrs: Map<string, string | null>;
}
const originals = new WeakMap<Element, Original>();
let current: UiLang = "zh-Hans";

function original(el: Element): Original {
  let o = originals.get(el);
  if (!o) originals.set(el, (o = { lang: el.getAttribute("lang"), attrs: new Map() }));
  return o;
}

function setLang(el: Element, en: boolean, o: Original): void {
  if (en) el.setAttribute("lang", "en");
  else if (o.lang === null) el.removeAttribute("lang");
  else el.setAttribute("lang", o.lang);
}

/** Elements with at least one data-en-* attribute: XPath can match attribute names by prefix. */
function withEnglishAttributes(root: Node): Element[] {
  const found = document.evaluate(".//*[@*[starts-with(name(), 'data-en-')]]", root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  const out: Element[] = [];
  for (let i = 0; i < found.snapshotLength; i++) out.push(found.snapshotItem(i) as Element);
  return out;
}

// The language of these attributes is the element's: an English alt or aria-label needs lang="en"
// to be read out in English. Placeholders and data-* templates do not change the element's.
const LANG_BEARING = new Set(["alt", "aria-label", "title"]);

export function applyUiLang(lang: UiLang, root: ParentNode & Node = document): void {
  if (lang === current && lang === "zh-Hans") return;
  const en = lang === "en";
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("[data-en]"))) {
    const o = original(el);
    o.text ??= el.textContent ?? "";
    el.textContent = en ? (el.dataset.en ?? o.text) : o.text;
    setLang(el, en, o);
  }
  for (const el of withEnglishAttributes(root)) {
    const o = original(el);
    let bearing = false;
    for (const attr of Array.from(el.attributes)) {
      if (!attr.name.startsWith("data-en-")) continue;
      const name = attr.name.slice("data-en-".length);
      if (!o.attrs.has(name)) o.attrs.set(name, el.getAttribute(name));
      const zh = o.attrs.get(name);
      if (en) el.setAttribute(name, attr.value);
      else if (zh === null || zh === undefined) el.removeAttribute(name);
      else el.setAttribute(name, zh);
      bearing ||= LANG_BEARING.has(name);
    }
    if (bearing && !el.hasAttribute("data-en")) setLang(el, en, o);
  }
  document.documentElement.dataset.uiLang = lang;
  current = lang;
  for (const b of Array.from(document.querySelectorAll<HTMLElement>("[data-set-ui-lang]"))) b.setAttribute("aria-pressed", String(b.dataset.setUiLang === lang));
}

export function currentUiLang(): UiLang {
  return current;
}

/** Wires the switch buttons and applies the stored choice. */
export function initUiLang(): void {
  applyUiLang(storedUiLang());
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-set-ui-lang]"))) {
    b.addEventListener("click", () => switchUiLang(b.dataset.setUiLang === "en" ? "en" : "zh-Hans"));
  }
  // Another tab switched: follow it.
  window.addEventListener("storage", (e) => {
    if (e.key === UI_LANG_KEY) switchUiLang(storedUiLang(), false);
  });
}

export function switchUiLang(lang: UiLang, store = true): void {
  if (store) storeUiLang(lang);
  if (lang === current) return;
  applyUiLang(lang);
  document.dispatchEvent(new CustomEvent(UI_LANG_EVENT, { detail: { lang } }));
}
