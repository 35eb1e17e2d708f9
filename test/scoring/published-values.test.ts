import { describe, expect, it } from "vitest";
import { computeInterCallPercentage } from "../../src/scoring/compute-inter-call-percentage.js";
import { computeModularity } from "../../src/scoring/compute-modularity.js";
import { computeNonExtremeDistribution } from "../../src/scoring/compute-non-extreme-distribution.js";
import { computeStructuralModularity } from "../../src/scoring/compute-structural-modularity.js";
import { computeTurboMq } from "../../src/scoring/compute-turbo-mq.js";
import type { Dependency, Partition } from "../../src/model/partition.js";
import { dependenciesOf, partitionOf } from "../support/branded.js";

/**
 * Values published by, or computed with, implementations decouple does not share code with, on
 * public inputs: the test needs neither Python nor Java, the values were computed once (the
 * snippets are in docs/metrics.md, "Checked against other implementations").
 */

/**
 * Zachary's karate club (W. W. Zachary, "An information flow model for conflict and fission in
 * small groups", J. Anthropological Research 33(4), 1977): 34 members, 78 ties, each weighted by the
 * number of contexts in which the two members met. Transcribed from networkx 2.8.8,
 * networkx/generators/social.py, `karate_club_graph()`; members numbered 1–34 as in the paper
 * (networkx numbers them 0–33).
 */
const KARATE_CLUB = `
1-2:4 1-3:5 1-4:3 1-5:3 1-6:3 1-7:3 1-8:2 1-9:2 1-11:2 1-12:3 1-13:1 1-14:3 1-18:2
1-20:2 1-22:2 1-32:2 2-3:6 2-4:3 2-8:4 2-14:5 2-18:1 2-20:2 2-22:2 2-31:2 3-4:3 3-8:4
3-9:5 3-10:1 3-14:3 3-28:2 3-29:2 3-33:2 4-8:3 4-13:3 4-14:3 5-7:2 5-11:3 6-7:5 6-11:3
6-17:3 7-17:3 9-31:3 9-33:3 9-34:4 10-34:2 14-34:3 15-33:3 15-34:2 16-33:3 16-34:4 19-33:1 19-34:2
20-34:1 21-33:3 21-34:1 23-33:2 23-34:3 24-26:5 24-28:4 24-30:3 24-33:5 24-34:4 25-26:2 25-28:3 25-32:2
26-32:7 27-30:4 27-34:2 28-34:4 29-32:2 29-34:2 30-33:4 30-34:2 31-33:3 31-34:3 32-33:4 32-34:4 33-34:5`;

function karateClub(weighted: boolean): Dependency[] {
  return dependenciesOf(KARATE_CLUB.trim()
    .split(/\s+/)
    .map((tie) => {
      const [from = "", to = "", weight = ""] = tie.split(/[-:]/);
      return { from, to, weight: weighted ? Number(weight) : 1 };
    }));
}

/** A partition from its groups of members, plus one group of every member not listed. */
function groups(...listed: number[][]): Partition {
  const serviceOf = new Map<string, string>();
  for (let member = 1; member <= 34; member++) serviceOf.set(String(member), `g${listed.length}`);
  listed.forEach((members, index) => members.forEach((member) => serviceOf.set(String(member), `g${index}`)));
  return partitionOf(serviceOf);
}

/** The members of Mr. Hi's faction after the split, networkx's `club == "Mr. Hi"` (member 9 went with him). */
const MR_HI = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 17, 18, 20, 22];

/**
 * The three communities of Clauset, Newman and Moore's greedy algorithm on the unweighted club:
 * the expected result of networkx's test_modularity_max.py (`TestCNM.test_karate_club`, there
 * numbered from 0) and of Graphs.jl's test/community/greedy_modularity.jl (`expected_c`).
 */
const GREEDY = groups([1, 5, 6, 7, 11, 12, 17, 20], [2, 3, 4, 8, 10, 13, 14, 18, 22]);

describe("modularity against published values and networkx", () => {
  it("is 0.3806706114398422 for the greedy communities of the karate club, as Graphs.jl's test publishes", () => {
    // JuliaGraphs/Graphs.jl test/community/greedy_modularity.jl: expected_q = 0.3806706114398422;
    // networkx 2.8.8 modularity(G, communities, weight=None) gives the same value.
    expect(computeModularity(GREEDY, karateClub(false))).toBeCloseTo(0.3806706114398422, 12);
  });

  it("matches networkx on the club's real split, with member 9 on either side", () => {
    // networkx 2.8.8: the factions as recorded (member 9 with Mr. Hi) 0.3582347140039448; with
    // member 9 on John A.'s side, where his ties put him, 0.37146614069691 (the ≈ 0.371 usually
    // quoted for the observed split).
    expect(computeModularity(groups(MR_HI), karateClub(false))).toBeCloseTo(0.3582347140039448, 12);
    expect(computeModularity(groups(MR_HI.filter((member) => member !== 9)), karateClub(false))).toBeCloseTo(0.37146614069691, 12);
  });

  it("matches networkx on the weighted club (weights: contexts in which two members met)", () => {
    // networkx 2.8.8, modularity(G, communities, weight="weight").
    expect(computeModularity(GREEDY, karateClub(true))).toBeCloseTo(0.41096493693896297, 12);
    expect(computeModularity(groups(MR_HI), karateClub(true))).toBeCloseTo(0.39143756676224206, 12);
  });

  it("is 1/22 on Graphs.jl's weighted barbell: two triangles joined by an edge of weight 5", () => {
    // JuliaGraphs/Graphs.jl test/community/modularity.jl, "3.1. undirected and weighted":
    // barbell_graph(3, 3), c = [1, 1, 1, 2, 2, 2], the handle 3–4 weighs 5: Q = 0.045454545454545456.
    const barbell = partitionOf(new Map([["1", "a"], ["2", "a"], ["3", "a"], ["4", "b"], ["5", "b"], ["6", "b"]]));
    const edges = [["1", "2", 1], ["1", "3", 1], ["2", "3", 1], ["3", "4", 5], ["4", "5", 1], ["4", "6", 1], ["5", "6", 1]] as const;
    const dependencies = dependenciesOf(edges.map(([from, to, weight]) => ({ from, to, weight })));
    expect(computeModularity(barbell, dependencies)).toBeCloseTo(0.045454545454545456, 12);
  });
});

/**
 * The weighted module dependency graph of Bunch's own API test (curtcox/Bunch,
 * src/test/java/bunch/api/BunchPassingAPITest.java, `newBunchMDG()`): from, to, weight.
 */
const BUNCH_MDG = `
50 105 1, 170 56 7, 29 144 4, 150 211 10, 211 328 1, 29 105 1, 211 14 34, 21 16 1, 21 144 6,
17 16 2, 17 144 1, 17 105 11, 14 16 6, 14 144 7, 14 105 9, 170 6 3, 308 50 4, 6 105 2,
211 150 12, 21 82 2, 125 56 4, 14 82 4, 56 125 8, 170 14 25, 144 6 8, 79 17 2, 467 79 1,
82 21 20, 150 328 5, 79 21 1, 150 14 4, 29 125 11, 144 14 6, 79 211 67, 79 56 7, 56 79 6,
14 125 8, 53 79 30, 11 125 8, 50 79 12, 119 328 5, 144 150 10`;

const bunchMdg: Dependency[] = dependenciesOf(BUNCH_MDG.trim()
  .split(",")
  .map((edge) => {
    const [from = "", to = "", weight = ""] = edge.trim().split(/\s+/);
    return { from, to, weight: Number(weight) };
  }));

/** Five clusters of that graph: networkx's greedy_modularity_communities on it, both directions summed. */
const bunchClusters = partitionOf(
  new Map(
    [["6", "119", "144", "150", "328"], ["11", "29", "56", "125"], ["14", "16", "17", "105", "170"], ["21", "82"], ["50", "53", "79", "211", "308", "467"]].flatMap(
      (members, index) => members.map((member): [string, string] => [member, `c${index}`]),
    ),
  ),
);

describe("Bunch's sample graph against Bunch's and Mono2Micro's own code", () => {
  it("gives what Bunch's TurboMQ class computes on Bunch's sample graph", () => {
    // bunch.calculator.TurboMQ (curtcox/Bunch, commit 2b9db86b) run on this graph and partition:
    // 3.260157671864969 (harness in docs/metrics.md).
    expect(computeTurboMq(bunchClusters, bunchMdg).value).toBeCloseTo(3.260157671864969, 12);
  });

  it("gives what Bunch computes on the worked example of partition-metrics.test.ts", () => {
    // The same harness on that example without its shared module: 1.3692307692307693 = 10/13 + 0.6.
    const example = partitionOf(new Map([["a1", "a"], ["a2", "a"], ["a3", "a"], ["b1", "b"], ["b2", "b"], ["c1", "c"]]));
    const edges = [["a1", "a2", 2], ["a2", "a1", 1], ["a2", "a3", 1], ["a3", "a1", 1], ["b1", "b2", 3], ["a1", "b1", 1], ["b2", "a3", 2], ["c1", "b2", 1]] as const;
    const dependencies = dependenciesOf(edges.map(([from, to, weight]) => ({ from, to, weight })));
    expect(computeTurboMq(example, dependencies).value).toBeCloseTo(1.3692307692307693, 12);
  });

  it("has the structural modularity that Mono2Micro's evaluation code computes for those clusters", () => {
    // structural_modularity of kaliaanup/Mono2Micro-FSE-2021 (metrics_util.py, by Mono2Micro's
    // authors), run on this graph as "from--to" call volumes and these five clusters, with its final
    // round(smq, 3) left out: 0.08811111111111114 (harness in docs/metrics.md).
    expect(computeStructuralModularity(bunchClusters, bunchMdg).value).toBeCloseTo(0.08811111111111114, 12);
  });

  it("has the inter-call percentage Mono2Micro's code computes, with its damping of each volume v to ln(v) + 1", () => {
    // inter_call_percentage of the same file, unrounded, with the edge weights as call volumes: 0.45164992792787056.
    const damped = bunchMdg.map((call) => ({ ...call, weight: Math.log(call.weight) + 1 }));
    expect(computeInterCallPercentage(bunchClusters, damped).value).toBeCloseTo(0.45164992792787056, 12);
  });

  it("has one minus the non-extreme distribution Mono2Micro's code computes (its NED counts the extreme share)", () => {
    // non_extreme_distribution of the same file, unrounded: 0.2727272727272727 (6 of 22 classes in
    // services outside 5..20 modules); decouple reports the non-extreme share, higher is better.
    expect(computeNonExtremeDistribution(bunchClusters).value).toBeCloseTo(1 - 0.2727272727272727, 12);
  });

  it("has the modularity networkx computes for those clusters", () => {
    // networkx 2.8.8 modularity(G, clusters, weight="weight") on the undirected graph with both
    // directions of a pair summed, as decouple reads the coupling graph: 0.3927717575826166.
    expect(computeModularity(bunchClusters, bunchMdg)).toBeCloseTo(0.3927717575826166, 12);
  });
});
