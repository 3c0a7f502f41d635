// Text into HTML, for everything that writes markup by hand: the site's pages and problem
// banner, search excerpts, and the browser scripts. One function, so that an attribute and a
// text node are escaped alike wherever they are written.

/** The text with &, <, >, " and ' as entities: safe in element text and in quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
