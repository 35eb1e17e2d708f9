import type { CardDetails, PricedCart, ShippingAddress } from "../models/index.js";
import { BadRequestError, UnprocessableError, asBody, requireInt, requireString } from "../utils/index.js";

export interface CheckoutInput {
  card: CardDetails;
  shippingAddress: ShippingAddress;
}

const SUPPORTED_COUNTRIES = ["US", "CA", "GB", "DE", "FR", "NL"];

export function parseCheckoutInput(raw: unknown): CheckoutInput {
  const body = asBody(raw);
  const card = asBody(body.card ?? null);
  const address = asBody(body.shippingAddress ?? null);
  const country = requireString(address, "country", { min: 2, max: 2 }).toUpperCase();
  if (!SUPPORTED_COUNTRIES.includes(country)) {
    throw new UnprocessableError(`We do not ship to ${country}`);
  }
  const number = requireString(card, "number", { min: 12, max: 23 }).replace(/[\s-]/g, "");
  if (!/^\d+$/.test(number)) throw new BadRequestError("card.number must contain digits only");
  return {
    card: {
      number,
      expMonth: requireInt(card, "expMonth", { min: 1, max: 12 }),
      expYear: requireInt(card, "expYear", { min: 2000, max: 2100 }),
      cvc: requireString(card, "cvc", { min: 3, max: 4 }),
    },
    shippingAddress: {
      name: requireString(address, "name", { max: 120 }),
      line1: requireString(address, "line1", { max: 200 }),
      city: requireString(address, "city", { max: 100 }),
      postalCode: requireString(address, "postalCode", { max: 20 }),
      country,
    },
  };
}

export function assertCheckoutable(priced: PricedCart): void {
  if (priced.lines.length === 0) throw new UnprocessableError("Cart is empty");
  const unavailable = priced.lines.filter((line) => !line.available).map((line) => line.productId);
  if (unavailable.length > 0) {
    throw new UnprocessableError("Some products in the cart are no longer sold", { unavailable });
  }
  if (priced.couponMessage) {
    throw new UnprocessableError(`Coupon ${priced.couponCode ?? ""} cannot be used: ${priced.couponMessage}`);
  }
  if (priced.totalCents <= 0) throw new UnprocessableError("Order total must be positive");
}
