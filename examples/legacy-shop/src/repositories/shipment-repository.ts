import { db } from "../db/database.js";
import { shipmentFromRow } from "../models/index.js";
import type { Shipment, ShipmentEventRow, ShipmentRow, ShipmentStatus } from "../models/index.js";

function eventsFor(shipmentId: string): ShipmentEventRow[] {
  return db()
    .prepare("SELECT status, location, occurred_at FROM shipment_events WHERE shipment_id = ? ORDER BY id")
    .all(shipmentId) as ShipmentEventRow[];
}

export function insertShipment(shipment: Omit<Shipment, "events" | "deliveredAt">): void {
  db()
    .prepare(
      `INSERT INTO shipments (id, order_id, carrier, service_level, tracking_number, status, cost_cents, weight_grams,
                              shipped_at, delivered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    )
    .run(
      shipment.id,
      shipment.orderId,
      shipment.carrier,
      shipment.serviceLevel,
      shipment.trackingNumber,
      shipment.status,
      shipment.costCents,
      shipment.weightGrams,
      shipment.shippedAt,
    );
}

export function insertShipmentEvent(shipmentId: string, status: ShipmentStatus, location: string, at: string): void {
  db()
    .prepare("INSERT INTO shipment_events (shipment_id, status, location, occurred_at) VALUES (?, ?, ?, ?)")
    .run(shipmentId, status, location, at);
}

export function findShipmentByOrderId(orderId: string): Shipment | null {
  const row = db().prepare("SELECT * FROM shipments WHERE order_id = ?").get(orderId) as ShipmentRow | undefined;
  return row ? shipmentFromRow(row, eventsFor(row.id)) : null;
}

export function findShipmentByTracking(trackingNumber: string): Shipment | null {
  const row = db().prepare("SELECT * FROM shipments WHERE tracking_number = ?").get(trackingNumber) as
    | ShipmentRow
    | undefined;
  return row ? shipmentFromRow(row, eventsFor(row.id)) : null;
}

export function updateShipmentStatus(id: string, status: ShipmentStatus, deliveredAt: string | null): void {
  db().prepare("UPDATE shipments SET status = ?, delivered_at = ? WHERE id = ?").run(status, deliveredAt, id);
}
