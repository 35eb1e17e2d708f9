import path from "node:path";
import type { Command } from "commander";
import type { Config } from "../model/config.js";
import { pathValue } from "./parse-options.js";

/**
 * The flags that turn coupling signals on or off. `analyze` clusters with them and `score`
 * reports the cut of each, so both gather the same signals from the same command line.
 */
export interface SignalFlags {
  coverage?: boolean;
  data?: boolean;
  /** An OTLP JSON trace export (file or folder), relative to the working directory. */
  traces?: string;
  history: boolean;
}

export function addSignalOptions(command: Command): Command {
  return command
    .option("--coverage", "add runtime coupling: run the application and its tests under V8 coverage (signals.coverage)")
    .option("--data", "add data ownership: modules writing the same tables belong together (signals.data)")
    .option("--traces <path>", "add runtime coupling from OpenTelemetry traces: an OTLP JSON export, file or folder (signals.traces)", pathValue)
    .option("--no-history", "leave out change coupling from git history");
}

/** The config with the flags applied: a flag can turn an opt-in signal on, or history off, never the reverse. */
export function applySignalFlags(config: Config, flags: SignalFlags): Config {
  const { signals } = config;
  return {
    ...config,
    signals: {
      ...signals,
      coverage: { ...signals.coverage, enabled: signals.coverage.enabled || flags.coverage === true },
      data: { ...signals.data, enabled: signals.data.enabled || flags.data === true },
      // A path on the command line is the user's, relative to where they typed it; it replaces the config's files.
      traces: flags.traces === undefined ? signals.traces : { ...signals.traces, enabled: true, files: [path.resolve(flags.traces)] },
      changes: { ...signals.changes, enabled: flags.history ? signals.changes.enabled : false },
    },
  };
}
