// npm run import -- [--out <dir>] [--raw <dir>] [--date <d>] [--title <t>] [--source <url>] <file>...
// Imports clippings into Markdown articles with front matter and keeps each clipping verbatim.
// Arguments and printing only; the work is in src/import.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { importClipping } from "../src/import/index.ts";
import { decodeClipping } from "../src/import/decode.ts";
import { writeImport } from "../src/import/write.ts";

const USAGE = `usage: npm run import -- [--out <dir>] [--raw <dir>] [--date <d>] [--title <t>] [--source <url>] <file>...

  --out <dir>     folder for the articles (default: content/articles)
  --raw <dir>     folder for the verbatim clippings (default: raw beside the out folder)
  --date <d>      publication date, when the clipping has none (e.g. 2024-12-04 or 2024-12-04 09:24)
  --title <t>     title, when the clipping has none
  --source <url>  source URL, when the clipping has none
  (--date, --title and --source apply to every file given)`;

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        raw: { type: "string" },
        date: { type: "string" },
        title: { type: "string" },
        source: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length === 0) {
    (values.help ? console.log : console.error)(USAGE);
    return values.help ? 0 : 2;
  }

  const outDir = values.out ?? path.join("content", "articles");
  const errors: string[] = [];
  let written = 0;
  for (const file of positionals) {
    const name = path.basename(file);
    try {
      const bytes = readFileSync(file);
      const { text, encoding } = decodeClipping(bytes);
      const result = importClipping(text, {
        file,
        ...(values.date !== undefined ? { date: values.date } : {}),
        ...(values.title !== undefined ? { title: values.title } : {}),
        ...(values.source !== undefined ? { source: values.source } : {}),
      });
      const w = writeImport(result, bytes, { outDir, ...(values.raw !== undefined ? { rawDir: values.raw } : {}), fileName: name });
      written++;
      const shown = path.relative(process.cwd(), w.articlePath);
      console.log(`${file} → ${shown.startsWith("..") ? w.articlePath : shown}${w.replaced ? " (replaced)" : ""}`);
      console.log(`  format:  ${result.format} — ${result.formatLabel}${encoding !== "utf-8" ? ` (read as ${encoding})` : ""}`);
      console.log(`  found:   ${result.found.join(", ") || "—"}`);
      if (result.derived.length) console.log(`  derived: ${result.derived.join(", ")}`);
      console.log(`  missing: ${result.missing.join(", ") || "—"}`);
      const samples = result.strippedSamples.length ? ` (e.g. ${result.strippedSamples.map((s) => JSON.stringify(s)).join(", ")})` : "";
      console.log(`  noise:   ${result.noiseLines} line${result.noiseLines === 1 ? "" : "s"} stripped${samples}`);
      console.log(`  raw:     ${w.raw}${w.rawWritten ? "" : " (identical copy already there)"}`);
      for (const warning of result.warnings) console.log(`  warning: ${warning}`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      errors.push(message.includes(file) ? message : `${file}: ${message}`);
      console.log(`${file} → failed`);
    }
  }

  console.log(`\n${written} of ${positionals.length} clipping${positionals.length === 1 ? "" : "s"} imported`);
  if (errors.length) {
    console.error(`\n${errors.length} error${errors.length === 1 ? "" : "s"}:`);
    for (const e of errors) console.error(`  error: ${e}`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
