// The reader's theme, before the first paint: loaded in <head> without defer, so a dark page
// never flashes white. src/client/theme.ts wires the switch; both read the key "kb-theme".
(function () {
  // Scripts run: the theme and language switches can be shown (see .site-prefs in site.css).
  document.documentElement.setAttribute("data-js", "");
  try {
    var theme = localStorage.getItem("kb-theme");
    if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
  } catch (e) {
    /* storage refused: the system's preference applies */
  }
})();
