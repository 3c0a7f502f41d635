// One slice of the render (src/site/slices.ts), in a process of its own so that its memory
// ends with it. `npm run build` runs these; its last line is the number of files written.
import { loadConfig } from "../src/config.ts";
import { writeWithEleventy } from "../src/site/eleventy.ts";

console.log(JSON.stringify({ files: await writeWithEleventy(loadConfig()) }));
