import picomatch from "picomatch";
import { SHARED } from "../../model/boundaries.js";
import { UserError } from "../../model/errors.js";
import type { Finding, Rule, RuleContext } from "../types.js";
import { verbOf } from "./list-dependencies.js";

const ID = "no-forbidden-dependency";

export const noForbiddenDependency: Rule = {
  id: ID,
  defaultSeverity: "error",
  description: "A module depends on one that `check.forbidden` in the config puts out of its reach (a stated layering or direction).",
  local: true,
  check: findForbidden,
};

type Matcher = (module: string) => boolean;

/**
 * A side of a forbidden pair: a glob of module paths when it has a slash or a glob character,
 * else a service name (or "shared"). Service names can hold neither, so the two never mix up.
 */
function matcherOf(side: string, where: string, context: RuleContext): Matcher {
  if (/[/*?{}[\]!]/.test(side)) return picomatch(side, { dot: true });
  if (side === SHARED) return (module) => context.shared.has(module);
  if (!context.boundaries.services.some((service) => service.name === side)) {
    throw new UserError(
      "DCP004",
      `${where} names service "${side}", which the boundaries file does not have. Use one of its services, "shared", or a glob of module paths with a slash (e.g. "src/billing/**").`,
    );
  }
  return (module) => context.serviceOf.get(module) === side;
}

/**
 * Every import whose module matches a pair's `from` while the module it imports, or the module
 * that declares a symbol it uses (so a barrel cannot hide it), matches its `to`.
 */
function findForbidden(context: RuleContext): Finding[] {
  const pairs = context.config.check.forbidden.map((pair, index) => ({
    ...pair,
    isFrom: matcherOf(pair.from, `check.forbidden[${index}].from`, context),
    isTo: matcherOf(pair.to, `check.forbidden[${index}].to`, context),
  }));
  if (pairs.length === 0) return [];
  const findings: Finding[] = [];
  for (const edge of context.graph.edges) {
    const targets = new Set([edge.to, ...edge.symbols.map((symbol) => symbol.declaredIn)]);
    for (const pair of pairs) {
      if (!pair.isFrom(edge.from)) continue;
      for (const target of targets) {
        if (target === edge.from || !pair.isTo(target)) continue;
        const through = target === edge.to ? "" : ` (through ${edge.to})`;
        findings.push({
          key: { rule: ID, from: edge.from, to: target, symbol: "*" },
          file: edge.from,
          line: edge.line,
          message: `${edge.from} ${verbOf(edge)} ${target}${through}, and check.forbidden says ${pair.from} may not depend on ${pair.to}: ${pair.reason}`,
          fix: `Move the code this import needs to a place ${pair.from} may use, invert the dependency (an interface ${pair.from} owns, implemented on the other side), or, if the rule no longer holds, change check.forbidden in the config.`,
        });
      }
    }
  }
  return findings;
}
