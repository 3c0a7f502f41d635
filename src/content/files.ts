// Which files of a content folder are what: one walk, never into hidden folders or
// node_modules, paths relative to the folder with `/`, in code-point order (the same on every
// machine, whatever its locale). ingest.ts lists articles and events with it, links.ts images.
// Symbolic links are followed (notes kept elsewhere and linked in are notes too), each folder
// once: a link back to a folder above would walk forever.
import { promises as fs } from "node:fs";
import path from "node:path";

export interface ContentWalk {
  /** Whether to walk into a folder, by its name and the names of the folders above it. */
  enter?(name: string, above: readonly string[]): boolean;
  /** Whether a file is listed, by its name and the names of the folders above it. */
  keep(name: string, above: readonly string[]): boolean;
  /** A folder that cannot be read is passed over instead of failing the listing. */
  unreadableOk?: boolean;
  /** Told of each symbolic link that leads nowhere (relative path), which is not listed. */
  broken?(file: string): void;
}

export async function listContentFiles(contentDir: string, walk: ContentWalk): Promise<string[]> {
  const out: string[] = [];
  const walked = new Set<string>();
  const visit = async (dir: string, above: string[]): Promise<void> => {
    const real = await fs.realpath(dir).catch(() => dir);
    if (walked.has(real)) return;
    walked.add(real);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (walk.unreadableOk) return;
      throw e;
    }
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const full = path.join(dir, e.name);
      const rel = path.relative(contentDir, full).split(path.sep).join("/");
      let kind: { isDirectory(): boolean; isFile(): boolean } = e;
      if (e.isSymbolicLink()) {
        const target = await fs.stat(full).catch(() => undefined);
        if (!target) {
          walk.broken?.(rel);
          continue;
        }
        kind = target;
      }
      if (kind.isDirectory()) {
        if (walk.enter?.(e.name, above) ?? true) await visit(full, [...above, e.name]);
      } else if (kind.isFile() && walk.keep(e.name, above)) {
        out.push(rel);
      }
    }
  };
  await visit(contentDir, []);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
