export interface CartItem {
  productId: string;
  quantity: number;
  addedAt: string;
}

export interface Cart {
  id: string;
  customerId: string;
  couponCode: string | null;
  items: CartItem[];
  updatedAt: string;
}

export interface CartRow {
  id: string;
  customer_id: string;
  coupon_code: string | null;
  created_at: string;
  updated_at: string;
}

export interface CartItemRow {
  cart_id: string;
  product_id: string;
  quantity: number;
  added_at: string;
}

export interface PricedCartLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
  weightGrams: number;
  available: boolean;
}

export interface PricedCart {
  cartId: string;
  customerId: string;
  lines: PricedCartLine[];
  itemCount: number;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  couponCode: string | null;
  couponMessage: string | null;
}

export function cartFromRows(row: CartRow, items: CartItemRow[]): Cart {
  return {
    id: row.id,
    customerId: row.customer_id,
    couponCode: row.coupon_code,
    updatedAt: row.updated_at,
    items: items.map((item) => ({ productId: item.product_id, quantity: item.quantity, addedAt: item.added_at })),
  };
}
