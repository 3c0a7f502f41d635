// The timeline as a citable data package: a Frictionless descriptor (datapackage.json) for
// timeline.csv and timeline.json, its schema read from the same field table the exports are
// written with (model/event-fields.ts), so the description can never miss a column.
import type { TimelineColumn } from "../model/event-fields.ts";

/** The licence of the timeline's data (the events and their exports); README § Citing. */
export const DATA_LICENSE = { name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" } as const;

export interface PackageFacts {
  /** The site's absolute home URL, ending in "/". */
  home: string;
  version: string;
  /** Events in the package, and the span of their announcement dates. */
  events: number;
  first?: string;
  last?: string;
}

/** Pure: the Frictionless Data Package descriptor of the timeline. */
export function timelineDataPackage(columns: readonly TimelineColumn[], facts: PackageFacts): Record<string, unknown> {
  return {
    profile: "tabular-data-package",
    name: "us-china-export-controls-timeline",
    title: "US–China export controls: measures and countermeasures",
    description: `Every measure, its issuing authority and official instrument, and what the other side answered, with dates, status and sources: ${facts.events} events${facts.first ? `, ${facts.first} to ${facts.last}` : ""}.`,
    version: facts.version,
    homepage: `${facts.home}timeline/`,
    licenses: [DATA_LICENSE],
    resources: [
      {
        profile: "tabular-data-resource",
        name: "timeline",
        path: "timeline.csv",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        schema: {
          fields: columns.map((c) => ({ name: c.key, type: c.type ?? "string", description: c.description })),
          primaryKey: "id",
        },
      },
      { profile: "data-resource", name: "timeline-json", path: "timeline.json", format: "json", mediatype: "application/json", encoding: "utf-8", description: "The same events as JSON: lists as arrays, links as objects" },
    ],
  };
}
