import { membersOf, type Dependency, type Partition } from "../model/partition.js";
import { placed } from "./partition.js";
import { itemAt } from "../model/must-get.js";
import type { ServiceName } from "../model/service-name.js";

export interface StructuralModularityResult {
  /** SM = mean cohesion − mean coupling; range (−1, 0.5); higher is better. */
  value: number;
  /** scoh_i = μ_i / N_i² per service. */
  cohesion: Map<string, number>;
  /** Mean of scop over pairs of services (0 with one service). */
  coupling: number;
}

/**
 * Structural modularity (SM):
 *
 *   SM = (1/K) Σ_i scoh_i − (1 / (K(K−1)/2)) Σ_{i≠j} scop_ij
 *   scoh_i = μ_i / N_i²,   scop_ij = σ_ij / (2 N_i N_j)
 *
 * where K is the number of services, N_i the modules of service i, μ_i the dependency edges inside
 * service i and σ_ij the edges between services i and j. The sum over i≠j runs over ordered pairs,
 * so with the 2 in scop's denominator the second term is the mean over unordered pairs of
 * σ_ij / (N_i N_j). Edges are unweighted and undirected, counted once per pair of modules linked
 * in either direction, as in the Mono2Micro evaluation code that reports SM.
 * Source: W. Jin, T. Liu, Y. Cai, R. Kazman, R. Mo, Q. Zheng, "Service Candidate Identification
 * from Monolithic Systems Based on Execution Traces", IEEE TSE 47(5), 2019 (first in Jin et al.,
 * "Functionality-oriented microservice extraction based on execution trace clustering", ICWS 2018);
 * used by Mono2Micro (Kalia et al., ESEC/FSE 2021) and CARGO (Nitin et al., ASE 2022).
 */
export function computeStructuralModularity(partition: Partition, dependencies: Iterable<Dependency>): StructuralModularityResult {
  const linked = new Set<string>();
  const inside = new Map<string, number>();
  const between = new Map<string, number>();
  for (const { from, to, source, target } of placed(partition, dependencies)) {
    const key = from < to ? `${from}\0${to}` : `${to}\0${from}`;
    if (linked.has(key)) continue; // a→b and b→a are one link
    linked.add(key);
    if (source === target) inside.set(source, (inside.get(source) ?? 0) + 1);
    else {
      const pair = source < target ? `${source}\0${target}` : `${target}\0${source}`;
      between.set(pair, (between.get(pair) ?? 0) + 1);
    }
  }
  const members = membersOf(partition);
  const size = (service: ServiceName): number => members.get(service)?.length ?? 0;
  const services = partition.services.filter((service) => size(service) > 0);
  const k = services.length;
  if (k === 0) return { value: 0, cohesion: new Map(), coupling: 0 };

  const cohesion = new Map<string, number>();
  let cohesionSum = 0;
  for (const service of services) {
    const scoh = (inside.get(service) ?? 0) / size(service) ** 2;
    cohesion.set(service, scoh);
    cohesionSum += scoh;
  }
  let couplingSum = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const a = itemAt(services, i);
      const b = itemAt(services, j);
      couplingSum += (between.get(`${a}\0${b}`) ?? 0) / (size(a) * size(b));
    }
  }
  const coupling = k === 1 ? 0 : couplingSum / ((k * (k - 1)) / 2);
  return { value: cohesionSum / k - coupling, cohesion, coupling };
}
