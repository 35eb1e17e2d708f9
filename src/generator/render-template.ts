import Handlebars from "handlebars";

/**
 * The only module that loads handlebars. Templates write code, not HTML: nothing is escaped, so
 * every value put into a template comes from a checked name or from JSON.stringify. `strict`
 * makes a misspelt field an error instead of an empty string.
 */
const engine = Handlebars.create();
engine.registerHelper("json", (value: unknown) => JSON.stringify(value, null, 2));
engine.registerHelper("jsonInline", (value: unknown) => JSON.stringify(value));
engine.registerHelper("eq", (a: unknown, b: unknown) => a === b);

const compiled = new Map<string, Handlebars.TemplateDelegate>();

export function renderTemplate(name: string, source: string, context: object): string {
  let template = compiled.get(source);
  if (template === undefined) {
    template = engine.compile(source, { noEscape: true, strict: true });
    compiled.set(source, template);
  }
  try {
    return template(context);
  } catch (error) {
    throw new Error(`template ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
