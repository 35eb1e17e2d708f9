import fs from "node:fs";
import path from "node:path";
import { createResolver } from "../../src/graph/create-resolver.js";
import { parseModule } from "../../src/graph/parse-module.js";

/**
 * Copies a project and renames every source file (but index files) to `module-NN`, rewriting the
 * import specifiers that point at them, so that only structure, not file names, tells domains
 * apart. Returns the copy's root and old -> new module paths (relative, forward slashes).
 */
export function neutralizeFileNames(source: string, target: string, sourceFiles: string[]): Map<string, string> {
  fs.cpSync(source, target, { recursive: true, filter: (file) => !file.includes("node_modules") });
  const renames = new Map<string, string>();
  sourceFiles.forEach((relative, index) => {
    const parsed = path.posix.parse(relative);
    if (parsed.name === "index") renames.set(relative, relative);
    else renames.set(relative, path.posix.join(parsed.dir, `module-${String(index).padStart(2, "0")}${parsed.ext}`));
  });
  const tsconfig = path.join(source, "tsconfig.json");
  const { resolve } = createResolver({ root: source, tsconfig: fs.existsSync(tsconfig) ? tsconfig : undefined });
  for (const relative of sourceFiles) {
    const absolute = path.join(source, relative);
    let text = fs.readFileSync(absolute, "utf8");
    for (const site of parseModule(absolute, text).imports) {
      const resolution = resolve(absolute, site.specifier);
      if (resolution.type !== "file") continue;
      const targetRelative = path.relative(source, resolution.path).split(path.sep).join("/");
      const renamed = renames.get(targetRelative);
      if (renamed === undefined || renamed === targetRelative) continue;
      const lastSegment = site.specifier.split("/").pop() ?? "";
      const extension = path.posix.extname(lastSegment);
      const newSpecifier = `${site.specifier.slice(0, site.specifier.length - lastSegment.length)}${path.posix.parse(renamed).name}${extension}`;
      const quoted = new RegExp(`(["'])${site.specifier.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\1`, "g");
      text = text.replace(quoted, `$1${newSpecifier}$1`);
    }
    fs.rmSync(path.join(target, relative));
    const destination = path.join(target, renames.get(relative) ?? relative);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.writeFileSync(destination, text);
  }
  return renames;
}
