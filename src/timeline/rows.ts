// timeline.json's rows, which timeline.csv writes too: every field of an event the field table
// (model/event-fields.ts) exports, links by id, so that other tools can read the timeline.
import type { TimelineEvent } from "../model/event.ts";
import { TIMELINE_COLUMNS } from "../model/event-fields.ts";

/** One row of timeline.json and timeline.csv; `prefix` is the site's path prefix. */
export function timelineRow(e: TimelineEvent, prefix = ""): Record<string, unknown> {
  return Object.fromEntries(TIMELINE_COLUMNS.map((c) => [c.key, c.json(e, prefix)]));
}
