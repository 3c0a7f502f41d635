// Bilingual transcripts: each paragraph's original is a <details class="original"> under it,
// closed as the note has it. The page's switch opens or closes them all at once. Without
// JavaScript the switch stays hidden and every original still opens on its own.

/** Keeps the block at the top of the window where it is while the blocks above it grow or shrink. */
function keepInPlace(root: Element, change: () => void): void {
  const anchor = Array.from(root.children).find((el) => el.getBoundingClientRect().bottom > 0);
  const before = anchor?.getBoundingClientRect().top;
  change();
  if (anchor && before !== undefined) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
}

export function initOriginalsSwitch(): void {
  const bar = document.querySelector<HTMLElement>("[data-originals-bar]");
  const button = bar?.querySelector<HTMLButtonElement>("[data-originals-switch]");
  const root = document.querySelector(".article__body");
  if (!bar || !button || !root) return;
  const originals = () => root.querySelectorAll<HTMLDetailsElement>("details.original");
  // Pressed while every original is open, however they were opened.
  const sync = () => {
    const all = Array.from(originals());
    button.setAttribute("aria-pressed", String(all.length > 0 && all.every((d) => d.open)));
  };
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-pressed") !== "true";
    keepInPlace(root, () => originals().forEach((d) => (d.open = open)));
    sync();
  });
  // "toggle" does not bubble: listened for on its way down.
  root.addEventListener("toggle", sync, true);
  sync();
  bar.hidden = false;
}
