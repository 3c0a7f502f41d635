// A render worker (src/build/render.ts): `npm run build` starts one per render job and sends it
// slices over the IPC channel, one at a time; it answers each with the number of files written.
// Several slices in one process skip Node's start and the shaping of the dataset after the
// first (docs/performance.md).
import { loadConfig, parseRenderSlice } from "../src/config.ts";
import { writeWithEleventy } from "../src/site/eleventy.ts";
import type { RenderRequest, RenderReply } from "../src/build/render.ts";
import { bundledStageFile } from "../src/build/threads.ts";

// Run from the build's bundles, Eleventy loads the bundled copy of .eleventy.ts (no tsx here).
const configFile = bundledStageFile(".eleventy.ts");

// Started by src/build/render.ts with an IPC channel; there is nothing to do without one.
if (!process.send) throw new Error("scripts/render-slice.ts is started by npm run build, with an IPC channel");
process.on("message", (req: RenderRequest) => {
  void (async () => {
    let reply: RenderReply;
    try {
      reply = { files: await writeWithEleventy(loadConfig(process.env, { renderSlice: parseRenderSlice(req.slice) }), configFile) };
    } catch (e) {
      reply = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    process.send!(reply);
  })();
});
// The build closes the channel when no slices are left.
process.on("disconnect", () => process.exit(0));
