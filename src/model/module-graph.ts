import { z } from "zod";
import { moduleIdSchema, type ModuleId } from "./module-id.js";

/**
 * How one module depends on another. Kinds stay apart so rules and weights can choose:
 * a type-only import disappears at runtime, a re-export makes a barrel, a dynamic import is lazy.
 */
export type EdgeKind = "value" | "type" | "re-export" | "dynamic" | "require";

export const EDGE_KINDS = ["value", "type", "re-export", "dynamic", "require"] as const satisfies readonly EdgeKind[];

/** One name bound by an import statement. */
export interface ImportedName {
  /** The name exported by the target: an identifier, "default", or "*" for a namespace. */
  imported: string;
  /** The local binding in the importing module ("" for re-exports). */
  local: string;
  typeOnly: boolean;
}

/** One import, re-export, dynamic import or require() as written in a module. */
export interface ImportSite {
  specifier: string;
  kind: EdgeKind;
  line: number;
  names: ImportedName[];
}

/** What a module exports, as read from its syntax tree. */
export interface ExportEntry {
  /** The exported name; "default" for default exports; "*" with `from` for `export * from`. */
  name: string;
  /** For re-exports: the specifier exported from, and the name in that module ("*" for a namespace). */
  from?: string;
  imported?: string;
  typeOnly: boolean;
}

/** Everything the parser learns about one file; plain data so it can cross worker threads and be cached. */
export interface ParsedModule {
  lines: number;
  imports: ImportSite[];
  exports: ExportEntry[];
  /** How often each local binding of an import is referenced (namespace members as "ns.member"). */
  usages: Record<string, number>;
  /** Database tables the module reads or writes (SQL strings, ORM entities). */
  tables: TableAccess[];
  syntaxErrors: string[];
}

export const tableAccessSchema = z.object({ table: z.string(), access: z.enum(["read", "write"]) }).strict();
export type TableAccess = z.infer<typeof tableAccessSchema>;

/** Where an import site points once resolved. */
export type ResolvedTarget =
  | { type: "module"; id: ModuleId }
  | { type: "external"; name: string }
  | { type: "builtin"; name: string }
  | { type: "unresolved"; reason: string };

/** A symbol crossing an edge, followed through barrels and `export *` to the module that declares it. */
export const crossingSymbolSchema = z
  .object({
    name: z.string().describe('The name as the importer asked for it ("default", "*" for a whole namespace).'),
    declaredIn: moduleIdSchema.describe("The module that declares it: the edge's target, or what its re-exports lead to."),
    declaredAs: z.string().describe("Its name in the declaring module."),
    uses: z.number().describe("References to it in the importing module (at least 1)."),
    typeOnly: z.boolean(),
  })
  .strict();
export type CrossingSymbol = z.infer<typeof crossingSymbolSchema>;

/** All imports of one kind from one module to another file of the codebase, merged. */
export const moduleEdgeSchema = z
  .object({
    from: moduleIdSchema,
    to: moduleIdSchema.describe("The file the specifier resolves to (a barrel stays a barrel here; symbols say where names live)."),
    kind: z.enum(EDGE_KINDS),
    line: z.number().describe("First line in `from` of an import creating this edge."),
    specifier: z.string(),
    symbols: z.array(crossingSymbolSchema),
  })
  .strict();
export type ModuleEdge = z.infer<typeof moduleEdgeSchema>;

export const moduleNodeSchema = z
  .object({
    id: moduleIdSchema,
    lines: z.number(),
    exports: z.array(z.string()).describe('Names the module exports itself or re-exports, sorted ("*" re-exports are expanded where known).'),
    tables: z.array(tableAccessSchema).optional().describe("Database tables it reads or writes; left out when none."),
  })
  .strict();
export type ModuleNode = z.infer<typeof moduleNodeSchema>;

export const externalDependencySchema = z.object({ name: z.string(), builtin: z.boolean(), importedBy: z.array(moduleIdSchema) }).strict();
export type ExternalDependency = z.infer<typeof externalDependencySchema>;

export const unresolvedImportSchema = z.object({ from: moduleIdSchema, specifier: z.string(), line: z.number(), reason: z.string() }).strict();
export type UnresolvedImport = z.infer<typeof unresolvedImportSchema>;

/** The module graph of a codebase: what `analyze --format json` prints under `graph`. */
export const moduleGraphSchema = z
  .object({
    modules: z.array(moduleNodeSchema),
    edges: z.array(moduleEdgeSchema),
    externals: z.array(externalDependencySchema),
    unresolved: z.array(unresolvedImportSchema),
    syntaxErrors: z.array(z.object({ module: moduleIdSchema, message: z.string() }).strict()),
  })
  .strict();
export type ModuleGraph = z.infer<typeof moduleGraphSchema>;
