import { getProductsByIds } from "./catalog-service.js";
import { evaluateCoupon } from "./promotion-service.js";
import type { Cart, PricedCart, PricedCartLine } from "../models/index.js";
import { clampCents, config, multiplyCents, sumCents } from "../utils/index.js";

export function shippingFor(subtotalCents: number, freeShipping: boolean): number {
  if (subtotalCents === 0 || freeShipping) return 0;
  return subtotalCents >= config.freeShippingThresholdCents ? 0 : config.standardShippingCents;
}

/** Prices a cart with *current* catalog prices and the cart's coupon. */
export function priceCart(cart: Cart): PricedCart {
  const products = getProductsByIds(cart.items.map((item) => item.productId));
  const lines: PricedCartLine[] = cart.items.map((item) => {
    const product = products.get(item.productId);
    const unitPriceCents = product?.priceCents ?? 0;
    return {
      productId: item.productId,
      sku: product?.sku ?? "UNKNOWN",
      name: product?.name ?? "Unavailable product",
      quantity: item.quantity,
      unitPriceCents,
      lineTotalCents: multiplyCents(unitPriceCents, item.quantity),
      weightGrams: product?.weightGrams ?? 0,
      available: product?.active ?? false,
    };
  });
  const subtotalCents = sumCents(lines.filter((l) => l.available).map((l) => l.lineTotalCents));

  let discountCents = 0;
  let freeShipping = false;
  let couponMessage: string | null = null;
  if (cart.couponCode) {
    const evaluation = evaluateCoupon(cart.couponCode, subtotalCents);
    if (evaluation.valid) {
      discountCents = clampCents(evaluation.discountCents, 0, subtotalCents);
      freeShipping = evaluation.freeShipping;
    } else {
      couponMessage = evaluation.reason;
    }
  }
  const shippingCents = shippingFor(subtotalCents, freeShipping);
  return {
    cartId: cart.id,
    customerId: cart.customerId,
    lines,
    itemCount: lines.reduce((acc, l) => acc + l.quantity, 0),
    subtotalCents,
    discountCents,
    shippingCents,
    totalCents: subtotalCents - discountCents + shippingCents,
    couponCode: cart.couponCode,
    couponMessage,
  };
}
