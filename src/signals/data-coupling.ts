import type { TableAccess } from "../model/module-graph.js";
import type { TableUse } from "../model/analysis-result.js";
import type { ModuleId } from "../model/module-id.js";
import type { ModulePair } from "./signal.js";
import { itemAt } from "../model/must-get.js";
import { compareStrings } from "../model/compare-strings.js";

export type { TableUse };


export function tableUses(modules: { id: ModuleId; tables?: TableAccess[] | undefined }[]): TableUse[] {
  const byTable = new Map<string, TableUse>();
  for (const module of modules) {
    for (const { table, access } of module.tables ?? []) {
      const use = byTable.get(table) ?? { table, writers: [], readers: [] };
      (access === "write" ? use.writers : use.readers).push(module.id);
      byTable.set(table, use);
    }
  }
  return [...byTable.values()]
    .map((use) => ({ table: use.table, writers: [...new Set(use.writers)].sort(), readers: [...new Set(use.readers)].sort() }))
    .sort((a, b) => compareStrings(a.table, b.table));
}

/**
 * Modules that write the same table own it together (weight 1 per pair); a reader leans towards
 * the table's writers (0.3). Readers are not tied to each other: a report reading every table must
 * not glue all domains. Tables with more than `maxModules` users are everyone's and skipped.
 */
export function dataCoupling(uses: TableUse[], maxModules = 40): ModulePair[] {
  const pairs: ModulePair[] = [];
  for (const { writers, readers } of uses) {
    if (writers.length + readers.length > maxModules) continue;
    for (let i = 0; i < writers.length; i++) {
      for (let j = i + 1; j < writers.length; j++) pairs.push([itemAt(writers, i), itemAt(writers, j), 1]);
      for (const reader of readers) if (reader !== writers[i]) pairs.push([itemAt(writers, i), reader, 0.3]);
    }
  }
  return pairs;
}
