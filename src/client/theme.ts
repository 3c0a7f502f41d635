// Light, dark, or whatever the system says. pages/assets/theme.js applies a stored choice
// before the first paint (it is loaded without defer in <head>); this wires the switch.

export type Theme = "system" | "light" | "dark";
export const THEME_KEY = "kb-theme";

export function storedTheme(): Theme {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}

export function applyTheme(theme: Theme): void {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function initTheme(): void {
  const select = document.querySelector<HTMLSelectElement>("[data-theme-select]");
  const theme = storedTheme();
  applyTheme(theme);
  if (select) {
    select.value = theme;
    select.addEventListener("change", () => {
      const next: Theme = select.value === "light" || select.value === "dark" ? select.value : "system";
      try {
        if (next === "system") localStorage.removeItem(THEME_KEY);
        else localStorage.setItem(THEME_KEY, next);
      } catch {
        /* the choice lasts for this page only */
      }
      applyTheme(next);
    });
  }
  window.addEventListener("storage", (e) => {
    if (e.key !== THEME_KEY) return;
    const next = storedTheme();
    applyTheme(next);
    if (select) select.value = next;
  });
}
