import { createHash } from "node:crypto";
import { keyOf, type CheckResult } from "../model/check-result.js";
import { toStableJson } from "../io/write-json-file.js";
import { withPrefix, type CheckReportOptions } from "./render-check-options.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/**
 * SARIF 2.1.0 for code scanning. Known violations are included with an external suppression
 * (the baseline), so the log is complete and new ones stand out with `baselineState: "new"`.
 * The fingerprint is the baseline key: stable when lines move.
 */
export function renderCheckSarif(result: CheckResult, options: CheckReportOptions): string {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "decouple",
            version: options.toolVersion,
            informationUri: "https://www.npmjs.com/package/decouple",
            rules: result.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: rule.docs,
              defaultConfiguration: { enabled: rule.severity !== "off", level: rule.severity === "error" ? "error" : "warning" },
            })),
          },
        },
        results: result.violations.map((violation) => ({
          ruleId: violation.rule,
          ruleIndex: ruleIndex.get(violation.rule) ?? 0,
          level: violation.severity === "error" ? "error" : "warning",
          message: { text: `${violation.message} Fix: ${violation.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(withPrefix(options, violation.file)), uriBaseId: "%SRCROOT%" },
                region: { startLine: violation.line },
              },
            },
          ],
          partialFingerprints: { "decoupleKey/v1": createHash("sha256").update(keyOf(violation.key)).digest("hex").slice(0, 32) },
          baselineState: violation.status === "new" ? "new" : "unchanged",
          ...(violation.status === "known" ? { suppressions: [{ kind: "external", justification: `listed in ${options.baselineFile}` }] } : {}),
        })),
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return toStableJson(log);
}
