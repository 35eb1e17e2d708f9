import type { Prng } from "./create-prng.js";
import { KEY_WORDS, NOUNS, STATUS_WORDS } from "./vocabulary.js";

/**
 * Private helper functions that give a generated module its bulk: varied, type-correct code
 * (loops, switches, lookups, async), so parsers work on realistic input instead of one repeated
 * line. `n` makes each helper name unique within its file.
 */
export function renderFiller(rng: Prng, n: number, slug: string): string[] {
  const noun = rng.pick(NOUNS);
  const name = `${noun[0]?.toUpperCase() ?? ""}${noun.slice(1)}${n}`;
  const a = rng.int(2, 90);
  const b = rng.int(2, 40);
  const template = rng.int(0, TEMPLATES.length - 1);
  const render = TEMPLATES[template] ?? TEMPLATES[0];
  return render ? render({ rng, name, noun, a, b, slug }) : [];
}

interface FillerInput {
  rng: Prng;
  name: string;
  noun: string;
  a: number;
  b: number;
  slug: string;
}

type Template = (input: FillerInput) => string[];

const TEMPLATES: readonly Template[] = [
  ({ rng, name }) => {
    const cases = rng.shuffle(STATUS_WORDS).slice(0, rng.int(2, 6));
    return [
      `function rank${name}(status: string): number {`,
      "  switch (status) {",
      ...cases.flatMap((c, i) => [`    case "${c}":`, `      return ${cases.length - i + rng.int(0, 9)};`]),
      "    default:",
      "      return 0;",
      "  }",
      "}",
    ];
  },
  ({ name, a, b }) => [
    `function sum${name}(values: readonly number[]): number {`,
    "  let acc = 0;",
    "  for (const v of values) {",
    `    if (v > ${a}) {`,
    `      acc += v * ${b};`,
    "    } else {",
    `      acc -= v / ${b + 1};`,
    "    }",
    "  }",
    `  return Math.round(acc * ${a * 10}) / ${a * 10};`,
    "}",
  ],
  ({ name, noun, a, b }) => [
    `interface ${name}Entry {`,
    "  key: string;",
    `  ${noun}: number;`,
    "  enabled: boolean;",
    "}",
    "",
    `function to${name}Entries(keys: readonly string[]): ${name}Entry[] {`,
    "  return keys",
    `    .filter((key) => key.length > ${b % 7})`,
    `    .map((key, i) => ({ key, ${noun}: i * ${a}, enabled: i % ${(b % 3) + 2} === 0 }));`,
    "}",
  ],
  ({ name, slug, a }) => [
    `function describe${name}(count: number, label: string): string {`,
    "  const prefix = label.trim().toLowerCase();",
    "  if (count === 0) {",
    `    return \`\${prefix}: no ${slug} items\`;`,
    "  }",
    `  if (count > ${a}) {`,
    `    return \`\${prefix}: more than ${a}\`;`,
    "  }",
    '  return `${prefix}: ${count} item${count === 1 ? "" : "s"}`;',
    "}",
  ],
  ({ rng, name, noun, a }) => {
    const keys = rng.shuffle(KEY_WORDS).slice(0, rng.int(3, 7));
    const table = `${noun.toUpperCase()}_TABLE_${name.toUpperCase()}`;
    return [
      `const ${table}: Record<string, number> = {`,
      ...keys.map((k) => `  ${k}: ${rng.int(1, 500)},`),
      "};",
      "",
      `function lookup${name}(key: string): number {`,
      `  return ${table}[key] ?? ${a};`,
      "}",
    ];
  },
  ({ name, a }) => [
    `async function load${name}(ids: readonly string[]): Promise<Map<string, number>> {`,
    "  const result = new Map<string, number>();",
    "  for (const [index, id] of ids.entries()) {",
    "    await Promise.resolve();",
    `    result.set(id, index * ${a});`,
    "  }",
    "  return result;",
    "}",
  ],
  ({ name, slug }) => [
    `function assert${name}(input: unknown): asserts input is { id: string } {`,
    '  if (typeof input !== "object" || input === null) {',
    `    throw new TypeError("${slug}: expected an object");`,
    "  }",
    '  if (!("id" in input) || typeof input.id !== "string") {',
    `    throw new TypeError("${slug}: expected a string id");`,
    "  }",
    "}",
  ],
  ({ name, a, b }) => [
    `function clamp${name}(value: number, min = ${b}, max = ${b + a * 3}): number {`,
    "  if (Number.isNaN(value)) {",
    "    return min;",
    "  }",
    "  return Math.min(max, Math.max(min, value));",
    "}",
  ],
  ({ name, a }) => [
    `function shift${name}(from: Date, days: number): Date {`,
    "  const next = new Date(from.getTime());",
    `  next.setUTCDate(next.getUTCDate() + days + ${a % 14});`,
    `  next.setUTCHours(${a % 24}, 0, 0, 0);`,
    "  return next;",
    "}",
  ],
  ({ name }) => [
    `function group${name}<T extends { kind: string }>(items: readonly T[]): Map<string, T[]> {`,
    "  const groups = new Map<string, T[]>();",
    "  for (const item of items) {",
    "    const bucket = groups.get(item.kind) ?? [];",
    "    bucket.push(item);",
    "    groups.set(item.kind, bucket);",
    "  }",
    "  return groups;",
    "}",
  ],
  ({ name, noun, a, b }) => [
    `function pick${name}<T extends { ${noun}: number }>(items: readonly T[], limit = ${b}): T[] {`,
    `  return [...items].sort((x, y) => y.${noun} - x.${noun}).slice(0, limit + ${a % 5});`,
    "}",
  ],
];
