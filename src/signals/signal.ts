import type { ModuleId } from "../model/module-id.js";

/** An undirected module pair with a signal's weight for it. */
export type ModulePair = [ModuleId, ModuleId, number];

/** One coupling signal beyond imports: undirected module pairs, each with the signal's own weight. */
export interface Signal {
  name: string;
  weight: number;
  pairs: ModulePair[];
  /** A hint that cannot tie a module to a service on its own (names): a module it alone links stays isolated. */
  weak?: boolean;
}
