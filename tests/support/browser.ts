// Debian's Chromium driven by playwright-core: no browser download is possible here.
import { chromium, type Browser, type Page } from "playwright-core";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** On the search page: presses "more" until every result is shown. */
export async function showAllResults(page: Page): Promise<void> {
  while (await page.locator("[data-search-more]").isVisible()) {
    // The click's handler marks the list "loading" before it returns.
    await page.locator("[data-search-more]").click();
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: "attached" });
  }
}
