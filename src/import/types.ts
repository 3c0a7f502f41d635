// The contract every clipping format implements. A format recognises its clippings by their
// content (never by file name) and splits them into front-matter fields and a Markdown body;
// turning raw dates into ISO, filling derived fields and writing files is the importer's job.

/** What one format found in one clipping. */
export interface Extraction {
  /**
   * Front-matter fields found, in the order found: title, date (the raw string as found,
   * not yet normalized), source, outlet, author, place, summary, tags, image, and whatever
   * else the format knows (series, platform, fetched, a note's own fields…).
   */
  fields: Record<string, unknown>;
  /** The article as clean Markdown: every paragraph of it, none of the page around it. */
  body: string;
  /** Non-empty lines dropped as noise (page chrome, promotion, unrelated headlines). */
  noiseLines: number;
  /** A few of the dropped lines, so the report shows what went. */
  strippedSamples?: string[];
  /** Zone that dates without an offset are read in, when the format knows the outlet's. */
  zone?: string;
  /**
   * The fields are the user's own (a note's front matter): every value is written back as
   * the user wrote it, dates included; the importer only fills fields that are absent.
   */
  userFields?: boolean;
}

export interface ClippingFormat {
  /** Stable id, written to front matter as `format:`. */
  id: string;
  /** Human name for reports. */
  label: string;
  /** True when the text has this format's structure. Cheap; called on every clipping. */
  detect(text: string): boolean;
  extract(text: string): Extraction;
}
