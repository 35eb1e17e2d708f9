import { UNASSIGNED, type Boundaries } from "../model/boundaries.js";
import type { TableUse } from "../signals/data-coupling.js";
import { assignmentOf } from "./reconcile-boundaries.js";
import type { TableOwnership } from "../model/analysis-result.js";
import type { ServiceName } from "../model/service-name.js";
import type { ModuleId } from "../model/module-id.js";

export type { TableOwnership };


/** Who owns each table under the proposed boundaries: the data a split must divide. */
export function tableOwnership(uses: TableUse[], boundaries: Boundaries): TableOwnership[] {
  const serviceOf = assignmentOf(boundaries);
  const servicesOf = (modules: ModuleId[]): ServiceName[] => [...new Set(modules.map((module) => serviceOf.get(module) ?? UNASSIGNED))].sort();
  return uses.map((use) => ({ ...use, writerServices: servicesOf(use.writers), readerServices: servicesOf(use.readers) }));
}
