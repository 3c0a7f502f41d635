// One thread of the postings index build (index-threads.ts): prepares the records, makes and
// writes its share of them (src/search/index-share.ts) and sends back where their term lists
// are (run files); then merges the range of terms it is given, if any, into chunks of its own.
import { parentPort, workerData } from "node:worker_threads";
import { makeShare } from "../search/index-share.ts";
import { mergeRange } from "../search/index-build.ts";
import type { IndexThreadSetup, MergeRequest } from "./index-threads.ts";

const { cfg, share, of } = workerData as IndexThreadSetup;
const answer = await makeShare(cfg, share, of);
parentPort!.postMessage(answer);
parentPort!.once("message", async (req: MergeRequest | null) => {
  if (req) parentPort!.postMessage(await mergeRange(cfg, req.runs, req.range, req.part));
  parentPort!.close();
});
