import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { extractModuleGraph } from "../../src/graph/extract-module-graph.js";
import { configSchema, type Config, type UserConfig } from "../../src/model/config.js";
import { boundariesSchema, type Boundaries } from "../../src/model/boundaries.js";
import type { ModuleGraph } from "../../src/model/module-graph.js";

/** Writes a tiny codebase (path -> source) into a temp folder. */
export function writeProject(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-check-"));
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), source);
  }
  return root;
}

/** Reads a tiny codebase into a module graph, the way `check` does. */
export async function createProject(files: Record<string, string>, userConfig: UserConfig = {}): Promise<{ root: string; graph: ModuleGraph; config: Config }> {
  const root = writeProject(files);
  const config = configSchema.parse(userConfig);
  const { graph } = await extractModuleGraph({ root, config });
  return { root, graph, config };
}

/** Boundaries from a compact description: services by name with their modules and API ("module#symbol"). */
export function defineBoundaries(services: Record<string, { modules: string[]; api?: string[] }>, shared: string[] = []): Boundaries {
  return boundariesSchema.parse({
    version: 1,
    services: Object.entries(services).map(([name, service]) => ({
      name,
      modules: service.modules,
      api: (service.api ?? []).map((entry) => {
        const [module, symbol] = entry.split("#") as [string, string];
        return { module, symbol, usedBy: [] };
      }),
    })),
    shared: { modules: shared },
  });
}
