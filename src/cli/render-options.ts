import path from "node:path";
import type { RenderOptions } from "../reporters/renderers.js";
import { VERSION } from "../model/version.js";
import type { CliConsole } from "./console.js";

/** A path as the user should see it: relative to where they run decouple, with forward slashes. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join("/") || file;
}

/** The options every renderer gets from a command line; commands override the paths they know. */
export function renderOptions(io: CliConsole, flags: { color: boolean; output?: string | undefined }): RenderOptions {
  return {
    color: flags.color && io.color && flags.output === undefined,
    baselineFile: "decouple.baseline.json",
    pathPrefix: "",
    toolVersion: VERSION,
  };
}
