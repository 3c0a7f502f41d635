// Debian's Chromium driven by playwright-core: no browser download is possible here.
import { chromium, type Browser, type Page } from "playwright-core";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--js-flags=--expose-gc"],
  });
}

/**
 * On the search page: presses "more" until every result is shown. A press that shows nothing
 * new (its batch could not be fetched) is pressed again, as a reader would, but only a few times:
 * a batch that never loads fails the test with what the page logged, instead of pressing forever.
 */
export async function showAllResults(page: Page): Promise<void> {
  const logged: string[] = [];
  const listen = (m: { type(): string; text(): string }) => void (["error", "warning"].includes(m.type()) && logged.push(m.text()));
  const failed = (r: { url(): string; failure(): { errorText: string } | null }) => void logged.push(`${r.url()}: ${r.failure()?.errorText}`);
  page.on("console", listen);
  page.on("requestfailed", failed);
  try {
    let fruitless = 0;
    while (await page.locator("[data-search-more]").isVisible()) {
      const before = await page.locator("[data-search-results] li").count();
      // The click's handler marks the list "loading" before it returns.
      await page.locator("[data-search-more]").click();
      await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: "attached" });
      if ((await page.locator("[data-search-results] li").count()) > before) fruitless = 0;
      else if (++fruitless >= 5) throw new Error(`"more" pressed 5 times without showing another result (${before} shown); the page logged: ${logged.join(" | ") || "nothing"}`);
    }
  } finally {
    page.off("console", listen);
    page.off("requestfailed", failed);
  }
}
