export interface StockItem {
  productId: string;
  onHand: number;
  reserved: number;
  reorderLevel: number;
  updatedAt: string;
}

export interface StockItemRow {
  product_id: string;
  on_hand: number;
  reserved: number;
  reorder_level: number;
  updated_at: string;
}

export interface StockLevel {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStock: boolean;
}

export function stockItemFromRow(row: StockItemRow): StockItem {
  return {
    productId: row.product_id,
    onHand: row.on_hand,
    reserved: row.reserved,
    reorderLevel: row.reorder_level,
    updatedAt: row.updated_at,
  };
}

export function availableQuantity(item: StockItem): number {
  return Math.max(0, item.onHand - item.reserved);
}

export function toStockLevel(item: StockItem): StockLevel {
  const available = availableQuantity(item);
  return {
    productId: item.productId,
    onHand: item.onHand,
    reserved: item.reserved,
    available,
    lowStock: available <= item.reorderLevel,
  };
}
