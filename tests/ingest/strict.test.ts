// `npm run ingest` as a user runs it: the report grouped when long, every problem in
// diagnostics.json and on the screen with --verbose; warnings fail the run only with --strict
// or KB_STRICT=1, errors always.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../../src/config.ts";
import { REPORT_MAX_LINES } from "../../src/ingest/report.ts";
import type { Diagnostic } from "../../src/model/diagnostics.ts";

const UNTITLED = REPORT_MAX_LINES + 1;
let tmp: string;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kb-strict-"));
  const warns = path.join(tmp, "warns");
  await fs.mkdir(warns);
  // Each builds, with a warning: no title.
  for (let i = 0; i < UNTITLED; i++) await fs.writeFile(path.join(warns, `n${String(i).padStart(2, "0")}.md`), `---\ndate: 2024-05-01\n---\nA note.\n`);
  const clean = path.join(tmp, "clean");
  await fs.mkdir(clean);
  await fs.writeFile(path.join(clean, "a.md"), `---\ntitle: Fine\ndate: 2024-05-01\n---\nA note.\n`);
});

function ingest(content: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; dataDir: string }> {
  const dataDir = path.join(tmp, `data-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts/ingest.ts"), ...args],
      { cwd: ROOT, env: { ...process.env, KB_STRICT: "", KB_VERBOSE: "", KB_CONTENT_DIR: path.join(tmp, content), KB_DATA_DIR: dataDir, ...env }, maxBuffer: 16 * 2 ** 20 },
      (e, stdout) => (e && typeof e.code !== "number" ? reject(e) : resolve({ code: e ? (e.code as number) : 0, stdout, dataDir })),
    );
  });
}

test("warnings: grouped, exit 0; every one in diagnostics.json", async () => {
  const r = await ingest("warns", []);
  assert.equal(r.code, 0, r.stdout);
  const lines = r.stdout.trim().split("\n");
  assert.equal(lines.length, 3, r.stdout);
  assert.match(lines[0]!, new RegExp(`^warning ×${UNTITLED} in ${UNTITLED} files {2}\\[title\\] .* — n00\\.md:1, n01\\.md:1, n02\\.md:1 … \\(\\+${UNTITLED - 3}\\)$`));
  assert.match(lines[1]!, /^every problem, one a line: .*diagnostics\.json \(or run again with --verbose\)$/);
  assert.match(lines[2]!, new RegExp(`^ingest: ${UNTITLED} articles, .* ${UNTITLED} warnings, 0 errors`));
  const all = JSON.parse(await fs.readFile(path.join(r.dataDir, "diagnostics.json"), "utf8")) as Diagnostic[];
  assert.equal(all.length, UNTITLED);
  assert.ok(all.every((d) => d.severity === "warning" && d.field === "title" && d.line === 1));
});

test("--verbose prints every warning one a line", async () => {
  const r = await ingest("warns", ["--verbose"]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.split("\n").filter((l) => /^warning: n\d\d\.md:1 \[title\]: /.test(l)).length, UNTITLED);
  assert.doesNotMatch(r.stdout, /×/);
});

test("--strict and KB_STRICT=1 make warnings fail the run, after the report", async () => {
  for (const [args, env] of [[["--strict"], {}], [[], { KB_STRICT: "1" }]] as const) {
    const r = await ingest("warns", [...args], env);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /warning ×\d+/);
    assert.match(r.stdout.trim().split("\n").at(-1)!, new RegExp(`^ingest: --strict \\(KB_STRICT=1\\): ${UNTITLED} warnings fail this run$`));
  }
  const clean = await ingest("clean", ["--strict"]);
  assert.equal(clean.code, 0, clean.stdout);
});
