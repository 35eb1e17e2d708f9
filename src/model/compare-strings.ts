/**
 * The one order for strings: by UTF-16 code units, as `Array.prototype.sort()` orders them. It
 * does not depend on the locale or ICU version (`localeCompare` does), so output is the same on
 * every machine. Ties return 0, so a stable sort keeps their order.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders `[key, value]` entries (of a Map or `Object.entries`) by key. */
export function compareKeys(a: readonly [string, ...unknown[]], b: readonly [string, ...unknown[]]): number {
  return compareStrings(a[0], b[0]);
}
