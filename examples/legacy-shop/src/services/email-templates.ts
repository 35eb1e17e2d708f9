import { formatMoney } from "#shop/utils/money.js";
import type { RenderedEmail } from "../models/index.js";

const SIGNATURE = "\n\n-- \nThe Legacy Shop team\nPlease do not reply to this email.";

function greeting(name: string): string {
  return `Hi ${name.split(" ")[0] ?? name},`;
}

export function renderOrderConfirmation(data: {
  customerName: string;
  orderId: string;
  totalCents: number;
  itemCount: number;
}): RenderedEmail {
  return {
    subject: `Order ${data.orderId} confirmed`,
    body:
      `${greeting(data.customerName)}\n\n` +
      `Thanks for your order! We received ${data.itemCount} item(s) totalling ${formatMoney(data.totalCents)}.\n` +
      `Order reference: ${data.orderId}.` +
      SIGNATURE,
  };
}

export function renderOrderShipped(data: {
  customerName: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
}): RenderedEmail {
  return {
    subject: `Order ${data.orderId} has shipped`,
    body:
      `${greeting(data.customerName)}\n\n` +
      `Your order is on its way with ${data.carrier.toUpperCase()}.\n` +
      `Tracking number: ${data.trackingNumber}.` +
      SIGNATURE,
  };
}

export function renderOrderRefunded(data: {
  customerName: string;
  orderId: string;
  amountCents: number;
  fully: boolean;
}): RenderedEmail {
  const what = data.fully ? "Your order has been refunded in full" : "Part of your order has been refunded";
  return {
    subject: `Refund for order ${data.orderId}`,
    body:
      `${greeting(data.customerName)}\n\n` +
      `${what}: ${formatMoney(data.amountCents)} will be returned to your card within 5-10 business days.` +
      SIGNATURE,
  };
}
