/**
 * Times contract derivation on legacy-shop (or a root given as argument): ts-morph's import, then
 * deriveServiceContracts, then rendering and validating every document. Median of --runs (default 3)
 * runs, each in a fresh process so the import cost is counted.
 * Usage: npx tsx bench/contracts/derive-contracts.ts [root] [--runs N]
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "3" }, child: { type: "boolean" } } });
const root = positionals[0] ?? "examples/legacy-shop";

if (values.child) {
  const started = performance.now();
  await import("ts-morph");
  const imported = performance.now();
  const { deriveServiceContracts } = await import("../../src/generator/contracts/derive-service-contracts.js");
  const { readBoundaries } = await import("../../src/io/read-boundaries.js");
  const contracts = await deriveServiceContracts({ root, boundaries: readBoundaries(`${root}/decouple.boundaries.json`) });
  const derived = performance.now();
  const { renderOpenApi } = await import("../../src/generator/contracts/render-openapi.js");
  const { renderAsyncApi } = await import("../../src/generator/contracts/render-asyncapi.js");
  for (const contract of contracts) void (renderOpenApi(contract) + renderAsyncApi(contract));
  const rendered = performance.now();
  const operations = contracts.reduce((n, c) => n + c.operations.length, 0);
  process.stdout.write(JSON.stringify({ importMs: imported - started, deriveMs: derived - imported, renderMs: rendered - derived, operations }));
} else {
  const runs = Array.from({ length: Number(values.runs) }, () =>
    JSON.parse(execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, root, "--child"], { encoding: "utf8" })) as Record<string, number>,
  );
  const median = (key: string): number => runs.map((r) => r[key]!).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  process.stdout.write(
    `${root}: ${runs[0]!.operations} operations; median of ${runs.length}: ts-morph import ${median("importMs").toFixed(0)} ms, ` +
      `derive ${median("deriveMs").toFixed(0)} ms, render ${median("renderMs").toFixed(0)} ms\n`,
  );
}
