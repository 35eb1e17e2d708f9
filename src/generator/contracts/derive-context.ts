import path from "node:path";
import type * as TsMorph from "ts-morph";
import type { Node, Project } from "ts-morph";
import type { Unexpressible } from "../service-contract.js";
import type { SchemaRegistry } from "./schema-registry.js";

/** The ts-morph module, loaded lazily by deriveServiceContracts: nothing else imports it at run time. */
export type TsMorphModule = typeof TsMorph;

/** What one service's derivation shares: the loaded engine, where it stands, what it has named and met. */
export interface DeriveContext {
  readonly tsm: TsMorphModule;
  readonly project: Project;
  /** Absolute root of the analysed project; locations are relative to it. */
  readonly root: string;
  readonly registry: SchemaRegistry;
  readonly unexpressible: Unexpressible[];
}

/** `file:line:column`, root-relative with forward slashes, 1-based as editors show it. */
export function formatLocation(root: string, node: Node): string {
  const file = node.getSourceFile();
  const { line, column } = file.getLineAndColumnAtPos(node.getStart());
  return `${relativePath(root, file.getFilePath())}:${line}:${column}`;
}

export function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/** Records a type JSON cannot carry once per place, operation and type. */
export function reportUnexpressible(ctx: DeriveContext, entry: Unexpressible): void {
  const seen = ctx.unexpressible.some(
    (e) => e.location === entry.location && e.usedIn === entry.usedIn && e.type === entry.type,
  );
  if (!seen) ctx.unexpressible.push(entry);
}

