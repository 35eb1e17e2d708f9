import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseModuleId } from "../../../src/model/module-id.js";
import { servicesNamed } from "../../support/branded.js";
import type { deriveServiceContracts } from "../../../src/generator/contracts/derive-service-contracts.js";
import { readBoundaries } from "../../../src/io/read-boundaries.js";

// The worker runs the compiled build (npm test builds dist/ first), as `npx decouple generate` does.
const compiled = new URL("../../../dist/generator/contracts/derive-service-contracts.js", import.meta.url);
const fixture = path.resolve("test/fixtures/contracts/api-forms");

describe.runIf(fs.existsSync(compiled))("deriving in a worker thread with a large stack", () => {
  it("gives the same contracts as this thread (the committed golden)", async () => {
    const module: { deriveServiceContracts: typeof deriveServiceContracts } = await import(compiled.href);
    const boundaries = readBoundaries(path.join(fixture, "decouple.boundaries.json"));
    const contracts = await module.deriveServiceContracts({ root: fixture, boundaries, thread: "worker" });
    const golden: unknown = JSON.parse(fs.readFileSync("test/fixtures/contracts/api-forms.contracts.json", "utf8"));
    expect(contracts).toEqual(golden);
  });

  it("brings a UserError back as one", async () => {
    const module: { deriveServiceContracts: typeof deriveServiceContracts } = await import(compiled.href);
    const boundaries = readBoundaries(path.join(fixture, "decouple.boundaries.json"));
    const broken = { ...boundaries, services: boundaries.services.map((s) => ({ ...s, api: [{ module: parseModuleId("src/gone.ts"), symbol: "x", usedBy: servicesNamed("billing") }] })) };
    const error: unknown = await module.deriveServiceContracts({ root: fixture, boundaries: broken, thread: "worker" }).catch((e: unknown) => e);
    // The compiled module has its own UserError class: compare by shape.
    expect(error).toMatchObject({ name: "UserError", code: "DCP005" });
  });
});
