/**
 * Finds `require("…")` calls, which oxc's module record does not list, by walking the syntax tree:
 * exact (a require in a string or comment is not a call). Iterative, so deep trees never overflow
 * the stack.
 */
interface Node {
  type?: unknown;
  [key: string]: unknown;
}

const SKIPPED_KEYS = new Set(["start", "end", "type", "range", "loc", "raw", "value", "decorators"]);

export function findRequireCalls(program: unknown): { specifier: string; start: number }[] {
  const calls: { specifier: string; start: number }[] = [];
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    const node = value as Node;
    if (node.type === "CallExpression") {
      const specifier = requireSpecifierOf(node);
      if (specifier !== undefined) calls.push({ specifier, start: Number(node.start) });
    }
    for (const key in node) {
      if (SKIPPED_KEYS.has(key)) continue;
      const child = node[key];
      if (child !== null && typeof child === "object") stack.push(child);
    }
  }
  return calls;
}

function requireSpecifierOf(node: Node): string | undefined {
  const callee = node.callee as Node | undefined;
  if (callee?.type !== "Identifier" || callee.name !== "require") return undefined;
  const args = node.arguments as Node[] | undefined;
  if (args?.length !== 1) return undefined;
  const [argument] = args;
  if (argument?.type === "Literal" && typeof argument.value === "string") return argument.value;
  if (argument?.type === "TemplateLiteral") {
    const quasis = argument.quasis as Node[];
    const expressions = argument.expressions as unknown[];
    const cooked = (quasis[0]?.value as { cooked?: unknown } | undefined)?.cooked;
    if (expressions.length === 0 && typeof cooked === "string") return cooked;
  }
  return undefined;
}
