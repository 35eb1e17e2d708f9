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
