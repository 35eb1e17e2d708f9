import type { Symbol as TsSymbol, Type } from "ts-morph";
import type { TsMorphModule } from "./derive-context.js";

/** Library object types JSON cannot carry, with what to send instead. */
const LIBRARY_REASONS: Readonly<Record<string, string>> = {
  Map: "a Map: JSON has no maps; send a Record (string keys) or an array of [key, value] entries",
  ReadonlyMap: "a Map: JSON has no maps; send a Record (string keys) or an array of [key, value] entries",
  WeakMap: "a WeakMap: holds object identities, which do not travel",
  Set: "a Set: JSON has no sets; send an array",
  ReadonlySet: "a Set: JSON has no sets; send an array",
  WeakSet: "a WeakSet: holds object identities, which do not travel",
  WeakRef: "a WeakRef: an object identity, which does not travel",
  Promise: "a Promise nested in data: only a top-level result is awaited before sending",
  RegExp: "a RegExp: serialises to {}; send its source as a string",
  Error: "an Error instance: serialises to {}; send a problem document or its message",
  Buffer: "binary data: send it base64-encoded in a string",
  ArrayBuffer: "binary data: send it base64-encoded in a string",
  SharedArrayBuffer: "binary data: send it base64-encoded in a string",
  Uint8Array: "binary data: send it base64-encoded in a string",
  Int8Array: "binary data: send it base64-encoded in a string",
  Uint16Array: "binary data: send it base64-encoded in a string",
  Int16Array: "binary data: send it base64-encoded in a string",
  Uint32Array: "binary data: send it base64-encoded in a string",
  Int32Array: "binary data: send it base64-encoded in a string",
  Float32Array: "binary data: send it base64-encoded in a string",
  Float64Array: "binary data: send it base64-encoded in a string",
  BigInt64Array: "binary data: send it base64-encoded in a string",
  BigUint64Array: "binary data: send it base64-encoded in a string",
  DataView: "binary data: send it base64-encoded in a string",
  ReadableStream: "a stream: send its content, or serve it from a separate endpoint",
  Readable: "a stream: send its content, or serve it from a separate endpoint",
  Writable: "a stream: send its content, or serve it from a separate endpoint",
  URL: "a URL object: serialises to a string but arrives as one; send url.href",
};

/** Declared in TypeScript's lib files or an installed package rather than the project's own code. */
export function isExternalSymbol(symbol: TsSymbol | undefined): boolean {
  const declarations = symbol?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every((d) => {
    const file = d.getSourceFile();
    return file.isFromExternalLibrary() || file.isInNodeModules() || /[\\/]typescript[\\/]lib[\\/]lib\./.test(file.getFilePath());
  });
}

/** JSON's `Date`: TypeScript's lib Date becomes `string` with `format: date-time`. */
export function isLibDate(type: Type): boolean {
  const symbol = type.getSymbol();
  return symbol?.getName() === "Date" && isExternalSymbol(symbol);
}

/** Why JSON cannot carry this type, or undefined when it can (its parts may still not). */
export function unexpressibleReason(tsm: TsMorphModule, type: Type): string | undefined {
  const flags = type.getFlags();
  const { TypeFlags } = tsm.ts;
  if (flags & (TypeFlags.BigInt | TypeFlags.BigIntLiteral)) {
    return "a bigint: JSON numbers lose precision past 2^53 and JSON.stringify throws on bigint; send a decimal string";
  }
  if (flags & (TypeFlags.ESSymbol | TypeFlags.UniqueESSymbol)) return "a symbol: it has no JSON form";
  if (flags & TypeFlags.Object && type.getCallSignatures().length > 0 && type.getProperties().length === 0) {
    return "a function: behaviour cannot travel as data";
  }
  if (type.getConstructSignatures().length > 0) return "a class or constructor: behaviour cannot travel as data";
  const symbol = type.getSymbol();
  if (!symbol || !(flags & TypeFlags.Object)) return undefined;
  // Arrays, tuples and Date have methods too, and JSON carries them: their parts are walked instead.
  if (type.isArray() || type.isTuple() || isLibDate(type) || (symbol.getName() === "ReadonlyArray" && isExternalSymbol(symbol))) return undefined;
  if (isExternalSymbol(symbol)) {
    const known = LIBRARY_REASONS[symbol.getName()];
    if (known) return known;
  }
  const methods = methodNames(type);
  if (methods.length === 0) return undefined;
  // Name the public methods a reader knows (`send`, `json`) before internal ones (`_destroy`).
  methods.sort((a, b) => Number(a.startsWith("_")) - Number(b.startsWith("_")));
  const listed = methods.slice(0, 3).join(", ") + (methods.length > 3 ? ", ..." : "");
  if (isClassInstance(type)) {
    return `an instance of class ${symbol.getName()} with behaviour (${listed}): it arrives as a plain object without its methods`;
  }
  if (isExternalSymbol(symbol)) {
    return `${symbol.getName()} from a library, an object with behaviour (${listed}): not plain data`;
  }
  return undefined;
}

function isClassInstance(type: Type): boolean {
  return (type.getSymbol()?.getDeclarations() ?? []).some((d) => d.getKindName() === "ClassDeclaration" || d.getKindName() === "ClassExpression");
}

/** Members declared as methods (or function-valued properties), sorted. */
export function methodNames(type: Type): string[] {
  const names: string[] = [];
  for (const property of type.getProperties()) {
    const declarations = property.getDeclarations();
    const isMethod = declarations.some((d) => d.getKindName() === "MethodDeclaration" || d.getKindName() === "MethodSignature");
    // Symbol-keyed members (`[Symbol.iterator]`) are printed as `__@iterator@12`: not worth naming.
    if (isMethod && !property.getName().startsWith("__@")) names.push(property.getName());
  }
  return names.sort();
}
