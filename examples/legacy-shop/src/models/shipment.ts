export type Carrier = "ups" | "fedex" | "postal";
export type ServiceLevel = "standard" | "express";
export type ShipmentStatus = "label_created" | "in_transit" | "delivered";

export const CARRIERS: readonly Carrier[] = ["ups", "fedex", "postal"];
export const SERVICE_LEVELS: readonly ServiceLevel[] = ["standard", "express"];

export interface ShipmentEvent {
  status: ShipmentStatus;
  location: string;
  occurredAt: string;
}

export interface Shipment {
  id: string;
  orderId: string;
  carrier: Carrier;
  serviceLevel: ServiceLevel;
  trackingNumber: string;
  status: ShipmentStatus;
  costCents: number;
  weightGrams: number;
  shippedAt: string;
  deliveredAt: string | null;
  events: ShipmentEvent[];
}

export interface ShipmentRow {
  id: string;
  order_id: string;
  carrier: string;
  service_level: string;
  tracking_number: string;
  status: string;
  cost_cents: number;
  weight_grams: number;
  shipped_at: string;
  delivered_at: string | null;
}

export interface ShipmentEventRow {
  status: string;
  location: string;
  occurred_at: string;
}

export interface RateQuote {
  carrier: Carrier;
  serviceLevel: ServiceLevel;
  costCents: number;
  estimatedDays: number;
}

export function shipmentFromRow(row: ShipmentRow, events: ShipmentEventRow[]): Shipment {
  return {
    id: row.id,
    orderId: row.order_id,
    carrier: row.carrier as Carrier,
    serviceLevel: row.service_level as ServiceLevel,
    trackingNumber: row.tracking_number,
    status: row.status as ShipmentStatus,
    costCents: row.cost_cents,
    weightGrams: row.weight_grams,
    shippedAt: row.shipped_at,
    deliveredAt: row.delivered_at,
    events: events.map((e) => ({ status: e.status as ShipmentStatus, location: e.location, occurredAt: e.occurred_at })),
  };
}
