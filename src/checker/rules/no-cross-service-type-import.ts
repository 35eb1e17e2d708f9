import type { Rule } from "../types.js";
import { findCrossings } from "./find-crossings.js";

export const noCrossServiceTypeImport: Rule = {
  id: "no-cross-service-type-import",
  defaultSeverity: "warn",
  description: "A module imports a type of another service that is not in that service's API (type-only: no runtime dependency, but a contract).",
  local: true,
  check: (context) => findCrossings(context, "no-cross-service-type-import", true),
};
