import path from "node:path";
import type { Command } from "commander";
import { writeFileAtomic } from "../../io/write-json-file.js";
import { UserError } from "../../model/errors.js";
import type { SavedResult } from "../../io/read-result.js";
import { RESULT_FORMATS } from "../../reporters/formats.js";
import type { renderResult } from "../../reporters/renderers.js";
import type { CliConsole } from "../console.js";
import { renderOptions } from "../render-options.js";

interface ReportFlags {
  format: string;
  output?: string;
  boundariesFile?: string;
  referenceFile?: string;
  baselineFile?: string;
  pathPrefix?: string;
  color: boolean;
}

const ALL_FORMATS = [...new Set(Object.values(RESULT_FORMATS).flat())];

export function registerReportCommand(program: Command, io: CliConsole, setExitCode: (code: number) => void): void {
  program
    .command("report")
    .description("Render a saved result (the output of analyze, score or check with --format json) in any of its formats, without reading the code again.")
    .argument("<result>", "a result file written by `--format json`")
    .option("--format <format>", `output format (${ALL_FORMATS.join(", ")}; check results have them all, analyze and score results text and json)`, "text")
    .option("--output <file>", "write the report to a file instead of stdout")
    .option("--boundaries-file <path>", "the boundaries file as the report should name it")
    .option("--reference-file <path>", "the reference file of a score result, as the report should name it")
    .option("--baseline-file <path>", "the baseline file of a check result, as the report should name it", "decouple.baseline.json")
    .option("--path-prefix <prefix>", "prepended to module paths in check reports (the root as seen from where CI runs)", "")
    .option("--no-color", "plain text output")
    .action(async (file: string, flags: ReportFlags) => {
      const [{ readResult }, { renderResult }] = await Promise.all([import("../../io/read-result.js"), import("../../reporters/renderers.js")]);
      const saved = readResult(path.resolve(file));
      const formats: readonly string[] = RESULT_FORMATS[saved.kind];
      const options = {
        ...renderOptions(io, flags),
        boundariesFile: flags.boundariesFile,
        referenceFile: flags.referenceFile,
        baselineFile: flags.baselineFile ?? "decouple.baseline.json",
        pathPrefix: flags.pathPrefix ?? "",
      };
      const text = formats.includes(flags.format) ? renderSaved(renderResult, saved, flags.format, options) : undefined;
      if (text === undefined) throw new UserError("DCP006", `--format ${flags.format} is not a format of ${saved.kind} results; use one of ${formats.join(", ")}.`);
      if (flags.output === undefined) io.out(text);
      else writeFileAtomic(path.resolve(flags.output), text);
      setExitCode(0);
    });
}

type RenderResult = typeof renderResult;

function renderSaved(render: RenderResult, saved: SavedResult, format: string, options: Parameters<RenderResult>[3]): string | undefined {
  switch (saved.kind) {
    case "analysis":
      return render("analysis", saved.result, format, options);
    case "score":
      return render("score", saved.result, format, options);
    case "check":
      return render("check", saved.result, format, options);
  }
}
