import fs from "node:fs";
import { analysisResultSchema, type AnalysisResult } from "../model/analysis-result.js";
import { checkResultSchema, type CheckResult } from "../model/check-result.js";
import { UserError } from "../model/errors.js";
import { scoreReportSchema, type ScoreReport } from "../model/score-report.js";
import { readJson, validateJson, type JsonFileErrors } from "./read-json-file.js";

/** A saved result of analyze, score or check, told apart by its keys and validated by its schema. */
export type SavedResult = { kind: "analysis"; result: AnalysisResult } | { kind: "score"; result: ScoreReport } | { kind: "check"; result: CheckResult };

const HINT = "Pass the output of `decouple analyze|score|check --format json` (schemas/decouple.{analysis,score,check}.schema.json).";

/** Reads a result that `--format json` printed, so any format can be rendered from it again. */
export function readResult(file: string): SavedResult {
  if (!fs.existsSync(file)) throw new UserError("DCP012", `result file ${file} does not exist. ${HINT}`);
  const errors: JsonFileErrors = { code: "DCP012", hint: HINT, label: "result file" };
  const raw = readJson(file, errors);
  if (typeof raw !== "object" || raw === null) throw new UserError("DCP012", `result file ${file} holds no JSON object. ${HINT}`);
  if ("scope" in raw) return { kind: "check", result: validateJson(raw, checkResultSchema, file, errors) };
  if ("graph" in raw) return { kind: "analysis", result: validateJson(raw, analysisResultSchema, file, errors) };
  if ("modules" in raw && "overall" in raw) return { kind: "score", result: validateJson(raw, scoreReportSchema, file, errors) };
  throw new UserError("DCP012", `result file ${file} is not a result of analyze, score or check (it has neither "graph", "modules" and "overall", nor "scope"). ${HINT}`);
}
