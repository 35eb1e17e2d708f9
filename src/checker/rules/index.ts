import type { Rule } from "../types.js";
import { noCrossServiceImport } from "./no-cross-service-import.js";
import { noCrossServiceTypeImport } from "./no-cross-service-type-import.js";
import { noForbiddenDependency } from "./no-forbidden-dependency.js";
import { noServiceCycle } from "./no-service-cycle.js";
import { noSharedToService } from "./no-shared-to-service.js";
import { noUnassignedModule } from "./no-unassigned-module.js";

/** Every rule of `decouple check`, by id; each has a page in docs/rules/<id>.md. */
export const RULES: readonly Rule[] = [noCrossServiceImport, noCrossServiceTypeImport, noServiceCycle, noUnassignedModule, noSharedToService, noForbiddenDependency];

export const RULE_IDS = RULES.map((rule) => rule.id);
