import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseModuleId } from "../../src/model/module-id.js";
import { analyze } from "../../src/analyzer/analyze.js";
import { loadConfig } from "../../src/config/load-config.js";
import { dataCoupling, tableUses } from "../../src/signals/data-coupling.js";

describe("data coupling", () => {
  it("ties a table's writers together and leans readers towards them, never reader to reader", () => {
    const uses = tableUses([
      { id: parseModuleId("w1"), tables: [{ table: "orders", access: "write" }] },
      { id: parseModuleId("w2"), tables: [{ table: "orders", access: "write" }] },
      { id: parseModuleId("r1"), tables: [{ table: "orders", access: "read" }] },
      { id: parseModuleId("r2"), tables: [{ table: "orders", access: "read" }] },
    ]);
    expect(uses).toEqual([{ table: "orders", writers: ["w1", "w2"], readers: ["r1", "r2"] }]);
    expect(dataCoupling(uses)).toEqual([
      ["w1", "w2", 1],
      ["w1", "r1", 0.3],
      ["w1", "r2", 0.3],
      ["w2", "r1", 0.3],
      ["w2", "r2", 0.3],
    ]);
  });

  it("reports on legacy-shop who writes and reads each table, and the reporting domain reading orders directly", async () => {
    const root = path.resolve("examples/legacy-shop");
    const { config } = await loadConfig(root);
    const result = await analyze({ root, config: { ...config, signals: { ...config.signals, data: { enabled: true, weight: 1 } } } });
    expect(result.signals.map((signal) => signal.name)).toContain("data");
    const orders = result.tables.find((table) => table.table === "orders");
    expect(orders?.writers).toContain("src/repositories/order-repository.ts");
    expect(orders?.readers).toContain("src/repositories/report-repository.ts");
    const reportService = result.boundaries.services.find((service) => service.modules.includes(parseModuleId("src/repositories/report-repository.ts")))?.name;
    expect(orders?.readerServices).toContain(reportService);
  });
});
