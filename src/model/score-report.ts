import { z } from "zod";
import { serviceNameSchema } from "./service-name.js";

export const sizeBoundsSchema = z.object({ min: z.number(), max: z.number() }).strict();
export type SizeBounds = z.infer<typeof sizeBoundsSchema>;

export const cutWeightSchema = z
  .object({
    cut: z.number().describe("Weight of the dependencies between two different services."),
    total: z.number().describe("Weight of the dependencies with both ends in the partition."),
    share: z.number().describe("cut / total, range [0, 1]; lower is better (0 when there is no weight)."),
  })
  .strict();
export type CutWeight = z.infer<typeof cutWeightSchema>;

export const signalOffSchema = z.object({ name: z.string(), note: z.string() }).strict();
export type SignalOff = z.infer<typeof signalOffSchema>;

/** Metrics of one service (see docs/metrics.md). */
export const serviceMetricsSchema = z
  .object({
    name: serviceNameSchema,
    modules: z.number(),
    clusterFactor: z.number().describe("TurboMQ's cluster factor CF_i."),
    cohesion: z.number().describe("SM's structural cohesion scoh_i."),
    afferent: z.number(),
    efferent: z.number(),
    instability: z.number().nullable(),
    interfaces: z.number().describe("Its symbols other services use."),
    inCycle: z.boolean(),
    nonExtreme: z.boolean(),
  })
  .strict();
export type ServiceMetrics = z.infer<typeof serviceMetricsSchema>;

export const referenceScoreSchema = z
  .object({
    kind: z.enum(["boundaries", "expected-domains"]),
    compared: z.number().describe("Modules in a service on both sides: NMI, ARI and MoJoFM are computed on these."),
    onlyInProposal: z.number(),
    onlyInReference: z.number(),
    nmi: z.number(),
    ari: z.number(),
    mojo: z.number().describe("Moves and joins from the scored decomposition to the reference."),
    mojoFM: z.number(),
  })
  .strict();
export type ReferenceScore = z.infer<typeof referenceScoreSchema>;

/** What `decouple score --format json` prints: rounded to four decimals, sorted. */
export const scoreReportSchema = z
  .object({
    version: z.literal(1),
    modules: z
      .object({
        total: z.number().describe("Modules of the codebase."),
        scored: z.number().describe("Modules in a service: the partition every metric is computed on."),
        shared: z.number().describe("Listed in shared.modules: left out."),
        unassigned: z.number().describe("In no service and not shared: left out."),
        unknown: z.number().describe("Listed in the boundaries file but not found in the code: ignored."),
      })
      .strict(),
    overall: z
      .object({
        services: z.number(),
        modularity: z.number(),
        turboMQ: z.number(),
        structuralModularity: z.number(),
        interCallPercentage: z.number(),
        interfaceNumber: z.number(),
        nonExtremeDistribution: z.number(),
        nonExtremeBounds: sizeBoundsSchema,
        cyclicDependentPartitions: z.number(),
        serviceCycles: z.array(z.array(serviceNameSchema)),
        cutWeight: z.record(z.string(), cutWeightSchema).describe("Per coupling signal that is on: `imports` always, then each signal the config turns on."),
        signalsOff: z.array(signalOffSchema).describe("Signals turned on but not available, so without a cut weight."),
      })
      .strict(),
    services: z.array(serviceMetricsSchema),
    reference: referenceScoreSchema.nullable(),
  })
  .strict()
  .describe("decouple score --format json: the metric suite of one decomposition.");
export type ScoreReport = z.infer<typeof scoreReportSchema>;
