// The project's import graph, read from the source text: which file imports which, and the
// cycles among files and among the top-level folders of src/. For the structure gate
// (tests/gates/structure.test.ts); pure apart from readGraph.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** file (relative to the root, "/" separated) → the files of the tree it imports. */
export type ImportGraph = Map<string, string[]>;

// `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`; type-only imports
// too: they tie the two files' designs as much as a value does.
const SPECIFIERS = /(?:^|[\s;])(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Pure: the relative specifiers a source text imports (packages and node: builtins left out). */
export function importSpecifiers(source: string): string[] {
  // Comments may quote code that is not imported.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const out: string[] = [];
  for (const m of code.matchAll(SPECIFIERS)) {
    const s = m[1] ?? m[2] ?? m[3];
    if (s && s.startsWith(".")) out.push(s);
  }
  return out;
}

/** Pure: every cycle of the graph, as its strongly connected components of two or more (or a self-import). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative: the graph has hundreds of files.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; edge: number }> = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const edges = graph.get(top.node) ?? [];
      if (top.edge < edges.length) {
        const to = edges[top.edge++]!;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        if (component.length > 1 || (graph.get(top.node) ?? []).includes(top.node)) found.push(component.sort());
      }
    }
  }
  return found;
}

/** Pure: the graph of the top-level parts of src/ (a folder, or a file directly in src/ such as config.ts). */
export function folderGraph(graph: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const part = (file: string) => file.split("/").slice(0, 2).join("/").replace(/\.ts$/, "");
  const out = new Map<string, Set<string>>();
  for (const [from, tos] of graph) {
    if (!from.startsWith("src/")) continue;
    const a = part(from);
    const set = out.get(a) ?? out.set(a, new Set()).get(a)!;
    for (const to of tos) if (to.startsWith("src/") && part(to) !== a) set.add(part(to));
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/** The TypeScript files under these folders of `root`, and what each imports of them. */
export function readGraph(root: string, folders: readonly string[]): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const folder of folders) {
    for (const e of readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })) {
      if (!e.isFile() || !/\.ts$/.test(e.name) || e.name.endsWith(".d.ts")) continue;
      const full = path.join(e.parentPath, e.name);
      const file = path.relative(root, full).split(path.sep).join("/");
      const imports = importSpecifiers(readFileSync(full, "utf8")).map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)));
      graph.set(file, imports);
    }
  }
  // Only edges between files of the graph: a test's support file or a package is not a node.
  for (const [file, tos] of graph) graph.set(file, tos.filter((t) => graph.has(t)));
  return graph;
}
