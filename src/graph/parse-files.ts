import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParsedModule } from "../model/module-graph.js";
import { hashContent, type ParseCache } from "./parse-cache.js";
import { parseModule } from "./parse-module.js";
import { itemAt } from "../model/must-get.js";

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 300;

export interface ParseOptions {
  /** Worker threads to use; 0 parses on this thread. Default: one per core when there are enough files. */
  workers?: number | undefined;
  /** Reuse results for files whose content has not changed. */
  cache?: ParseCache | undefined;
}

/** Reads and parses every file (only the changed ones with a cache). Results are in the input's order. */
export async function parseFiles(files: string[], options: ParseOptions = {}): Promise<ParsedModule[]> {
  const { cache } = options;
  if (cache === undefined) return parseAll(files, options.workers);
  const hashes = files.map((file) => hashContent(fs.readFileSync(file)));
  const results: (ParsedModule | undefined)[] = files.map((file, index) => cache.get(file, itemAt(hashes, index)));
  const missing = files.filter((_, index) => results[index] === undefined);
  const parsed = await parseAll(missing, options.workers);
  let next = 0;
  const complete = results.map((result, index) => {
    if (result !== undefined) return result;
    const fresh = itemAt(parsed, next++);
    cache.set(itemAt(files, index), itemAt(hashes, index), fresh);
    return fresh;
  });
  cache.save();
  return complete;
}

async function parseAll(files: string[], requestedWorkers: number | undefined): Promise<ParsedModule[]> {
  const workerUrl = new URL("./parse-worker.js", import.meta.url);
  const available = fs.existsSync(fileURLToPath(workerUrl));
  const wanted = requestedWorkers ?? (files.length >= WORKER_THRESHOLD ? os.availableParallelism() : 0);
  const workers = available ? Math.min(wanted, Math.ceil(files.length / 50)) : 0;
  if (workers <= 1) return files.map(readAndParse);

  const chunks: string[][] = Array.from({ length: workers }, () => []);
  // Interleave so each worker gets a similar mix of small and large files.
  files.forEach((file, index) => chunks[index % workers]?.push(file));
  const results = await Promise.all(chunks.map((chunk) => parseInWorker(workerUrl, chunk)));
  return files.map((_, index) => {
    const parsed = results[index % workers]?.[Math.floor(index / workers)];
    if (parsed === undefined) throw new Error(`worker lost the result for ${files[index]}`);
    return parsed;
  });
}

export function readAndParse(file: string): ParsedModule {
  return parseModule(file, decodeSource(fs.readFileSync(file)));
}

/** Source text by its byte-order mark: UTF-16 (either order) and UTF-8 with a BOM, else UTF-8. */
export function decodeSource(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16().toString("utf16le");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  return bytes.toString("utf8");
}

interface WorkerMessage {
  results?: ParsedModule[];
  failure?: { message: string; code?: string | undefined; path?: string | undefined; syscall?: string | undefined };
}

function parseInWorker(workerUrl: URL, files: string[]): Promise<ParsedModule[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: files });
    worker.once("message", (message: WorkerMessage) => {
      if (message.results !== undefined) resolve(message.results);
      else reject(Object.assign(new Error(message.failure?.message ?? "parse worker failed"), message.failure));
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`parse worker exited with code ${code}`));
    });
  });
}
