import { posix } from "node:path";
import type { Prng } from "./create-prng.js";
import type { ExportedSymbol, PlannedModule } from "./plan-monolith.js";
import { renderFiller } from "./render-filler.js";
import { FIELD_NAMES, STATUS_WORDS } from "./vocabulary.js";

const MIN_LINES = 50;
const MAX_LINES = 300;

export interface RenderedModule {
  source: string;
  /** Import statements written (a planned import whose names all clash is left out). */
  imports: number;
}

/** The TypeScript source of one planned module: 50-300 lines, every import used. */
export function renderModule(m: PlannedModule, modules: readonly PlannedModule[], rng: Prng): RenderedModule {
  const slug = m.label.replace(/ /g, "-");
  const [iface, alias, fnA, fnB, cls, konst] = m.exports;
  if (!iface || !alias || !fnA || !fnB || !cls || !konst) throw new Error(`${m.path}: incomplete exports`);
  const taken = new Set(m.exports.map((s) => s.name));
  const lines: string[] = ["/**", ` * ${capitalise(m.label)} ${m.layer}.`, ` * Part of the ${m.domain === "shared" ? "shared utilities" : "application"}; generated for benchmarks.`, " */"];
  const values: ExportedSymbol[] = [];
  const types: ExportedSymbol[] = [];
  let imports = 0;
  for (const imp of m.imports) {
    const target = modules[imp.target];
    if (!target) throw new Error(`${m.path}: unknown import target ${imp.target}`);
    const symbols = imp.symbols.filter((s) => !taken.has(s.name));
    if (symbols.length === 0) continue;
    symbols.forEach((s) => taken.add(s.name));
    lines.push(renderImport(m.path, target.path, symbols));
    imports += 1;
    for (const s of symbols) (isType(s) ? types : values).push(s);
  }
  lines.push("", `const REVISION = 0;`, "");
  const fields = rng.shuffle(FIELD_NAMES).slice(0, rng.int(2, 5));
  lines.push(`export interface ${iface.name} {`, "  id: string;", ...fields.map((f) => `  ${f}: ${fieldType(f)};`), "}", "");
  const states = rng.shuffle(STATUS_WORDS).slice(0, rng.int(2, 4));
  lines.push(`export type ${alias.name} = ${states.map((s) => `"${s}"`).join(" | ")};`, "");
  lines.push(`export const ${konst.name} = {`, `  limit: ${rng.int(5, 500)},`, `  label: "${slug}",`, `  enabled: ${rng.chance(0.5)},`, "} as const;", "");
  const half = Math.ceil(values.length / 2);
  lines.push(...renderFunction(fnA.name, values.slice(0, half), rng), "");
  lines.push(...renderFunction(fnB.name, values.slice(half), rng), "");
  if (types.length > 0) {
    lines.push(`function countRelated(`, ...types.map((t, i) => `  list${i}: readonly ${t.name}[],`), "): number {");
    lines.push(`  return ${types.map((_, i) => `list${i}.length`).join(" + ")};`, "}", "");
  }
  lines.push(...renderClass(cls.name, fnA.name, iface.name, slug, rng), "");
  const target = MIN_LINES + 5 + Math.floor(rng.next() ** 2 * (MAX_LINES - MIN_LINES - 15));
  for (let n = 1; lines.length < target; n += 1) {
    const block = renderFiller(rng, n, slug);
    if (lines.length + block.length + 1 > MAX_LINES) break;
    lines.push(...block, "");
  }
  while (lines.length < MIN_LINES) lines.push(`// ${slug}: reserved ${lines.length}`);
  return { source: `${lines.join("\n").trimEnd()}\n`, imports };
}

function renderImport(from: string, to: string, symbols: ExportedSymbol[]): string {
  let specifier = posix.relative(posix.dirname(from), to).replace(/\.ts$/, ".js");
  if (!specifier.startsWith(".")) specifier = `./${specifier}`;
  if (symbols.every(isType)) return `import type { ${symbols.map((s) => s.name).join(", ")} } from "${specifier}";`;
  return `import { ${symbols.map((s) => (isType(s) ? `type ${s.name}` : s.name)).join(", ")} } from "${specifier}";`;
}

function renderFunction(name: string, uses: ExportedSymbol[], rng: Prng): string[] {
  const lines = [`export function ${name}(value: number, label = ""): number {`, `  let total = value * ${rng.int(2, 9)} + REVISION;`];
  for (const s of uses) {
    if (s.kind === "function") lines.push(`  total += ${s.name}(total, label);`);
    else if (s.kind === "class") lines.push(`  total += new ${s.name}().handle(total);`);
    else lines.push(`  total += ${s.name}.limit;`);
    if (rng.chance(0.3)) lines.push(`  if (total > ${rng.int(100, 9000)}) {`, `    total = total % ${rng.int(10, 99)};`, "  }");
  }
  lines.push(`  if (label.length > ${rng.int(3, 20)}) {`, `    return Math.round(total / ${rng.int(2, 7)});`, "  }", "  return total;", "}");
  return lines;
}

function renderClass(name: string, fn: string, iface: string, slug: string, rng: Prng): string[] {
  return [
    `export class ${name} {`,
    "  private readonly name: string;",
    "  private calls = 0;",
    `  private readonly seen = new Map<string, ${iface}>();`,
    "",
    `  constructor(name = "${slug}") {`,
    "    this.name = name;",
    "  }",
    "",
    "  handle(input: number): number {",
    "    this.calls += 1;",
    `    return ${fn}(input + ${rng.int(1, 50)}, this.name) + this.calls;`,
    "  }",
    "",
    `  remember(item: ${iface}): void {`,
    "    this.seen.set(item.id, item);",
    "  }",
    "",
    "  describe(): string {",
    "    return `${this.name}: ${this.calls} calls, ${this.seen.size} items`;",
    "  }",
    "}",
  ];
}

function isType(s: ExportedSymbol): boolean {
  return s.kind === "interface" || s.kind === "type";
}

function fieldType(field: string): string {
  if (field === "enabled") return "boolean";
  if (field === "tags") return "string[]";
  if (["count", "weight", "ratio", "priority", "version", "score", "threshold"].includes(field)) return "number";
  return "string";
}

function capitalise(text: string): string {
  return (text[0] ?? "").toUpperCase() + text.slice(1);
}
