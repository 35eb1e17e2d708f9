/**
 * The "oxc parse floor": reads and parses every code file under a folder with oxc-parser's
 * parseSync on one thread, and prints {"files","seconds"} as JSON. No tool that parses every
 * file can build a graph faster than this (Node start-up is not counted).
 * Usage: npx tsx bench/measure-parse-floor.ts <dir>
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSync } from "oxc-parser";
import { listSourceFiles } from "./lib/list-source-files.js";

const dir = process.argv[2];
if (dir === undefined) throw new Error("usage: measure-parse-floor.ts <dir>");
const files = listSourceFiles(dir);
const started = process.hrtime.bigint();
let errors = 0;
for (const file of files) {
  const result = parseSync(file, readFileSync(join(dir, file), "utf8"));
  if (result.errors.length > 0) errors += 1;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`${JSON.stringify({ files: files.length, seconds, filesWithErrors: errors })}\n`);
