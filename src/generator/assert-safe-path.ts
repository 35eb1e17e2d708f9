import path from "node:path";
import { UserError } from "../model/errors.js";

/**
 * Checks a path generate builds from names it read (services, operations, template files) before
 * it is joined to the output folder: relative, forward slashes, no `..`, no template syntax. A
 * name that slipped through would write outside the folder the user asked for.
 */
export function assertSafeRelativePath(relative: string, what: string): string {
  const problem = describeUnsafePath(relative);
  if (problem !== undefined) {
    throw new UserError("DCP005", `${what} "${relative}" ${problem}; generate writes only inside its output folder. Rename it in the boundaries file.`);
  }
  return relative;
}

function describeUnsafePath(relative: string): string | undefined {
  if (relative === "" || relative.trim() !== relative) return "is empty or padded with spaces";
  if (path.posix.isAbsolute(relative) || path.win32.isAbsolute(relative)) return "is an absolute path";
  if (relative.includes("\\")) return "contains a backslash";
  if (/[{}<>$`]/.test(relative)) return "contains template syntax";
  if (relative.split("/").some((segment) => segment === ".." || segment === "." || segment === "")) return "has an empty, `.` or `..` segment";
  return undefined;
}

/** Joins a checked relative path to a base folder and makes sure the result stays inside it. */
export function resolveInside(base: string, relative: string, what: string): string {
  const resolved = path.resolve(base, assertSafeRelativePath(relative, what));
  const back = path.relative(base, resolved);
  if (back.startsWith("..") || path.isAbsolute(back)) throw new UserError("DCP005", `${what} "${relative}" leaves ${base}.`);
  return resolved;
}
