import fs from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import { UserError } from "../model/errors.js";
import { parseOtlpTraces, type TraceSpan } from "./parse-otlp-traces.js";

export type { TraceSpan } from "./parse-otlp-traces.js";

/** Exports inside a folder: the Collector's file exporter writes .json (rotated files too), others .jsonl. */
const EXPORT_FILES = ["**/*.{json,jsonl,ndjson}", "!**/node_modules/**"];

/**
 * The spans of OTLP JSON trace exports: each path (relative to the root, or absolute) is a file, or
 * a folder whose .json/.jsonl/.ndjson files are all read, in path order so results are stable.
 */
export async function readTraceExport(root: string, paths: string[]): Promise<TraceSpan[]> {
  if (paths.length === 0) {
    throw new UserError("DCP010", "signals.traces is on but names no export: set signals.traces.files or pass --traces <file-or-folder>.");
  }
  const spans: TraceSpan[] = [];
  for (const given of paths) {
    const target = path.resolve(root, given);
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (stat === undefined) throw new UserError("DCP010", `trace export ${given} not found: pass an OTLP JSON file or a folder of them.`);
    const files = stat.isDirectory() ? (await glob(EXPORT_FILES, { cwd: target, absolute: true })).sort() : [target];
    if (files.length === 0) throw new UserError("DCP010", `no .json/.jsonl files in ${given}: point --traces at the folder the exporter writes to.`);
    for (const file of files) {
      const shown = path.relative(root, file).split(path.sep).join("/");
      spans.push(...parseOtlpTraces(fs.readFileSync(file, "utf8"), shown.startsWith("..") ? file : shown));
    }
  }
  return spans;
}
