import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { configSchema } from "../../model/config.js";
import { UserError } from "../../model/errors.js";
import { toStableJson, writeFileAtomic } from "../../io/write-json-file.js";
import type { CliConsole } from "../console.js";

export const CONFIG_SCHEMA_PATH = "./node_modules/decouple/schemas/decouple.config.schema.json";

/**
 * The starter config: the settings worth seeing, with the schema's own defaults (never a copy of
 * them that could drift), and the schema that explains every option in editors.
 */
export function starterConfig(): Record<string, unknown> {
  const defaults = configSchema.parse({});
  return {
    $schema: CONFIG_SCHEMA_PATH,
    include: defaults.include,
    shared: { modules: defaults.shared.modules },
    clustering: { seed: defaults.clustering.seed, minServiceSize: defaults.clustering.minServiceSize },
    weights: defaults.weights,
  };
}

export function registerInitCommand(program: Command, io: CliConsole, setExitCode: (code: number) => void): void {
  program
    .command("init")
    .description("Write a starter decouple.config.json that points at its JSON Schema.")
    .argument("[dir]", "where to write it", ".")
    .option("--force", "overwrite an existing decouple.config.json")
    .action((dir: string, flags: { force?: boolean }) => {
      const folder = path.resolve(dir);
      if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) throw new UserError("DCP001", `${folder} is a file; pass the folder to write decouple.config.json into.`);
      const file = path.join(folder, "decouple.config.json");
      if (fs.existsSync(file) && flags.force !== true) {
        throw new UserError("DCP007", `${file} already exists; not overwriting it. Pass --force to replace it.`);
      }
      writeFileAtomic(file, toStableJson(starterConfig()));
      io.out(`wrote ${path.relative(process.cwd(), file) || file}\n`);
      setExitCode(0);
    });
}
