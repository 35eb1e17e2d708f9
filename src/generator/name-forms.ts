import path from "node:path";

/** `chargeOrder` -> `charge-order`, `Cart_addLine` -> `cart-add-line`: file names. */
export function toKebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}

/** `order-fulfilment` -> `OrderFulfilment`: type names. */
export function toPascalCase(name: string): string {
  return toKebabCase(name)
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** `order-fulfilment` -> `ORDER_FULFILMENT`: environment variable names. */
export function toEnvName(name: string): string {
  return toKebabCase(name).replace(/-/g, "_").toUpperCase();
}

/**
 * Root-relative paths may start with `..` (an output folder beside the monolith): both ends are
 * placed under the monolith's real root (forward slashes), or path.posix would resolve them
 * against the folder decouple runs in.
 */
function relativePosix(root: string, fromFolder: string, to: string): string {
  return path.posix.relative(path.posix.join(root, fromFolder), path.posix.join(root, to));
}

const RUNTIME_EXTENSION: Readonly<Record<string, string>> = { ".ts": ".js", ".tsx": ".js", ".mts": ".mjs", ".cts": ".cjs" };

/**
 * The ESM specifier one generated file uses to import a module: relative, forward slashes, and
 * the extension Node resolves at run time (`.js` for `.ts`, as NodeNext wants it).
 */
export function importSpecifier(fromFile: string, toModule: string, root = "/"): string {
  const extension = path.posix.extname(toModule);
  const target = toModule.slice(0, toModule.length - extension.length) + (RUNTIME_EXTENSION[extension] ?? extension);
  const relative = relativePosix(root, path.posix.dirname(fromFile), target);
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/** The path from a generated file's folder to another root-relative path (for tsconfig `extends`, URLs). */
export function relativeFrom(fromFile: string, to: string, root = "/"): string {
  const relative = relativePosix(root, path.posix.dirname(fromFile), to);
  return relative.startsWith(".") ? relative : `./${relative}`;
}
