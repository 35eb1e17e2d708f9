import { ADMIN_KEY } from "./shop.js";
import type { ShopHandle } from "./shop.js";

// Response shapes as seen over HTTP (deliberately not imported from src/).
export interface Product {
  id: string;
  sku: string;
  name: string;
  categoryId: string;
  priceCents: number;
  active: boolean;
  score?: number;
}
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}
export interface StockLevel {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
}
export interface AuthResult {
  customer: { id: string; email: string; name: string };
  token: string;
}
export interface CartLine {
  productId: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}
export interface PricedCart {
  lines: CartLine[];
  itemCount: number;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  couponCode: string | null;
}
export interface Order {
  id: string;
  customerId: string;
  status: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  couponCode: string | null;
  lines: { productId: string; quantity: number; unitPriceCents: number; lineTotalCents: number }[];
}
export interface Payment {
  id: string;
  orderId: string;
  amountCents: number;
  status: string;
  cardLast4: string;
  declineCode: string | null;
}
export interface Shipment {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  status: string;
  events: { status: string }[];
}
export interface OutboxEmail {
  id: string;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  status: string;
  relatedOrderId: string | null;
}
export interface SalesReport {
  date: string;
  orderCount: number;
  itemsSold: number;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  grossCents: number;
  capturedCents: number;
  refundCents: number;
  netCents: number;
  products: { productId: string; quantity: number; revenueCents: number }[];
}
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export interface ApiResult<T> {
  status: number;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  token?: string;
  admin?: boolean;
}

export async function call<T>(shop: ShopHandle, method: string, path: string, options: CallOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.admin) headers["x-admin-key"] = ADMIN_KEY;
  const response = await fetch(`${shop.baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export const VALID_CARD = { number: "4242424242424242", expMonth: 12, expYear: 2099, cvc: "123" };
export const DECLINED_CARD = { number: "4000000000000002", expMonth: 12, expYear: 2099, cvc: "123" };
export const ADDRESS = { name: "Ada Lovelace", line1: "12 Analytical Row", city: "London", postalCode: "N1 9GU", country: "GB" };

let counter = 0;

export async function registerCustomer(shop: ShopHandle, name = "Test Customer"): Promise<AuthResult> {
  counter += 1;
  const email = `customer-${Date.now()}-${process.pid}-${counter}@example.test`;
  const res = await call<AuthResult>(shop, "POST", "/api/auth/register", {
    body: { email, name, password: "correct horse battery" },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function stockOf(shop: ShopHandle, productId: string): Promise<StockLevel> {
  const res = await call<StockLevel>(shop, "GET", `/api/inventory/${productId}`);
  if (res.status !== 200) throw new Error(`stock lookup failed: ${res.status}`);
  return res.body;
}

export async function addToCart(shop: ShopHandle, token: string, productId: string, quantity: number): Promise<PricedCart> {
  const res = await call<PricedCart>(shop, "POST", "/api/cart/items", { token, body: { productId, quantity } });
  if (res.status !== 201) throw new Error(`add to cart failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function checkout(
  shop: ShopHandle,
  token: string,
  card = VALID_CARD,
): Promise<ApiResult<{ order: Order; payment: Payment } & Partial<ErrorBody>>> {
  return call(shop, "POST", "/api/orders", { token, body: { card, shippingAddress: ADDRESS } });
}

/** Registers a customer, fills a cart and pays; returns the paid order. */
export async function placePaidOrder(
  shop: ShopHandle,
  items: { productId: string; quantity: number }[],
  couponCode?: string,
): Promise<{ customer: AuthResult; order: Order; payment: Payment }> {
  const customer = await registerCustomer(shop);
  for (const item of items) await addToCart(shop, customer.token, item.productId, item.quantity);
  if (couponCode) {
    const applied = await call(shop, "PUT", "/api/cart/coupon", { token: customer.token, body: { code: couponCode } });
    if (applied.status !== 200) throw new Error(`coupon failed: ${applied.status}`);
  }
  const res = await checkout(shop, customer.token);
  if (res.status !== 201) throw new Error(`checkout failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { customer, order: res.body.order, payment: res.body.payment };
}
