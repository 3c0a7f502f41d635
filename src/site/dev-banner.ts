// Under `npm start`, ingest problems are shown on every page as well as in the terminal, so a
// typo in front matter is seen where the author is looking. Never part of a production build.
import { formatDiagnostic, type Diagnostic } from "../model/diagnostics.ts";
import { escapeHtml } from "../search/fold.ts";

export function devBanner(diagnostics: Diagnostic[], cssHref: string): string {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = diagnostics.length - errors.length;
  if (errors.length === 0 && warnings === 0) return "";
  const items = diagnostics
    .slice(0, 50)
    .map((d) => `<li class="kb-dev-${d.severity}">${escapeHtml(formatDiagnostic(d))}</li>`)
    .join("");
  const more = diagnostics.length > 50 ? `<li>… ${diagnostics.length - 50} more in the terminal</li>` : "";
  return `<link rel="stylesheet" href="${escapeHtml(cssHref)}"><aside class="kb-dev-problems" role="alert" lang="en"><details${errors.length ? " open" : ""}><summary>npm start: ingest found ${errors.length} error(s) and ${warnings} warning(s)</summary><ul>${items}${more}</ul></details></aside>`;
}

/** Puts the banner right after <body>. */
export function injectAfterBody(html: string, banner: string): string {
  if (!banner) return html;
  return html.replace(/<body([^>]*)>/, (m) => `${m}${banner}`);
}
