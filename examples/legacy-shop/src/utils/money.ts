import { config } from "./config.js";

/** All money in the shop is integer cents. Floats caused the 2018 "penny drift" incident. */
export type Cents = number;

export function assertCents(value: number, label = "amount"): Cents {
  if (!Number.isInteger(value)) {
    throw new TypeError(`${label} must be an integer number of cents, got ${value}`);
  }
  return value;
}

export function multiplyCents(unitCents: Cents, quantity: number): Cents {
  return assertCents(unitCents * quantity, "line total");
}

export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce((acc, v) => acc + v, 0);
}

/** Percentage of an amount, rounded half-up to the nearest cent. */
export function percentOf(amount: Cents, percent: number): Cents {
  return Math.round((amount * percent) / 100);
}

export function clampCents(value: Cents, min: Cents, max: Cents): Cents {
  return Math.min(Math.max(value, min), max);
}

export function formatMoney(amount: Cents, currency: string = config.currency): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount / 100);
}
