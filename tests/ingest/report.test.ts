// The run's report: a few problems one a line as they always were; many grouped by kind, within
// a screenful, errors first; every problem in full with --verbose; --strict fails on warnings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDiagnostic, reporterFor, type Diagnostic } from "../../src/model/diagnostics.ts";
import type { BuildSummary } from "../../src/model/types.ts";
import {
  ERRORS_IN_FULL,
  REPORT_MAX_LINES,
  fieldRoot,
  formatGroup,
  groupDiagnostics,
  messageTemplate,
  reportEntries,
  reportLines,
  runFails,
  shownPath,
} from "../../src/ingest/report.ts";
import { devBanner } from "../../src/site/dev-banner.ts";

const summary = (warnings: number, errors: number): BuildSummary => ({
  articles: 10,
  events: 0,
  draftsSkipped: 0,
  includeDrafts: true,
  warnings,
  errors,
  seconds: 1.5,
});
const warn = (file: string, line: number, field: string, message: string, kind?: string): Diagnostic => ({ severity: "warning", file, line, field, message, ...(kind ? { kind } : {}) });
const err = (file: string, line: number, field: string, message: string): Diagnostic => ({ severity: "error", file, line, field, message });

// Shapes of the messages ingest writes, with made-up values.
const unknownTag = (v: string) => `tag "${v}" is not in the vocabulary (content/tags.yaml); kept as "${v.toLowerCase()}"`;
const unknownActor = (v: string) => `actor "${v}" is not in the registry (content/actors.yaml); kept as "x-${v.length}"`;
const removed = (what: string) => `removed from the page for safety: ${what} (the text stays in the file)`;

test("messages of one kind have one template, whatever their values", () => {
  for (const [a, b] of [
    [unknownTag("trade-policy"), unknownTag("出口管制")],
    [unknownActor("人民网"), unknownActor('"OpenAI"')], // a value that holds quotes itself
    [unknownTag("it's"), unknownTag("a 'quoted' one")],
    [removed('attribute "class" on <p>'), removed("<font>")],
    [removed('attribute "class" on <p>, <font>'), removed("event-handler attribute on <img>, unsafe URL on <a>")],
    ['impossible date "2024-02-30": February 2024 has 29 days, not 30', 'impossible date "2023-04-31": April 2023 has 30 days, not 31'],
    ["date 1931-09-18 is before 1949-01-01; check the year", "date 1800-01-01 is before 1949-01-01; check the year"],
    ["title is 2000 characters long; it is kept whole", "title is 512 characters long; it is kept whole"],
    ['slug "same" is already used by articles/Same Slug.md; published as "x"', 'slug "b" is already used by notes/2024/b.md; published as "y"'],
    ["YAML: Flow sequence in block collection must be sufficiently indented", "YAML: Map keys must be unique"],
    ["uses `colour:`, which is not a field", "uses `kind:`, which is not a field"],
    ["a value “甲” here", "a value “乙乙” here"],
  ] as const) {
    assert.equal(messageTemplate(a), messageTemplate(b), `${a}\n${b}`);
  }
  assert.equal(messageTemplate(unknownTag("出口管制")), 'tag "…" is not in the vocabulary (content/tags.yaml); kept as "…"');
  assert.equal(messageTemplate(removed("<font>")), "removed from the page for safety");
  // What tells kinds apart stays: words, registry files, digits inside words.
  assert.notEqual(messageTemplate(unknownTag("x")), messageTemplate(unknownActor("x")));
  assert.notEqual(messageTemplate("the file is not UTF-8; read as GB18030"), messageTemplate("the file is not UTF-16; read as GB18030"));
  assert.notEqual(messageTemplate("missing publication date: add a `date:` line"), messageTemplate("missing title: add a `title:` line"));
  assert.equal(messageTemplate("the file is not UTF-8; read as GB18030 (GBK): save it as UTF-8"), "the file is not UTF-8; read as GB18030 (GBK)");
});

test("a long quoted value costs no more than the start of the message", () => {
  const long = `tag "${'"'.repeat(50_000)}x" is not in the vocabulary`;
  const t0 = performance.now();
  messageTemplate(long);
  assert.ok(performance.now() - t0 < 200, `${(performance.now() - t0).toFixed(0)} ms`);
});

test("the field's root, not its index, is part of a kind", () => {
  assert.equal(fieldRoot("tags.3"), "tags");
  assert.equal(fieldRoot("responds_to.0.id"), "responds_to");
  assert.equal(fieldRoot("front matter"), "front matter");
  assert.equal(fieldRoot(undefined), "");
});

test("groups: counted, their files counted, the first place in each of the first three files, errors first then the most frequent", () => {
  const ds: Diagnostic[] = [
    warn("a.md", 9, "tags.0", unknownTag("one")),
    warn("a.md", 10, "tags.1", unknownTag("two")),
    warn("a.md", 20, "people.0", unknownActor("甲")),
    warn("b.md", 3, "tags.0", unknownTag("three")),
    warn("c.md", 4, "tags.2", unknownTag("four")),
    warn("d.md", 5, "tags.0", unknownTag("five")),
    warn("d.md", 30, "companies_orgs.0", unknownActor("乙")),
    err("e.md", 3, "date", 'ambiguous numeric date "04/05/2024": ambiguous between April 5 and May 4'),
    err("f.md", 3, "date", 'ambiguous numeric date "01/02/2023": ambiguous between January 2 and February 1'),
  ];
  const groups = groupDiagnostics(ds);
  assert.deepEqual(
    groups.map((g) => [g.severity, g.field, g.count, g.files, g.places.map((p) => `${p.file}:${p.line}`)]),
    [
      ["error", "date", 2, 2, ["e.md:3", "f.md:3"]],
      ["warning", "tags", 5, 4, ["a.md:9", "b.md:3", "c.md:4"]],
      ["warning", "people", 1, 1, ["a.md:20"]],
      ["warning", "companies_orgs", 1, 1, ["d.md:30"]],
    ],
  );
  assert.equal(
    formatGroup(groups[1]!),
    'warning ×5 in 4 files  [tags] tag "…" is not in the vocabulary (content/tags.yaml); kept as "…" — a.md:9, b.md:3, c.md:4 … (+2)',
  );
  assert.equal(formatGroup(groups[2]!), 'warning ×1  [people] actor "…" is not in the registry (content/actors.yaml); kept as "…" — a.md:20');
});

test("a diagnostic that names its kind is grouped by it, whatever its message and field", () => {
  const into: Diagnostic[] = [];
  const { warn: w } = reporterFor("a.md", into);
  w("date 2024-13 was read as 2024", "date", 3, "date-fallback");
  w("a wholly different wording: 5 May", "event_date", 7, "date-fallback");
  w("date 2024-13 was read as 2024", "date", 9);
  assert.equal(into[0]!.kind, "date-fallback");
  const groups = groupDiagnostics(into);
  assert.deepEqual(groups.map((g) => [g.kind, g.field, g.count]), [["date-fallback", undefined, 2], [undefined, "date", 1]]);
  // Each wording of the kind is named, so that no file stands under another's words.
  assert.match(formatGroup(groups[0]!), /^warning ×2  date-fallback: date # was read as # \/ a wholly different wording — a\.md:3 … \(\+1\)$/);
});

test("a kind's label names its first three wordings, then an ellipsis; one wording is named once", () => {
  const into: Diagnostic[] = [];
  for (const [file, message] of [["e.md", "the file is empty: nothing"], ["b.md", "the file is binary: NUL"], ["e2.md", "the file is empty: nothing"]] as const) reporterFor(file, into).warn(message, undefined, undefined, "not-an-article");
  assert.equal(groupDiagnostics(into)[0]!.label, "the file is empty / the file is binary");
  const many: Diagnostic[] = [];
  for (const w of ["one", "two", "three", "four"]) reporterFor(`${w}.md`, many).warn(`wording ${w}: x`, undefined, undefined, "k");
  assert.equal(groupDiagnostics(many)[0]!.label, "wording one / wording two / wording three / …");
  const same: Diagnostic[] = [];
  for (const f of ["a.md", "b.md"]) reporterFor(f, same).warn("the file is empty: nothing", undefined, undefined, "not-an-article");
  assert.equal(groupDiagnostics(same)[0]!.label, "the file is empty");
});

test("a small run reads exactly as before: every diagnostic one a line, then the totals", () => {
  const ds = Array.from({ length: REPORT_MAX_LINES - 1 }, (_, i) => warn(`n${i}.md`, 9, "tags.0", unknownTag(`t${i}`)));
  const lines = reportLines(ds, summary(ds.length, 0));
  assert.deepEqual(lines.slice(0, -1), ds.map(formatDiagnostic));
  assert.match(lines.at(-1)!, /^ingest: 10 articles, .* 39 warnings, 0 errors/);
  assert.equal(lines.length, REPORT_MAX_LINES);
});

test("one more and the warnings are grouped; a few errors stay one a line, first", () => {
  const warnings = Array.from({ length: REPORT_MAX_LINES }, (_, i) => warn(`n${i}.md`, 9, "tags.0", unknownTag(`t${i}`)));
  const errors = [err("x.md", 3, "date", 'impossible date "2024-02-30": February 2024 has 29 days, not 30'), err("y.md", 1, "date", "missing publication date: add a `date:` line")];
  const lines = reportLines([...warnings, ...errors], summary(warnings.length, errors.length), { diagnosticsFile: ".kb/diagnostics.json" });
  assert.deepEqual(lines, [
    formatDiagnostic(errors[0]!),
    formatDiagnostic(errors[1]!),
    'warning ×40 in 40 files  [tags] tag "…" is not in the vocabulary (content/tags.yaml); kept as "…" — n0.md:9, n1.md:9, n2.md:9 … (+37)',
    "every problem, one a line: .kb/diagnostics.json (or run again with --verbose)",
    lines.at(-1)!,
  ]);
  assert.match(lines.at(-1)!, /^ingest: .* 40 warnings, 2 errors/);
});

test("many errors are grouped too, before the warnings", () => {
  const errors = Array.from({ length: ERRORS_IN_FULL + 1 }, (_, i) => err(`e${i}.md`, 1, "date", "missing publication date: add a `date:` line"));
  const warnings = Array.from({ length: 50 }, (_, i) => warn(`w${i}.md`, 5, "body", removed("<font>")));
  const lines = reportLines([...warnings, ...errors], summary(50, errors.length));
  assert.match(lines[0]!, /^error ×21 in 21 files {2}\[date\] missing publication date — e0\.md:1, e1\.md:1, e10\.md:1|^error ×21 in 21 files {2}\[date\] missing publication date — e0\.md:1, e1\.md:1, e2\.md:1/);
  assert.match(lines[1]!, /^warning ×50 in 50 files {2}\[body\] removed from the page for safety — /);
  assert.equal(lines.length, 4);
});

test("more kinds than lines: the rarest are summed on one line, and the report keeps to a screenful", () => {
  const ds: Diagnostic[] = [];
  for (let k = 0; k < 60; k++) for (let i = 0; i <= k; i++) ds.push(warn(`f${i}.md`, k + 1, `field${k}`, "something is off"));
  const entries = reportEntries(ds);
  const lines = reportLines(ds, summary(ds.length, 0));
  assert.ok(lines.length <= REPORT_MAX_LINES, `${lines.length} lines`);
  const more = entries.at(-1)!;
  assert.ok("more" in more);
  const shownCount = entries.reduce((n, e) => n + ("group" in e ? e.group.count : 0), 0);
  assert.equal(shownCount + more.more.warnings, ds.length, "every diagnostic is counted once");
  assert.match(lines.at(-3)!, /^… 23 more kinds of problem \(\d[\d,]* warnings\)$/);
  // The most frequent kinds are the ones shown.
  assert.ok("group" in entries[0]! && entries[0].group.field === "field59");
});

test("--verbose prints every diagnostic one a line; --strict says the warnings fail the run", () => {
  const ds = Array.from({ length: 500 }, (_, i) => warn(`n${i}.md`, 9, "tags.0", unknownTag(`t${i}`)));
  const verbose = reportLines(ds, summary(500, 0), { verbose: true });
  assert.equal(verbose.length, 501);
  assert.deepEqual(verbose.slice(0, -1), ds.map(formatDiagnostic));
  const strict = reportLines(ds, summary(500, 0), { strict: true });
  assert.equal(strict.at(-1), "ingest: --strict (KB_STRICT=1): 500 warnings fail this run");
  assert.equal(reportLines(ds, summary(0, 0), { strict: true }).at(-1)!.startsWith("ingest: 10 articles"), true);
});

test("a run fails on errors, and on warnings only when strict", () => {
  assert.equal(runFails({ errors: 0, warnings: 5 }, false), false);
  assert.equal(runFails({ errors: 0, warnings: 5 }, true), true);
  assert.equal(runFails({ errors: 1, warnings: 0 }, false), true);
  assert.equal(runFails({ errors: 0, warnings: 0 }, true), false);
});

test("the diagnostics file is named relative to the working folder when under it", () => {
  assert.equal(shownPath("/repo/.kb/diagnostics.json", "/repo"), ".kb/diagnostics.json");
  assert.equal(shownPath("/tmp/x.kb/diagnostics.json", "/repo"), "/tmp/x.kb/diagnostics.json");
});

/** The real collection's shape (REAL-COLLECTION-SHAPE.md): 240,069 warnings over 9,180 notes. */
function realShape(): Diagnostic[] {
  const ds: Diagnostic[] = [];
  const per = [
    [148_928, (i: number) => warn(`n${i % 9180}.md`, 40 + i, "body", removed('attribute "class" on <p>'))],
    [42_339, (i: number) => warn(`n${i % 9180}.md`, 9, `tags.${i % 5}`, unknownTag(`tag-${i % 7000}`))],
    [32_443, (i: number) => warn(`n${i % 9180}.md`, 20, `companies_orgs.${i % 4}`, unknownActor(`公司${i % 9000}`))],
    [16_236, (i: number) => warn(`n${i % 9180}.md`, 24, `people.${i % 3}`, unknownActor(`人${i % 5000}`))],
    [123, (i: number) => warn(`n${i}.md`, 50, "body", removed(i % 2 ? "<font>" : 'attribute "class" on <span>'))],
  ] as const;
  for (const [n, make] of per) for (let i = 0; i < n; i++) ds.push(make(i));
  ds.push(err("Atw2.md", 1, "date", "missing publication date: add a `date:` line"));
  return ds.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

test("240,070 diagnostics of the real collection's shape: a handful of lines, in well under two seconds", () => {
  const ds = realShape();
  const t0 = performance.now();
  const lines = reportLines(ds, summary(ds.length - 1, 1), { diagnosticsFile: ".kb/diagnostics.json" });
  const ms = performance.now() - t0;
  console.log(`report of ${ds.length} diagnostics: ${ms.toFixed(0)} ms\n${lines.join("\n")}`);
  assert.equal(lines.length, 7);
  assert.match(lines[0]!, /^error: Atw2\.md:1 \[date\]: missing publication date/);
  assert.match(lines[1]!, /^warning ×149,051 in 9,180 files {2}\[body\] removed from the page for safety — n0\.md:40, /);
  assert.match(lines[2]!, /^warning ×42,339 in 9,180 files {2}\[tags\] tag "…" is not in the vocabulary/);
  assert.match(lines[3]!, /^warning ×32,443 .*\[companies_orgs\] actor "…"/);
  assert.match(lines[4]!, /^warning ×16,236 .*\[people\] actor "…"/);
  // Generous for a shared two-core machine; on its own it takes about a third of this.
  assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
});

test("the npm start banner shows the same grouped list, escaped, with no inline script or style", () => {
  const ds = [
    err("a.md", 3, "title", 'bad "<script>alert(1)</script>" value: <img src=x onerror=alert(2)>'),
    ...Array.from({ length: 45 }, (_, i) => warn(`<b>${i}</b>.md`, 9, "tags.0", unknownTag(`<i>t${i}</i>`))),
  ];
  const html = devBanner(ds, "/assets/dev.css", "/tmp/kb/diagnostics.json");
  // Every raw "<" opens one of the banner's own elements; none carries a handler or a style.
  assert.deepEqual([...new Set(html.match(/<[a-z]+/g))].sort(), ["<aside", "<details", "<li", "<link", "<p", "<summary", "<ul"]);
  assert.doesNotMatch(html, /<[^>]*\s(on\w+|style)=/i);
  assert.match(html, /<summary>npm start: ingest found 1 error\(s\) and 45 warning\(s\)<\/summary>/);
  assert.match(html, /<li class="kb-dev-error">error: a\.md:3 \[title\]: bad &quot;&lt;script&gt;/);
  assert.match(html, /<li class="kb-dev-warning kb-dev-group">warning ×45 in 45 files {2}\[tags\] tag &quot;…&quot; is not in the vocabulary/);
  assert.match(html, /every problem, one a line: \/tmp\/kb\/diagnostics\.json/);
  // A few problems: one a line, as before, and no word of grouping.
  const few = devBanner(ds.slice(0, 3), "/assets/dev.css");
  assert.equal((few.match(/<li /g) ?? []).length, 3);
  assert.doesNotMatch(few, /Grouped/);
  assert.equal(devBanner([], "/assets/dev.css"), "");
  // Open with an error, or with few warnings (a date degraded while editing is seen at once);
  // many warnings alone wait behind the summary line.
  assert.match(html, /<details open>/);
  assert.match(devBanner(ds.slice(1, 4), "/assets/dev.css"), /<details open>/);
  assert.match(devBanner(ds.slice(1), "/assets/dev.css"), /<details>/);
});
