import { describe, expect, it } from "vitest";
import { nameServices } from "../../src/analyzer/name-services.js";

const service = (modules: string[]) => ({ modules, exports: new Map<string, string[]>() });

describe("nameServices", () => {
  const orders = service(["src/orders/order.ts", "src/orders/order-repository.ts", "src/orders/order-controller.ts"]);

  it("names a service after the word that tells it apart", () => {
    expect(nameServices([orders, service(["src/carts/cart.ts", "src/carts/cart-pricing.ts"])])).toEqual(["order", "cart"]);
  });

  it("keeps the word its files always qualify with it: order-edit, tax-rate (medusa)", () => {
    const edits = service(["src/order-edits/create-order-edit.ts", "src/order-edits/confirm-order-edit.ts", "src/order-edits/order-edit-item-change.ts", "src/order-edits/add-line-item.ts"]);
    const rates = service(["src/tax-rates/create-tax-rate.ts", "src/tax-rates/list-tax-rates.ts", "src/tax-rates/tax-rate-products.ts"]);
    expect(nameServices([orders, edits, rates])).toEqual(["order", "order-edit", "tax-rate"]);
  });

  it("does not qualify a word its files name on its own or with varying words", () => {
    const payments = service(["src/payment.ts", "src/order-payment.ts", "src/refund-payment.ts", "src/payment-provider.ts"]);
    expect(nameServices([payments])).toEqual(["payment"]);
  });
});
