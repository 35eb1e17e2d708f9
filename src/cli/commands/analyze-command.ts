import path from "node:path";
import { Option, type Command } from "commander";
import type { AnalysisResult, Stage } from "../../analyzer/analyze.js";
import { baselinePathFor } from "../../checker/baseline.js";
import { loadConfig } from "../../config/load-config.js";
import { readBoundaries } from "../../io/read-boundaries.js";
import { toStableJson, writeFileAtomic } from "../../io/write-json-file.js";
import { inspectOutput, writeOutput } from "../../io/write-output.js";
import { assertDirectory } from "../../io/assert-directory.js";
import { addCacheOptions, cacheDirectoryOf, type CacheFlags } from "../cache-options.js";
import type { CliConsole } from "../console.js";
import { integer, positiveInteger, pathValue } from "../parse-options.js";
import { renderOptions } from "../render-options.js";
import { UserError } from "../../model/errors.js";
import { addSignalOptions, applySignalFlags, type SignalFlags } from "../signal-options.js";

export const BOUNDARIES_FILE = "decouple.boundaries.json";

/** What to do about a degraded module graph (DCP011), for `analyze` and `check`. */
export const DEGRADED_ADVICE =
  'Fix the named tsconfig or the imports (`decouple analyze --format json` lists every unresolved one with its reason), set "tsconfig" in decouple.config.json to one that resolves, or raise graph.maxUnresolvedShare (or set graph.brokenTsconfigs to "warn") there if this is expected';

interface AnalyzeFlags extends CacheFlags, SignalFlags {
  out?: string;
  config?: string;
  services?: number;
  seed?: number;
  format: "text" | "json";
  profile?: boolean;
  workers?: number;
  confidence?: boolean;
  force?: boolean;
  color: boolean;
}

export function registerAnalyzeCommand(program: Command, io: CliConsole, setExitCode: (code: number) => void): void {
  addSignalOptions(addCacheOptions(program.command("analyze")))
    .description("Read a codebase into a module graph, propose service boundaries, score them and write decouple.boundaries.json.")
    .argument("[dir]", "root of the codebase to analyse", ".")
    .option("--out <file>", `where to write the boundaries file (default: <dir>/${BOUNDARIES_FILE})`, pathValue)
    .option("--config <file>", "config file (default: decouple.config.{json,ts,mjs,js} in <dir>)", pathValue)
    .option("--services <n>", "ask for this many services", positiveInteger)
    .option("--seed <n>", "seed of the clustering (default 42, or the config's)", integer)
    .addOption(new Option("--format <format>", "terminal summary or the whole result as JSON on stdout").choices(["text", "json"]).default("text"))
    .option("--confidence", "re-cluster with 6 other seeds and resolutions and report how stable each module's service is")
    .option("--profile", "print where the time went (stderr)")
    .option("--force", "write the proposal even from a degraded module graph (unreadable tsconfig, too many unresolved imports)")
    .option("--workers <n>", "parser threads (default: one per core for large codebases; 0 = none)", integer)
    .option("--no-color", "plain text output")
    .action(async (dir: string, flags: AnalyzeFlags) => {
      // The pipeline is loaded when the command runs, so `--help` and other commands start fast.
      const [{ analyze }, { computeBaseline }, { RENDERERS }, { describeDropped }] = await Promise.all([
        import("../../analyzer/analyze.js"),
        import("../../checker/compute-baseline.js"),
        import("../../reporters/renderers.js"),
        import("../../analyzer/describe-dropped.js"),
      ]);
      const root = path.resolve(dir);
      const config = applySignalFlags((await loadConfig(root, flags.config)).config, flags);
      assertDirectory(root);
      const out = path.resolve(flags.out ?? path.join(root, BOUNDARIES_FILE));
      const outKind = inspectOutput(out, "--out");
      // Only a regular file can hold the previous boundaries; a device or pipe is written, never read.
      const previous = outKind === "file" ? readBoundaries(out, true) : undefined;
      const started = performance.now();
      const result = await analyze({
        root,
        config,
        previous,
        services: flags.services,
        seed: flags.seed,
        workers: flags.workers,
        confidence: flags.confidence,
        cacheDirectory: cacheDirectoryOf(root, flags),
        onProgress: flags.format === "text" && io.color ? (message) => io.err(`${message}…\n`) : undefined,
      });
      if (result.resolution.degraded.length > 0 && !flags.force) {
        if (flags.format === "json") io.out(RENDERERS.analysis.json(withoutTimings(result, flags.profile), renderOptions(io, flags)));
        const examples = result.warnings.filter((warning) => warning.kind === "unresolved-import").slice(0, 3).map((warning) => warning.message);
        throw new UserError(
          "DCP011",
          `the module graph is degraded, so no proposal was written to ${path.relative(process.cwd(), out) || out}: ${result.resolution.degraded.join("; ")}${examples.length > 0 ? ` (e.g. ${examples.join("; ")})` : ""}. ${DEGRADED_ADVICE}, or pass --force to write it anyway.`,
        );
      }
      const writeStarted = performance.now();
      writeOutput(out, toStableJson(result.boundaries), outKind);
      if (previous !== undefined) for (const line of describeDropped(previous, result.boundaries)) io.err(`warning: ${line}\n`);
      // The tangles that exist today are known violations, so `check` passes right after `analyze`.
      const baseline = computeBaseline(result.graph, result.boundaries, config);
      const baselineFile = baselinePathFor(out);
      // A baseline beside a device (/dev/null.…) would be litter: it is written beside real files only.
      if (outKind !== "special") writeFileAtomic(baselineFile, toStableJson(baseline));
      const writeMs = Math.round(performance.now() - writeStarted);

      if (flags.format === "json") {
        io.out(RENDERERS.analysis.json(withoutTimings(result, flags.profile), renderOptions(io, flags)));
      }
      else {
        io.out(RENDERERS.analysis.text(result, { ...renderOptions(io, flags), boundariesFile: path.relative(process.cwd(), out) || out }));
        if (outKind !== "special") io.out(`wrote ${path.relative(process.cwd(), baselineFile) || baselineFile} (${baseline.violations.length} known violations: \`decouple check\` fails only on new ones)\n`);
        // Unmapped spans are the first thing to check when traces change nothing: say how many there were.
        const traces = result.signals.find((signal) => signal.name === "traces");
        if (traces?.note !== undefined) io.out(`traces: ${traces.note}, ${traces.pairs} module pairs coupled\n`);
      }
      if (flags.profile) io.err(renderProfile(result, writeMs, Math.round(performance.now() - started)));
      setExitCode(0);
    });
}

/** Timings differ run to run; they join the document only when asked for, so output stays diffable. */
function withoutTimings(result: AnalysisResult, profile: boolean | undefined): AnalysisResult {
  const { timings, ...stable } = result;
  return profile ? { ...stable, timings } : stable;
}

function renderProfile(result: AnalysisResult, writeMs: number, totalMs: number): string {
  const stages: (Stage | "write")[] = ["discover", "parse", "resolve", "couple", "cluster", "score", "write"];
  const times: Record<string, number> = { ...result.timings, write: writeMs };
  const lines = stages.map((stage) => `  ${stage.padEnd(9)} ${String(times[stage] ?? 0).padStart(7)} ms`);
  const memory = Math.round(process.memoryUsage().rss / 1024 / 1024);
  return `profile (${result.graph.modules.length} modules):\n${lines.join("\n")}\n  ${"total".padEnd(9)} ${String(totalMs).padStart(7)} ms, rss ${memory} MB\n`;
}
