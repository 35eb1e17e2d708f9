import { parentPort, workerData } from "node:worker_threads";
import { readAndParse } from "./parse-files.js";

// Runs in a worker thread: parses its share of the files and posts the plain results back.
const files = workerData as string[];
parentPort?.postMessage(files.map(readAndParse));
