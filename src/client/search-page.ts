// The search page: reads the query and filters from the URL, runs the search, shows results as
// links inside [data-search-results], and keeps the URL in step so a search can be shared.
import { readableExcerpt, findHighlights, type AliasIndex, type FoldMap } from "../search/fold.ts";
import { escapeHtml } from "../render/escape.ts";
import { runSearch, prefetchSearch, RESULTS_PER_PAGE as PAGE, requestFromParams, paramsFromRequest, FILTER_KEYS, EXCERPT_WORDS, type SearchIndex, type SearchOutcome, type SearchRequest } from "../search/engine.ts";
import { PostingsIndex } from "../search/postings-search.ts";
import { baseUrl, loadJson, markRanges, pageUiLang, RERUN_EVENT } from "./shared.ts";
import { dateLabel } from "./date-label.ts";
import { SEARCH_DATA_DIR, SEARCH_MANIFEST, INDEX_LANGUAGE, PAGEFIND_DIR, type SearchManifest } from "../search/manifest.ts";

/**
 * Pagefind's `init()` ignores its language argument and takes the page's `<html lang>`; for zh,
 * ja and th it then splits every query with Intl.Segmenter. Our queries are already split into
 * the index's tokens (src/search/fold.ts), and a second split breaks the character pairs that
 * are not dictionary words (土出 → 土 出), which Pagefind then matches as prefixes: more pages,
 * and seconds per query at 10,000 articles. So Pagefind is started while the page says it is
 * in the index's one language, and the page's language is put back at once.
 */
async function initAs(pf: { init(): Promise<void> }, language: string): Promise<void> {
  const root = document.documentElement;
  const lang = root.getAttribute("lang");
  root.setAttribute("lang", language);
  try {
    await pf.init();
  } finally {
    if (lang === null) root.removeAttribute("lang");
    else root.setAttribute("lang", lang);
  }
}

/** The site's index, as search/index.json names it: Pagefind's bundle, or our postings index. */
async function openIndex(manifest: SearchManifest, base: string): Promise<SearchIndex> {
  if (manifest.engine === "postings") {
    const postings = new PostingsIndex({
      firsts: manifest.firsts,
      records: manifest.pages,
      base,
      load: async (rel) => {
        const res = await fetch(`${base}${rel}`);
        if (!res.ok || !res.body) throw new Error(`${rel}: ${res.status}`);
        // Stored gzip-compressed by us (postings.ts), whatever the server does.
        return new Uint8Array(await new Response(res.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
      },
    });
    return { kind: "postings", postings };
  }
  const pagefind = await import(/* @vite-ignore */ `${base}${PAGEFIND_DIR}pagefind.js`);
  await pagefind.options({ baseUrl: base, excerptLength: EXCERPT_WORDS });
  await initAs(pagefind, INDEX_LANGUAGE);
  return { kind: "pagefind", pagefind };
}

async function main(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>("[data-search-form]");
  const list = document.querySelector<HTMLElement>("[data-search-results]");
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  const more = document.querySelector<HTMLButtonElement>("[data-search-more]");
  if (!form || !list || !status || !more) return;
  const base = baseUrl();
  const t = (key: string) => status.dataset[key] ?? "";
  form.hidden = false;
  document.querySelector("[data-search-nojs]")?.remove();

  const [map, aliases, index] = await Promise.all([
    loadJson<FoldMap>(`${base}search/fold.json`),
    loadJson<AliasIndex>(`${base}search/aliases.json`),
    loadJson<SearchManifest>(`${base}${SEARCH_DATA_DIR}/${SEARCH_MANIFEST}`).then((m) => openIndex(m, base)),
  ]);

  const readForm = (): SearchRequest => {
    const data = new FormData(form);
    const filters: SearchRequest["filters"] = {};
    for (const key of FILTER_KEYS) {
      const v = String(data.get(key) ?? "");
      if (v) filters[key] = v;
    }
    return { q: String(data.get("q") ?? ""), filters, sort: data.get("sort") === "date" ? "date" : "relevance" };
  };
  const fillForm = (req: SearchRequest) => {
    (form.elements.namedItem("q") as HTMLInputElement).value = req.q;
    for (const key of FILTER_KEYS) {
      const el = form.elements.namedItem(key) as HTMLSelectElement | null;
      if (el) el.value = req.filters[key] ?? "";
    }
    const sort = form.elements.namedItem("sort") as HTMLSelectElement | null;
    if (sort) sort.value = req.sort;
  };

  let generation = 0;
  // Each result is kept as the engine gave it, never copied: Pagefind (1.5, in a web worker)
  // lets go of a result's data once the object it returned is collected, and a copy shown
  // behind "more" would then load nothing.
  let pending: Array<{ result: SearchOutcome["results"][number]; looser?: number }> = [];
  let highlight: string[] = [];
  let namesOnly = false;
  const shown = new Set<string>();

  const render = async (batch: typeof pending, gen: number) => {
    const items = await Promise.all(batch.map((p) => p.result.data()));
    if (gen !== generation) return;
    for (const [k, d] of items.entries()) {
      // The looser reading's results come after a line that says what they are.
      const looser = batch[k]!.looser;
      if (looser !== undefined && !list.querySelector(".search-looser")) {
        const line = document.createElement("li");
        line.className = "search-looser";
        line.textContent = t("looser").replace("{n}", String(looser));
        list.append(line);
      }
      if (shown.has(d.url)) continue;
      shown.add(d.url);
      const li = document.createElement("li");
      const meta = d.meta as Record<string, string>;
      const hl = highlight.length ? `${d.url.includes("?") ? "&" : "?"}hl=${encodeURIComponent(highlight.join("|"))}` : "";
      // In the English interface, an event's, actor's or tag's English title and description.
      const en = pageUiLang() === "en";
      const title = en && meta.title_en ? meta.title_en : (meta.title ?? d.url);
      const titleLang = en && meta.title_en ? "en" : (meta.lang ?? "");
      const fallback = en && meta.excerpt_en ? meta.excerpt_en : (meta.excerpt ?? "");
      const fallbackLang = en && meta.excerpt_en ? "en" : (meta.lang ?? "");
      const matched = !namesOnly && d.excerpt && d.excerpt.includes("<mark>");
      const excerpt = matched ? (d.readable ? d.excerpt : readableExcerpt(d.excerpt)) : markRanges(fallback, findHighlights(fallback, highlight, map));
      const typeLabel = status.dataset[`type${meta.type}`] ?? meta.type ?? "";
      const day = meta.date_label || meta.date;
      li.innerHTML =
        `<a href="${escapeHtml(d.url + hl)}" lang="${escapeHtml(titleLang)}">${escapeHtml(title)}</a>` +
        `<p class="meta">${escapeHtml(typeLabel)}${day ? ` · <time datetime="${escapeHtml(day)}">${escapeHtml(dateLabel(day, en ? "en" : "zh-Hans"))}</time>` : ""}${meta.outlet ? ` · ${escapeHtml(meta.outlet)}` : ""}${meta.instrument ? ` · ${escapeHtml(meta.instrument)}` : ""}</p>` +
        `<p class="search-excerpt"${matched ? "" : ` lang="${escapeHtml(fallbackLang)}"`}>${excerpt}</p>`;
      list.append(li);
    }
  };

  // How many results the list holds: a search run again in the other language shows as many.
  let taken = 0;
  const run = async (req: SearchRequest, push: boolean, keep = PAGE) => {
    const gen = ++generation;
    list.dataset.searchState = "loading";
    const q = paramsFromRequest(req).toString();
    if (push) history.replaceState(null, "", `${location.pathname}${q ? `?${q}` : ""}`);
    const outcome = await runSearch(index, req, map, aliases, () => gen !== generation);
    if (gen !== generation) return;
    list.replaceChildren();
    highlight = outcome.parsed.highlight;
    namesOnly = outcome.namesOnly;
    const looserCount = outcome.results.length - outcome.looserFrom;
    const all = outcome.results.map((result, i) => (i >= outcome.looserFrom ? { result, looser: looserCount } : { result }));
    taken = Math.max(PAGE, keep);
    pending = all.slice(taken);
    const total = outcome.results.length;
    list.dataset.searchTotal = String(total);
    status.textContent = req.q || Object.keys(req.filters).length ? t("count").replace("{n}", String(total)) : t("empty");
    // Each name as its page calls it in the interface language, not as the query folded it ("zte").
    const nameOf = (e: (typeof outcome.parsed.entities)[number]) => (pageUiLang() === "en" ? aliases.en?.[e.id] : undefined) ?? aliases.surfaces[e.id]?.[0] ?? e.surface;
    const named = [...new Set(outcome.parsed.entities.map(nameOf))];
    if (named.length) status.textContent += ` ${t("names").replace("{names}", named.join(pageUiLang() === "en" ? ", " : "、"))}`;
    // The pages of the actors and tags the query names come first: they gather everything.
    shown.clear();
    for (const e of outcome.parsed.entities.filter((x) => !req.filters.type || req.filters.type === x.kind)) {
      const url = `${base}${e.kind === "actor" ? "actors" : "tags"}/${e.id}/`;
      shown.add(url);
      const li = document.createElement("li");
      li.className = "search-entity";
      const name = nameOf(e);
      li.innerHTML = `<a href="${escapeHtml(url)}">${escapeHtml(name)}</a> <span class="badge">${escapeHtml(status.dataset[`type${e.kind}`] ?? e.kind)}</span>`;
      list.append(li);
    }
    await render(all.slice(0, taken), gen);
    more.hidden = pending.length === 0;
    list.dataset.searchState = "done";
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  // Wait for a pause in typing: every search started fetches index chunks and results.
  // The pause is for fetching records; the words already whole are fetched while it lasts.
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(readForm(), true), 200);
    void prefetchSearch(index, readForm(), map, aliases);
  };
  form.addEventListener("input", (e) => {
    // While an input method composes (pinyin, zhuyin, cangjie…) the box holds keystrokes, not
    // words: "xi't" is not a query. The search waits for the characters chosen.
    if ((e as InputEvent).isComposing) return clearTimeout(timer);
    soon();
  });
  form.addEventListener("compositionend", soon);
  form.addEventListener("change", () => void run(readForm(), true));
  // The interface's language switched (site.ts): the same search, as many results, rewritten.
  form.addEventListener(RERUN_EVENT, () => void run(readForm(), false, taken));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void run(readForm(), true);
  });
  more.addEventListener("click", async () => {
    // One batch at a time: a second click while one loads would take the next batch, finish
    // first and mark the list done while the first batch is still on its way.
    if (more.disabled) return;
    more.disabled = true;
    const gen = generation;
    const batch = pending.slice(0, PAGE);
    pending = pending.slice(PAGE);
    taken += batch.length;
    list.dataset.searchState = "loading";
    try {
      await render(batch, gen);
    } catch (err) {
      // A batch that could not be fetched (a dropped connection) is not lost: it stays behind
      // "more", and the next press asks for it again.
      console.warn("search: a batch of results could not be shown", err);
      if (gen === generation) {
        pending = [...batch, ...pending];
        taken -= batch.length;
      }
    } finally {
      // A result that failed to load must not leave the list "loading" for good.
      more.hidden = pending.length === 0;
      more.disabled = false;
      list.dataset.searchState = "done";
    }
  });

  const initial = requestFromParams(new URLSearchParams(location.search));
  fillForm(initial);
  await run(initial, false);
}

void main();
