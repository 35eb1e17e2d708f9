import type { Boundaries } from "../model/boundaries.js";
import type { Config } from "../model/config.js";
import type { ModuleGraph } from "../model/module-graph.js";
import type { Severity, ViolationKey } from "../model/check-result.js";
import type { ServiceName } from "../model/service-name.js";

export type { Severity, ViolationKey };



/** One finding of one rule, before severities and the baseline are applied. */
export interface Finding {
  key: ViolationKey;
  /** Root-relative module where the finding is reported, and the line of the import (1 for a whole module). */
  file: string;
  line: number;
  /** Why it is a problem, naming the modules, services and symbol involved. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/** The boundaries file, indexed for the rules. */
export interface RuleContext {
  graph: ModuleGraph;
  boundaries: Boundaries;
  config: Config;
  /** Module -> its service's name (shared modules are not in it). */
  serviceOf: Map<string, ServiceName>;
  shared: Set<string>;
  /** Service -> "module\0symbol" of each API entry. */
  api: Map<ServiceName, Set<string>>;
}

/** A rule: metadata plus a pure function of the graph and the boundaries. */
export interface Rule {
  id: string;
  defaultSeverity: Exclude<Severity, "off">;
  /** One line, for `--help`-like listings and SARIF rule descriptors. */
  description: string;
  /**
   * Whether the rule can be judged from the edges of some modules alone. Rules that need the whole
   * graph (cycles) are skipped by `--changed-since` and say so.
   */
  local: boolean;
  check(context: RuleContext): Finding[];
}

export type { Boundaries, Config, ModuleGraph };
