import path from "node:path";
import { Option, type Command } from "commander";
import { baselinePathFor, readBaseline } from "../../checker/baseline.js";
import { loadConfig } from "../../config/load-config.js";
import { readBoundaries } from "../../io/read-boundaries.js";
import { assertDirectory } from "../../io/assert-directory.js";
import { inspectOutput, writeOutput } from "../../io/write-output.js";
import { toStableJson, writeFileAtomic } from "../../io/write-json-file.js";
import { UserError } from "../../model/errors.js";
import { RESULT_FORMATS, type ResultFormat } from "../../reporters/formats.js";
import { addCacheOptions, cacheDirectoryOf, type CacheFlags } from "../cache-options.js";
import type { CliConsole } from "../console.js";
import { displayPath } from "../render-options.js";
import { VERSION } from "../../model/version.js";
import { BOUNDARIES_FILE, DEGRADED_ADVICE } from "./analyze-command.js";
import type { CheckResult } from "../../checker/check-boundaries.js";
import { pathValue } from "../parse-options.js";

interface CheckFlags extends CacheFlags {
  boundaries?: string;
  baseline?: string;
  config?: string;
  format: ResultFormat<"check">;
  output?: string;
  updateBaseline?: boolean;
  changedSince?: string;
  emit?: "dependency-cruiser" | "eslint-plugin-boundaries";
  color: boolean;
}

export function registerCheckCommand(program: Command, io: CliConsole, setExitCode: (code: number) => void): void {
  addCacheOptions(program.command("check"))
    .description("Fail (exit 1) when the code has a new error-level violation of the boundaries file; the baseline lists known ones.")
    .argument("[dir]", "root of the codebase", ".")
    .option("--boundaries <file>", `the boundaries file (default: <dir>/${BOUNDARIES_FILE})`, pathValue)
    .option("--baseline <file>", "known violations (default: decouple.baseline.json beside the boundaries file)", pathValue)
    .option("--config <file>", "config file (default: decouple.config.{json,ts,mjs,js} in <dir>)", pathValue)
    .addOption(new Option("--format <format>", "report format").choices(RESULT_FORMATS.check).default("text"))
    .option("--output <file>", "write the report (or the --emit rule set) to a file instead of stdout", pathValue)
    .option("--update-baseline", "rewrite the baseline with the violations found now, and pass")
    .option("--changed-since <ref>", "check only files changed since a git revision (plus untracked files)", pathValue)
    .addOption(new Option("--emit <tool>", "write the boundaries as another tool's rule set instead of checking").choices(["dependency-cruiser", "eslint-plugin-boundaries"]))
    .option("--no-color", "plain text output")
    .action(async (dir: string, flags: CheckFlags) => {
      const [
        { applyBaseline, checkBoundaries, hasNewErrors, untrustedBecause, updatedBaseline },
        { emitDependencyCruiser },
        { emitEslintPluginBoundaries },
        { listChangedFiles },
        { RENDERERS },
      ] = await Promise.all([
        import("../../checker/check-boundaries.js"),
        import("../../checker/emit-dependency-cruiser.js"),
        import("../../checker/emit-eslint-plugin-boundaries.js"),
        import("../../checker/list-changed-files.js"),
        import("../../reporters/renderers.js"),
      ]);
      const root = path.resolve(dir);
      assertDirectory(root);
      const output = flags.output === undefined ? undefined : path.resolve(flags.output);
      const outputKind = output === undefined ? undefined : inspectOutput(output, "--output");
      const { config } = await loadConfig(root, flags.config);
      const boundariesFile = path.resolve(flags.boundaries ?? path.join(root, BOUNDARIES_FILE));
      const boundaries = readBoundaries(boundariesFile);
      const write = (text: string): void => {
        if (output === undefined || outputKind === undefined) io.out(text);
        else writeOutput(output, text, outputKind);
      };
      if (flags.emit !== undefined) {
        write(flags.emit === "dependency-cruiser" ? emitDependencyCruiser(boundaries, config) : emitEslintPluginBoundaries(boundaries, config));
        setExitCode(0);
        return;
      }
      if (flags.updateBaseline && flags.changedSince !== undefined) {
        throw new UserError("DCP006", "--update-baseline needs a full check: drop --changed-since.");
      }
      const baselineFile = path.resolve(flags.baseline ?? baselinePathFor(boundariesFile));
      const baseline = readBaseline(baselineFile);
      const changed = flags.changedSince === undefined ? undefined : { since: flags.changedSince, files: listChangedFiles(root, flags.changedSince) };
      const render = (checked: CheckResult): string =>
        RENDERERS.check[flags.format](checked, { pathPrefix: path.relative(process.cwd(), root).split(path.sep).join("/"), baselineFile: displayPath(baselineFile), toolVersion: VERSION, color: flags.color && io.color && flags.output === undefined });
      let result = await checkBoundaries({
        root,
        config,
        boundaries,
        baseline,
        changed,
        cacheDirectory: cacheDirectoryOf(root, flags),
      });
      const untrusted = untrustedBecause(result);
      if (untrusted.length > 0) {
        // Fail closed: a graph missing its imports would pass a gate it should fail.
        if (flags.format === "text") write(render(result));
        throw new UserError("DCP011", `the module graph cannot be trusted, so check cannot pass: ${untrusted.join("; ")}. ${DEGRADED_ADVICE}`);
      }
      if (flags.updateBaseline) {
        const next = updatedBaseline(result, baseline);
        writeFileAtomic(baselineFile, toStableJson(next));
        io.err(`wrote ${displayPath(baselineFile)} (${next.violations.length} known violations, was ${baseline.violations.length})\n`);
        result = applyBaseline(result, next);
      }
      write(render(result));
      setExitCode(hasNewErrors(result) ? 1 : 0);
    });
}
