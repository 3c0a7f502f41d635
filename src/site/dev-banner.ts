// Under `npm start`, ingest problems are shown on every page as well as in the terminal, so a
// typo in front matter is seen where the author is looking. Never part of a production build.
// The list is the terminal's report (src/ingest/report.ts): a few problems one a line, many
// grouped by kind, so that 240,000 warnings are a screenful here too.
import type { Diagnostic } from "../model/diagnostics.ts";
import { formatEntry, reportEntries, type ReportEntry } from "../ingest/report.ts";
import { escapeHtml } from "../render/escape.ts";

function severityOf(e: ReportEntry): "error" | "warning" {
  if ("diagnostic" in e) return e.diagnostic.severity;
  if ("group" in e) return e.group.severity;
  return e.more.errors > 0 ? "error" : "warning";
}

/** Problems the banner shows open; more are behind its summary line. */
const OPEN_UP_TO = 10;

/** The banner's HTML: escaped text in classed elements, no inline script or style (the CSP forbids them). */
export function devBanner(diagnostics: Diagnostic[], cssHref: string, diagnosticsFile?: string): string {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === "error") errors++;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return "";
  const entries = reportEntries(diagnostics);
  const grouped = entries.some((e) => !("diagnostic" in e));
  const items = entries.map((e) => `<li class="kb-dev-${severityOf(e)}${"diagnostic" in e ? "" : " kb-dev-group"}">${escapeHtml(formatEntry(e))}</li>`).join("");
  const where = grouped ? `<p class="kb-dev-where">Grouped by kind; every problem, one a line: ${escapeHtml(diagnosticsFile ?? "diagnostics.json in the data folder")}</p>` : "";
  // Open when something could not be published, or when the list is short enough not to hide
  // the page: a date that degraded while being edited is seen at once.
  const open = errors > 0 || diagnostics.length <= OPEN_UP_TO;
  return `<link rel="stylesheet" href="${escapeHtml(cssHref)}"><aside class="kb-dev-problems" role="alert" lang="en"><details${open ? " open" : ""}><summary>npm start: ingest found ${errors} error(s) and ${warnings} warning(s)</summary><ul>${items}</ul>${where}</details></aside>`;
}

/** Puts the banner right after <body>. */
export function injectAfterBody(html: string, banner: string): string {
  if (!banner) return html;
  return html.replace(/<body([^>]*)>/, (m) => `${m}${banner}`);
}
