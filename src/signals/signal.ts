/** One coupling signal beyond imports: undirected module pairs, each with the signal's own weight. */
export interface Signal {
  name: string;
  weight: number;
  pairs: [string, string, number][];
  /** A hint that cannot tie a module to a service on its own (names): a module it alone links stays isolated. */
  weak?: boolean;
}
