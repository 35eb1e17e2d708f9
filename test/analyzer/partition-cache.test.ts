import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openPartitionCache, partitionKey } from "../../src/analyzer/partition-cache.js";
import type { Dependencies } from "../../src/clustering/detect-shared-modules.js";
import type { ModuleClusters, PartitionOptions } from "../../src/clustering/propose-partition.js";
import { partitionOptions } from "../support/partition-options.js";
import { dependencyMap, moduleIds, modulePairs, moduleSet } from "../support/branded.js";
import { parseModuleId } from "../../src/model/module-id.js";

const directories: string[] = [];
afterEach(() => directories.splice(0).forEach((directory) => fs.rmSync(directory, { recursive: true, force: true })));

function cacheDirectory(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "decouple-partition-cache-"));
  directories.push(directory);
  return directory;
}

const nodes = moduleIds(["a.ts", "b.ts", "c.ts"]);
const dependencies = (): Dependencies => dependencyMap([["a.ts", "b.ts", 1], ["b.ts", "c.ts", 0.3]]);
const options = (overrides: Partial<PartitionOptions> = {}): PartitionOptions =>
  partitionOptions({ signals: [{ name: "names", weight: 0.2, weak: true, pairs: modulePairs([["a.ts", "c.ts", 1]]) }], ...overrides });
const partition: ModuleClusters = { services: [moduleIds(["a.ts", "b.ts"])], shared: new Map([[parseModuleId("c.ts"), "hub"]]) };

describe("partitionKey", () => {
  it("is the same for the same inputs, whatever the order of the maps", () => {
    const reordered: Dependencies = dependencyMap([["b.ts", "c.ts", 0.3], ["a.ts", "b.ts", 1]]);
    expect(partitionKey(nodes, reordered, options())).toBe(partitionKey([...nodes].reverse(), dependencies(), options()));
  });

  it.each<[string, () => string]>([
    ["a dependency's weight", () => partitionKey(nodes, dependencyMap([["a.ts", "b.ts", 2], ["b.ts", "c.ts", 0.3]]), options())],
    ["a module", () => partitionKey([...nodes, parseModuleId("d.ts")], dependencies(), options())],
    ["the seed", () => partitionKey(nodes, dependencies(), options({ seed: 7 }))],
    ["a signal pair", () => partitionKey(nodes, dependencies(), options({ signals: [{ name: "names", weight: 0.2, weak: true, pairs: modulePairs([["a.ts", "c.ts", 2]]) }] }))],
    ["a pin", () => partitionKey(nodes, dependencies(), options({ pinnedGroups: new Map([[parseModuleId("a.ts"), "orders"]]) }))],
    ["a constraint", () => partitionKey(nodes, dependencies(), options({ constraints: { together: [], apart: [["a*", "c*"]] } }))],
    ["a barrel", () => partitionKey(nodes, dependencies(), options({ barrels: moduleSet(["b.ts"]) }))],
  ])("changes with %s", (_, changed) => {
    expect(changed()).not.toBe(partitionKey(nodes, dependencies(), options()));
  });
});

describe("openPartitionCache", () => {
  it("gives back what was stored, across runs, and nothing for another key", () => {
    const directory = cacheDirectory();
    const first = openPartitionCache(directory);
    first.set("k1", partition);
    first.save();
    const second = openPartitionCache(directory);
    expect(second.get("k1")).toEqual(partition);
    expect(second.get("k2")).toBeUndefined();
  });

  it("keeps the 16 most recently used proposals", () => {
    const directory = cacheDirectory();
    const cache = openPartitionCache(directory);
    for (let index = 0; index < 17; index++) cache.set(`k${index}`, partition);
    cache.save();
    const reopened = openPartitionCache(directory);
    expect(reopened.get("k0")).toBeUndefined();
    expect(reopened.get("k16")).toEqual(partition);
  });

  it("ignores a damaged or foreign cache file instead of trusting it", () => {
    const directory = cacheDirectory();
    fs.writeFileSync(path.join(directory, "partition-cache.json"), '{"stamp":"decouple 0.0.0","entries":[{"key":"k1","services":[],"shared":[]}]}');
    expect(openPartitionCache(directory).get("k1")).toBeUndefined();
    fs.writeFileSync(path.join(directory, "partition-cache.json"), "{ not json");
    expect(openPartitionCache(directory).get("k1")).toBeUndefined();
  });
});
