/**
 * Lookups that cannot miss by construction (a node's community, a module's index). Where one
 * does miss, decouple has a bug: it fails loudly as an internal error instead of computing on.
 */
export function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`internal: no entry for ${String(key)}`);
  return value;
}

/** The item at an index that is in range by construction. */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`internal: no item at ${index} of ${items.length}`);
  return item;
}
