// Small helpers the site's scripts share.
import { escapeHtml } from "../render/escape.ts";

/** The site's base path (/ or /repo/), written into <html data-base> by the layout. */
export function baseUrl(): string {
  const b = document.documentElement.dataset.base ?? "/";
  return b.endsWith("/") ? b : `${b}/`;
}

/**
 * The interface language the page is shown in (ui-lang.ts writes it on <html>). Read from the
 * page, not from ui-lang.ts: the search page's script is a bundle of its own, with its own copy.
 */
export function pageUiLang(): "zh-Hans" | "en" {
  return document.documentElement.dataset.uiLang === "en" ? "en" : "zh-Hans";
}

export async function loadJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** Text with <mark> around the given ranges, everything escaped. */
export function markRanges(text: string, ranges: Array<[number, number]>): string {
  let out = "";
  let at = 0;
  for (const [s, e] of ranges) {
    out += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(text.slice(at));
}

/** Sent to the search form when the interface's language switches: run the same search again, as many results. */
export const RERUN_EVENT = "kb:search-rerun";
