import type { Boundaries } from "../model/boundaries.js";

/**
 * What a new boundaries file loses against the one it replaces: service names a person may have
 * chosen, and pins whose module no longer sits where it was pinned (or is gone). Each becomes a
 * warning, so a proposal never silently throws a person's decisions away.
 */
export function describeDropped(previous: Boundaries, next: Boundaries): string[] {
  const lines: string[] = [];
  const names = new Set(next.services.map((service) => service.name));
  const lostNames = previous.services.map((service) => service.name).filter((name) => !names.has(name));
  if (previous.services.length > next.services.length) lines.push(`the new proposal has ${next.services.length} services where the previous file had ${previous.services.length}`);
  if (lostNames.length > 0) lines.push(`service names no longer in the file: ${lostNames.sort().join(", ")}`);
  const placeOf = new Map<string, string>();
  for (const service of next.services) for (const module of service.pinned) placeOf.set(module, service.name);
  for (const module of next.shared.pinned) placeOf.set(module, "shared");
  const lostPins = [
    ...previous.services.flatMap((service) => service.pinned.filter((module) => placeOf.get(module) !== service.name).map((module) => `${module} (was pinned to ${service.name})`)),
    ...previous.shared.pinned.filter((module) => placeOf.get(module) !== "shared").map((module) => `${module} (was pinned to shared)`),
  ];
  if (lostPins.length > 0) lines.push(`pins not kept: ${lostPins.sort().join(", ")}`);
  return lines;
}
