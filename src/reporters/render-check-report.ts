import type { CheckResult } from "../checker/check-boundaries.js";
import { toStableJson } from "../io/write-json-file.js";
import { renderCheckGithub } from "./render-check-github.js";
import { renderCheckMarkdown } from "./render-check-markdown.js";
import type { CheckReportOptions } from "./render-check-options.js";
import { renderCheckSarif } from "./render-check-sarif.js";
import { renderCheckText } from "./render-check-text.js";

export type CheckFormat = "text" | "json" | "sarif" | "github" | "markdown";

/** Every check reporter, by `--format` name: pure functions of the result document. */
export const CHECK_REPORTERS: ReadonlyMap<CheckFormat, (result: CheckResult, options: CheckReportOptions) => string> = new Map([
  ["text", renderCheckText],
  ["json", (result: CheckResult) => toStableJson(result)],
  ["sarif", renderCheckSarif],
  ["github", renderCheckGithub],
  ["markdown", renderCheckMarkdown],
]);

export const CHECK_FORMATS = [...CHECK_REPORTERS.keys()];
