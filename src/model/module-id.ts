import path from "node:path";
import { z } from "zod";

/** A module of the analysed codebase: its path relative to the analysed root, with forward slashes. */
export const moduleIdSchema = z.string().brand<"ModuleId">();
export type ModuleId = z.infer<typeof moduleIdSchema>;

/** The one constructor of ModuleId: normalises an absolute path against the root. */
export function toModuleId(root: string, absolutePath: string): ModuleId {
  const relative = path.relative(root, absolutePath).split(path.sep).join("/");
  return relative as ModuleId;
}

/** Accepts an already root-relative path (from a boundaries file or config), normalising slashes. */
export function parseModuleId(relativePath: string): ModuleId {
  const normalised = path.posix.normalize(relativePath.replace(/\\/g, "/")).replace(/^\.\//, "");
  return normalised as ModuleId;
}

export function moduleIdToPath(root: string, id: ModuleId): string {
  return path.join(root, ...id.split("/"));
}

/**
 * The known module a path names, or undefined: how a path read from outside the graph (a git log,
 * a coverage report, graphology's node keys) becomes a ModuleId again. A lookup, not a cast: only
 * ids the constructors made come out.
 */
export function moduleLookup(modules: Iterable<ModuleId>): (path: string) => ModuleId | undefined {
  const byPath = new Map<string, ModuleId>();
  for (const module of modules) byPath.set(module, module);
  return (path) => byPath.get(path);
}
