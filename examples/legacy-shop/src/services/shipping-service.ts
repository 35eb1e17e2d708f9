import {
  findShipmentByOrderId,
  findShipmentByTracking,
  insertShipment,
  insertShipmentEvent,
  updateShipmentStatus,
} from "../repositories/shipment-repository.js";
import { quoteRate } from "./shipping-rates.js";
import { getOrder, getOrderForCustomer, markOrderDelivered, markOrderShipped } from "./order-service.js";
import { transaction } from "../db/database.js";
import type { Carrier, ServiceLevel, Shipment } from "../models/index.js";
import { ConflictError, NotFoundError, newId, nowIso, shortCode } from "../utils/index.js";

const TRACKING_PREFIX: Record<Carrier, string> = { ups: "1Z", fedex: "FX", postal: "PS" };
const WAREHOUSE = "Warehouse 1, Reno NV";

export function trackingNumberFor(carrier: Carrier): string {
  return `${TRACKING_PREFIX[carrier]}${shortCode(12)}`;
}

export function shipOrder(orderId: string, carrier: Carrier, serviceLevel: ServiceLevel): Shipment {
  const order = getOrder(orderId);
  if (findShipmentByOrderId(orderId)) throw new ConflictError(`Order ${orderId} has already been shipped`);
  if (order.status !== "paid" && order.status !== "partially_refunded") {
    throw new ConflictError(`Order ${orderId} is ${order.status} and cannot be shipped`);
  }
  const weightGrams = order.lines.reduce((acc, line) => acc + line.weightGrams * line.quantity, 0);
  const quote = quoteRate(carrier, serviceLevel, weightGrams);
  const now = nowIso();
  const shipment = {
    id: newId("shp"),
    orderId,
    carrier,
    serviceLevel,
    trackingNumber: trackingNumberFor(carrier),
    status: "in_transit" as const,
    costCents: quote.costCents,
    weightGrams,
    shippedAt: now,
  };
  transaction(() => {
    insertShipment(shipment);
    insertShipmentEvent(shipment.id, "label_created", WAREHOUSE, now);
    insertShipmentEvent(shipment.id, "in_transit", WAREHOUSE, now);
    markOrderShipped(orderId, carrier, shipment.trackingNumber);
  });
  return trackShipment(shipment.trackingNumber);
}

export function trackShipment(trackingNumber: string): Shipment {
  const shipment = findShipmentByTracking(trackingNumber);
  if (!shipment) throw new NotFoundError(`No shipment with tracking number ${trackingNumber}`);
  return shipment;
}

export function getShipmentForCustomerOrder(customerId: string, orderId: string): Shipment {
  const order = getOrderForCustomer(customerId, orderId);
  const shipment = findShipmentByOrderId(order.id);
  if (!shipment) throw new NotFoundError(`Order ${orderId} has not shipped yet`);
  return shipment;
}

export function markDelivered(trackingNumber: string, location: string): Shipment {
  const shipment = trackShipment(trackingNumber);
  if (shipment.status === "delivered") throw new ConflictError(`Shipment ${trackingNumber} is already delivered`);
  const now = nowIso();
  transaction(() => {
    updateShipmentStatus(shipment.id, "delivered", now);
    insertShipmentEvent(shipment.id, "delivered", location, now);
    markOrderDelivered(shipment.orderId);
  });
  return trackShipment(trackingNumber);
}
