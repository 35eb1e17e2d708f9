import type { OrderPlacedEvent, OrderRefundedEvent, OrderShippedEvent, ShopEventBus } from "../events/event-bus.js";
import { enqueueEmail, listOutbox, markEmailFailed, markEmailSent } from "../repositories/outbox-repository.js";
import { renderOrderConfirmation, renderOrderRefunded, renderOrderShipped } from "./email-templates.js";
import { getCustomer } from "./customer-service.js";
import { createLogger } from "#shop/utils/logger.js";
import type { OutboxEmail, OutboxFilter } from "../models/index.js";

const log = createLogger("notifications");

// Addresses on this domain simulate hard bounces in the fake SMTP relay.
const BOUNCE_DOMAIN = "@bounce.test";

export function handleOrderPlaced(event: OrderPlacedEvent): OutboxEmail {
  const customer = getCustomer(event.customerId);
  const email = renderOrderConfirmation({
    customerName: customer.name,
    orderId: event.orderId,
    totalCents: event.totalCents,
    itemCount: event.itemCount,
  });
  return enqueueEmail(customer.email, "order_confirmation", email, event.orderId);
}

export function handleOrderShipped(event: OrderShippedEvent): OutboxEmail {
  const customer = getCustomer(event.customerId);
  const email = renderOrderShipped({
    customerName: customer.name,
    orderId: event.orderId,
    carrier: event.carrier,
    trackingNumber: event.trackingNumber,
  });
  return enqueueEmail(customer.email, "order_shipped", email, event.orderId);
}

export function handleOrderRefunded(event: OrderRefundedEvent): OutboxEmail {
  const customer = getCustomer(event.customerId);
  const email = renderOrderRefunded({
    customerName: customer.name,
    orderId: event.orderId,
    amountCents: event.amountCents,
    fully: event.status === "refunded",
  });
  return enqueueEmail(customer.email, "order_refunded", email, event.orderId);
}

/** Wired from app.ts. Returns an unsubscribe function. */
export function registerNotificationHandlers(bus: ShopEventBus): () => void {
  const unsubscribers = [
    bus.on("order.placed", handleOrderPlaced),
    bus.on("order.shipped", handleOrderShipped),
    bus.on("order.refunded", handleOrderRefunded),
  ];
  log.debug("notification handlers registered");
  return () => unsubscribers.forEach((off) => off());
}

export function listOutboxEmails(filter: OutboxFilter): OutboxEmail[] {
  return listOutbox(filter);
}

/** Simulated SMTP relay: "sends" pending mail by flipping its status. */
export function dispatchPendingEmails(limit = 50): { sent: number; failed: number } {
  let sent = 0;
  let failed = 0;
  for (const email of listOutbox({ status: "pending" }, limit)) {
    if (email.recipient.endsWith(BOUNCE_DOMAIN)) {
      markEmailFailed(email.id);
      failed += 1;
    } else {
      markEmailSent(email.id);
      sent += 1;
    }
  }
  if (sent + failed > 0) log.info("outbox dispatched", { sent, failed });
  return { sent, failed };
}
