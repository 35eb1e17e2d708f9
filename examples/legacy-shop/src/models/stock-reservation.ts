export type ReservationStatus = "held" | "committed" | "released" | "restocked";

export interface StockReservation {
  id: string;
  orderId: string;
  productId: string;
  quantity: number;
  status: ReservationStatus;
  createdAt: string;
  updatedAt: string;
}

export interface StockReservationRow {
  id: string;
  order_id: string;
  product_id: string;
  quantity: number;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ReservationRequest {
  productId: string;
  quantity: number;
}

const STATUSES: readonly ReservationStatus[] = ["held", "committed", "released", "restocked"];

export function reservationFromRow(row: StockReservationRow): StockReservation {
  const status = STATUSES.find((s) => s === row.status);
  if (!status) throw new Error(`Unknown reservation status ${row.status}`);
  return {
    id: row.id,
    orderId: row.order_id,
    productId: row.product_id,
    quantity: row.quantity,
    status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
