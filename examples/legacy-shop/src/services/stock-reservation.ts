import {
  commitHeldStock,
  findStockItem,
  holdStock,
  insertReservation,
  listReservationsForOrder,
  releaseHeldStock,
  setReservationStatus,
} from "../repositories/stock-repository.js";
import { transaction } from "../db/database.js";
import { availableQuantity } from "../models/index.js";
import type { ReservationRequest, StockReservation } from "../models/index.js";
import { ConflictError } from "../utils/index.js";

function mergeRequests(requests: readonly ReservationRequest[]): ReservationRequest[] {
  const merged = new Map<string, number>();
  for (const r of requests) merged.set(r.productId, (merged.get(r.productId) ?? 0) + r.quantity);
  return [...merged].map(([productId, quantity]) => ({ productId, quantity }));
}

/** All-or-nothing: either every line is held or nothing is. */
export function reserveForOrder(orderId: string, requests: readonly ReservationRequest[]): StockReservation[] {
  return transaction(() => {
    const reservations: StockReservation[] = [];
    for (const request of mergeRequests(requests)) {
      if (!holdStock(request.productId, request.quantity)) {
        const item = findStockItem(request.productId);
        throw new ConflictError(`Insufficient stock for ${request.productId}`, {
          productId: request.productId,
          requested: request.quantity,
          available: item ? availableQuantity(item) : 0,
        });
      }
      reservations.push(insertReservation(orderId, request.productId, request.quantity));
    }
    return reservations;
  });
}

export function commitReservations(orderId: string): number {
  return transaction(() => {
    let committed = 0;
    for (const reservation of listReservationsForOrder(orderId)) {
      if (reservation.status !== "held") continue;
      commitHeldStock(reservation.productId, reservation.quantity);
      setReservationStatus(reservation.id, "committed");
      committed += reservation.quantity;
    }
    return committed;
  });
}

export function releaseReservations(orderId: string): number {
  return transaction(() => {
    let released = 0;
    for (const reservation of listReservationsForOrder(orderId)) {
      if (reservation.status !== "held") continue;
      releaseHeldStock(reservation.productId, reservation.quantity);
      setReservationStatus(reservation.id, "released");
      released += reservation.quantity;
    }
    return released;
  });
}
