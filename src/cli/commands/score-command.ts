import path from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { loadConfig } from "../../config/load-config.js";
import { readBoundaries } from "../../io/read-boundaries.js";
import { UserError } from "../../model/errors.js";
import { DEFAULT_SIZE_BOUNDS } from "../../scoring/compute-non-extreme-distribution.js";
import { addCacheOptions, cacheDirectoryOf, type CacheFlags } from "../cache-options.js";
import type { CliConsole } from "../console.js";
import { displayPath, renderOptions } from "../render-options.js";
import { addSignalOptions, applySignalFlags, type SignalFlags } from "../signal-options.js";
import { BOUNDARIES_FILE } from "./analyze-command.js";
import { pathValue } from "../parse-options.js";

interface ScoreFlags extends SignalFlags, CacheFlags {
  boundaries?: string;
  reference?: string;
  config?: string;
  format: "text" | "json";
  nedMin: number;
  nedMax: number;
  color: boolean;
}

export function registerScoreCommand(program: Command, io: CliConsole, setExitCode: (code: number) => void): void {
  addSignalOptions(addCacheOptions(program.command("score")))
    .description("Score a decomposition into services (the proposal or one a person wrote) with the standard metrics, and against a reference.")
    .argument("[dir]", "root of the codebase", ".")
    .option("--boundaries <file>", `the decomposition to score (default: <dir>/${BOUNDARIES_FILE})`, pathValue)
    .option("--reference <file>", "a reference decomposition: a boundaries file or an expected-domains file; adds NMI, ARI and MoJoFM", pathValue)
    .option("--config <file>", "config file (default: decouple.config.{json,ts,mjs,js} in <dir>)", pathValue)
    .addOption(new Option("--format <format>", "a table, or the whole score document as JSON").choices(["text", "json"]).default("text"))
    .option("--ned-min <n>", "smallest non-extreme service size, in modules", wholeNumber, DEFAULT_SIZE_BOUNDS.min)
    .option("--ned-max <n>", "largest non-extreme service size, in modules", wholeNumber, DEFAULT_SIZE_BOUNDS.max)
    .option("--no-color", "plain text output")
    .action(async (dir: string, flags: ScoreFlags) => {
      const [{ buildCouplingGraph }, { extractModuleGraph }, { readReference }, { RENDERERS }, { scoreDecomposition }, { collectSignals }] = await Promise.all([
        import("../../graph/build-coupling-graph.js"),
        import("../../graph/extract-module-graph.js"),
        import("../../scoring/read-reference.js"),
        import("../../reporters/renderers.js"),
        import("../../scoring/score-decomposition.js"),
        import("../../signals/collect-signals.js"),
      ]);
      if (flags.nedMin > flags.nedMax) throw new UserError("DCP006", `--ned-min ${flags.nedMin} is above --ned-max ${flags.nedMax}.`);
      const root = path.resolve(dir);
      // The same signals as `analyze` with the same flags, so each cut is the one clustering saw.
      const config = applySignalFlags((await loadConfig(root, flags.config)).config, flags);
      const boundariesFile = path.resolve(flags.boundaries ?? path.join(root, BOUNDARIES_FILE));
      const boundaries = readBoundaries(boundariesFile);
      const referenceFile = flags.reference === undefined ? undefined : path.resolve(flags.reference);
      const reference = referenceFile === undefined ? undefined : readReference(referenceFile);
      const { graph } = await extractModuleGraph({ root, config, cacheDirectory: cacheDirectoryOf(root, flags) });
      const { signals, summary } = await collectSignals(root, graph, config);
      const report = scoreDecomposition({
        graph,
        couplings: buildCouplingGraph(graph, config.weights),
        boundaries,
        reference,
        sizeBounds: { min: flags.nedMin, max: flags.nedMax },
        // A signal that couples no two modules (barrels where there are none) has nothing to cut.
        signals: signals.filter((signal) => signal.pairs.length > 0),
        signalsOff: [
          // A signal that is on may carry a note too (traces: how many spans mapped); only the missing ones are off.
          ...summary.flatMap(({ name, note }) => (note === undefined || signals.some((signal) => signal.name === name) ? [] : [{ name, note }])),
          ...signals.filter((signal) => signal.pairs.length === 0).map(({ name }) => ({ name, note: "it couples no two modules here" })),
        ],
      });
      io.out(
        RENDERERS.score[flags.format](report, {
          ...renderOptions(io, flags),
          boundariesFile: displayPath(boundariesFile),
          referenceFile: referenceFile === undefined ? undefined : displayPath(referenceFile),
        }),
      );
      setExitCode(0);
    });
}

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError("expected a whole number of at least 0.");
  return number;
}
