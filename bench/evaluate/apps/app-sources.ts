import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppSources } from "./prepare-app-case.js";

const appsDir = dirname(fileURLToPath(import.meta.url));
const benchDir = join(appsDir, "..", "..");

/** The committed truth tables, one JSON file per case. */
export const TRUTH_DIR = join(appsDir, "truth");

/** Sources from the environment: `DECOUPLE_APPS_DIR` (checkouts), `DECOUPLE_MIRROR_DIR` (bare mirrors, default /work/.mirror). */
export function appSourcesFromEnv(env: NodeJS.ProcessEnv): AppSources {
  return {
    appsDir: env.DECOUPLE_APPS_DIR || undefined,
    cacheDir: join(benchDir, ".corpora", "apps"),
    mirrorDir: env.DECOUPLE_MIRROR_DIR || "/work/.mirror",
  };
}
