import { z } from "zod";
import { serviceNameSchema } from "./service-name.js";
import { boundariesSchema } from "./boundaries.js";
import { moduleGraphSchema } from "./module-graph.js";
import { moduleIdSchema } from "./module-id.js";

/** A directed, weighted dependency between two modules, after barrels are seen through. */
export const couplingSchema = z
  .object({
    from: moduleIdSchema,
    to: moduleIdSchema,
    weight: z.number(),
    symbols: z.number().describe("Distinct symbols of `to` that `from` uses."),
    typeOnly: z.boolean().describe("True when every dependency from `from` to `to` is type-only."),
  })
  .strict();
export type Coupling = z.infer<typeof couplingSchema>;

export const WARNING_KINDS = ["syntax-error", "skipped-file", "unresolved-import", "cycle", "no-tsconfig", "broken-tsconfig", "split-table", "signal", "unreadable"] as const;
export const warningSchema = z.object({ kind: z.enum(WARNING_KINDS), message: z.string() }).strict();
export type Warning = z.infer<typeof warningSchema>;

export const STAGES = ["discover", "parse", "resolve", "couple", "cluster", "score"] as const;
export type Stage = (typeof STAGES)[number];

export const SHARED_REASONS = ["configured", "barrel", "hub", "spread", "entry", "infrastructure", "isolated"] as const;
export type SharedReason = (typeof SHARED_REASONS)[number];

export const serviceScoreSchema = z
  .object({
    name: serviceNameSchema,
    files: z.number(),
    lines: z.number(),
    cohesion: z.number().describe("Share of the coupling weight touching the service's modules that stays inside it (shared left out)."),
    afferent: z.number().describe("Ca: modules of other services that depend on a module of this one."),
    efferent: z.number().describe("Ce: modules of this service that depend on a module of another one (Martin's)."),
    instability: z.number().nullable().describe("Ce / (Ca + Ce): 0 is stable (only depended on), 1 is unstable; null when Ca + Ce = 0."),
    apiSymbols: z.number().describe("Exported symbols other services use."),
  })
  .strict();
export type ServiceScore = z.infer<typeof serviceScoreSchema>;

export const overallScoreSchema = z
  .object({
    services: z.number(),
    sharedModules: z.number(),
    modularity: z.number().describe("Newman modularity of the services over the coupling graph, shared modules left out."),
    crossBoundaryEdges: z.object({ value: z.number(), typeOnly: z.number() }).strict().describe("Module-to-module dependencies between two different services."),
    cutWeightShare: z.number().describe("Share of the coupling weight between services' modules that crosses a boundary."),
  })
  .strict();
export type OverallScore = z.infer<typeof overallScoreSchema>;

export const signalSummarySchema = z
  .object({
    name: z.string(),
    weight: z.number(),
    pairs: z.number().describe("Pairs of modules the signal couples."),
    note: z.string().optional().describe("Why a signal is off, when it is; for traces, how many spans named a module."),
    warning: z.string().optional().describe("Something the user should fix for the signal to help."),
  })
  .strict();
export type SignalSummary = z.infer<typeof signalSummarySchema>;

export const serviceEvidenceSchema = z
  .object({
    service: serviceNameSchema,
    signals: z.record(z.string(), z.number()).describe('Share of the coupling inside the service that each signal contributes ("imports" included).'),
    strongest: z
      .array(z.object({ a: z.string(), b: z.string(), weight: z.number(), by: z.record(z.string(), z.number()) }).strict())
      .describe("The strongest module pairs holding it together, with what each signal adds to them."),
  })
  .strict();
export type ServiceEvidence = z.infer<typeof serviceEvidenceSchema>;

export const stabilitySchema = z
  .object({
    modules: z.record(z.string(), z.number()).describe("Per module: how much of its service it keeps across the other runs (mean Jaccard, 0..1)."),
    services: z.record(serviceNameSchema, z.number()).describe("Per service: the mean of its modules."),
    runs: z.number(),
  })
  .strict();
export type Stability = z.infer<typeof stabilitySchema>;

export const tableUseSchema = z.object({ table: z.string(), writers: z.array(moduleIdSchema), readers: z.array(moduleIdSchema) }).strict();
export type TableUse = z.infer<typeof tableUseSchema>;

export const tableOwnershipSchema = tableUseSchema
  .extend({
    writerServices: z.array(serviceNameSchema).describe('Services (or "shared") of the writers: more than one means the cut splits the table\'s owners.'),
    readerServices: z.array(serviceNameSchema),
  })
  .strict();
export type TableOwnership = z.infer<typeof tableOwnershipSchema>;

export const extractionStepSchema = z
  .object({
    step: z.number(),
    service: serviceNameSchema,
    callSites: z
      .array(z.object({ from: z.string(), line: z.number(), symbols: z.array(z.string()), by: serviceNameSchema }).strict())
      .describe("Import sites in other services and shared that must switch to a client of this service."),
    tables: z.array(z.object({ table: z.string(), alsoUsedBy: z.array(serviceNameSchema) }).strict()).describe("Tables this service writes that others also read or write."),
    events: z.array(z.object({ to: serviceNameSchema, symbols: z.array(z.string()) }).strict()).describe("Calls back into services still in the monolith that form a cycle with this one: make them events."),
  })
  .strict();
export type ExtractionStep = z.infer<typeof extractionStepSchema>;

export const boundaryChangesSchema = z
  .object({
    kept: z.array(serviceNameSchema).describe("Services that kept a name from the previous file (matched by overlap)."),
    added: z.array(serviceNameSchema),
    removed: z.array(serviceNameSchema),
    moved: z.array(z.object({ module: z.string(), from: serviceNameSchema, to: serviceNameSchema }).strict()).describe("Modules that changed service (or moved to or from shared)."),
  })
  .strict();
export type BoundaryChanges = z.infer<typeof boundaryChangesSchema>;

/** How far a module graph can be trusted: which tsconfigs resolved it, and what did not resolve. */
export const resolutionReportSchema = z
  .object({
    tsconfigs: z
      .array(z.object({ file: z.string().nullable(), modules: z.number(), notIncluded: z.number() }).strict())
      .describe("Which tsconfig governed how many modules (file null: none is above them), most modules first; notIncluded of them are files its include does not take."),
    problems: z.array(z.object({ file: z.string(), message: z.string() }).strict()).describe("tsconfigs that could not be read as written (unreadable, extends looping or missing)."),
    localImports: z.number().describe("Relative and alias imports (one per module and specifier), resolved or not."),
    unresolved: z.number().describe("Of those, how many resolved to no file."),
    outside: z.number().describe("Imports that resolved to a file outside the analysed folder."),
    unresolvedShare: z.number().describe("unresolved / localImports; 0 when there are none."),
    maxUnresolvedShare: z.number().describe("graph.maxUnresolvedShare of the config."),
    degraded: z.array(z.string()).describe("Why the graph cannot be trusted, one line each; empty when it can."),
  })
  .strict();
export type ResolutionReport = z.infer<typeof resolutionReportSchema>;

/** Files of a default kind left out of the graph (tests, tool configs, migrations...). */
export const leftOutSchema = z.object({ kind: z.string(), reason: z.string(), count: z.number() }).strict();
export type LeftOut = z.infer<typeof leftOutSchema>;

/** A unit the repository already deploys or publishes on its own. */
export const deployableSchema = z
  .object({
    folder: z.string().describe("Its folder, relative to the analysed root, with forward slashes."),
    kind: z.enum(["application", "library"]).describe("An application runs (a service already); a library is linked into applications."),
    evidence: z.string().describe("How it was recognised, for the summary."),
  })
  .strict();
export type Deployable = z.infer<typeof deployableSchema>;

export const FOLDER_SHAPES = ["domain", "role", "mixed"] as const;
export type FolderShape = (typeof FOLDER_SHAPES)[number];

/** Whether the codebase's folders are cut by feature or by technical role. */
export const folderShapeReportSchema = z
  .object({
    shape: z.enum(FOLDER_SHAPES),
    roleFolderShare: z.number().describe("Share of modules below a folder named after a role (controllers/, services/, models/)."),
    featureFolderShare: z.number().describe("Share of modules below a feature folder: one not named after a role, holding two roles or more."),
  })
  .strict();
export type FolderShapeReport = z.infer<typeof folderShapeReportSchema>;

/** What `decouple analyze --format json` prints: the whole analysis, as data every reporter renders. */
export const analysisResultSchema = z
  .object({
    version: z.literal(1),
    resolution: resolutionReportSchema.describe("Which tsconfigs resolved imports, what did not resolve, and whether the graph is degraded."),
    graph: moduleGraphSchema,
    couplings: z.array(couplingSchema),
    cycles: z.array(z.array(z.string())).describe("Groups of modules that import each other in a cycle."),
    boundaries: boundariesSchema,
    leftOut: z.array(leftOutSchema).describe("Files of the default kinds left out of the graph (tests, tool configs, migrations...): how many and why."),
    deployables: z.array(deployableSchema).describe("Applications and libraries the repository already deploys or publishes apart."),
    folders: folderShapeReportSchema,
    sharedReasons: z.record(z.string(), z.enum(SHARED_REASONS)).describe("Why each shared module is shared."),
    scores: z.object({ services: z.array(serviceScoreSchema), overall: overallScoreSchema }).strict(),
    signals: z.array(signalSummarySchema).describe("The coupling signals used beyond imports."),
    evidence: z.array(serviceEvidenceSchema).describe("Why each service's modules are together."),
    stability: stabilitySchema.nullable().describe("How stable each module's assignment is across seeds and resolutions (with --confidence)."),
    tables: z.array(tableOwnershipSchema).describe("Who reads and writes each database table, by module and service."),
    plan: z.array(extractionStepSchema).describe("The order to cut services out and what each step must change."),
    changes: boundaryChangesSchema.nullable().describe("What changed against the previous boundaries file; null on a first run."),
    warnings: z.array(warningSchema),
    timings: z.partialRecord(z.enum(STAGES), z.number()).optional().describe("Milliseconds per stage; only with --profile, so output stays diffable."),
  })
  .strict()
  .describe("decouple analyze --format json: the analysis of a codebase.");
export type AnalysisResult = z.infer<typeof analysisResultSchema>;
