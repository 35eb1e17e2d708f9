import { InvalidArgumentError } from "commander";

/** Commander argument parser for positive whole numbers ("--services 5"). */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError("expected a whole number of at least 1.");
  return number;
}

/** Commander argument parser for any whole number ("--seed 0"). */
export function integer(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number)) throw new InvalidArgumentError("expected a whole number.");
  return number;
}

/** Commander argument parser for paths: a value that looks like a flag (`--out --no-color`) is a forgotten value. */
export function pathValue(value: string): string {
  if (/^-./.test(value)) throw new InvalidArgumentError(`"${value}" looks like an option, not a path; give the path first (use ./${value} for a file named so).`);
  return value;
}
