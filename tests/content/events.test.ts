// Content sanity check for the shipped timeline: every file in content/events/ must satisfy the
// event schema and point only at things that exist: actors in content/actors.yaml, other
// events, and articles in content/articles/. The graph checks proper live in ingest; this test
// keeps the shipped dataset honest on its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseContentFile } from "../../src/content/frontmatter.ts";
import { eventFrontMatter, type EventFrontMatter } from "../../src/model/event.ts";
import { loadActors, loadTags, Registry } from "../../src/normalize/registry.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const EVENTS = path.join(REPO, "content/events");
const read = (p: string) => readFileSync(path.join(REPO, p), "utf8");

const actorsLoaded = loadActors(read("content/actors.yaml"), "content/actors.yaml");
const tagsLoaded = loadTags(read("content/tags.yaml"), "content/tags.yaml");
const registry = new Registry(actorsLoaded.items, tagsLoaded.items);

const articleSlugs = new Set(
  readdirSync(path.join(REPO, "content/articles"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.replace(/\.md$/, "")),
);

interface Loaded {
  file: string;
  id: string;
  fm: EventFrontMatter;
  body: string;
}

const files = readdirSync(EVENTS)
  .filter((f) => f.endsWith(".md"))
  .sort();

// Parse once; a file that fails is reported by its own test below and left out of the cross-file checks.
const loaded: Loaded[] = [];
const failures = new Map<string, string>();
for (const file of files) {
  const parsed = parseContentFile(readFileSync(path.join(EVENTS, file), "utf8"));
  const problems = parsed.problems.filter((p) => p.severity === "error");
  if (problems.length > 0) {
    failures.set(file, problems.map((p) => `line ${p.line}: ${p.message}`).join("; "));
    continue;
  }
  const r = eventFrontMatter.safeParse(parsed.data);
  if (!r.success) {
    failures.set(file, r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "));
    continue;
  }
  loaded.push({ file, id: r.data.id ?? file.replace(/\.md$/, ""), fm: r.data, body: parsed.body });
}
const byId = new Map(loaded.map((e) => [e.id, e]));

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** First and last day a date written as YYYY, YYYY-MM or YYYY-MM-DD can mean; undefined if it is no real date. */
function span(value: string): { start: string; end: string } | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (!mo) return { start: `${y}-01-01`, end: `${y}-12-31` };
  const month = Number(mo);
  if (month < 1 || month > 12) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!d) return { start: `${y}-${mo}-01`, end: `${y}-${mo}-${String(last).padStart(2, "0")}` };
  const day = Number(d);
  if (day < 1 || day > last) return undefined;
  return { start: value, end: value };
}

test("the shipped registry files load without errors", () => {
  assert.deepEqual(actorsLoaded.diagnostics.filter((d) => d.severity === "error"), []);
  assert.deepEqual(tagsLoaded.diagnostics.filter((d) => d.severity === "error"), []);
});

test("content/events/ ships events, and ids are unique", () => {
  assert.ok(files.length > 0, "no event files found");
  const ids = loaded.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, "two files share an id");
});

for (const file of files) {
  test(`${file}: front matter matches the event schema`, () => {
    assert.equal(failures.get(file), undefined, failures.get(file));
  });
}

for (const e of loaded) {
  test(`${e.file}: name, dates and jurisdiction agree`, () => {
    assert.equal(e.id, e.file.replace(/\.md$/, ""), "the id must be the file name");
    for (const [role, value] of Object.entries(e.fm.dates)) {
      if (value === undefined) continue;
      assert.ok(span(value), `dates.${role} "${value}" is not YYYY, YYYY-MM or a real YYYY-MM-DD`);
    }
    const prefix = `${e.fm.dates.announced}-${e.fm.jurisdiction.toLowerCase()}-`;
    assert.ok(e.id.startsWith(prefix), `the file name must start with "${prefix}" (announced date, jurisdiction)`);
    assert.ok(e.id.length > prefix.length, "the file name needs a slug after the jurisdiction");
    const jurisdiction = registry.actor(e.fm.jurisdiction.toLowerCase());
    assert.equal(jurisdiction?.type, "jurisdiction", `jurisdiction ${e.fm.jurisdiction} is not a jurisdiction in actors.yaml`);
    assert.ok(e.body.trim().length > 0, "the event needs a description");
  });

  test(`${e.file}: authority and targets are actors of the registry`, () => {
    assert.equal(registry.resolveActor(e.fm.authority), e.fm.authority, `authority "${e.fm.authority}" is not an actor id`);
    // The authority belongs to the jurisdiction it acts for (international bodies have none).
    const authority = registry.actor(e.fm.authority)!;
    if (authority.jurisdiction) assert.equal(authority.jurisdiction, e.fm.jurisdiction, "authority and jurisdiction disagree");
    for (const t of e.fm.targets) {
      assert.equal(registry.resolveActor(t), t, `target "${t}" is not an actor id`);
    }
  });

  test(`${e.file}: items known to the vocabulary are written as tag ids`, () => {
    for (const item of e.fm.items) {
      const tag = registry.resolveTag(item);
      if (tag) assert.equal(item, tag, `item "${item}" should be written as the tag id "${tag}"`);
      else assert.ok(/\s/.test(item), `item "${item}" is neither a tag id nor a phrase`);
    }
  });

  test(`${e.file}: sources include an existing seed article`, () => {
    const articles = e.fm.sources.flatMap((s) => ("article" in s ? [s.article] : []));
    assert.ok(articles.length > 0, "every event needs a seed article among its sources");
    for (const a of articles) assert.ok(articleSlugs.has(a), `source article "${a}" is not in content/articles/`);
  });

  test(`${e.file}: responds_to links point at earlier events, with the basis the kind needs`, () => {
    if (["countermeasure", "relaxation", "ruling"].includes(e.fm.kind)) {
      assert.ok(e.fm.responds_to.length > 0, `a ${e.fm.kind} must say what it answers`);
    }
    if (e.fm.kind === "relaxation") {
      assert.ok(e.fm.responds_to.some((r) => r.basis === "stated"), "a relaxation responds to the measure it relaxes (stated)");
    }
    const own = span(e.fm.dates.announced)!;
    for (const r of e.fm.responds_to) {
      const cause = byId.get(r.id);
      assert.ok(cause, `responds_to "${r.id}" is not an event in content/events/`);
      assert.notEqual(r.id, e.id, "an event cannot respond to itself");
      assert.ok(span(cause.fm.dates.announced)!.start <= own.end, `"${r.id}" is dated after this event, which answers it`);
    }
  });
}
