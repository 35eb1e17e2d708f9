import type { Finding, Rule, RuleContext } from "../types.js";
import { describeSymbol, listDependencies, verbOf } from "./list-dependencies.js";

const ID = "no-shared-to-service";

export const noSharedToService: Rule = {
  id: ID,
  defaultSeverity: "error",
  description: "A shared module depends on a module of a service: every service that uses shared would depend on that service.",
  local: true,
  check: findSharedToService,
};

function findSharedToService(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const dependency of listDependencies(context.graph)) {
    if (!context.shared.has(dependency.from)) continue;
    const owner = context.serviceOf.get(dependency.to);
    if (owner === undefined) continue;
    findings.push({
      key: { rule: ID, from: dependency.from, to: dependency.to, symbol: dependency.symbol },
      file: dependency.from,
      line: dependency.edge.line,
      message: `shared module ${dependency.from} ${verbOf(dependency.edge)} ${describeSymbol(dependency.symbol)} from ${dependency.to}, a module of service ${owner}.`,
      fix: `Move ${dependency.symbol === "*" ? dependency.to : `\`${dependency.symbol}\``} into shared (shared code needs it), move ${dependency.from} into ${owner}, or invert the dependency (shared defines an interface, ${owner} implements it).`,
    });
  }
  return findings;
}
