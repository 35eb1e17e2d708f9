import { apiKey } from "../build-rule-context.js";
import type { Finding, RuleContext } from "../types.js";
import { describeSymbol, listDependencies, verbOf } from "./list-dependencies.js";

/**
 * Imports from one service's module of a symbol declared in another service that is not in that
 * service's `api`. `typeOnly` picks the type-only imports or the others, so the two rules can
 * have their own severities.
 */
export function findCrossings(context: RuleContext, rule: string, typeOnly: boolean): Finding[] {
  const findings: Finding[] = [];
  for (const dependency of listDependencies(context.graph)) {
    if (dependency.typeOnly !== typeOnly) continue;
    const user = context.serviceOf.get(dependency.from);
    const owner = context.serviceOf.get(dependency.to);
    if (user === undefined || owner === undefined || user === owner) continue;
    const api = context.api.get(owner);
    if (api?.has(apiKey(dependency.to, dependency.symbol)) || api?.has(apiKey(dependency.to, "*"))) continue;
    const { edge } = dependency;
    const through = edge.to === dependency.to ? "" : ` (through ${edge.to})`;
    findings.push({
      key: { rule, from: dependency.from, to: dependency.to, symbol: dependency.symbol },
      file: dependency.from,
      line: edge.line,
      message: `${dependency.from} (service ${user}) ${verbOf(edge)} ${describeSymbol(dependency.symbol)} from ${dependency.to}${through}, a module of service ${owner}, and it is not in the API of ${owner}.`,
      fix: apiHint(context, owner, dependency.to, dependency.symbol),
    });
  }
  return findings;
}

function apiHint(context: RuleContext, owner: string, module: string, symbol: string): string {
  const service = context.boundaries.services.find((candidate) => candidate.name === owner);
  const offered = (service?.api ?? []).filter((entry) => entry.module === module).map((entry) => entry.symbol);
  const alternatives = offered.length > 0 ? ` (${module} offers: ${offered.slice(0, 5).join(", ")}${offered.length > 5 ? ", …" : ""})` : "";
  return `Use the API of ${owner} instead${alternatives}, move the code into ${owner}, or, if ${owner} means to offer it, add { "module": "${module}", "symbol": "${symbol}" } to the api of ${owner} in the boundaries file.`;
}
