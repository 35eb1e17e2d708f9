import fs from "node:fs";
import { UserError } from "../model/errors.js";

/** The root of a codebase must be a folder: DCP001 otherwise, before any other file is looked at. */
export function assertDirectory(root: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch {
    throw new UserError("DCP001", `directory ${root} does not exist. Pass the root of the codebase to analyse.`);
  }
  if (!stat.isDirectory()) throw new UserError("DCP001", `${root} is not a directory. Pass the root folder of the codebase, not a file.`);
}
