import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { firstCommitDates, modifiedTime, parseFirstCommits } from "../../src/ingest/file-dates.ts";
import { ingest } from "../../src/ingest/ingest.ts";
import { POOL_MIN_FILES, ingestPool } from "../../src/build/ingest-pool.ts";
import { ROOT } from "../../src/config.ts";

const NOW = new Date("2026-11-22T00:00:00Z");

/** A git repository whose notes live in `notes/`, committed at the dates given. */
async function gitRepo(commits: Array<{ date: string; files: Record<string, string>; renames?: Array<[string, string]> }>): Promise<string> {
  const repo = await fs.mkdtemp(path.join(os.tmpdir(), "kb-git-"));
  const git = (args: string[], date?: string) =>
    execFileSync("git", ["-C", repo, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args], {
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      stdio: "pipe",
    });
  git(["init", "-q"]);
  for (const c of commits) {
    for (const [from, to] of c.renames ?? []) git(["mv", `notes/${from}`, `notes/${to}`]);
    for (const [name, text] of Object.entries(c.files)) {
      await fs.mkdir(path.dirname(path.join(repo, "notes", name)), { recursive: true });
      await fs.writeFile(path.join(repo, "notes", name), text);
    }
    git(["add", "-A"]);
    git(["commit", "-q", "-m", c.date], c.date);
  }
  return repo;
}

test("one git log gives each file its first commit, under the folder, renames followed, names of any script", async () => {
  const repo = await gitRepo([
    { date: "2024-03-02T10:00:00+08:00", files: { "a.md": "a", "sub/中 文.md": "b", "old.md": "c" } },
    { date: "2024-05-06T10:00:00+08:00", files: { "a.md": "a, edited", "b.md": "new" }, renames: [["old.md", "new.md"]] },
  ]);
  await fs.writeFile(path.join(repo, "outside.md"), "not in notes/");
  const dates = await firstCommitDates(path.join(repo, "notes"));
  const first = Date.parse("2024-03-02T10:00:00+08:00");
  assert.deepEqual(Object.fromEntries(dates), {
    "a.md": first,
    "sub/中 文.md": first,
    "new.md": first,
    "b.md": Date.parse("2024-05-06T10:00:00+08:00"),
  });
  // A clone of the last commit only (CI's checkout): every file seems added there, so none is dated.
  const shallow = await fs.mkdtemp(path.join(os.tmpdir(), "kb-shallow-"));
  execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, shallow], { stdio: "pipe" });
  assert.equal((await firstCommitDates(path.join(shallow, "notes"))).size, 0);
});

test("not a git folder: no dates, no failure", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-nogit-"));
  await fs.writeFile(path.join(dir, "a.md"), "x");
  assert.equal((await firstCommitDates(dir)).size, 0);
  assert.equal((await firstCommitDates(path.join(dir, "no-such-folder"))).size, 0);
  const when = new Date("2023-01-02T03:04:05Z");
  await fs.utimes(path.join(dir, "a.md"), when, when);
  assert.equal(await modifiedTime(path.join(dir, "a.md")), when.getTime());
  assert.equal(await modifiedTime(path.join(dir, "missing.md")), undefined);
});

test("a shallow clone's boundary commit is not when its files were added", () => {
  // a.md and b.md were there before the clone's first commit (a.md renamed to d.md since); c.md was added after it.
  const out = "\x011709344800 grafted, HEAD -> main\0\nA\0a.md\0A\0b.md\0\0\x011709431200 \0\nA\0c.md\0R100\0a.md\0d.md\0";
  assert.deepEqual(Object.fromEntries(parseFirstCommits(out)), { "c.md": 1709431200_000 });
});

test("ingest on threads: a note without a usable date takes its first commit; an uncommitted one its modification time", async () => {
  const files: Record<string, string> = {
    "dateless.md": "---\ntitle: No date\n---\nBody.",
    "sometime.md": "---\ntitle: Sometime\ndate: sometime\n---\nBody.",
  };
  // Enough notes for the thread pool, which gets the dates from the main thread.
  for (let i = 0; i < POOL_MIN_FILES; i++) files[`n/${i}.md`] = `---\ntitle: Note ${i}\ndate: 2024-01-01\n---\nx`;
  const repo = await gitRepo([{ date: "2024-03-02T10:00:00+08:00", files }]);
  const dir = path.join(repo, "notes");
  await fs.writeFile(path.join(dir, "uncommitted.md"), "---\ntitle: Not committed\n---\nBody.");
  const when = new Date("2025-06-07T08:00:00Z");
  await fs.utimes(path.join(dir, "uncommitted.md"), when, when);
  for (const workers of [2, undefined]) {
    const r = await ingest({ contentDir: dir, fallbackDir: path.join(ROOT, "content"), includeDrafts: true, now: NOW, ...(workers ? { pool: ingestPool(workers) } : {}) });
    assert.equal(r.articles.length, POOL_MIN_FILES + 3, `workers: ${workers}`);
    assert.deepEqual(r.log.errors, []);
    const day = (file: string) => r.articles.find((a) => a.article.file === file)?.article.date.day;
    assert.deepEqual([day("dateless.md"), day("sometime.md"), day("uncommitted.md")], ["2024-03-02", "2024-03-02", "2025-06-07"]);
    const message = (file: string) => r.log.warnings.find((w) => w.file === file && w.field === "date")?.message ?? "";
    assert.equal(message("dateless.md"), "no date in front matter; using the file's first commit in git: 2024-03-02");
    assert.match(message("sometime.md"), /^no usable date: `date: sometime` could not be read; using the file's first commit in git: 2024-03-02 \(unrecognized date "sometime"/);
    assert.equal(message("uncommitted.md"), "no date in front matter; using the file's modification time: 2025-06-07");
  }
});
