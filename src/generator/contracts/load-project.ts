import fs from "node:fs";
import path from "node:path";
import type { Project } from "ts-morph";
import type { Boundaries } from "../../model/boundaries.js";
import { UserError } from "../../model/errors.js";
import type { TsMorphModule } from "./derive-context.js";

/**
 * Loads ts-morph (only here, and only when contracts are derived: analyze and check never pay for
 * it) and a program over the boundaries' modules, compiled as the project's tsconfig says.
 * Imports outside the listed modules are resolved and type-checked, not walked for calls.
 */
export async function loadProject(root: string, boundaries: Boundaries): Promise<{ tsm: TsMorphModule; project: Project }> {
  const tsm = await import("ts-morph");
  const tsConfigFilePath = path.join(root, "tsconfig.json");
  const hasTsConfig = fs.existsSync(tsConfigFilePath);
  let project: Project;
  try {
    project = new tsm.Project({
      ...(hasTsConfig
        ? { tsConfigFilePath }
        : { compilerOptions: { allowJs: true, strict: true, target: tsm.ts.ScriptTarget.ES2022, module: tsm.ts.ModuleKind.NodeNext } }),
      skipAddingFilesFromTsConfig: true,
    });
  } catch (error) {
    throw new UserError("DCP003", `${tsConfigFilePath} could not be read (${error instanceof Error ? error.message : String(error)}). Fix it and run generate again.`);
  }
  const modules = [...boundaries.services.flatMap((s) => s.modules), ...boundaries.shared.modules];
  for (const module of [...new Set(modules)].sort()) {
    const file = path.join(root, module);
    if (fs.existsSync(file)) project.addSourceFileAtPath(file);
  }
  return { tsm, project };
}
