import type { z } from "zod";

interface BoundariesShape {
  services: { name: string; modules: string[]; api: { module: string }[] }[];
  shared: { modules: string[] };
}

type Issue = { path: (string | number)[]; message: string };

/**
 * What a boundaries file means, past its shape: names unique and not reserved, each module in one
 * place, API entries inside their service. A contradiction here could hide a violation from `check`
 * (two services with one name merged their modules), so it is refused, never guessed at.
 */
export function findBoundariesContradictions(boundaries: BoundariesShape, reserved: string): Issue[] {
  const issues: Issue[] = [];
  const nameAt = new Map<string, number>();
  const ownerOf = new Map<string, string>();
  boundaries.services.forEach((service, index) => {
    if (service.name === reserved) issues.push({ path: ["services", index, "name"], message: `"${reserved}" is reserved for the shared modules; rename the service` });
    const first = nameAt.get(service.name);
    if (first !== undefined) issues.push({ path: ["services", index, "name"], message: `"${service.name}" is already the name of services.${first}; service names must be unique` });
    else nameAt.set(service.name, index);
    const own = new Set(service.modules);
    service.modules.forEach((module, at) => {
      const owner = ownerOf.get(module);
      if (owner !== undefined) issues.push({ path: ["services", index, "modules", at], message: `${module} is already in service "${owner}"; a module belongs to one service` });
      else ownerOf.set(module, service.name);
    });
    service.api.forEach((entry, at) => {
      if (!own.has(entry.module)) issues.push({ path: ["services", index, "api", at, "module"], message: `${entry.module} is not a module of service "${service.name}"; an API entry names one of the service's own modules` });
    });
  });
  boundaries.shared.modules.forEach((module, at) => {
    const owner = ownerOf.get(module);
    if (owner !== undefined) issues.push({ path: ["shared", "modules", at], message: `${module} is also in service "${owner}"; a module is in one service or in shared, not both` });
  });
  return issues;
}

/** Adds each contradiction to a zod refinement context, so it reports with its JSON path. */
export function reportContradictions(issues: Issue[], context: z.core.$RefinementCtx): void {
  for (const issue of issues) context.addIssue({ code: "custom", path: issue.path, message: issue.message });
}
