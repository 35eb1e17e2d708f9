import type { Rule } from "../types.js";
import { findCrossings } from "./find-crossings.js";

export const noCrossServiceImport: Rule = {
  id: "no-cross-service-import",
  defaultSeverity: "error",
  description: "A module imports (or re-exports, import()s, require()s) a symbol of another service that is not in that service's API.",
  local: true,
  check: (context) => findCrossings(context, "no-cross-service-import", false),
};
