import { z } from "zod";
import { analysisResultSchema } from "./analysis-result.js";
import { boundariesSchema } from "./boundaries.js";
import { baselineSchema, checkResultSchema } from "./check-result.js";
import { configSchema } from "./config.js";
import { scoreReportSchema } from "./score-report.js";

/** Every published document: its schema file under schemas/ and the zod schema that validates it at run time. */
export const PUBLISHED_SCHEMAS = [
  { file: "decouple.config.schema.json", title: "decouple.config.json", schema: configSchema },
  { file: "decouple.boundaries.schema.json", title: "decouple.boundaries.json", schema: boundariesSchema },
  { file: "decouple.baseline.schema.json", title: "decouple.baseline.json", schema: baselineSchema },
  { file: "decouple.analysis.schema.json", title: "decouple analyze --format json", schema: analysisResultSchema },
  { file: "decouple.score.schema.json", title: "decouple score --format json", schema: scoreReportSchema },
  { file: "decouple.check.schema.json", title: "decouple check --format json", schema: checkResultSchema },
] as const;

/** The published JSON Schemas, generated from the zod schemas that validate the files at run time. */
export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    PUBLISHED_SCHEMAS.map(({ file, title, schema }) => [file, { ...z.toJSONSchema(schema, { io: "input", target: "draft-7" }), title }]),
  );
}
