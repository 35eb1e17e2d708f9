import type { ViolationKey } from "../model/check-result.js";

/** What every check reporter may use besides the result document. */
export interface CheckReportOptions {
  /** Prepended to root-relative paths so they are relative to where CI runs ("" when the same). */
  pathPrefix: string;
  /** The baseline file as the user should see it. */
  baselineFile: string;
  toolVersion: string;
  color: boolean;
}

export function withPrefix(options: CheckReportOptions, file: string): string {
  return options.pathPrefix === "" ? file : `${options.pathPrefix.replace(/\/$/, "")}/${file}`;
}

/** A baseline entry in one line: "rule: from -> to (symbol)", "rule: a, b", "rule: module". */
export function describeKey(key: ViolationKey): string {
  if ("services" in key) return `${key.rule}: services ${key.services.join(", ")}`;
  if ("module" in key) return `${key.rule}: ${key.module}`;
  return `${key.rule}: ${key.from} -> ${key.to} (${key.symbol === "*" ? "whole module" : key.symbol})`;
}

export function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : word.endsWith("y") ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

/** One line whatever a file name holds: control characters (a newline in a name) shown escaped. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (character) => (character === "\n" ? "\\n" : character === "\r" ? "\\r" : character === "\t" ? "\\t" : `\\x${character.charCodeAt(0).toString(16).padStart(2, "0")}`));
}
