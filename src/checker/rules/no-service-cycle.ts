import { findCycles } from "../../graph/find-cycles.js";
import { compareStrings } from "../../model/compare-strings.js";
import type { Finding, Rule, RuleContext } from "../types.js";
import { listDependencies, type SymbolDependency } from "./list-dependencies.js";
import { pairKey, splitPairKey, type PairKey } from "../../model/pair-key.js";
import { itemAt } from "../../model/must-get.js";
import type { ServiceName } from "../../model/service-name.js";

const ID = "no-service-cycle";

/**
 * Services that depend on each other in a cycle cannot be deployed or released apart. Only runtime
 * dependencies count (type-only imports vanish at runtime), judged by the declaring module.
 */
export const noServiceCycle: Rule = {
  id: ID,
  defaultSeverity: "error",
  description: "Services depend on each other in a cycle (runtime imports only), so none of them can be split out first.",
  local: false,
  check: findServiceCycles,
};

function findServiceCycles(context: RuleContext): Finding[] {
  // The first import (by module, then line) that makes each service depend on another.
  const example = new Map<PairKey<ServiceName, ServiceName>, SymbolDependency>();
  for (const dependency of listDependencies(context.graph)) {
    if (dependency.typeOnly) continue;
    const user = context.serviceOf.get(dependency.from);
    const owner = context.serviceOf.get(dependency.to);
    if (user === undefined || owner === undefined || user === owner) continue;
    const key = pairKey(user, owner);
    const known = example.get(key);
    if (known === undefined || compareStrings(dependency.from, known.from) < 0 || (dependency.from === known.from && dependency.edge.line < known.edge.line)) {
      example.set(key, dependency);
    }
  }
  const successors = new Map<ServiceName, ServiceName[]>();
  for (const key of [...example.keys()].sort()) {
    const [user, owner] = splitPairKey(key);
    successors.set(user, [...(successors.get(user) ?? []), owner]);
  }
  const services = context.boundaries.services.map((service) => service.name).sort();
  return findCycles(services, successors).map((members) => {
    const inCycle = new Set(members);
    // Ordered by where the code is, not by name: renaming a service changes only its name here.
    const links = [...example]
      .filter(([key]) => {
        const [user, owner] = splitPairKey(key);
        return inCycle.has(user) && inCycle.has(owner);
      })
      .sort(([, a], [, b]) => compareStrings(a.from, b.from) || a.edge.line - b.edge.line || compareStrings(a.to, b.to));
    const described = links.map(([key, dependency]) => `${splitPairKey(key).join(" -> ")} (${dependency.from}:${dependency.edge.line} uses ${dependency.symbol} of ${dependency.to})`);
    const listed = [...new Set([...links.map(([key]) => splitPairKey(key)[0]), ...members])];
    const first = itemAt(links, 0)[1];
    return {
      key: { rule: ID, services: [...members].sort(compareStrings) },
      file: first.from,
      line: first.edge.line,
      message: `services ${listed.join(", ")} depend on each other in a cycle: ${described.join("; ")}.`,
      fix: "Break one link: move the used code to the service that uses it or to shared, invert the dependency (an event, a callback, an interface owned by the caller), or merge the services.",
    };
  });
}
