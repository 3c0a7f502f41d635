// One thread of the postings index build (index-build.ts): prepares the records, makes and
// writes its share of them and sends back where their term lists are (run files).
import { parentPort, workerData } from "node:worker_threads";
import type { KbConfig } from "../config.ts";
import { makeShare } from "./index-share.ts";

const { cfg, share, of } = workerData as { cfg: KbConfig; share: number; of: number };
const answer = await makeShare(cfg, share, of);
parentPort!.postMessage(answer);
