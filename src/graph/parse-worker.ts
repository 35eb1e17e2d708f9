import { parentPort, workerData } from "node:worker_threads";
import { readAndParse } from "./parse-files.js";
import { z } from "zod";

// Runs in a worker thread: parses its share of the files and posts the plain results back.
const files = z.array(z.string()).parse(workerData);
parentPort?.postMessage(files.map(readAndParse));
