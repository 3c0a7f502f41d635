// What one build of the benchmark measured, ours or the baseline's, in one shape so that the
// report can put them side by side.
import type { DirSize } from "./measure.ts";

export type StageName = "ingest" | "render" | "index";
export const STAGES: readonly StageName[] = ["ingest", "render", "index"];

export interface StageFigure {
  name: StageName;
  seconds: number;
  /** Peak RSS of the process tree while the stage ran, bytes. */
  peakRss: number;
}

export interface BuildFigures {
  who: "ours" | "baseline";
  /** Stages the build has; the baseline has no ingest. */
  stages: StageFigure[];
  /** Start of the first process to the end of the last, process start-up included. */
  wallSeconds: number;
  peakRss: number;
  site: DirSize;
  pagefind: DirSize;
  /** HTML pages written per second of the render stage. */
  pagesPerSecond: number;
  /** What the build said about itself, for the report (counts, warnings). */
  facts: Record<string, number>;
  /** The stage that did not finish, and why: its figures are up to the failure. */
  failed?: { stage: StageName; reason: string };
  /** Seconds during which two stages ran at once (ours: render and index side by side). */
  overlapSeconds?: number;
}

export function stage(f: BuildFigures, name: StageName): StageFigure | undefined {
  return f.stages.find((s) => s.name === name);
}
