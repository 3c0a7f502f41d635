// The search index alone, from the dataset ingest wrote: `npm run build` runs this in a
// process of its own beside the render, so the two use both cores and neither's memory
// adds to the other's heap. Its last line is its figures as JSON, for the parent.
import { loadConfig } from "../src/config.ts";
import { indexSite } from "../src/build.ts";

const figures = await indexSite(loadConfig());
console.log(JSON.stringify(figures));
