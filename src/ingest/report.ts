// How an ingest run reports itself: every diagnostic, then one summary line.
import { formatDiagnostic, type Diagnostic } from "../model/diagnostics.ts";
import type { BuildSummary } from "../model/types.ts";

export function summaryLine(s: BuildSummary): string {
  const drafts = s.includeDrafts
    ? "drafts included"
    : `${s.draftsSkipped} draft${s.draftsSkipped === 1 ? "" : "s"} left out (set KB_INCLUDE_DRAFTS=1 to include them)`;
  return `ingest: ${s.articles} article${s.articles === 1 ? "" : "s"}, ${s.events} event${s.events === 1 ? "" : "s"}, ${drafts}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}, ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.seconds.toFixed(2)} s`;
}

export function reportLines(diagnostics: Diagnostic[], s: BuildSummary): string[] {
  return [...diagnostics.map(formatDiagnostic), summaryLine(s)];
}
