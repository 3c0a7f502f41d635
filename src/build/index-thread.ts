// One thread of the postings index build (index-threads.ts): prepares the records, makes and
// writes its share of them (src/search/index-share.ts) and sends back where their term lists
// are (run files).
import { parentPort, workerData } from "node:worker_threads";
import { makeShare } from "../search/index-share.ts";
import type { IndexThreadSetup } from "./index-threads.ts";

const { cfg, share, of } = workerData as IndexThreadSetup;
const answer = await makeShare(cfg, share, of);
parentPort!.postMessage(answer);
