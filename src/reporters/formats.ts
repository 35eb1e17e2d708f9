/**
 * The output formats of each kind of result, in the order `--help` lists them. Kept apart from the
 * renderers so commands can offer the choices without loading a renderer (`--help` stays fast).
 */
export const RESULT_FORMATS = {
  analysis: ["text", "json"],
  score: ["text", "json"],
  check: ["text", "json", "sarif", "github", "markdown"],
} as const;

export type ResultFormat<Kind extends keyof typeof RESULT_FORMATS> = (typeof RESULT_FORMATS)[Kind][number];
