import { DEFAULT_EXCLUDE } from "./left-out-by-default.js";
import { z } from "zod";

/** Module kinds every analysis reads unless the config says otherwise. */
export const DEFAULT_INCLUDE = ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"];

export { DEFAULT_EXCLUDE };

const severity = z.enum(["error", "warn", "off"]);

export const weightsSchema = z
  .object({
    value: z.number().min(0).default(1).describe("Weight of a value import (runtime dependency)."),
    type: z.number().min(0).default(0.3).describe("Weight of a type-only import: erased at runtime, so weaker coupling."),
    reExport: z.number().min(0).default(0.5).describe("Weight of a re-export (`export … from`)."),
    dynamic: z.number().min(0).default(0.7).describe("Weight of a dynamic `import()`: lazy, but still a runtime dependency."),
    require: z.number().min(0).default(1).describe("Weight of a CommonJS `require()`."),
    perSymbol: z
      .number()
      .min(0)
      .default(0)
      .describe(
        "Added per distinct symbol used across the edge, scaled by the edge kind's weight. Off by default: on planted monoliths and merged @effect packages it cost 0.02-0.03 NMI (a types module exporting twenty interfaces is not twenty times the coupling).",
      ),
    perUse: z
      .number()
      .min(0)
      .default(0.05)
      .describe("Added per reference to an imported symbol (capped at 20 per symbol), scaled likewise."),
  })
  .strict()
  .describe("How strongly each kind of dependency couples two modules.");

export const clusteringSchema = z
  .object({
    seed: z.number().int().default(42).describe("Seed of the clustering's random generator: same seed, same proposal."),
    services: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Ask for this many services instead of letting modularity decide."),
    resolution: z
      .number()
      .positive()
      .default(1.5)
      .describe(
        "Louvain resolution: higher gives more, smaller services. 1.5 found legacy-shop's domains exactly and did best on planted monoliths and merged packages (bench/results/evaluation.md).",
      ),
    minServiceSize: z
      .number()
      .int()
      .min(1)
      .default(2)
      .describe("Clusters with fewer modules are merged into their most coupled neighbour."),
    runs: z
      .number()
      .int()
      .min(1)
      .default(4)
      .describe("Seeded clustering runs; the most modular result wins."),
    splitDeployables: z
      .boolean()
      .default(false)
      .describe(
        "In a repository of several applications (apps/*, Nx or Nest projects of type application, workspace packages with a start script), each application is already a service and is kept whole; true proposes splits inside them too.",
      ),
  })
  .strict()
  .describe("How modules are grouped into services.");

export const sharedSchema = z
  .object({
    modules: z
      .array(z.string())
      .default([])
      .describe("Globs of modules always kept in `shared` (e.g. \"src/utils/**\")."),
    fanInRatio: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe("A module imported by at least this share of all modules is a hub and goes to `shared`."),
    spread: z
      .number()
      .int()
      .min(2)
      .default(3)
      .describe("A module used by this many services, none of which dominates its use, goes to `shared`."),
  })
  .strict()
  .describe("Hub and utility modules set apart instead of forced into a service.");

const SIGNAL_WEIGHT = "How strong the signal's average pair is against the average import between two modules (1: as strong).";

/** A signal read from the code alone, on by default: only its weight to set. */
function structuralSignal(weight: number, description: string) {
  return z
    .object({
      enabled: z.boolean().default(true),
      weight: z.number().min(0).default(weight).describe(SIGNAL_WEIGHT),
    })
    .strict()
    .prefault({})
    .describe(description);
}

export const signalsSchema = z
  .object({
    changes: z
      .object({
        enabled: z
          .union([z.boolean(), z.literal("auto")])
          .default("auto")
          .describe('Change coupling from git history: "auto" uses it when the root is in a git repository.'),
        weight: z.number().min(0).default(1).describe(SIGNAL_WEIGHT),
        maxCommits: z.number().int().positive().default(3000).describe("How many of the newest commits to read."),
        maxFilesPerCommit: z
          .number()
          .int()
          .min(2)
          .default(30)
          .describe("Commits touching more modules are bulk edits (renames, formatting) and ignored."),
        halfLifeDays: z.number().positive().default(365).describe("A commit this much older than the newest counts half."),
      })
      .strict()
      .prefault({})
      .describe("Modules changed in the same commits belong together."),
    barrels: structuralSignal(
      1,
      "Modules one barrel (index.ts) re-exports are published together; in a codebase of packages, each package's barrel is its public surface. On by default: on eight merged @effect packages it took NMI from 0.650 to 0.83.",
    ),
    names: structuralSignal(0.2, "A weak signal: modules whose file names and exports share domain words."),
    entities: structuralSignal(
      1,
      "Modules in different roles named after the same entity (documents route, document presenter, Document model) are one domain's layers. Entities are what the codebase's models, entities and schemas are named after.",
    ),
    folders: structuralSignal(
      1,
      "Modules in one feature folder (orders/, not controllers/) belong together; folders named after a role add nothing, so a codebase laid out by layers gets nothing from it.",
    ),
    data: z
      .object({
        enabled: z.boolean().default(false).describe("Off by default: it reads SQL and ORM code, not only imports."),
        weight: z.number().min(0).default(1).describe(SIGNAL_WEIGHT),
      })
      .strict()
      .prefault({})
      .describe("Modules that write the same database tables belong together; a cut through a table's writers is reported."),
    coverage: z
      .object({
        enabled: z.boolean().default(false).describe("Off by default: it starts the application and runs its tests (`--coverage` turns it on)."),
        weight: z.number().min(0).default(1).describe(SIGNAL_WEIGHT),
        start: z.string().default("npm start").describe("Starts the application, in the root, with PORT set (e.g. \"npx tsx src/server.ts\")."),
        ready: z.string().default("http://127.0.0.1:{port}/").describe("A URL that answers once the application is up; {port} is replaced."),
        test: z.string().default("npx vitest run {file}").describe("Runs one test file against the application; {file} and {port} are replaced."),
        testFiles: z.array(z.string()).default(["**/*.test.{ts,js}", "!**/node_modules/**"]).describe("Globs of the test files: each is one use case."),
        env: z.record(z.string(), z.string()).default({}).describe("Environment for the application and the tests; {port} is replaced."),
        timeoutSeconds: z.number().int().positive().default(120).describe("Longest wait for start-up and for each test file."),
        maxModulesPerUseCase: z.number().min(0).max(1).default(0.6).describe("A use case touching more than this share of all modules says little and is skipped."),
      })
      .strict()
      .prefault({})
      .describe("Runtime coupling: modules exercised by the same test file, from V8 coverage of the running application."),
    traces: z
      .object({
        enabled: z.boolean().default(false).describe("Off by default: it needs trace exports (`--traces <path>` turns it on)."),
        weight: z.number().min(0).default(1).describe(SIGNAL_WEIGHT),
        files: z
          .array(z.string())
          .default([])
          .describe(
            "OTLP JSON trace exports, relative to the root: files, or folders of .json/.jsonl files; one ExportTraceServiceRequest per file or per line (the Collector's file exporter).",
          ),
        maxModulesPerTrace: z.number().min(0).max(1).default(0.6).describe("A trace touching more than this share of all modules says little and is skipped."),
      })
      .strict()
      .prefault({})
      .describe("Runtime coupling from OpenTelemetry traces: modules whose spans share a trace (one use case) belong together."),
  })
  .strict()
  .describe("Coupling signals beyond imports, each weighted against the import coupling.");

export const constraintsSchema = z
  .object({
    together: z
      .array(z.array(z.string()).min(1))
      .default([])
      .describe("Groups of globs: the modules each group matches end up in one service."),
    apart: z
      .array(z.tuple([z.string(), z.string()]))
      .default([])
      .describe("Pairs of globs whose modules must never share a service."),
    minServiceSize: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        "Services with fewer modules join the service they are most coupled to, directly or through shared modules; a group coupled to no service goes to shared. Unlike clustering.minServiceSize, a hard rule: only pins and `apart` win over it.",
      ),
    maxServiceSize: z.number().int().positive().optional().describe("Services with more modules are split further."),
  })
  .strict()
  .refine((constraints) => !(constraints.minServiceSize !== undefined && constraints.maxServiceSize !== undefined && constraints.minServiceSize > constraints.maxServiceSize), {
    path: ["minServiceSize"],
    message: "is above constraints.maxServiceSize: no service could satisfy both; lower minServiceSize or raise maxServiceSize",
  })
  .describe("Rules the proposal must honour, whatever the coupling says.");

export const graphSchema = z
  .object({
    maxUnresolvedShare: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe(
        "The module graph is degraded when more than this share of relative and alias imports (tsconfig paths, workspace names, #imports) resolve to no file: `check` then exits 2 and `analyze` writes no proposal without --force. Raise it only on purpose.",
      ),
    brokenTsconfigs: z
      .enum(["fail", "warn"])
      .default("fail")
      .describe(
        'A tsconfig that cannot be read, or whose `extends` loops or names a missing file, degrades the graph ("fail"); "warn" reports it and resolves with what could be read.',
      ),
    unreadableFiles: z
      .enum(["fail", "warn"])
      .default("fail")
      .describe(
        'A source file or folder the user running decouple cannot read (permission denied) stops `analyze` and `check` with exit 2, naming it ("fail"); "warn" names it in a warning and leaves it out of the graph.',
      ),
  })
  .strict()
  .describe("When the module graph is trusted: `check` fails closed on a graph it cannot trust.");

export const forbiddenDependencySchema = z
  .object({
    from: z
      .string()
      .min(1)
      .describe('The modules the rule is about: a service name (or "shared"), or a glob of module paths, which has a slash (e.g. "src/graph/**").'),
    to: z.string().min(1).describe("What they may not depend on: a service name, \"shared\", or a glob of module paths."),
    reason: z.string().min(1).describe("Why not: printed with every violation, so the person who meets it knows the intent."),
  })
  .strict();

export const checkSchema = z
  .object({
    rules: z
      .record(z.string(), severity)
      .default({})
      .describe("Severity per rule id (error, warn, off); see docs/rules/."),
    forbidden: z
      .array(forbiddenDependencySchema)
      .default([])
      .describe("Dependencies that must not exist, such as a layering (rule no-forbidden-dependency; docs/rules/no-forbidden-dependency.md)."),
  })
  .strict()
  .describe("Settings of `decouple check`.");

export const generateSchema = z
  .object({
    setup: z
      .object({
        module: z.string().min(1).describe("The monolith module that exports it, relative to the root (e.g. \"src/app.ts\")."),
        export: z.string().min(1).describe("A function called with no arguments before a generated service listens (e.g. one that opens the database)."),
        teardown: z.string().min(1).optional().describe("A function of the same module called with setup's result on shutdown (e.g. one that closes the database)."),
      })
      .strict()
      .optional()
      .describe("What prepares the monolith's modules that a generated service calls until `extract` moves them: connections, migrations, event handlers."),
    testEnv: z
      .record(z.string(), z.string())
      .default({})
      .describe("Environment of the generated services' own tests (e.g. a scratch database: {\"SHOP_DB_FILE\": \":memory:\"})."),
  })
  .strict()
  .describe("Settings of `decouple generate`.");

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    include: z.array(z.string()).default(DEFAULT_INCLUDE).describe("Globs of modules to analyse, relative to the root."),
    exclude: z
      .array(z.string())
      .default(DEFAULT_EXCLUDE)
      .describe("Globs left out. Replaces the defaults (node_modules, build output, .d.ts, tests) when set."),
    maxFileSize: z
      .number()
      .int()
      .positive()
      .default(5_000_000)
      .describe("Files larger than this many bytes are skipped with a warning naming them (generated or vendored code, not source a person maintains)."),
    tsconfig: z
      .string()
      .optional()
      .describe(
        "A tsconfig that resolves every file's imports, relative to the root. Default: each file's own, found as tsserver does (the nearest tsconfig.json or jsconfig.json above it, following solution references to the project that includes it).",
      ),
    graph: graphSchema.prefault({}),
    weights: weightsSchema.default(weightsSchema.parse({})),
    clustering: clusteringSchema.default(clusteringSchema.parse({})),
    shared: sharedSchema.default(sharedSchema.parse({})),
    signals: signalsSchema.prefault({}),
    constraints: constraintsSchema.default(constraintsSchema.parse({})),
    check: checkSchema.default(checkSchema.parse({})),
    generate: generateSchema.default(generateSchema.parse({})),
  })
  .strict()
  .describe("Configuration of decouple (decouple.config.json or decouple.config.ts).");

/** The config as a user writes it: everything optional. */
export type UserConfig = z.input<typeof configSchema>;
/** The config after defaults are applied. */
export type Config = z.output<typeof configSchema>;
export type Weights = Config["weights"];

/** For `decouple.config.ts`: typed help in editors, no runtime effect. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
