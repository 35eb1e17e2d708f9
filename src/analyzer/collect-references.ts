/**
 * One pass over a syntax tree that counts references to imported bindings (and to members of
 * imported namespaces, as "ns.member") and finds `require("…")` calls, which oxc's module record
 * does not list. Iterative, so deep trees never overflow the stack. Shadowing is ignored: a local
 * variable named like an import counts as a use, which only nudges a weight.
 */
export interface References {
  usages: Record<string, number>;
  requireCalls: { specifier: string; start: number }[];
}

interface Node {
  type?: unknown;
  [key: string]: unknown;
}

const SKIPPED_KEYS = new Set(["start", "end", "type", "range", "loc", "raw", "value", "decorators"]);

export function collectReferences(program: unknown, locals: Map<string, "namespace" | "binding">): References {
  const usages: Record<string, number> = {};
  const requireCalls: { specifier: string; start: number }[] = [];
  const stack: unknown[] = [program];

  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    const node = value as Node;
    switch (node.type) {
      case "ImportDeclaration":
        continue; // the binding itself is not a use
      case "ExportNamedDeclaration":
      case "ExportAllDeclaration":
        if (node.source !== null && node.source !== undefined) continue;
        break;
      case "Identifier":
      case "JSXIdentifier": {
        const name = node.name;
        if (typeof name === "string" && locals.get(name) === "binding") usages[name] = (usages[name] ?? 0) + 1;
        if (node.typeAnnotation !== null && node.typeAnnotation !== undefined) stack.push(node.typeAnnotation);
        continue;
      }
      case "MemberExpression":
      case "TSQualifiedName":
      case "JSXMemberExpression": {
        const namespaceMember = namespaceMemberOf(node, locals);
        if (namespaceMember !== undefined) {
          usages[namespaceMember] = (usages[namespaceMember] ?? 0) + 1;
          continue;
        }
        break;
      }
      case "CallExpression": {
        const specifier = requireSpecifierOf(node);
        if (specifier !== undefined) requireCalls.push({ specifier, start: Number(node.start) });
        break;
      }
    }
    for (const key in node) {
      if (SKIPPED_KEYS.has(key)) continue;
      const child = node[key];
      if (child !== null && typeof child === "object") stack.push(child);
    }
  }
  return { usages, requireCalls };
}

/** `ns.member`, `ns.Type` or `<ns.Component>` where ns is an imported namespace. */
function namespaceMemberOf(node: Node, locals: Map<string, "namespace" | "binding">): string | undefined {
  const object = (node.object ?? node.left) as Node | undefined;
  const property = (node.property ?? node.right) as Node | undefined;
  if (object === undefined || property === undefined || node.computed === true) return undefined;
  if (object.type !== "Identifier" && object.type !== "JSXIdentifier") return undefined;
  if (typeof object.name !== "string" || locals.get(object.name) !== "namespace") return undefined;
  if (typeof property.name !== "string") return undefined;
  return `${object.name}.${property.name}`;
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
