import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

/** The templates decouple ships, `templates/deploy/` at the package root (from src/ and dist/ alike). */
export const BUILTIN_DEPLOY_TEMPLATES = fileURLToPath(new URL("../../../templates/deploy/", import.meta.url));

const engine = Handlebars.create();
// Compact JSON is a valid YAML scalar or flow sequence and a valid TypeScript literal.
engine.registerHelper("json", (value: unknown) => JSON.stringify(value));
engine.registerHelper("jsonPretty", (value: unknown) => JSON.stringify(value, null, 2));

/**
 * Renders `templates/deploy/<name>.hbs`, or the user's `<templatesDir>/deploy/<name>.hbs` when it
 * exists. Strict: a template naming a value the planner does not give fails loudly. No HTML
 * escaping: none of these files is HTML.
 */
export function renderDeployTemplate(name: string, data: object, templatesDir?: string): string {
  const override = templatesDir === undefined ? undefined : join(templatesDir, "deploy", `${name}.hbs`);
  const file = override !== undefined && existsSync(override) ? override : join(BUILTIN_DEPLOY_TEMPLATES, `${name}.hbs`);
  // Compiled per call: a handful of small files per generate, and an edited override is never stale.
  return engine.compile(readFileSync(file, "utf8"), { noEscape: true, strict: true })(data);
}
