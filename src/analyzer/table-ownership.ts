import type { Boundaries } from "../model/boundaries.js";
import type { TableUse } from "../signals/data-coupling.js";
import { assignmentOf } from "./reconcile-boundaries.js";

export interface TableOwnership extends TableUse {
  /** Services (or "shared") of the writers: more than one means the cut splits the table's owners. */
  writerServices: string[];
  readerServices: string[];
}

/** Who owns each table under the proposed boundaries: the data a split must divide. */
export function tableOwnership(uses: TableUse[], boundaries: Boundaries): TableOwnership[] {
  const serviceOf = assignmentOf(boundaries);
  const servicesOf = (modules: string[]): string[] => [...new Set(modules.map((module) => serviceOf.get(module) ?? "unassigned"))].sort();
  return uses.map((use) => ({ ...use, writerServices: servicesOf(use.writers), readerServices: servicesOf(use.readers) }));
}
