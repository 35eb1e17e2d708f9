import type { Command } from "commander";
import type { Config } from "../model/config.js";

/**
 * The flags that turn coupling signals on or off. `analyze` clusters with them and `score`
 * reports the cut of each, so both gather the same signals from the same command line.
 */
export interface SignalFlags {
  coverage?: boolean;
  data?: boolean;
  history: boolean;
}

export function addSignalOptions(command: Command): Command {
  return command
    .option("--coverage", "add runtime coupling: run the application and its tests under V8 coverage (signals.coverage)")
    .option("--data", "add data ownership: modules writing the same tables belong together (signals.data)")
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
      changes: { ...signals.changes, enabled: flags.history ? signals.changes.enabled : false },
    },
  };
}
