import { type Partition } from "../model/partition.js";
import type { ModuleId } from "../model/module-id.js";
import type { ServiceName } from "../model/service-name.js";

/** One module's use of a symbol another module declares ("*" for a whole-module import). */
export interface SymbolUse {
  from: ModuleId;
  declaredIn: ModuleId;
  symbol: string;
}

export interface InterfaceNumberResult {
  /** Mean interfaces per service, ≥ 0; lower is better. */
  value: number;
  /** Interfaces of each service: its symbols that modules of other services use. */
  interfaces: Map<ServiceName, number>;
}

/**
 * Interface number (IFN): the mean number of interfaces a service publishes,
 *
 *   IFN = (1/K) Σ_i |I_i|
 *
 * where I_i is the set of service i's interfaces: here, the distinct exported symbols declared in
 * service i that modules of another service use (a whole-module import counts as one symbol, "*").
 * Uses from modules outside the partition (shared) do not make an interface.
 * Source: W. Jin, T. Liu, Y. Cai, R. Kazman, R. Mo, Q. Zheng, "Service Candidate Identification
 * from Monolithic Systems Based on Execution Traces", IEEE TSE 47(5), 2019 (interfaces there are
 * the public methods other services call); also in Mono2Micro and CARGO.
 */
export function computeInterfaceNumber(partition: Partition, uses: Iterable<SymbolUse>): InterfaceNumberResult {
  const published = new Map<ServiceName, Set<string>>(partition.services.map((service) => [service, new Set()]));
  for (const use of uses) {
    const user = partition.serviceOf.get(use.from);
    const owner = partition.serviceOf.get(use.declaredIn);
    if (user === undefined || owner === undefined || user === owner) continue;
    published.get(owner)?.add(`${use.declaredIn}\0${use.symbol}`);
  }
  const interfaces = new Map([...published].map(([service, symbols]) => [service, symbols.size]));
  const k = partition.services.length;
  let sum = 0;
  for (const count of interfaces.values()) sum += count;
  return { value: k === 0 ? 0 : sum / k, interfaces };
}
