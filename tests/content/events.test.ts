// Content sanity check for the shipped timeline: every file in content/events/ must satisfy the
// event schema and point only at things that exist: actors in content/actors.yaml, other
// events, and articles in content/articles/; no two events cite one instrument, every answer
// is dated after what it answers, and every event since 2018 names the official record. The graph checks proper live in ingest; this test
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

/** Hosts of the official record: gazettes, ministries, the WTO (an address under one of them). */
const OFFICIAL_HOSTS = [
  "federalregister.gov", "govinfo.gov", "fdlp.gov", "gpo.gov", "bis.gov", "bis.doc.gov", "commerce.gov", "whitehouse.gov", "ustr.gov", "treasury.gov", "state.gov", "congress.gov", "ecfr.gov", "fcc.gov", "defense.gov", "war.gov",
  "gov.cn", "npc.gov.cn", "mofcom.gov.cn", "customs.gov.cn", "mfa.gov.cn", "fmprc.gov.cn", "most.gov.cn", "samr.gov.cn", "cac.gov.cn", "mof.gov.cn",
  "government.nl", "rijksoverheid.nl", "officielebekendmakingen.nl", "wetten.overheid.nl", "meti.go.jp", "go.jp", "go.kr", "gov.tw", "europa.eu", "wto.org", "gov.uk",
];
function isOfficial(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return OFFICIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

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

test("no two events cite the same instrument", () => {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const e of loaded) {
    const id = e.fm.instrument?.id.replace(/\s+/g, " ").trim();
    if (!id) continue;
    if (seen.has(id)) twice.push(`${id}: ${seen.get(id)} and ${e.id}`);
    else seen.set(id, e.id);
  }
  assert.deepEqual(twice, []);
});

test("the official-record check knows a government address from another", () => {
  assert.equal(isOfficial("https://www.federalregister.gov/documents/2020/05/19/2020-10856/x"), true);
  assert.equal(isOfficial("http://www.mofcom.gov.cn/article/zwgk/gkzcfb/202312/20231203463650.shtml"), true);
  assert.equal(isOfficial("https://www.reuters.com/technology/x"), false);
  assert.equal(isOfficial("https://evil.example/federalregister.gov"), false);
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
    // Named by one of its dates (usually the announcement; a tariff by the day it applied) and its jurisdiction.
    const prefixes = [e.fm.dates.announced, e.fm.dates.published, e.fm.dates.effective].filter(Boolean).map((d) => `${d}-${e.fm.jurisdiction.toLowerCase()}-`);
    const prefix = prefixes.find((p) => e.id.startsWith(p));
    assert.ok(prefix, `the file name must start with one of ${prefixes.map((p) => `"${p}"`).join(", ")} (a date of the event, jurisdiction)`);
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
    // A target the registry knows is written as its id; others (a company named once) stay text.
    for (const t of e.fm.targets) {
      const id = registry.resolveActor(t);
      if (id) assert.equal(t, id, `target "${t}" should be written as the actor id "${id}"`);
    }
    for (const a of e.fm.co_authorities) {
      assert.equal(registry.resolveActor(a), a, `co-authority "${a}" is not an actor id`);
      const co = registry.actor(a)!;
      if (co.jurisdiction) assert.equal(co.jurisdiction, e.fm.jurisdiction, `co-authority ${a} and jurisdiction disagree`);
    }
  });

  test(`${e.file}: items known to the vocabulary are written as tag ids`, () => {
    for (const item of e.fm.items) {
      const tag = registry.resolveTag(item);
      if (tag) assert.equal(item, tag, `item "${item}" should be written as the tag id "${tag}"`);
    }
  });

  test(`${e.file}: sourced, and since 2018 from the official record`, () => {
    const articles = e.fm.sources.flatMap((s) => ("article" in s ? [s.article] : []));
    for (const a of articles) assert.ok(articleSlugs.has(a), `source article "${a}" is not in content/articles/`);
    assert.ok(e.fm.sources.length > 0, "an event needs a source");
    // Since 2018 an event is checked against the official record, or says that it was not.
    if (e.fm.dates.announced >= "2018" && e.fm.verified) {
      const urls = [e.fm.instrument?.url, ...e.fm.sources.map((s) => ("url" in s ? s.url : undefined))].filter((u): u is string => Boolean(u));
      assert.ok(e.fm.instrument?.id || urls.some(isOfficial), "an event since 2018 needs its instrument's official id or an official URL, or `verified: false`");
    }
    if (e.fm.instrument?.url) assert.ok(isOfficial(e.fm.instrument.url), `instrument.url ${e.fm.instrument.url} is not an official address: put a copy among the sources`);
  });

  test(`${e.file}: responds_to links point at earlier events, with the basis the kind needs`, () => {
    // A countermeasure or a ruling may answer something outside the timeline (an arms sale, a
    // dispute's own history); a relaxation always relaxes an event of it.
    if (e.fm.kind === "relaxation") assert.ok(e.fm.responds_to.length > 0, "a relaxation must say what it relaxes");
    for (const r of e.fm.responds_to) if (r.effect) assert.equal(e.fm.kind, "relaxation", "only a relaxation suspends, lifts, rescinds or replaces");
    const own = span(e.fm.dates.announced)!;
    for (const r of e.fm.responds_to) {
      const cause = byId.get(r.id);
      assert.ok(cause, `responds_to "${r.id}" is not an event in content/events/`);
      assert.notEqual(r.id, e.id, "an event cannot respond to itself");
      assert.ok(span(cause.fm.dates.announced)!.start <= own.end, `"${r.id}" is dated after this event, which answers it`);
    }
  });
}
