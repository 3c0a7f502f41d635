// Shared by the importer tests: the seed corpus (shipped verbatim in content/raw) and
// throwaway folders.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SEED_DIR = path.join(REPO, "content", "raw");

export const SEEDS = {
  wechat: "000_d67bebb5f1f79fa8.txt",
  note: "001_0f687606ae77ce11.txt",
  netease: "002_71498972dcc4fdd5.txt",
  dw: "003_38e325384dfded78.txt",
  initium: "004_d320378eb413a6c9.txt",
} as const;

export function seedPath(name: string): string {
  return path.join(SEED_DIR, name);
}

export function seedText(name: string): string {
  return readFileSync(seedPath(name), "utf8");
}

const made: string[] = [];
process.on("exit", () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh folder, removed when the test process exits. */
export function tempDir(prefix = "import-test-"): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Every file under `dir` (relative path → bytes), for comparing whole trees. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** The article's paragraphs as the test reads them: non-empty lines of the body. */
export function bodyLines(body: string): string[] {
  return body.split("\n").map((l) => l.trim()).filter(Boolean);
}
