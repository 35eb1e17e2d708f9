import type { Boundaries } from "../model/boundaries.js";
import type { Config } from "../model/config.js";
import { resolveSeverities } from "./run-rules.js";

/** A dependency-cruiser `forbidden` rule, as its config file takes it. */
export interface CruiserRule {
  name: string;
  comment: string;
  severity: "error" | "warn";
  from: { path: string };
  to: { path: string; pathNot?: string; dependencyTypes?: string[]; dependencyTypesNot?: string[] };
}

/**
 * The boundaries as a dependency-cruiser rule set: per ordered pair of services, a forbidden rule
 * from one's modules to the other's, API modules allowed. dependency-cruiser judges module pairs
 * (not symbols) and the file an import resolves to (not the declaring module behind a barrel), so
 * it allows every symbol of an API module; `decouple check` stays the stricter gate.
 */
export function emitDependencyCruiser(boundaries: Boundaries, config: Config): { forbidden: CruiserRule[] } {
  const severities = resolveSeverities(config);
  const value = severities.get("no-cross-service-import") ?? "error";
  const type = severities.get("no-cross-service-type-import") ?? "warn";
  const shared = severities.get("no-shared-to-service") ?? "error";
  const forbidden: CruiserRule[] = [];
  const services = [...boundaries.services].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const from of services) {
    for (const to of services) {
      if (from === to || to.modules.length === 0 || from.modules.length === 0) continue;
      const api = [...new Set(to.api.map((entry) => entry.module))].sort();
      const target = { path: anyOf(to.modules), ...(api.length > 0 ? { pathNot: anyOf(api) } : {}) };
      if (value !== "off") {
        forbidden.push({ name: `no-cross-service-import/${from.name}->${to.name}`, comment: `${from.name} may use only ${to.name}'s API modules.`, severity: value, from: { path: anyOf(from.modules) }, to: { ...target, dependencyTypesNot: ["type-only"] } });
      }
      if (type !== "off") {
        forbidden.push({ name: `no-cross-service-type-import/${from.name}->${to.name}`, comment: `${from.name} may use only types of ${to.name}'s API modules.`, severity: type, from: { path: anyOf(from.modules) }, to: { ...target, dependencyTypes: ["type-only"] } });
      }
    }
  }
  const serviceModules = services.flatMap((service) => service.modules).sort();
  if (shared !== "off" && boundaries.shared.modules.length > 0 && serviceModules.length > 0) {
    forbidden.push({ name: "no-shared-to-service", comment: "shared must not depend on any service.", severity: shared, from: { path: anyOf(boundaries.shared.modules) }, to: { path: anyOf(serviceModules) } });
  }
  return { forbidden };
}

/** An anchored regular expression matching exactly these module paths. */
function anyOf(modules: string[]): string {
  return `^(${[...modules].sort().map(escapeRegExp).join("|")})$`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
