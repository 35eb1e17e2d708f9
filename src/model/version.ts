import { createRequire } from "node:module";
import { z } from "zod";

const manifest = z.object({ version: z.string() }).parse(createRequire(import.meta.url)("../../package.json"));

export const VERSION = manifest.version;
