// Where a note that gives no usable date takes one from (after a date in its file name): the
// commit that first added it to git, else its modification time. The git history of the whole
// content folder is read by one `git log`, once per ingest, never a process per file.
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";

/** What ingestArticle may fall back on for one file, as epoch milliseconds. */
export interface FallbackDates {
  /** Author time of the commit that first added the file (following renames). */
  firstCommit?: number;
  /** The file's modification time. */
  modified?: number;
}

/**
 * Reads `git log` output (`--format=%x01%at %D -z --name-status --diff-filter=AR --reverse`)
 * into file → epoch ms of its first commit. Paths are as git prints them with `--relative`.
 * A file added in the oldest commit of a shallow clone ("grafted") has no known date: the
 * clone's boundary is not when the file was written.
 */
export function parseFirstCommits(out: string): Map<string, number> {
  const dates = new Map<string, number>();
  // Files that were there before a shallow clone's boundary, under their names since.
  const beforeBoundary = new Set<string>();
  const tokens = out.split("\0");
  let when: number | undefined;
  let grafted = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.replace(/^\n/, "");
    if (t === "") continue;
    if (t.startsWith("\x01")) {
      const m = /^\x01(\d+)(?: (.*))?$/s.exec(t);
      when = m ? Number(m[1]) * 1000 : undefined;
      grafted = (m?.[2] ?? "").split(", ").includes("grafted");
      continue;
    }
    if (t === "A") {
      const file = tokens[++i];
      if (file && grafted) beforeBoundary.add(file);
      else if (file && when !== undefined) {
        const known = dates.get(file);
        if (known === undefined || when < known) dates.set(file, when);
      }
    } else if (/^R\d*$/.test(t)) {
      const from = tokens[++i];
      const to = tokens[++i];
      if (!to || from === undefined) continue;
      if (grafted || beforeBoundary.has(from)) {
        beforeBoundary.add(to);
        continue;
      }
      // A renamed file was first added under its old name.
      const first = dates.get(from) ?? when;
      dates.delete(from);
      const known = dates.get(to);
      if (first !== undefined && (known === undefined || first < known)) dates.set(to, first);
    }
  }
  return dates;
}

/**
 * File (relative to `dir`, `/`-separated) → epoch ms of the commit that first added it. Empty
 * when `dir` is not in a git work tree, git is not installed or it fails: the caller then
 * falls back on modification times.
 */
export function firstCommitDates(dir: string): Promise<Map<string, number>> {
  const args = ["-C", dir, "log", "--reverse", "--diff-filter=AR", "--name-status", "-z", "--relative", "--format=%x01%at %D", "--", "."];
  return new Promise((resolve) => {
    execFile("git", args, { maxBuffer: 512 * 1024 * 1024, timeout: 120_000, windowsHide: true }, (error, stdout) => {
      resolve(error ? new Map() : parseFirstCommits(stdout));
    });
  });
}

const perFolder = new Map<string, Promise<Map<string, number>>>();

/**
 * firstCommitDates, read once per folder for the life of the process: `npm start` ingests again
 * on every save, and a long history is not read each time (a file committed since is dated by
 * its modification time until the next start).
 */
export function firstCommitDatesOnce(dir: string): Promise<Map<string, number>> {
  let dates = perFolder.get(dir);
  if (!dates) perFolder.set(dir, (dates = firstCommitDates(dir)));
  return dates;
}

/** The file's modification time in epoch ms; undefined when it cannot be read. */
export async function modifiedTime(file: string): Promise<number | undefined> {
  try {
    return Math.floor((await fs.stat(file)).mtimeMs);
  } catch {
    return undefined;
  }
}
