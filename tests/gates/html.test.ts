// Gate: the Nu Html Checker (vnu.jar, Java) over every page of the built site: zero errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { promises as fs } from "node:fs";
import path from "node:path";
import vnu from "vnu-jar";
import { buildSiteInChild } from "../support/site.ts";

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(".html")) out.push(path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
  }
  return out;
}

test("vnu: every generated page is valid HTML", async () => {
  const site = await buildSiteInChild({ KB_INCLUDE_DRAFTS: "1" });
  const pages = await htmlFiles(site.dir);
  let stdout = "";
  let stderr = "";
  try {
    ({ stdout, stderr } = await promisify(execFile)("java", ["-jar", vnu as unknown as string, "--errors-only", "--skip-non-html", "--format", "json", site.dir], { maxBuffer: 64 * 1024 * 1024 }));
  } catch (e) {
    // vnu exits 1 when it finds errors; its report is still on stderr.
    stdout = (e as { stdout?: string }).stdout ?? "";
    stderr = (e as { stderr?: string }).stderr ?? "";
  }
  const report = JSON.parse(stderr || stdout || '{"messages":[]}') as { messages: Array<{ type: string; url: string; lastLine?: number; message: string }> };
  const errors = report.messages.filter((m) => m.type === "error");
  console.log(`vnu: ${pages.length} pages checked, ${errors.length} errors`);
  for (const e of errors.slice(0, 30)) console.log(`  ${e.url.replace(`file:${site.dir}`, "")}:${e.lastLine ?? "?"} ${e.message}`);
  assert.ok(pages.length > 100, `${pages.length} pages`);
  assert.equal(errors.length, 0);
});
