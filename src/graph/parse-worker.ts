import { parentPort, workerData } from "node:worker_threads";
import { readAndParse } from "./parse-files.js";

// Runs in a worker thread: parses its share of the files and posts the plain results back.
const files = workerData as string[];
// A file that cannot be read is posted as its error's parts: an Error's own fields (code, path)
// do not survive the thread boundary, and they make it a user error with the path (DCP013).
try {
  parentPort?.postMessage({ results: files.map(readAndParse) });
} catch (error) {
  const { code, path, syscall } = error instanceof Error ? (error as NodeJS.ErrnoException) : {};
  parentPort?.postMessage({ failure: { message: error instanceof Error ? error.message : String(error), code, path, syscall } });
}
