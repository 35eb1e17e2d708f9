import { parseSync } from "oxc-parser";
import type { EdgeKind, ExportEntry, ImportSite, ParsedModule } from "../model/module-graph.js";
import { findRequireCalls } from "./find-require-calls.js";
import { findTableAccess } from "./find-table-access.js";
import { countReferences } from "./count-references.js";

/**
 * Reads one file's imports, exports and symbol usage from its syntax tree (oxc: our own parser,
 * so a user's TypeScript version never matters). Pure: file name and text in, plain data out.
 */
export function parseModule(fileName: string, sourceText: string): ParsedModule {
  const result = parseSync(fileName, sourceText, { sourceType: "unambiguous" });
  const lineOf = makeLineLookup(sourceText);
  const imports: ImportSite[] = [];
  const exports: ExportEntry[] = [];

  for (const statement of result.module.staticImports) {
    const names = statement.entries.map((entry) => ({
      imported:
        entry.importName.kind === "Name"
          ? (entry.importName.name ?? "")
          : entry.importName.kind === "Default"
            ? "default"
            : "*",
      local: entry.localName.value,
      typeOnly: entry.isType,
    }));
    const typeOnly = names.length > 0 && names.every((name) => name.typeOnly);
    // `import x = require()` style and plain imports land here; side-effect imports have no names.
    imports.push({
      specifier: statement.moduleRequest.value,
      kind: typeOnly ? "type" : "value",
      line: lineOf(statement.start),
      names,
    });
  }

  const reExportSites = new Map<string, ImportSite>();
  for (const statement of result.module.staticExports) {
    for (const entry of statement.entries) {
      const exportName =
        entry.exportName.kind === "Name"
          ? (entry.exportName.name ?? "")
          : entry.exportName.kind === "Default"
            ? "default"
            : "*";
      if (entry.moduleRequest === null) {
        exports.push({ name: exportName, typeOnly: entry.isType });
        continue;
      }
      const specifier = entry.moduleRequest.value;
      const imported = entry.importName.kind === "Name" ? (entry.importName.name ?? "") : "*";
      exports.push({ name: exportName, from: specifier, imported, typeOnly: entry.isType });
      const key = `${specifier}\0${statement.start}`;
      let site = reExportSites.get(key);
      if (site === undefined) {
        site = { specifier, kind: "re-export", line: lineOf(statement.start), names: [] };
        reExportSites.set(key, site);
        imports.push(site);
      }
      if (imported !== "*" || exportName !== "*") {
        site.names.push({ imported, local: "", typeOnly: entry.isType });
      }
    }
  }
  // A re-export through a local import (`import { a } from "./a"; export { a }`) is reported by oxc
  // as a re-export too; the import statement itself is still an import edge.

  for (const dynamic of result.module.dynamicImports) {
    const raw = sourceText.slice(dynamic.moduleRequest.start, dynamic.moduleRequest.end);
    const specifier = stringLiteralValue(raw);
    if (specifier !== undefined) {
      imports.push({ specifier, kind: "dynamic", line: lineOf(dynamic.start), names: [] });
    }
  }

  // `/// <reference path="…" />` makes the compiler read another file: a type-level dependency.
  for (const comment of result.comments) {
    const reference = comment.type === "Line" ? TRIPLE_SLASH_PATH.exec(comment.value) : null;
    if (reference?.[1] === undefined) continue;
    const target = reference[1];
    const specifier = target.startsWith(".") || target.startsWith("/") ? target : `./${target}`;
    imports.push({ specifier, kind: "type", line: lineOf(comment.start), names: [] });
  }

  // `import("./x").T` in a type position (a TypeScript import type) is a type-level dependency that
  // oxc's module record does not list; dynamic import() expressions are, and are skipped here.
  const dynamicStarts = new Set(result.module.dynamicImports.map((dynamic) => dynamic.start));
  for (const match of sourceText.matchAll(IMPORT_TYPE)) {
    const at = match.index;
    if (dynamicStarts.has(at) || insideComment(at, result.comments) || match[2] === undefined) continue;
    imports.push({ specifier: match[2], kind: "type", line: lineOf(at), names: [] });
  }

  // Only files that mention require( outside comments pay for walking the tree (rare in TypeScript).
  if (mentionsRequire(sourceText, result.comments)) {
    for (const call of findRequireCalls(result.program)) {
      imports.push({ specifier: call.specifier, kind: "require" satisfies EdgeKind, line: lineOf(call.start), names: [] });
    }
  }
  const statements = [...result.module.staticImports, ...result.module.staticExports.filter((s) => s.entries.some((e) => e.moduleRequest !== null))];
  const usages = countReferences(sourceText, localNamesOf(imports), [...result.comments, ...statements]);

  return {
    lines: countLines(sourceText),
    imports,
    exports,
    usages,
    tables: findTableAccess(sourceText),
    syntaxErrors: result.errors.map((error) => locateError(sourceText, lineOf, error.message, error.labels[0]?.start)),
  };
}

const IMPORT_TYPE = /(?<![\w$.])import\s*\(\s*(["'])([^"'\n]+)\1\s*\)\s*\./g;

function insideComment(at: number, comments: { start: number; end: number }[]): boolean {
  let low = 0;
  let high = comments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const comment = comments[middle] as { start: number; end: number };
    if (at < comment.start) high = middle - 1;
    else if (at >= comment.end) low = middle + 1;
    else return true;
  }
  return false;
}

const TRIPLE_SLASH_PATH = /^\/\s*<reference\s+path\s*=\s*["']([^"']+)["']/;

/** A `require(` call outside comments (sorted by position): only then is the tree worth walking. */
function mentionsRequire(text: string, comments: { start: number; end: number }[]): boolean {
  const call = /(?<![\w$.])require\s*\(/g;
  let comment = 0;
  for (let match = call.exec(text); match !== null; match = call.exec(text)) {
    while (comment < comments.length && (comments[comment]?.end ?? 0) <= match.index) comment++;
    const inside = comments[comment];
    if (inside === undefined || inside.start > match.index) return true;
  }
  return false;
}

function localNamesOf(imports: ImportSite[]): Map<string, "namespace" | "binding"> {
  const locals = new Map<string, "namespace" | "binding">();
  for (const site of imports) {
    for (const name of site.names) {
      if (name.local !== "") locals.set(name.local, name.imported === "*" ? "namespace" : "binding");
    }
  }
  return locals;
}

/** The value of a plain string literal or a template without substitutions; undefined otherwise. */
function stringLiteralValue(raw: string): string | undefined {
  const match = /^(["'`])([^"'`$\\]*)\1$/.exec(raw.trim());
  return match?.[2];
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return text.endsWith("\n") ? lines - 1 : lines;
}

/** "line 3, column 7: Expected a semicolon": where the parser stopped, as an editor counts. */
function locateError(text: string, lineOf: (offset: number) => number, message: string, offset: number | undefined): string {
  if (offset === undefined) return message;
  const column = offset - (text.lastIndexOf("\n", offset - 1) + 1) + 1;
  return `line ${lineOf(offset)}, column ${column}: ${message}`;
}

/** Maps a UTF-16 offset to its 1-based line; built once per file, looked up by binary search. */
export function makeLineLookup(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
