// The schema of content/site.yaml: settings of a content folder that are not vocabulary. A
// folder without its own file uses the shipped one (src/ingest/site-config.ts).
import { z } from "zod";

/** A class name as HTML writes it in `class="…"`: no spaces, no quotes, no angle brackets. */
const className = z
  .string({ error: "must be a class name (text)" })
  .trim()
  .regex(/^-?[A-Za-z_][A-Za-z0-9_-]*$/, "must be a single class name: letters, digits, - and _, not starting with a digit");

export const siteConfig = z.strictObject(
  {
    html: z
      .strictObject(
        {
          // Classes a collection uses for its own layout (english-text on a transcript's
          // originals): kept on any allowed element, silently; every other class is removed and
          // reported.
          classes: z.array(className, { error: "must be a list of class names" }).default([]),
        },
        { error: (iss) => (iss.code === "invalid_type" ? "must be a mapping (classes: …)" : undefined) },
      )
      .default({ classes: [] }),
    timeline: z
      .strictObject(
        {
          // A notes folder's own events are added to the shipped timeline (one with a shipped
          // event's id replaces it); false keeps only its own.
          shipped: z.boolean({ error: "must be true or false" }).default(true),
        },
        { error: (iss) => (iss.code === "invalid_type" ? "must be a mapping (shipped: …)" : undefined) },
      )
      .default({ shipped: true }),
  },
  { error: (iss) => (iss.code === "invalid_type" ? "must be a mapping of settings (html: …, timeline: …)" : undefined) },
);

export type SiteConfig = z.output<typeof siteConfig>;

/** What a run uses when no site.yaml is found at all, not even the shipped one. */
export const EMPTY_SITE_CONFIG: SiteConfig = { html: { classes: [] }, timeline: { shipped: true } };

/**
 * The folder, beside the dataset and at the site's root, of the content folder's images that
 * notes embed (![[image.png]]); their paths in the content folder are kept under it.
 */
export const ATTACHMENTS_DIR = "attachments";
