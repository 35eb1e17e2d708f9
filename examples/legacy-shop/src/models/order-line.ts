export interface OrderLine {
  id: number;
  orderId: string;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
  weightGrams: number;
}

export type NewOrderLine = Omit<OrderLine, "id" | "orderId">;

export interface OrderLineRow {
  id: number;
  order_id: string;
  product_id: string;
  sku: string;
  name: string;
  quantity: number;
  unit_price_cents: number;
  line_total_cents: number;
  weight_grams: number;
}

export function orderLineFromRow(row: OrderLineRow): OrderLine {
  return {
    id: row.id,
    orderId: row.order_id,
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    quantity: row.quantity,
    unitPriceCents: row.unit_price_cents,
    lineTotalCents: row.line_total_cents,
    weightGrams: row.weight_grams,
  };
}

export function totalQuantity(lines: readonly Pick<OrderLine, "quantity">[]): number {
  return lines.reduce((acc, line) => acc + line.quantity, 0);
}
