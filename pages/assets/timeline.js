// The timeline's filters and highlights. The state lives in the URL (?side=cn&kind=countermeasure
// &from=2023&status=suspended&chain=<event id> …), so a view can be shared and survives a reload.
// An event that a shown event answers or is answered by stays, dimmed, with its connector.
// Without this script the whole timeline is shown. Work is done in passes over arrays read once,
// writing classes only (no layout read inside a loop), so that it stays fast at 2,000 events.
(() => {
  const list = document.querySelector("[data-timeline]");
  const form = document.querySelector("[data-timeline-filters]");
  if (!list || !form) return;
  const box = document.querySelector("[data-timeline-filter-box]");
  const count = document.querySelector("[data-timeline-count]");
  const contextNote = document.querySelector("[data-timeline-context]");
  const chainNote = document.querySelector("[data-timeline-chain]");
  const narrow = matchMedia("(max-width: 48rem)").matches;
  const MULTI = ["side", "kind", "status", "jurisdiction", "domain"];
  const SINGLE = ["issuer", "item", "from", "to"];
  const cards = [...list.querySelectorAll(".tl-card")];
  const byId = new Map(cards.map((c) => [c.id, c]));
  const rows = [...list.querySelectorAll(".tl-row")];
  // Connector index → its segments, read once.
  const segs = new Map();
  for (const s of list.querySelectorAll(".seg")) {
    const c = s.dataset.c;
    if (!segs.has(c)) segs.set(c, []);
    segs.get(c).push(s);
  }
  // The lags on the cards: one for each set of connectors that arrive alike.
  const lags = [...list.querySelectorAll(".tl-lag")];
  const lagsOf = new Map();
  for (const l of lags) for (const c of l.dataset.c.split(" ")) (lagsOf.get(c) ?? lagsOf.set(c, []).get(c)).push(l);
  const words = (v) => (v ? v.split(" ") : []);
  const ends = new Map(); // connector → [card, card]
  for (const card of cards) for (const c of words(card.dataset.c)) (ends.get(c) ?? ends.set(c, []).get(c)).push(card);

  const readUrl = () => {
    const p = new URLSearchParams(location.search);
    const state = { chain: p.get("chain") ?? "" };
    for (const f of MULTI) state[f] = p.getAll(f).flatMap((v) => v.split(",")).filter(Boolean);
    for (const f of SINGLE) state[f] = p.get(f) ?? "";
    return state;
  };
  const readForm = (chain) => {
    const state = { chain };
    for (const f of MULTI) state[f] = [...form.querySelectorAll(`input[name="${f}"]:checked`)].map((i) => i.value);
    for (const f of SINGLE) state[f] = form.elements[f]?.value ?? "";
    return state;
  };
  const active = (s) => Boolean(s.chain) || MULTI.some((f) => s[f].length) || SINGLE.some((f) => s[f]);
  const writeUrl = (state) => {
    const p = new URLSearchParams(location.search);
    for (const f of [...MULTI, ...SINGLE, "chain"]) p.delete(f);
    for (const f of MULTI) if (state[f].length) p.set(f, state[f].join(","));
    for (const f of SINGLE) if (state[f]) p.set(f, state[f]);
    if (state.chain) p.set("chain", state.chain);
    const q = p.toString();
    history.replaceState(null, "", `${location.pathname}${q ? `?${q}` : ""}${location.hash}`);
  };
  const showForm = (state) => {
    for (const f of MULTI) for (const i of form.querySelectorAll(`input[name="${f}"]`)) i.checked = state[f].includes(i.value);
    for (const f of SINGLE) if (form.elements[f]) form.elements[f].value = state[f];
  };

  const matcher = (s) => {
    const chainOf = s.chain && byId.get(s.chain)?.dataset.chain;
    return (d) =>
      (!s.chain || d.chain === chainOf) &&
      (!s.side.length || s.side.includes(d.side)) &&
      (!s.kind.length || s.kind.includes(d.kind)) &&
      (!s.status.length || s.status.includes(d.status)) &&
      (!s.jurisdiction.length || s.jurisdiction.includes(d.j)) &&
      (!s.domain.length || words(d.domain).some((x) => s.domain.includes(x))) &&
      (!s.issuer || d.issuer === s.issuer) &&
      (!s.item || words(d.items).includes(s.item)) &&
      (!s.from || d.year >= s.from) &&
      (!s.to || d.year <= s.to);
  };

  let shownNow = cards.length;
  let contextNow = 0;
  const showCount = () => {
    if (count) count.textContent = count.dataset.template.replace("{n}", shownNow).replace("{total}", cards.length);
    if (contextNote) {
      contextNote.hidden = contextNow === 0;
      contextNote.textContent = contextNote.dataset.template.replace("{n}", contextNow);
    }
  };

  const apply = (state) => {
    showForm(state);
    const on = active(state);
    const match = matcher(state);
    // Pass 1: which cards match; pass 2: their neighbours are context; then classes, then rows.
    const shown = new Set();
    for (const card of cards) if (!on || match(card.dataset)) shown.add(card);
    const context = new Set();
    if (on) for (const card of shown) for (const id of words(card.dataset.nb)) { const n = byId.get(id); if (n && !shown.has(n)) context.add(n); }
    for (const card of cards) {
      card.classList.toggle("is-out", !shown.has(card) && !context.has(card));
      card.classList.toggle("is-context", context.has(card));
    }
    // A connector stays when both its cards are there and at least one of them matches.
    const live = new Set();
    for (const [c, pair] of ends) {
      const ok = pair.every((x) => shown.has(x) || context.has(x)) && pair.some((x) => shown.has(x));
      if (ok) live.add(c);
      for (const s of segs.get(c) ?? []) s.classList.toggle("is-off", !ok);
    }
    for (const l of lags) l.classList.toggle("is-off", !words(l.dataset.c).some((c) => live.has(c)));
    // A row stays while it holds a card or a live connector; a year while it holds anything.
    const yearsWith = new Set();
    for (const card of [...shown, ...context]) yearsWith.add(card.dataset.year);
    for (const row of rows) {
      let keep;
      if (!on) keep = true;
      else if (row.classList.contains("tl-year")) keep = yearsWith.has(row.dataset.year);
      else if (row.classList.contains("tl-break")) keep = false;
      else keep = [...row.children].some((el) => (el.classList.contains("tl-card") && !el.classList.contains("is-out")) || (el.classList.contains("seg") && live.has(el.dataset.c)));
      row.hidden = !keep;
      // A row kept only for a connector passing through: no month mark of its own.
      if (row.classList.contains("tl-events")) row.classList.toggle("is-empty", keep && on && ![...row.children].some((el) => el.classList.contains("tl-card") && !el.classList.contains("is-out")));
    }
    shownNow = on ? shown.size : cards.length;
    contextNow = context.size;
    if (chainNote) chainNote.hidden = !state.chain;
    showCount();
  };

  let chain = readUrl().chain;
  const update = () => {
    const state = readForm(chain);
    writeUrl(state);
    apply(state);
  };
  form.addEventListener("change", update);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    update();
  });
  const first = readUrl();
  apply(first);
  // Open on a wide screen; on a phone folded under its count unless the URL sets a filter.
  if (box) box.open = active(first) ? !first.chain : !narrow;
  document.addEventListener("kb:uilang", showCount);

  list.addEventListener("click", (e) => {
    // "Show this chain only": in place, no reload.
    const chainLink = e.target.closest("[data-chain-link]");
    if (chainLink) {
      e.preventDefault();
      chain = new URL(chainLink.href).searchParams.get("chain") ?? "";
      const state = { ...readUrl(), chain };
      writeUrl(state);
      apply(state);
      byId.get(chain)?.scrollIntoView({ block: "center" });
      return;
    }
    // Following a link to an event that a filter hides would land nowhere: show everything.
    const a = e.target.closest("a[href^='#']");
    const target = a && byId.get(decodeURIComponent(a.getAttribute("href").slice(1)));
    if (target && target.classList.contains("is-out")) {
      chain = "";
      const none = readForm("");
      for (const f of MULTI) none[f] = [];
      for (const f of SINGLE) none[f] = "";
      writeUrl(none);
      apply(none);
    }
  });

  // A measure and its answers lit together while either card is hovered or focused.
  let lit = [];
  const light = (card) => {
    for (const el of lit) el.classList.remove("is-lit");
    lit = [];
    if (card) {
      for (const c of words(card.dataset.c)) lit.push(...(segs.get(c) ?? []), ...(lagsOf.get(c) ?? []), ...(ends.get(c) ?? []));
      if (lit.length) lit.push(card);
      for (const el of lit) el.classList.add("is-lit");
    }
    list.classList.toggle("has-lit", lit.length > 0);
  };
  const cardOf = (e) => e.target.closest?.(".tl-card[data-c]") ?? null;
  list.addEventListener("mouseover", (e) => { const c = cardOf(e); if (c !== (lit.at(-1) ?? null)) light(c); });
  list.addEventListener("mouseleave", () => light(null));
  list.addEventListener("focusin", (e) => light(cardOf(e)));
  list.addEventListener("focusout", (e) => { if (!list.contains(e.relatedTarget)) light(null); });
})();
