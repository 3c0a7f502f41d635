// Loaded (node --import) into each stage's process the build starts: a thread that ran out of
// heap ends the process with OUT_OF_MEMORY_EXIT and no stack trace, so that the build names the
// stage and the setting to raise (out-of-memory.ts); any other uncaught error is printed as
// Node prints it and ends the process with 1.
import { inspect } from "node:util";
import { isOutOfMemoryError, OUT_OF_MEMORY_EXIT } from "./out-of-memory.ts";

process.on("uncaughtException", (e) => {
  if (isOutOfMemoryError(e)) process.exit(OUT_OF_MEMORY_EXIT);
  process.stderr.write(`${inspect(e)}\n`);
  process.exit(1);
});
