// Timeline filters: the state lives in the URL (?domain=chips,ai&jurisdiction=CN&kind=measure),
// so a filtered view can be shared. Without this script the whole timeline is shown.
(() => {
  const form = document.querySelector("[data-timeline-filters]");
  const list = document.querySelector("[data-timeline]");
  if (!form || !list) return;
  const FIELDS = ["domain", "jurisdiction", "kind"];
  const rows = [...list.querySelectorAll(".tl-row:not(.tl-year)")];
  const years = [...list.querySelectorAll(".tl-year")];
  const count = form.querySelector("[data-timeline-count]");
  let shownNow = rows.length;
  // The template is in the interface language; the language switch swaps it (data-en-data-template).
  const showCount = () => {
    if (count) count.textContent = count.dataset.template.replace("{n}", shownNow).replace("{total}", rows.length);
  };

  const readUrl = () => {
    const params = new URLSearchParams(location.search);
    const state = {};
    for (const f of FIELDS) state[f] = params.getAll(f).flatMap((v) => v.split(",")).filter(Boolean);
    return state;
  };
  const readForm = () => {
    const state = {};
    for (const f of FIELDS) state[f] = [...form.querySelectorAll(`input[name="${f}"]:checked`)].map((i) => i.value);
    return state;
  };
  const writeUrl = (state) => {
    const params = new URLSearchParams(location.search);
    for (const f of FIELDS) {
      params.delete(f);
      if (state[f].length) params.set(f, state[f].join(","));
    }
    const q = params.toString();
    history.replaceState(null, "", `${location.pathname}${q ? `?${q}` : ""}${location.hash}`);
  };
  const matches = (row, state) =>
    (!state.domain.length || row.dataset.domain.split(" ").some((d) => state.domain.includes(d))) &&
    (!state.jurisdiction.length || state.jurisdiction.includes(row.dataset.jurisdiction)) &&
    (!state.kind.length || state.kind.includes(row.dataset.kind));

  const apply = (state) => {
    for (const f of FIELDS) for (const i of form.querySelectorAll(`input[name="${f}"]`)) i.checked = state[f].includes(i.value);
    let shown = 0;
    for (const row of rows) {
      const ok = matches(row, state);
      row.classList.toggle("is-filtered", !ok);
      if (ok) shown++;
    }
    // A connector is drawn only when both of its events are shown.
    const byConnector = new Map();
    for (const el of list.querySelectorAll("[data-c]")) {
      const c = el.dataset.c;
      if (!byConnector.has(c)) byConnector.set(c, []);
      byConnector.get(c).push(el);
    }
    const live = new Set();
    for (const [c, els] of byConnector) {
      const ends = els.filter((el) => !el.classList.contains("mid")).map((el) => el.closest(".tl-row"));
      const visible = ends.every((r) => !r.classList.contains("is-filtered"));
      for (const el of els) el.hidden = !visible;
      if (visible) live.add(c);
    }
    for (const row of [...rows, ...years]) {
      const carries = [...row.querySelectorAll(".seg")].some((s) => live.has(s.dataset.c));
      const year = row.classList.contains("tl-year");
      const hasEvents = year && rows.some((r) => r.dataset.year === row.dataset.year && !r.classList.contains("is-filtered"));
      row.hidden = year ? !hasEvents && !carries : row.classList.contains("is-filtered") && !carries;
    }
    shownNow = shown;
    showCount();
  };

  form.addEventListener("change", () => {
    const state = readForm();
    writeUrl(state);
    apply(state);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const state = readForm();
    writeUrl(state);
    apply(state);
  });
  apply(readUrl());
  document.addEventListener("kb:uilang", showCount);
  // Following a link to an event that a filter hides would land nowhere: show everything.
  list.addEventListener("click", (e) => {
    const a = e.target.closest("a[href^='#']");
    const target = a && document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
    if (target && target.classList.contains("is-filtered")) {
      const none = { domain: [], jurisdiction: [], kind: [] };
      writeUrl(none);
      apply(none);
    }
  });
})();
