import type { AnalysisResult } from "../model/analysis-result.js";
import type { CheckResult } from "../model/check-result.js";
import type { ScoreReport } from "../model/score-report.js";
import { toStableJson } from "../io/write-json-file.js";
import { renderAnalysisSummary } from "./render-analysis-summary.js";
import { renderCheckGithub } from "./render-check-github.js";
import { renderCheckMarkdown } from "./render-check-markdown.js";
import { renderCheckSarif } from "./render-check-sarif.js";
import { renderCheckText } from "./render-check-text.js";
import { renderScoreText } from "./render-score-text.js";
import type { ResultFormat } from "./formats.js";

/** What a renderer may use besides the result document: how paths and the tool are shown. */
export interface RenderOptions {
  color: boolean;
  /** The boundaries file as the user should see it; analyze's summary says it wrote it when set. */
  boundariesFile?: string | undefined;
  /** The reference file of `score`, as shown. */
  referenceFile?: string | undefined;
  /** The baseline file of `check`, as shown. */
  baselineFile: string;
  /** Prepended to root-relative paths so they are relative to where CI runs ("" when the same). */
  pathPrefix: string;
  toolVersion: string;
}

/** A pure renderer: the same result and options always give the same text. */
export type Renderer<Result> = (result: Result, options: RenderOptions) => string;

/** The results of decouple's commands, by kind: what `--format json` prints and `decouple report` reads. */
export interface Results {
  analysis: AnalysisResult;
  score: ScoreReport;
  check: CheckResult;
}
export type ResultKind = keyof Results;

const json = (result: unknown): string => toStableJson(result);

/** Every output format of every command, in one table: `--format` and `decouple report` both look here. */
export const RENDERERS: { [Kind in ResultKind]: { readonly [Format in ResultFormat<Kind>]: Renderer<Results[Kind]> } } = {
  analysis: {
    text: (result, options) => renderAnalysisSummary(result, { color: options.color, boundariesFile: options.boundariesFile }),
    json,
  },
  score: {
    text: (result, options) => renderScoreText(result, { color: options.color, boundariesFile: options.boundariesFile ?? "the boundaries file", referenceFile: options.referenceFile }),
    json,
  },
  check: {
    text: renderCheckText,
    json,
    sarif: renderCheckSarif,
    github: renderCheckGithub,
    markdown: renderCheckMarkdown,
  },
};

/** Renders a result in a format of its kind; undefined when the kind has no such format. */
export function renderResult<Kind extends ResultKind>(kind: Kind, result: Results[Kind], format: string, options: RenderOptions): string | undefined {
  const renderers: Readonly<Record<string, Renderer<Results[Kind]>>> = RENDERERS[kind];
  return renderers[format]?.(result, options);
}
