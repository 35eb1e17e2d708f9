/** Four decimals: enough to compare, stable across platforms' float printing. */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
