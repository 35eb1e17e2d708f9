import type { ModuleId } from "../model/module-id.js";

/** One module's exports, with re-export specifiers already resolved to modules of the codebase. */
export interface ExportTable {
  /** Names declared (or default-exported) by the module itself. */
  local: Set<string>;
  /** `export { a as b } from "./x"` and `export * as b from "./x"` (imported "*"), by exported name. */
  named: Map<string, { module: ModuleId; imported: string }>;
  /** `export * from "./x"`, in source order. */
  star: ModuleId[];
}

export interface Declaration {
  module: ModuleId;
  name: string;
}

/**
 * Follows re-exports (named ones, then `export *` chains) from `module` to the module that declares
 * `name`. Iterative with a visited set, so barrel cycles and long chains are safe. Returns undefined
 * when no module in the chain declares it (an export of an external package, or a missing name).
 */
export function resolveExport(tables: Map<ModuleId, ExportTable>, module: ModuleId, name: string): Declaration | undefined {
  const visited = new Set<string>();
  const stack: Declaration[] = [{ module, name }];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === undefined) break;
    const key = `${current.module}\0${current.name}`;
    if (visited.has(key)) continue;
    visited.add(key);
    const table = tables.get(current.module);
    if (table === undefined) continue;
    if (current.name === "*") return current;
    if (table.local.has(current.name)) return current;
    const named = table.named.get(current.name);
    if (named !== undefined) {
      stack.push({ module: named.module, name: named.imported });
      continue;
    }
    // `export *` never forwards a default export; search the stars in source order (first one wins).
    if (current.name === "default") continue;
    for (let i = table.star.length - 1; i >= 0; i--) {
      const target = table.star[i];
      if (target !== undefined) stack.push({ module: target, name: current.name });
    }
  }
  return undefined;
}

/** Every name a module exports, `export *` chains expanded (default excluded from stars, as in ESM). */
export function listExports(tables: Map<ModuleId, ExportTable>, module: ModuleId): string[] {
  const names = new Set<string>();
  const visited = new Set<ModuleId>();
  const stack: { module: ModuleId; viaStar: boolean }[] = [{ module, viaStar: false }];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === undefined || visited.has(current.module)) continue;
    visited.add(current.module);
    const table = tables.get(current.module);
    if (table === undefined) continue;
    for (const name of [...table.local, ...table.named.keys()]) {
      if (!(current.viaStar && name === "default")) names.add(name);
    }
    for (const target of table.star) stack.push({ module: target, viaStar: true });
  }
  return [...names].sort();
}
