// Every problem found in content is a Diagnostic: it names the file, the line and the field,
// so a user with 9,000 notes can jump straight to the one that is wrong. A run collects them
// all and reports them together; errors make the run fail, warnings only under --strict.

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** Path as the user knows it, relative to the content folder where possible. */
  file: string;
  /** 1-based line in the file; absent when the problem is about the whole file. */
  line?: number;
  /** Front-matter field (dotted for nested: `responds_to.0.id`), or `body`. */
  field?: string;
  message: string;
  /**
   * What kind of problem this is, as a short stable id (`unknown-tag`, `html-removed`): the run's
   * report groups by it. Without one, the report derives the group from the severity, the
   * field and the message (src/ingest/report.ts), so a diagnostic need not name its kind.
   */
  kind?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}` : d.file;
  const field = d.field ? ` [${d.field}]` : "";
  return `${d.severity}: ${where}${field}: ${d.message}`;
}

/** Collects diagnostics for one run; order of reporting is file order, then line. */
export class DiagnosticLog {
  readonly items: Diagnostic[] = [];

  error(file: string, message: string, at: { line?: number; field?: string; kind?: string } = {}): void {
    this.items.push({ severity: "error", file, message, ...at });
  }

  warn(file: string, message: string, at: { line?: number; field?: string; kind?: string } = {}): void {
    this.items.push({ severity: "warning", file, message, ...at });
  }

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "error");
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "warning");
  }

  sorted(): Diagnostic[] {
    return [...this.items].sort(
      (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)),
    );
  }
}

/** `err` and `warn` bound to one file, pushing onto `into`: how each content file reports. */
export function reporterFor(file: string, into: Diagnostic[]) {
  const push = (severity: Severity) => (message: string, field?: string, line?: number, kind?: string) =>
    into.push({ severity, file, message, ...(field ? { field } : {}), ...(line ? { line } : {}), ...(kind ? { kind } : {}) });
  return { err: push("error"), warn: push("warning") };
}
