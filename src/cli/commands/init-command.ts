import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UserError } from "../../model/errors.js";
import { toStableJson, writeFileAtomic } from "../../io/write-json-file.js";
import type { CliConsole } from "../console.js";

export const CONFIG_SCHEMA_PATH = "./node_modules/decouple/schemas/decouple.config.schema.json";

/** The starter config: the defaults worth seeing, and the schema that explains every option in editors. */
export function starterConfig(): Record<string, unknown> {
  return {
    $schema: CONFIG_SCHEMA_PATH,
    include: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
    shared: { modules: [] },
    clustering: { seed: 42, minServiceSize: 2 },
    weights: { value: 1, type: 0.3, reExport: 0.5, dynamic: 0.7, require: 1, perSymbol: 0.5, perUse: 0.05 },
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
