import fs from "node:fs";
import path from "node:path";

/**
 * What a user writes in the examples files generate leaves to them: requests with real data for
 * the routes whose code needs rows that exist (a customer for a cart, a product without stock).
 */
const EXAMPLES: Readonly<Record<string, string>> = {
  cart: `
  getOrCreateCart: async () => {
    const { register } = await import("../../../src/services/auth-service.js");
    const { customer } = register({ email: \`cart-\${Date.now()}@example.test\`, name: "Cart Test", password: "correct horse battery" });
    return { params: { customerId: customer.id }, query: {}, body: undefined };
  },`,
  stock: `
  registerStockItem: async () => {
    const { db } = await import("../../../src/db/database.js");
    db().prepare("DELETE FROM stock_items WHERE product_id = 'prd_013'").run();
    return { params: {}, query: {}, body: { productId: "prd_013", initialOnHand: 3 } };
  },`,
};

export function writeShopExamples(root: string): void {
  for (const [service, entries] of Object.entries(EXAMPLES)) {
    fs.writeFileSync(
      path.join(root, "services", service, "test/examples.ts"),
      `import type { SampleRequest } from "./support/sample-request.js";\n\nexport const examples: Readonly<Record<string, SampleRequest | (() => Promise<SampleRequest>)>> = {${entries}\n};\n`,
    );
  }
}
