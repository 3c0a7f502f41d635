// Absolute URLs, for what leaves the site: canonical links, social cards, feeds, the sitemap.
// Pages link to each other by path (the `url` filter); only these need scheme and host.

/**
 * The absolute URL of a site path ("/articles/x/") under the site's home URL, which already
 * ends in the path prefix (KbConfig.siteUrl). Absolute URLs pass through; non-ASCII is
 * percent-encoded, as sitemaps and feed readers expect.
 */
export function absoluteUrl(sitePath: string, siteUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(sitePath)) return sitePath;
  const base = siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
  // Relative to the home URL, so the prefix stays; "//host" can never replace the host.
  return new URL(sitePath.replace(/^\/+/, ""), base).href;
}
