import { findOrderById, insertOrder, listOrdersByCustomer, updateOrderStatus } from "../repositories/order-repository.js";
import { clearCart, getOrCreateCart } from "./cart-service.js";
import { priceCart } from "./cart-pricing.js";
import { commitReservations, releaseReservations, reserveForOrder } from "./stock-reservation.js";
import { restockOrder } from "./inventory-service.js";
import { chargeOrder } from "./payment-service.js";
import { redeemCoupon } from "./promotion-service.js";
import { assertCheckoutable } from "./order-validation.js";
import type { CheckoutInput } from "./order-validation.js";
import { eventBus } from "../events/event-bus.js";
import { transaction } from "../db/database.js";
import { canTransition, totalQuantity } from "../models/index.js";
import type { Order, OrderStatus, Payment } from "../models/index.js";
import { ConflictError, PaymentRequiredError, createLogger, newId, notFound, nowIso } from "../utils/index.js";

const log = createLogger("orders");

export interface PlacedOrder {
  order: Order;
  payment: Payment;
}

export function getOrder(orderId: string): Order {
  const order = findOrderById(orderId);
  if (!order) throw notFound("Order", orderId);
  return order;
}

export function getOrderForCustomer(customerId: string, orderId: string): Order {
  const order = findOrderById(orderId);
  // Do not leak other customers' order ids: 404, not 403.
  if (!order || order.customerId !== customerId) throw notFound("Order", orderId);
  return order;
}

export function listOrders(customerId: string): Order[] {
  return listOrdersByCustomer(customerId);
}

function transition(order: Order, to: OrderStatus): void {
  if (!canTransition(order.status, to)) {
    throw new ConflictError(`Order ${order.id} cannot go from ${order.status} to ${to}`);
  }
  updateOrderStatus(order.id, to);
}

/**
 * Checkout: cart -> order, hold stock, charge the card, then commit or roll back.
 * The card is charged outside the stock transaction on purpose (the processor used to be remote).
 */
export function placeOrder(customerId: string, input: CheckoutInput): PlacedOrder {
  const cart = getOrCreateCart(customerId);
  const priced = priceCart(cart);
  assertCheckoutable(priced);

  const orderId = newId("ord");
  transaction(() => {
    insertOrder({
      id: orderId,
      customerId,
      subtotalCents: priced.subtotalCents,
      discountCents: priced.discountCents,
      shippingCents: priced.shippingCents,
      totalCents: priced.totalCents,
      couponCode: priced.couponCode,
      shippingAddress: input.shippingAddress,
      lines: priced.lines.map(({ productId, sku, name, quantity, unitPriceCents, lineTotalCents, weightGrams }) => ({
        productId,
        sku,
        name,
        quantity,
        unitPriceCents,
        lineTotalCents,
        weightGrams,
      })),
    });
    reserveForOrder(
      orderId,
      priced.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    );
  });

  const payment = chargeOrder(getOrder(orderId), input.card);
  if (payment.status !== "captured") {
    releaseReservations(orderId);
    log.warn("payment declined", { orderId, declineCode: payment.declineCode });
    throw new PaymentRequiredError(`Payment declined: ${payment.declineCode ?? "unknown"}`, {
      orderId,
      paymentId: payment.id,
      declineCode: payment.declineCode,
    });
  }

  transaction(() => {
    commitReservations(orderId);
    if (priced.couponCode && !redeemCoupon(priced.couponCode)) {
      log.warn("coupon redemption limit reached after payment", { orderId, coupon: priced.couponCode });
    }
    clearCart(customerId);
  });

  const order = getOrder(orderId);
  eventBus.emit("order.placed", {
    orderId,
    customerId,
    totalCents: order.totalCents,
    itemCount: totalQuantity(order.lines),
    placedAt: order.createdAt,
  });
  log.info("order placed", { orderId, totalCents: order.totalCents });
  return { order, payment };
}

export function markOrderShipped(orderId: string, carrier: string, trackingNumber: string): Order {
  const order = getOrder(orderId);
  transition(order, "shipped");
  eventBus.emit("order.shipped", { orderId, customerId: order.customerId, carrier, trackingNumber });
  return getOrder(orderId);
}

export function markOrderDelivered(orderId: string): Order {
  transition(getOrder(orderId), "delivered");
  return getOrder(orderId);
}

export function markOrderRefunded(orderId: string, amountCents: number, fullyRefunded: boolean): Order {
  const order = getOrder(orderId);
  const next: OrderStatus = fullyRefunded ? "refunded" : "partially_refunded";
  transition(order, next);
  // Goods that never left the warehouse go back on the shelf.
  if (fullyRefunded && order.status === "paid") restockOrder(orderId);
  eventBus.emit("order.refunded", { orderId, customerId: order.customerId, amountCents, status: next });
  return getOrder(orderId);
}

export function orderAgeMinutes(order: Order, now: string = nowIso()): number {
  return Math.floor((new Date(now).getTime() - new Date(order.createdAt).getTime()) / 60_000);
}
