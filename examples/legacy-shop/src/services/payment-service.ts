import { findPaymentById, insertPayment, listPaymentsByOrder } from "../repositories/payment-repository.js";
import { findOrderById, updateOrderStatus } from "../repositories/order-repository.js";
import { getOrderForCustomer } from "./order-service.js";
import { processCharge } from "./card-processor.js";
import type { CardDetails, Order, Payment } from "../models/index.js";
import { ConflictError, createLogger, newId, notFound, nowIso } from "../utils/index.js";

const log = createLogger("payments");

/** Charges the order total and flips the order to paid / payment_failed. */
export function chargeOrder(order: Order, card: CardDetails): Payment {
  const current = findOrderById(order.id);
  if (!current) throw notFound("Order", order.id);
  if (current.status !== "pending_payment") {
    throw new ConflictError(`Order ${order.id} is ${current.status}, not pending_payment`);
  }
  const result = processCharge(current.totalCents, card);
  const now = nowIso();
  const payment: Payment = {
    id: newId("pay"),
    orderId: current.id,
    amountCents: current.totalCents,
    status: result.approved ? "captured" : "declined",
    cardBrand: result.brand,
    cardLast4: result.last4,
    processorRef: result.reference,
    declineCode: result.declineCode,
    createdAt: now,
    updatedAt: now,
  };
  insertPayment(payment);
  updateOrderStatus(current.id, result.approved ? "paid" : "payment_failed");
  log.info("payment recorded", { orderId: current.id, paymentId: payment.id, status: payment.status });
  return payment;
}

export function listPaymentsForCustomerOrder(customerId: string, orderId: string): Payment[] {
  const order = getOrderForCustomer(customerId, orderId);
  return listPaymentsByOrder(order.id);
}

export function getPayment(paymentId: string): Payment {
  const payment = findPaymentById(paymentId);
  if (!payment) throw notFound("Payment", paymentId);
  return payment;
}
