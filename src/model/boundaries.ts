import { z } from "zod";
import { serviceNameSchema, toServiceName, type ServiceName } from "./service-name.js";
import { findBoundariesContradictions, reportContradictions } from "./check-boundaries-meaning.js";

/** Where modules every service may use live: a name no service may take. */
export const SHARED: ServiceName = toServiceName("shared");
/** What a module in no service and not shared is reported as (table ownership). */
export const UNASSIGNED: ServiceName = toServiceName("unassigned");

const modulePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), "must be relative to the root, inside it")
  // The brand of ModuleId (src/model/module-id.ts): a module read from the file is a module id past this edge.
  .brand<"ModuleId">()
  .describe("A module path relative to the analysed root, with forward slashes.");

const serviceName = serviceNameSchema.describe("The service's name; safe as a folder name. Rename freely: `analyze` keeps it.");

export const apiEntrySchema = z
  .object({
    module: modulePath.describe("The module that declares the symbol."),
    symbol: z.string().min(1).describe('The exported name ("default" for a default export).'),
    usedBy: z.array(serviceNameSchema).describe("Services (or \"shared\") whose modules use this symbol today."),
  })
  .strict();

export const serviceSchema = z
  .object({
    name: serviceName,
    modules: z.array(modulePath).describe("Every module of the service, pinned ones included."),
    pinned: z
      .array(modulePath)
      .default([])
      .describe("Modules a person placed here; `analyze` keeps them here whatever the clustering says."),
    api: z
      .array(apiEntrySchema)
      .default([])
      .describe("Symbols other services use today: the service's API surface."),
  })
  .strict();

export const boundariesSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    services: z.array(serviceSchema),
    shared: z
      .object({
        modules: z.array(modulePath).describe("Hubs and utilities every service may use."),
        pinned: z.array(modulePath).default([]).describe("Modules a person placed in shared."),
      })
      .strict(),
  })
  .strict()
  .superRefine((boundaries, context) => reportContradictions(findBoundariesContradictions(boundaries, SHARED), context))
  .describe("decouple.boundaries.json: the proposed (or agreed) split of a codebase into services.");

export type Boundaries = z.output<typeof boundariesSchema>;
export type ServiceBoundary = z.output<typeof serviceSchema>;
export type ApiEntry = z.output<typeof apiEntrySchema>;
