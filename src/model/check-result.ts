import { z } from "zod";
import { serviceNameSchema } from "./service-name.js";
import { resolutionReportSchema } from "./analysis-result.js";

export const SEVERITIES = ["error", "warn", "off"] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/**
 * What identifies a violation across runs, for the baseline: never a line number, so moving code
 * around does not make a known violation new. One shape per kind of rule.
 */
export const violationKeySchema = z.union([
  z.object({ rule: z.string().min(1), from: z.string().min(1), to: z.string().min(1), symbol: z.string().min(1) }).strict(),
  z.object({ rule: z.string().min(1), services: z.array(serviceNameSchema).min(2) }).strict(),
  z.object({ rule: z.string().min(1), module: z.string().min(1) }).strict(),
]);
export type ViolationKey = z.infer<typeof violationKeySchema>;

/** A stable string for a key: rule, then the fields that identify it (services sorted). */
export function keyOf(key: ViolationKey): string {
  if ("services" in key) return `${key.rule}\0services\0${[...key.services].sort().join("\0")}`;
  if ("module" in key) return `${key.rule}\0module\0${key.module}`;
  return `${key.rule}\0edge\0${key.from}\0${key.to}\0${key.symbol}`;
}

/** decouple.baseline.json: violations known when it was written, keyed without line numbers, sorted. */
export const baselineSchema = z
  .object({ $schema: z.string().optional(), version: z.literal(1), violations: z.array(violationKeySchema) })
  .strict()
  .describe("decouple.baseline.json: violations known when it was written; `decouple check` fails only on others.");
export type Baseline = z.infer<typeof baselineSchema>;

export const checkViolationSchema = z
  .object({
    key: violationKeySchema,
    file: z.string().describe("Root-relative module where the finding is reported."),
    line: z.number().describe("Line of the import (1 for a whole module)."),
    message: z.string().describe("Why it is a problem, naming the modules, services and symbol involved."),
    fix: z.string().describe("What to do about it."),
    rule: z.string(),
    severity: z.enum(["error", "warn"]),
    status: z.enum(["new", "known"]).describe('"known" when the baseline lists it: reported, never failing.'),
  })
  .strict();
export type CheckViolation = z.infer<typeof checkViolationSchema>;

export const checkScopeSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("full"), modules: z.number() }).strict(),
  z.object({ mode: z.literal("changed"), since: z.string(), modules: z.array(z.string()), parsed: z.number() }).strict(),
]);
export type CheckScope = z.infer<typeof checkScopeSchema>;

/** The result document of `decouple check`: what every check reporter renders. */
export const checkResultSchema = z
  .object({
    version: z.literal(1),
    scope: checkScopeSchema,
    rules: z.array(z.object({ id: z.string(), severity: severitySchema, description: z.string(), docs: z.string() }).strict()),
    skipped: z.array(z.object({ id: z.string(), reason: z.string() }).strict()).describe("Rules not judged in this run, and why."),
    violations: z.array(checkViolationSchema),
    stale: z.array(violationKeySchema).describe("Baseline entries that no longer occur: fixed, so they can go (--update-baseline)."),
    summary: z.object({ errors: z.number(), warnings: z.number(), known: z.number(), stale: z.number() }).strict(),
    warnings: z.array(z.string()).describe("Problems reading the code (unresolved imports, syntax errors), one line each."),
    resolution: resolutionReportSchema.nullable().describe("Which tsconfigs resolved the graph and whether it is degraded (then the CLI exits 2); null when not measured."),
  })
  .strict()
  .describe("decouple check --format json: the violations of the boundaries, new and known.");
export type CheckResult = z.infer<typeof checkResultSchema>;
