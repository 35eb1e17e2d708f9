import type { ModuleId } from "./module-id.js";

/**
 * How one module depends on another. Kinds stay apart so rules and weights can choose:
 * a type-only import disappears at runtime, a re-export makes a barrel, a dynamic import is lazy.
 */
export type EdgeKind = "value" | "type" | "re-export" | "dynamic" | "require";

export const EDGE_KINDS: readonly EdgeKind[] = ["value", "type", "re-export", "dynamic", "require"];

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

export interface TableAccess {
  table: string;
  access: "read" | "write";
}

/** Where an import site points once resolved. */
export type ResolvedTarget =
  | { type: "module"; id: ModuleId }
  | { type: "external"; name: string }
  | { type: "builtin"; name: string }
  | { type: "unresolved"; reason: string };

/** A symbol crossing an edge, followed through barrels and `export *` to the module that declares it. */
export interface CrossingSymbol {
  /** The name as the importer asked for it ("default", "*" for a whole namespace). */
  name: string;
  /** The module that declares it: the edge's target, or what its re-exports lead to. */
  declaredIn: ModuleId;
  /** Its name in the declaring module. */
  declaredAs: string;
  /** References to it in the importing module (at least 1). */
  uses: number;
  typeOnly: boolean;
}

/** All imports of one kind from one module to another file of the codebase, merged. */
export interface ModuleEdge {
  from: ModuleId;
  /** The file the specifier resolves to (a barrel stays a barrel here; symbols say where names live). */
  to: ModuleId;
  kind: EdgeKind;
  /** First line in `from` of an import creating this edge. */
  line: number;
  specifier: string;
  symbols: CrossingSymbol[];
}

export interface ModuleNode {
  id: ModuleId;
  lines: number;
  /** Names the module exports itself or re-exports, sorted ("*" re-exports are expanded where known). */
  exports: string[];
  /** Database tables it reads or writes; left out when none. */
  tables?: TableAccess[];
}

export interface ExternalDependency {
  name: string;
  builtin: boolean;
  importedBy: ModuleId[];
}

export interface UnresolvedImport {
  from: ModuleId;
  specifier: string;
  line: number;
  reason: string;
}

export interface ModuleGraph {
  modules: ModuleNode[];
  edges: ModuleEdge[];
  externals: ExternalDependency[];
  unresolved: UnresolvedImport[];
  syntaxErrors: { module: ModuleId; message: string }[];
}
