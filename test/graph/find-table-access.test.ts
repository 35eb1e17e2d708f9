import { describe, expect, it } from "vitest";
import { findTableAccess } from "../../src/graph/find-table-access.js";

describe("findTableAccess", () => {
  it("reads SQL in string and template literals", () => {
    const source = [
      'const a = db.prepare("SELECT o.id, SUM(l.qty) FROM orders o JOIN order_lines l ON l.order_id = o.id");',
      "const b = db.prepare(`INSERT INTO payments (id, amount) VALUES (?, ?)`);",
      "const c = db.prepare('UPDATE orders SET status = ? WHERE id = ?');",
      'const d = db.prepare("DELETE FROM carts WHERE id = ?");',
      'const u = db.prepare("INSERT INTO carts (id) VALUES (?) ON CONFLICT(id) DO UPDATE SET id = excluded.id");',
      'import { x } from "./from-here";',
      "const e = Array.from(items); // from items is not SQL",
    ].join("\n");
    expect(findTableAccess(source)).toEqual([
      { table: "carts", access: "write" },
      { table: "order_lines", access: "read" },
      { table: "orders", access: "read" },
      { table: "orders", access: "write" },
      { table: "payments", access: "write" },
    ]);
  });

  it("reads ORM entity declarations and Prisma calls", () => {
    const source = [
      '@Entity("invoices") export class Invoice {}',
      "await prisma.customer.findMany();",
      "await prisma.order.create({ data });",
    ].join("\n");
    expect(findTableAccess(source)).toEqual([
      { table: "customer", access: "read" },
      { table: "invoices", access: "write" },
      { table: "order", access: "write" },
    ]);
  });
});
