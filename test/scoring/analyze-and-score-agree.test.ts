import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTemporaryProjects } from "../support/create-project.js";
import { runCli } from "../support/run-cli.js";

const project = useTemporaryProjects();

interface Scored {
  name: string;
  afferent: number;
  efferent: number;
  instability: number | null;
}

describe("analyze and score: one implementation of the shared metrics", () => {
  it("give the same Ca, Ce, instability and modularity, null instability for a service nothing crosses", async () => {
    const root = project({
      "package.json": { name: "two-islands", type: "module" },
      "src/billing/invoice.ts": `import { tax } from "./tax.js";\nexport const invoice = () => tax(1);`,
      "src/billing/tax.ts": `import { round } from "./round.js";\nexport const tax = (n: number) => round(n * 1.2);`,
      "src/billing/round.ts": "export const round = (n: number) => Math.round(n);",
      "src/shipping/parcel.ts": `import { weigh } from "./weigh.js";\nexport const parcel = () => weigh(2);`,
      "src/shipping/weigh.ts": `import { label } from "./label.js";\nexport const weigh = (n: number) => label(n);`,
      "src/shipping/label.ts": "export const label = (n: number) => `#${n}`;",
    });
    const analyzed = await runCli("analyze", root, "--format", "json", "--no-cache", "--no-history");
    expect(analyzed.code, analyzed.stderr).toBe(0);
    const analysis = JSON.parse(analyzed.stdout) as { scores: { services: Scored[]; overall: { modularity: number } } };
    const scored = await runCli("score", root, "--boundaries", path.join(root, "decouple.boundaries.json"), "--format", "json", "--no-history");
    expect(scored.code, scored.stderr).toBe(0);
    const report = JSON.parse(scored.stdout) as { services: Scored[]; overall: { modularity: number } };

    const pick = (services: Scored[]): Scored[] =>
      services.map(({ name, afferent, efferent, instability }) => ({ name, afferent, efferent, instability })).sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(pick(analysis.scores.services)).toHaveLength(2);
    // Before: analyze said 0 (stable) where score said null (no dependencies to judge by).
    expect(pick(analysis.scores.services).map((service) => service.instability)).toEqual([null, null]);
    expect(pick(analysis.scores.services)).toEqual(pick(report.services));
    expect(analysis.scores.overall.modularity).toBe(report.overall.modularity);
  });
});
