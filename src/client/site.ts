// On every page: the reader's interface language and theme; "/" focuses the search box; and a
// page opened from a search result highlights what was searched (?hl=华为|Huawei), in either script.
import { findHighlights, type FoldMap } from "../search/fold.ts";
import { baseUrl, loadJson, RERUN_EVENT } from "./shared.ts";
import { initUiLang, UI_LANG_EVENT } from "./ui-lang.ts";
import { initTheme } from "./theme.ts";
import { initOriginalsSwitch } from "./originals.ts";
import { initNameOrder } from "./name-order.ts";
import { initPreviews } from "./preview.ts";

// First, before anything is drawn from the page's text: module scripts run once the page is
// parsed, usually before the first paint.
initTheme();
initUiLang();
initNameOrder();
// The search page writes its messages from attributes the switch has just swapped: run the
// search again so they are rewritten in the new language.
document.addEventListener(UI_LANG_EVENT, () => {
  const form = document.querySelector<HTMLFormElement>("[data-search-form]");
  if (form && !form.hidden) form.dispatchEvent(new Event(RERUN_EVENT));
});

document.addEventListener("keydown", (e) => {
  if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.querySelector<HTMLInputElement>("[data-search-box]");
  if (!box) return;
  e.preventDefault();
  box.focus();
  box.select();
});

async function highlightFromUrl(): Promise<void> {
  const hl = new URLSearchParams(location.search).get("hl");
  const root = document.querySelector<HTMLElement>("[data-highlight-root]");
  if (!hl || !root) return;
  const terms = hl.split("|").filter(Boolean).slice(0, 50);
  const map = await loadJson<FoldMap>(`${baseUrl()}search/fold.json`);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let first: HTMLElement | undefined;
  for (const node of nodes) {
    const text = node.data;
    const ranges = findHighlights(text, terms, map);
    if (!ranges.length) continue;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [s, e] of ranges) {
      frag.append(text.slice(at, s));
      const mark = document.createElement("mark");
      mark.className = "search-hit";
      mark.textContent = text.slice(s, e);
      frag.append(mark);
      first ??= mark;
      at = e;
    }
    frag.append(text.slice(at));
    node.replaceWith(frag);
  }
  first?.scrollIntoView({ block: "center" });
}

void highlightFromUrl();
initOriginalsSwitch();
initPreviews();
