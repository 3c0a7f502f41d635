// Previews of the pages a link leads to: hovering a link to an article, event, actor or tag (for
// a moment, not on every passing mouse move) or focusing it with the keyboard shows a small card
// with its kind, title, date and first lines; Escape, or leaving the link, hides it. The card is
// read from the page itself, fetched once (same origin) and parsed with DOMParser: no file per
// page is built for it. On touch screens there is no hover and nothing is shown: a long press is
// the system's (copy, open in a new tab), and the page is one tap away.
// The card is placed by CSS anchor positioning (site.css): no inline style under the CSP.
import { baseUrl, pageUiLang } from "./shared.ts";

/** Milliseconds a pointer rests on a link, or focus stays on it, before its preview shows. */
export const HOVER_DELAY = 400;
export const FOCUS_DELAY = 250;
/** Milliseconds a reader has to move the pointer from the link onto the card. */
const LEAVE_DELAY = 250;

export interface PreviewData {
  kind: string;
  title: string;
  date: string;
  text: string;
}

/** The pages that have previews: /articles/x/, /events/x/, /actors/x/, /tags/x/ (not the index of terms used once). */
export function previewPath(href: string, base: string, origin: string, here: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin || !url.pathname.startsWith(base)) return undefined;
  const rest = url.pathname.slice(base.length);
  if (!/^(articles|events|actors|tags)\/[^/_][^/]*\/$/.test(rest)) return undefined;
  return url.pathname === here ? undefined : url.pathname;
}

/** An element's text in the interface language: its data-en swapped in for English. */
function textOf(el: Element | null | undefined, en: boolean): string {
  if (!el) return "";
  const copy = el.cloneNode(true) as Element;
  if (en) for (const x of [copy, ...Array.from(copy.querySelectorAll("[data-en]"))]) if (x instanceof HTMLElement && x.dataset.en !== undefined) x.textContent = x.dataset.en;
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** What a page's card shows, read from the page. */
export function readPreview(doc: Document, en: boolean): PreviewData | undefined {
  const main = doc.querySelector("main");
  const h1 = main?.querySelector("h1");
  if (!main || !h1) return undefined;
  const eventEn = main.querySelector(".event__en");
  const title = en && eventEn ? textOf(eventEn, en) : textOf(h1, en);
  const kind = textOf(main.querySelector(".term__kind"), en);
  const date = textOf(main.querySelector(".article__meta time, .event__fields dd > time"), en);
  // The first paragraph in the interface language: events are written in both.
  const paragraphs = Array.from(main.querySelectorAll(".article__summary, .article__body p, .event__body > p")).filter((p) => p.textContent?.trim());
  const inLang = paragraphs.find((p) => (p.getAttribute("lang") === "en") === en) ?? paragraphs[0];
  let text = textOf(inLang, en);
  // A tag or actor: its names, and what lists it.
  if (!text) text = [...Array.from(main.querySelectorAll(".term__names dd")).map((d) => textOf(d, en)), ...Array.from(main.querySelectorAll("h2")).map((h) => textOf(h, en))].filter(Boolean).join(" · ");
  return { kind, title, date, text: text.length > 220 ? `${text.slice(0, 220).replace(/\s+\S*$/, "")} …` : text };
}

const cache = new Map<string, Promise<Document | undefined>>();
function load(path: string): Promise<Document | undefined> {
  let p = cache.get(path);
  if (!p) {
    p = fetch(path)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((html) => new DOMParser().parseFromString(html, "text/html"))
      .catch(() => {
        cache.delete(path);
        return undefined;
      });
    cache.set(path, p);
  }
  return p;
}

export function initPreviews(): void {
  const base = baseUrl();
  const card = document.createElement("div");
  card.className = "link-preview";
  card.id = "kb-link-preview";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  document.body.append(card);
  let current: HTMLAnchorElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  const hoverable = window.matchMedia("(hover: hover) and (pointer: fine)");

  const hide = () => {
    clearTimeout(timer);
    clearTimeout(leaveTimer);
    card.hidden = true;
    card.replaceChildren();
    if (current) {
      current.classList.remove("has-preview");
      current.removeAttribute("aria-describedby");
    }
    current = undefined;
  };
  const show = async (a: HTMLAnchorElement, path: string) => {
    const doc = await load(path);
    if (!doc || !a.isConnected || (a !== document.activeElement && !a.matches(":hover"))) return;
    const data = readPreview(doc, pageUiLang() === "en");
    if (!data) return;
    hide();
    const line = (cls: string, text: string) => {
      if (!text) return;
      const p = document.createElement("p");
      p.className = cls;
      p.textContent = text;
      card.append(p);
    };
    line("link-preview__meta", [data.kind, data.date].filter(Boolean).join(" · "));
    line("link-preview__title", data.title);
    line("link-preview__text", data.text);
    current = a;
    a.classList.add("has-preview");
    a.setAttribute("aria-describedby", card.id);
    card.hidden = false;
  };
  const arm = (a: HTMLAnchorElement, delay: number) => {
    const path = previewPath(a.href, base, location.origin, location.pathname);
    if (!path || a.closest(".link-preview, .site-header")) return;
    clearTimeout(timer);
    clearTimeout(leaveTimer);
    if (current === a) return;
    timer = setTimeout(() => void show(a, path), delay);
  };
  const leave = () => {
    clearTimeout(timer);
    leaveTimer = setTimeout(() => {
      if (!card.matches(":hover") && current !== document.activeElement) hide();
    }, LEAVE_DELAY);
  };

  document.addEventListener("mouseover", (e) => {
    if (!hoverable.matches) return;
    const a = (e.target as Element | null)?.closest?.("a[href]");
    if (a instanceof HTMLAnchorElement) arm(a, HOVER_DELAY);
  });
  document.addEventListener("mouseout", (e) => {
    const a = (e.target as Element | null)?.closest?.("a[href]");
    if (a && !a.contains(e.relatedTarget as Node | null)) leave();
  });
  card.addEventListener("mouseleave", leave);
  document.addEventListener("focusin", (e) => {
    const a = (e.target as Element | null)?.closest?.("a[href]");
    if (a instanceof HTMLAnchorElement) arm(a, FOCUS_DELAY);
    else hide();
  });
  document.addEventListener("focusout", (e) => {
    if ((e.target as Element | null)?.closest?.("a[href]")) hide();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !card.hidden) hide();
  });
  // Leaving the page for another keeps no card open on return (the back-forward cache).
  window.addEventListener("pagehide", hide);
}
