import {
  findCapturedPayment,
  insertRefund,
  listRefundsByOrder,
  sumRefundedForPayment,
  updatePaymentStatus,
} from "../repositories/payment-repository.js";
import { getOrder, markOrderRefunded } from "./order-service.js";
import { processRefund } from "./card-processor.js";
import { getPayment } from "./payment-service.js";
import { transaction } from "../db/database.js";
import type { Order, Payment, Refund, RefundRequest } from "../models/index.js";
import { ConflictError, UnprocessableError, newId, nowIso } from "../utils/index.js";

export interface RefundOutcome {
  refund: Refund;
  payment: Payment;
  order: Order;
}

export function refundOrder(orderId: string, request: RefundRequest): RefundOutcome {
  const order = getOrder(orderId);
  const payment = findCapturedPayment(order.id);
  if (!payment || !payment.processorRef) throw new ConflictError(`Order ${orderId} has no captured payment to refund`);

  const alreadyRefunded = sumRefundedForPayment(payment.id);
  const remaining = payment.amountCents - alreadyRefunded;
  const amountCents = request.amountCents ?? remaining;
  if (amountCents <= 0 || amountCents > remaining) {
    throw new UnprocessableError(`Refund amount must be between 1 and ${remaining} cents`, { remaining });
  }

  const processed = processRefund(payment.processorRef, amountCents);
  const fullyRefunded = amountCents === remaining;
  const refund: Refund = {
    id: newId("rfd"),
    paymentId: payment.id,
    orderId: order.id,
    amountCents,
    reason: request.reason,
    processorRef: processed.reference,
    createdAt: nowIso(),
  };

  const updatedOrder = transaction(() => {
    insertRefund(refund);
    updatePaymentStatus(payment.id, fullyRefunded ? "refunded" : "partially_refunded");
    return markOrderRefunded(order.id, amountCents, fullyRefunded);
  });
  return { refund, payment: getPayment(payment.id), order: updatedOrder };
}

export function listRefundsForOrder(orderId: string): Refund[] {
  return listRefundsByOrder(getOrder(orderId).id);
}
