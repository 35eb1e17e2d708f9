import type { Boundaries } from "../model/boundaries.js";
import type { Config } from "../model/config.js";
import { UserError } from "../model/errors.js";
import type { ModuleGraph } from "../model/module-graph.js";
import { compareStrings } from "../model/compare-strings.js";
import { buildRuleContext } from "./build-rule-context.js";
import { keyOf } from "./baseline.js";
import { RULES, RULE_IDS } from "./rules/index.js";
import type { Finding, Rule, Severity } from "./types.js";

export interface RuleFinding extends Finding {
  rule: string;
  severity: Exclude<Severity, "off">;
}

export interface RuleRun {
  findings: RuleFinding[];
  /** Rules that ran, with their effective severity. */
  rules: { rule: Rule; severity: Exclude<Severity, "off"> }[];
}

/** The severity of each rule: the config's, else the rule's default. Unknown ids are a user error. */
export function resolveSeverities(config: Config): Map<string, Severity> {
  for (const id of Object.keys(config.check.rules)) {
    if (!RULE_IDS.includes(id)) {
      throw new UserError("DCP004", `check.rules names an unknown rule "${id}"; known rules: ${RULE_IDS.join(", ")}.`);
    }
  }
  return new Map(RULES.map((rule) => [rule.id, config.check.rules[rule.id] ?? rule.defaultSeverity]));
}

/**
 * Runs every rule that is not off, with `filter` picking which rules run (`--changed-since` runs
 * only local ones). Findings are deduplicated by key (the first line wins) and sorted by file, line.
 */
export function runRules(graph: ModuleGraph, boundaries: Boundaries, config: Config, filter: (rule: Rule) => boolean = () => true): RuleRun {
  const severities = resolveSeverities(config);
  const context = buildRuleContext(graph, boundaries, config);
  const byKey = new Map<string, RuleFinding>();
  const rules: RuleRun["rules"] = [];
  for (const rule of RULES) {
    const severity = severities.get(rule.id) ?? rule.defaultSeverity;
    if (severity === "off" || !filter(rule)) continue;
    rules.push({ rule, severity });
    for (const finding of rule.check(context)) {
      const key = keyOf(finding.key);
      const known = byKey.get(key);
      if (known === undefined || finding.line < known.line) byKey.set(key, { ...finding, rule: rule.id, severity });
    }
  }
  const findings = [...byKey.values()].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.rule, b.rule) || compareStrings(keyOf(a.key), keyOf(b.key)));
  return { findings, rules };
}
