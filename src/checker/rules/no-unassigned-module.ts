import { buildCouplingGraph } from "../../graph/build-coupling-graph.js";
import { compareStrings } from "../../model/compare-strings.js";
import type { Finding, Rule, RuleContext } from "../types.js";

const ID = "no-unassigned-module";

export const noUnassignedModule: Rule = {
  id: ID,
  defaultSeverity: "error",
  description: "A module belongs to no service and is not shared: new code must be placed somewhere.",
  local: true,
  check: findUnassigned,
};

function findUnassigned(context: RuleContext): Finding[] {
  const unassigned = context.graph.modules.map((module) => module.id).filter((id) => !context.serviceOf.has(id) && !context.shared.has(id));
  if (unassigned.length === 0) return [];
  const wanted = new Set(unassigned);
  // Coupling both ways: what the module uses and what uses it.
  const weights = new Map<string, Map<string, number>>();
  for (const coupling of buildCouplingGraph(context.graph, context.config.weights)) {
    for (const [module, other] of [[coupling.from, coupling.to], [coupling.to, coupling.from]] as const) {
      if (!wanted.has(module)) continue;
      const service = context.serviceOf.get(other);
      if (service === undefined) continue;
      const byService = weights.get(module) ?? new Map<string, number>();
      byService.set(service, (byService.get(service) ?? 0) + coupling.weight);
      weights.set(module, byService);
    }
  }
  return unassigned.map((module) => {
    const ranked = [...(weights.get(module) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
    const best = ranked[0];
    const suggestion =
      best === undefined
        ? "It is coupled to no service yet: add it to the service it is meant for, or to shared.modules if every service may use it."
        : `It is most coupled to service ${best[0]} (weight ${best[1].toFixed(1)}${ranked[1] ? `; next: ${ranked[1][0]} ${ranked[1][1].toFixed(1)}` : ""}): add it to ${best[0]}'s modules, or to shared.modules if every service may use it.`;
    return {
      key: { rule: ID, module },
      file: module,
      line: 1,
      message: `${module} belongs to no service and is not shared.`,
      fix: `${suggestion} Re-running \`decouple analyze\` places it too (pinned modules stay where they are).`,
    };
  });
}
