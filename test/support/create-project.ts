import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { extractModuleGraph } from "../../src/graph/extract-module-graph.js";
import { boundariesSchema, type Boundaries } from "../../src/model/boundaries.js";
import { configSchema, type Config, type UserConfig } from "../../src/model/config.js";
import type { ModuleGraph } from "../../src/model/module-graph.js";

/**
 * Writes a throwaway project from a map of paths to contents (objects become JSON), so each test
 * reads as the code it is about: createProject({ "src/a.ts": "import { b } from './b.js'" }).
 */
export function createProject(files: Record<string, string | object>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-test-"));
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

export function removeProject(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** A `createProject` whose projects are removed after each test of the file that calls it. */
export function useTemporaryProjects(): (files: Record<string, string | object>) => string {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach(removeProject));
  return (files) => {
    const root = createProject(files);
    roots.push(root);
    return root;
  };
}

/**
 * A throwaway project read into a module graph the way `analyze` and `check` read one, removed
 * after each test: `graphOfProject({ "src/orders/place-order.ts": "import ..." })`.
 */
export function useProjectGraphs(): (files: Record<string, string | object>, userConfig?: UserConfig) => Promise<{ root: string; graph: ModuleGraph; config: Config }> {
  const project = useTemporaryProjects();
  return async (files, userConfig = {}) => {
    const root = project(files);
    const config = configSchema.parse(userConfig);
    const { graph } = await extractModuleGraph({ root, config });
    return { root, graph, config };
  };
}

/** Boundaries from a compact description: services by name with their modules and API ("module#symbol"). */
export function defineBoundaries(services: Record<string, { modules: string[]; api?: string[] }>, shared: string[] = []): Boundaries {
  return boundariesSchema.parse({
    version: 1,
    services: Object.entries(services).map(([name, service]) => ({
      name,
      modules: service.modules,
      api: (service.api ?? []).map((entry) => {
        const [module = "", symbol = ""] = entry.split("#");
        return { module, symbol, usedBy: [] };
      }),
    })),
    shared: { modules: shared },
  });
}
