import type {
  CrossingSymbol,
  EdgeKind,
  ExternalDependency,
  ModuleEdge,
  ModuleGraph,
  ParsedModule,
  UnresolvedImport,
} from "../model/module-graph.js";
import { compareStrings } from "../model/compare-strings.js";
import { toModuleId, type ModuleId } from "../model/module-id.js";
import type { Resolution } from "./create-resolver.js";
import { listExports, resolveExport, type ExportTable } from "./resolve-exports.js";
import { itemAt } from "../model/must-get.js";

export interface GraphInput {
  root: string;
  /** Absolute paths, in the same order as `parsed`. */
  files: string[];
  parsed: ParsedModule[];
  resolve: (fromFile: string, specifier: string) => Resolution;
}

interface ResolvedSite {
  from: ModuleId;
  to: ModuleId;
  kind: EdgeKind;
  line: number;
  specifier: string;
  names: ParsedModule["imports"][number]["names"];
  usages: Record<string, number>;
}

/**
 * Turns parsed files into the module graph: resolves every specifier, keeps external packages and
 * built-ins apart, and follows each imported name through barrels to the module that declares it.
 */
export function buildModuleGraph(input: GraphInput): ModuleGraph {
  const ids = input.files.map((file) => toModuleId(input.root, file));
  const idByFile = new Map(input.files.map((file, index) => [file, itemAt(ids, index)]));
  const externals = new Map<string, { builtin: boolean; importedBy: Set<ModuleId> }>();
  const unresolved: UnresolvedImport[] = [];
  const sites: ResolvedSite[] = [];
  const tables = new Map<ModuleId, ExportTable>();

  input.files.forEach((file, index) => {
    const from = itemAt(ids, index);
    const parsed = itemAt(input.parsed, index);
    const targets = new Map<string, ModuleId | undefined>();
    const targetOf = (specifier: string, line: number): ModuleId | undefined => {
      if (targets.has(specifier)) return targets.get(specifier);
      const resolution = input.resolve(file, specifier);
      let target: ModuleId | undefined;
      if (resolution.type === "file") {
        target = idByFile.get(resolution.path);
      } else if (resolution.type === "unresolved") {
        unresolved.push({ from, specifier, line, reason: resolution.reason });
      } else if (resolution.type !== "outside") {
        // A file outside the analysed folder is neither a package nor part of this graph.
        const entry = externals.get(resolution.name) ?? { builtin: resolution.type === "builtin", importedBy: new Set() };
        entry.importedBy.add(from);
        externals.set(resolution.name, entry);
      }
      targets.set(specifier, target);
      return target;
    };

    const table: ExportTable = { local: new Set(), named: new Map(), star: [] };
    for (const entry of parsed.exports) {
      if (entry.from === undefined) {
        table.local.add(entry.name);
        continue;
      }
      const target = targetOf(entry.from, 0);
      if (target === undefined) {
        table.local.add(entry.name); // re-exported from outside the codebase: this module is where it ends
      } else if (entry.name === "*") {
        table.star.push(target);
      } else {
        table.named.set(entry.name, { module: target, imported: entry.imported ?? entry.name });
      }
    }
    tables.set(from, table);

    for (const site of parsed.imports) {
      const to = targetOf(site.specifier, site.line);
      if (to === undefined) continue;
      sites.push({ from, to, kind: site.kind, line: site.line, specifier: site.specifier, names: site.names, usages: parsed.usages });
    }
  });

  const edges = mergeSites(sites, tables);
  return {
    modules: ids
      .map((id, index) => {
        const parsed = itemAt(input.parsed, index);
        const node = { id, lines: parsed.lines, exports: listExports(tables, id) };
        return parsed.tables.length > 0 ? { ...node, tables: parsed.tables } : node;
      })
      .sort((a, b) => compareStrings(a.id, b.id)),
    edges,
    externals: [...externals]
      .map(([name, entry]): ExternalDependency => ({ name, builtin: entry.builtin, importedBy: [...entry.importedBy].sort() }))
      .sort((a, b) => compareStrings(a.name, b.name)),
    unresolved: unresolved.sort((a, b) => compareStrings(a.from, b.from) || a.line - b.line),
    syntaxErrors: input.parsed
      .flatMap((parsed, index) => parsed.syntaxErrors.map((message) => ({ module: itemAt(ids, index), message })))
      .sort((a, b) => compareStrings(a.module, b.module)),
  };
}

function mergeSites(sites: ResolvedSite[], tables: Map<ModuleId, ExportTable>): ModuleEdge[] {
  const edges = new Map<string, ModuleEdge>();
  for (const site of sites) {
    const key = `${site.from}\0${site.to}\0${site.kind}`;
    let edge = edges.get(key);
    if (edge === undefined) {
      edge = { from: site.from, to: site.to, kind: site.kind, line: site.line, specifier: site.specifier, symbols: [] };
      edges.set(key, edge);
    } else if (site.line < edge.line) {
      edge.line = site.line;
      edge.specifier = site.specifier;
    }
    for (const symbol of symbolsOf(site, tables)) {
      const existing = edge.symbols.find((s) => s.name === symbol.name && s.declaredIn === symbol.declaredIn);
      if (existing === undefined) edge.symbols.push(symbol);
      else existing.typeOnly &&= symbol.typeOnly;
    }
  }
  for (const edge of edges.values()) {
    edge.symbols.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.declaredIn, b.declaredIn));
  }
  return [...edges.values()].sort(
    (a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || compareStrings(a.kind, b.kind),
  );
}

function symbolsOf(site: ResolvedSite, tables: Map<ModuleId, ExportTable>): CrossingSymbol[] {
  const symbols: CrossingSymbol[] = [];
  for (const name of site.names) {
    if (name.imported === "*" && name.local !== "") {
      // A namespace import: each member used is a symbol of its own.
      const prefix = `${name.local}.`;
      const members = Object.entries(site.usages).filter(([key]) => key.startsWith(prefix));
      if (members.length === 0) symbols.push({ name: "*", declaredIn: site.to, declaredAs: "*", uses: 1, typeOnly: name.typeOnly });
      for (const [key, uses] of members) {
        const member = key.slice(prefix.length);
        const declaration = resolveExport(tables, site.to, member);
        symbols.push({
          name: member,
          declaredIn: declaration?.module ?? site.to,
          declaredAs: declaration?.name ?? member,
          uses,
          typeOnly: name.typeOnly,
        });
      }
      continue;
    }
    // Own keys only: an import named `hasOwnProperty` or `constructor` would read Object.prototype's.
    const declaration = resolveExport(tables, site.to, name.imported);
    symbols.push({
      name: name.imported,
      declaredIn: declaration?.module ?? site.to,
      declaredAs: declaration?.name ?? name.imported,
      uses: name.local === "" ? 1 : Math.max(1, Object.hasOwn(site.usages, name.local) ? (site.usages[name.local] ?? 0) : 0),
      typeOnly: name.typeOnly,
    });
  }
  return symbols;
}
