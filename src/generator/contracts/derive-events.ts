import type { EventContract, JsonSchema } from "../service-contract.js";
import type { ApiCallable } from "./collect-api.js";
import type { DeriveContext } from "./derive-context.js";
import type { CallSites } from "./find-call-sites.js";
import type { EventSite } from "./find-events.js";
import { memberSchema } from "./member-schema.js";
import { typeToSchema } from "./type-to-schema.js";
import { compareStrings } from "../../model/compare-strings.js";
import type { ModuleId } from "../../model/module-id.js";
import type { ServiceName } from "../../model/service-name.js";

/** The events this service emits or handles, their payloads walked into this service's schemas. */
export function deriveEvents(
  ctx: DeriveContext,
  service: ServiceName,
  sites: readonly EventSite[],
  serviceOf: ReadonlyMap<ModuleId, ServiceName>,
): EventContract[] {
  const byName = new Map<string, EventSite[]>();
  for (const site of sites) byName.set(site.name, [...(byName.get(site.name) ?? []), site]);
  const events: EventContract[] = [];
  for (const [name, group] of byName) {
    const producers = servicesOf(group.filter((s) => s.role === "producer").map((s) => s.file), serviceOf);
    const consumers = servicesOf(group.filter((s) => s.role === "consumer").map((s) => s.file), serviceOf);
    if (!producers.includes(service) && !consumers.includes(service)) continue;
    const ordered = [...group].sort((a, b) => (a.role === b.role ? compareLocations(location(a), location(b)) : a.role === "producer" ? -1 : 1));
    const typed = ordered.find((s) => s.payload !== undefined);
    const payload: JsonSchema = typed?.payload ? typeToSchema(ctx, typed.payload, { at: typed.call, usedIn: name }) : {};
    events.push({ name, kind: "event", payload, producers, consumers, locations: group.map(location).sort(compareLocations) });
  }
  return events;
}

/** An API function of `service` whose result no caller uses. */
export interface CommandSource {
  readonly service: ServiceName;
  readonly callable: ApiCallable;
  readonly calls: CallSites;
}

/**
 * Commands this service receives (its own functions whose result nobody uses) or sends (such
 * functions of other services it calls). The payload is the call's arguments by parameter name,
 * walked into this service's schemas so each contract stands alone.
 */
export function deriveCommands(
  ctx: DeriveContext,
  service: ServiceName,
  sources: readonly CommandSource[],
  serviceOf: ReadonlyMap<ModuleId, ServiceName>,
): EventContract[] {
  const commands: EventContract[] = [];
  for (const { service: owner, callable, calls } of sources) {
    const producers = servicesOf(calls.discardedFiles, serviceOf);
    if (owner !== service && !producers.includes(service)) continue;
    commands.push({
      name: callable.operationId,
      kind: "command",
      payload: argumentsSchema(ctx, callable),
      producers,
      consumers: [owner],
      locations: [...calls.discarded].sort(compareLocations),
    });
  }
  return commands;
}

function argumentsSchema(ctx: DeriveContext, callable: ApiCallable): JsonSchema {
  const { Node } = ctx.tsm;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const parameters = (Node.isParametered(callable.node) ? callable.node.getParameters() : []).filter((p) => p.getName() !== "this");
  parameters.forEach((parameter, index) => {
    const name = Node.isIdentifier(parameter.getNameNode()) ? parameter.getName() : `arg${index}`;
    const member = memberSchema(ctx, parameter, parameter.getType(), { at: parameter, usedIn: callable.operationId }, 0);
    properties[name] = member.schema;
    const optional = parameter.hasQuestionToken() || parameter.hasInitializer() || parameter.isRestParameter();
    if (!optional && !member.canBeUndefined) required.push(name);
  });
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

function servicesOf(files: readonly ModuleId[], serviceOf: ReadonlyMap<ModuleId, ServiceName>): ServiceName[] {
  return [...new Set(files.map((f) => serviceOf.get(f)).filter((s) => s !== undefined))].sort();
}

function location(site: EventSite): string {
  return `${site.file}:${site.call.getStartLineNumber()}`;
}

/** `a.ts:9` before `a.ts:10`: files in the one string order, then lines as numbers. */
export function compareLocations(a: string, b: string): number {
  const [fileA, lineA] = splitLocation(a);
  const [fileB, lineB] = splitLocation(b);
  return compareStrings(fileA, fileB) || lineA - lineB;
}

function splitLocation(location: string): [string, number] {
  const at = location.lastIndexOf(":");
  const line = Number(location.slice(at + 1));
  return at < 0 || !Number.isInteger(line) ? [location, 0] : [location.slice(0, at), line];
}
