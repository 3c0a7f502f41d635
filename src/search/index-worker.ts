// One thread of the postings index build (index-build.ts): makes and writes a run of records
// and sends back their term lists, packed, without copying.
import { parentPort, workerData } from "node:worker_threads";
import type { KbConfig } from "../config.ts";
import { prepareRecords, writeRecords } from "./index-build.ts";

const { cfg, from, to } = workerData as { cfg: KbConfig; from: number; to: number };
const { sources } = await prepareRecords(cfg);
const { packed, postings } = await writeRecords(cfg, sources, from, to);
parentPort!.postMessage({ packed, postings }, [packed.buffer as ArrayBuffer]);
