/**
 * The programmatic API: everything returns data and nothing prints. The CLI is a thin layer on top.
 */
export { analyze, type AnalyzeOptions, type AnalysisResult } from "./analyzer/analyze.js";
export { extractModuleGraph, type ExtractOptions, type ExtractedGraph } from "./graph/extract-module-graph.js";
export { isDegraded, type ResolutionReport } from "./graph/measure-resolution.js";
export { loadConfig } from "./config/load-config.js";
export { readBoundaries } from "./io/read-boundaries.js";
export { defineConfig, configSchema, type Config, type UserConfig } from "./model/config.js";
export { boundariesSchema, type Boundaries, type ServiceBoundary, type ApiEntry } from "./model/boundaries.js";
export type { ModuleGraph, ModuleEdge, ModuleNode, EdgeKind, CrossingSymbol } from "./model/module-graph.js";
export { UserError, USER_ERROR_CODES } from "./model/errors.js";
export { normalizedMutualInformation, adjustedRandIndex } from "./scoring/compare-partitions.js";
