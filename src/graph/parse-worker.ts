import { parentPort, workerData } from "node:worker_threads";
import { readAndParse } from "./parse-files.js";
import { z } from "zod";

// Runs in a worker thread: parses its share of the files and posts the plain results back.
const files = z.array(z.string()).parse(workerData);
// A file that cannot be read is posted as its error's parts: an Error's own fields (code, path)
// do not survive the thread boundary, and they make it a user error with the path (DCP013).
try {
  parentPort?.postMessage({ results: files.map(readAndParse) });
} catch (error) {
  const field = (name: string): string | undefined => {
    const value: unknown = error instanceof Error ? Reflect.get(error, name) : undefined;
    return typeof value === "string" ? value : undefined;
  };
  parentPort?.postMessage({ failure: { message: error instanceof Error ? error.message : String(error), code: field("code"), path: field("path"), syscall: field("syscall") } });
}
