import {
  adjustOnHand,
  findStockItem,
  insertStockItem,
  listLowStockItems,
  listReservationsForOrder,
  setReservationStatus,
} from "../repositories/stock-repository.js";
import { transaction } from "../db/database.js";
import { toStockLevel } from "../models/index.js";
import type { StockLevel } from "../models/index.js";
import { ConflictError, config, createLogger, notFound } from "../utils/index.js";

const log = createLogger("inventory");

export function getStockLevel(productId: string): StockLevel {
  const item = findStockItem(productId);
  if (!item) throw notFound("Stock item", productId);
  return toStockLevel(item);
}

export function adjustStock(productId: string, delta: number, reason: string): StockLevel {
  if (!findStockItem(productId)) throw notFound("Stock item", productId);
  if (!adjustOnHand(productId, delta)) {
    throw new ConflictError(`Cannot adjust stock of ${productId} by ${delta}: would drop below reserved quantity`);
  }
  log.info("stock adjusted", { productId, delta, reason });
  return getStockLevel(productId);
}

export function listLowStock(): StockLevel[] {
  return listLowStockItems(config.lowStockThreshold).map(toStockLevel);
}

export function registerStockItem(productId: string, initialOnHand: number): StockLevel {
  if (findStockItem(productId)) throw new ConflictError(`Stock item for ${productId} already exists`);
  insertStockItem(productId, initialOnHand);
  return getStockLevel(productId);
}

/** Puts committed units of an order back on the shelf (refund before shipping). */
export function restockOrder(orderId: string): number {
  return transaction(() => {
    let units = 0;
    for (const reservation of listReservationsForOrder(orderId)) {
      if (reservation.status !== "committed") continue;
      adjustOnHand(reservation.productId, reservation.quantity);
      setReservationStatus(reservation.id, "restocked");
      units += reservation.quantity;
    }
    if (units > 0) log.info("order restocked", { orderId, units });
    return units;
  });
}
