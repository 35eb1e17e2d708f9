import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

/** The templates decouple ships, `templates/deploy/` at the package root (from src/ and dist/ alike). */
export const BUILTIN_DEPLOY_TEMPLATES = fileURLToPath(new URL("../../../templates/deploy/", import.meta.url));

/**
 * Where the template texts come from: generate's template set (paths relative to `templates/`,
 * e.g. `deploy/docker/Dockerfile.hbs`, overrides applied: no file is read), or else a folder laid
 * out like `templates/` whose files win over the built-in ones.
 */
export interface TemplateSource {
  readonly templates?: ReadonlyMap<string, string>;
  readonly templatesDir?: string;
}

const engine = Handlebars.create();
// Compact JSON is a valid YAML scalar or flow sequence and a valid TypeScript literal.
engine.registerHelper("json", (value: unknown) => JSON.stringify(value));
engine.registerHelper("jsonPretty", (value: unknown) => JSON.stringify(value, null, 2));

/**
 * Renders the template `deploy/<name>.hbs`. Strict: a template naming a value the planner does
 * not give fails loudly. No HTML escaping: none of these files is HTML.
 */
export function renderDeployTemplate(name: string, data: object, source: TemplateSource = {}): string {
  // Compiled per call: a handful of small files per generate, and an edited override is never stale.
  return engine.compile(readTemplate(name, source), { noEscape: true, strict: true })(data);
}

function readTemplate(name: string, { templates, templatesDir }: TemplateSource): string {
  const key = `deploy/${name}.hbs`;
  if (templates !== undefined) {
    const text = templates.get(key);
    if (text === undefined) throw new Error(`the template set has no ${key}`);
    return text;
  }
  const override = templatesDir === undefined ? undefined : join(templatesDir, key);
  return readFileSync(override !== undefined && existsSync(override) ? override : join(BUILTIN_DEPLOY_TEMPLATES, `${name}.hbs`), "utf8");
}
