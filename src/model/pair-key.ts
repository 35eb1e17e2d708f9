/**
 * Two strings as one Map key, and back again with their types: module pairs, service pairs,
 * table and access. The separator, NUL, occurs in no path, name or symbol.
 */
export type PairKey<A extends string = string, B extends string = string> = string & { readonly __pair: readonly [A, B] };

const SEPARATOR = "\0";

/** The one constructor of PairKey. */
export function pairKey<A extends string, B extends string>(a: A, b: B): PairKey<A, B> {
  return `${a}${SEPARATOR}${b}` as PairKey<A, B>;
}

/** The two strings a PairKey was made of, with the types they had. */
export function splitPairKey<A extends string, B extends string>(key: PairKey<A, B>): [A, B] {
  const at = key.indexOf(SEPARATOR);
  return [key.slice(0, at) as A, key.slice(at + 1) as B];
}
