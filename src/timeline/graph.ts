// The measure → countermeasure graph. Checks what would make the timeline lie (a link to an
// event that does not exist, an answer dated before its cause, a cycle, two events with one
// id) and computes what each event page shows: who answered it, how many days later, and the
// escalation chain it belongs to.
import type { Diagnostic } from "../model/diagnostics.ts";
import type { EventDate, EventLink } from "../model/event.ts";
import { certainlyBefore, daysBetween } from "./dates.ts";

export interface GraphNode {
  id: string;
  file: string;
  /** Line of the id (or line 1 when the id comes from the file name). */
  line?: number;
  date: EventDate;
  respondsTo: Array<{ id: string; basis: "stated" | "analyst"; by?: string; note?: string; effect?: EventLink["effect"]; line?: number }>;
}

export interface Graph {
  diagnostics: Diagnostic[];
  /** Nodes kept: the first of each id. */
  nodes: Map<string, GraphNode>;
  respondsTo: Map<string, EventLink[]>;
  answeredBy: Map<string, EventLink[]>;
  /** Event id → chain id (the earliest event of its connected group). */
  chain: Map<string, string>;
}

const byDateThenId = (a: GraphNode, b: GraphNode) =>
  a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function buildGraph(input: GraphNode[]): Graph {
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map<string, GraphNode>();
  for (const n of input) {
    const first = nodes.get(n.id);
    if (first) {
      diagnostics.push({
        severity: "error",
        file: n.file,
        field: "id",
        ...(n.line ? { line: n.line } : {}),
        message: `event id "${n.id}" is already used by ${first.file}; ids must be unique (this event is left out)`,
      });
      continue;
    }
    nodes.set(n.id, n);
  }

  const respondsTo = new Map<string, EventLink[]>();
  const answeredBy = new Map<string, EventLink[]>();
  const edges = new Map<string, string[]>();
  for (const n of nodes.values()) {
    n.respondsTo.forEach((r, i) => {
      const at = { file: n.file, field: `responds_to.${i}.id`, ...(r.line ? { line: r.line } : {}) };
      const target = nodes.get(r.id);
      if (r.id === n.id) {
        diagnostics.push({ severity: "error", ...at, message: `event "${n.id}" responds to itself` });
        return;
      }
      if (!target) {
        diagnostics.push({ severity: "error", ...at, message: `responds_to names "${r.id}", but no event has that id` });
        return;
      }
      if (certainlyBefore(n.date, target.date)) {
        diagnostics.push({
          severity: "error",
          ...at,
          message: `"${n.id}" (${n.date.value}) is dated before "${r.id}" (${target.date.value}), which it responds to`,
        });
        return;
      }
      const lagDays = daysBetween(target.date, n.date);
      const lagApprox = n.date.precision !== "day" || target.date.precision !== "day";
      const meta = { basis: r.basis, ...(r.by ? { by: r.by } : {}), ...(r.note ? { note: r.note } : {}), ...(r.effect ? { effect: r.effect } : {}), lagDays, lagApprox };
      (respondsTo.get(n.id) ?? respondsTo.set(n.id, []).get(n.id)!).push({ id: r.id, ...meta });
      (answeredBy.get(r.id) ?? answeredBy.set(r.id, []).get(r.id)!).push({ id: n.id, ...meta });
      (edges.get(n.id) ?? edges.set(n.id, []).get(n.id)!).push(r.id);
    });
  }

  for (const cycle of findCycles(nodes, edges)) {
    const n = nodes.get(cycle[0]!)!;
    diagnostics.push({
      severity: "error",
      file: n.file,
      field: "responds_to",
      ...(n.line ? { line: n.line } : {}),
      message: `responds_to forms a cycle: ${[...cycle, cycle[0]].join(" → ")}`,
    });
  }

  for (const list of answeredBy.values()) list.sort((a, b) => a.lagDays - b.lagDays || (a.id < b.id ? -1 : 1));
  return { diagnostics, nodes, respondsTo, answeredBy, chain: chains(nodes, respondsTo, answeredBy) };
}

// Same-day dates make a cycle possible despite the date check; each cycle is reported once,
// starting from its smallest id.
function findCycles(nodes: Map<string, GraphNode>, edges: Map<string, string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const found = new Map<string, string[]>();
  const visit = (id: string): void => {
    state.set(id, "open");
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (state.get(next) === "open") {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        found.set(canonical.join(" "), canonical);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, "done");
  };
  for (const id of [...nodes.keys()].sort()) if (!state.has(id)) visit(id);
  return [...found.values()];
}

function chains(nodes: Map<string, GraphNode>, up: Map<string, EventLink[]>, down: Map<string, EventLink[]>): Map<string, string> {
  const chain = new Map<string, string>();
  for (const start of [...nodes.values()].sort(byDateThenId)) {
    if (chain.has(start.id)) continue;
    // The first node reached in date order is the earliest of its group: it names the chain.
    const queue = [start.id];
    chain.set(start.id, start.id);
    while (queue.length) {
      const id = queue.pop()!;
      for (const l of [...(up.get(id) ?? []), ...(down.get(id) ?? [])]) {
        if (!chain.has(l.id)) {
          chain.set(l.id, start.id);
          queue.push(l.id);
        }
      }
    }
  }
  return chain;
}
