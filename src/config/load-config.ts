import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { configSchema, type Config } from "../model/config.js";
import { UserError } from "../model/errors.js";
import { readJson, validateJson } from "../io/read-json-file.js";

const CONFIG_HINT = "See schemas/decouple.config.schema.json for every option.";

const OWN_API = fileURLToPath(new URL(`../api${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url));

export const CONFIG_FILE_NAMES = ["decouple.config.json", "decouple.config.ts", "decouple.config.mts", "decouple.config.js", "decouple.config.mjs"];

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined when defaults were used. */
  file: string | undefined;
}

/** Finds and validates the config: `--config FILE`, else the first decouple.config.* in the root. */
export async function loadConfig(root: string, explicitFile?: string): Promise<LoadedConfig> {
  const file = explicitFile !== undefined ? path.resolve(explicitFile) : CONFIG_FILE_NAMES.map((name) => path.join(root, name)).find((candidate) => fs.existsSync(candidate));
  if (file === undefined) return { config: configSchema.parse({}), file: undefined };
  if (!fs.existsSync(file)) throw new UserError("DCP004", `config file ${file} does not exist. Check the --config path.`);
  const raw = await readConfigFile(file);
  return { config: validateJson(raw, configSchema, file, { code: "DCP004", hint: CONFIG_HINT }), file };
}

async function readConfigFile(file: string): Promise<unknown> {
  if (file.endsWith(".json")) {
    return readJson(file, { code: "DCP004", hint: CONFIG_HINT });
  }
  try {
    // `import { defineConfig } from "decouple"` resolves to the running copy, installed or not (npx).
    // Loaded only for TypeScript configs: it is the slowest module to start.
    const { createJiti } = await import("jiti");
    const jiti = createJiti(pathToFileURL(file).href, { moduleCache: false, alias: { decouple: OWN_API } });
    const loaded = await jiti.import<{ default?: unknown }>(file);
    return loaded.default ?? loaded;
  } catch (error) {
    throw new UserError("DCP004", `cannot load ${file}: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
  }
}
