import {
  clearCartItems,
  deleteCartItem,
  findCartByCustomer,
  insertCart,
  setCartCoupon,
  upsertCartItem,
} from "../repositories/cart-repository.js";
import { getSellableProduct } from "./catalog-service.js";
import { priceCart } from "./cart-pricing.js";
import { normalizeCouponCode } from "../models/index.js";
import type { Cart, PricedCart } from "../models/index.js";
import { BadRequestError, NotFoundError, UnprocessableError, config } from "../utils/index.js";

export function getOrCreateCart(customerId: string): Cart {
  return findCartByCustomer(customerId) ?? insertCart(customerId);
}

export function getPricedCart(customerId: string): PricedCart {
  return priceCart(getOrCreateCart(customerId));
}

function assertQuantity(quantity: number): void {
  if (quantity > config.maxLineQuantity) {
    throw new BadRequestError(`At most ${config.maxLineQuantity} units per product`);
  }
}

export function addItem(customerId: string, productId: string, quantity: number): PricedCart {
  const product = getSellableProduct(productId);
  const cart = getOrCreateCart(customerId);
  const existing = cart.items.find((item) => item.productId === product.id);
  const newQuantity = (existing?.quantity ?? 0) + quantity;
  assertQuantity(newQuantity);
  upsertCartItem(cart.id, product.id, newQuantity);
  return getPricedCart(customerId);
}

export function setItemQuantity(customerId: string, productId: string, quantity: number): PricedCart {
  const cart = getOrCreateCart(customerId);
  if (!cart.items.some((item) => item.productId === productId)) {
    throw new NotFoundError(`Product ${productId} is not in the cart`);
  }
  if (quantity === 0) {
    deleteCartItem(cart.id, productId);
  } else {
    assertQuantity(quantity);
    upsertCartItem(cart.id, productId, quantity);
  }
  return getPricedCart(customerId);
}

export function removeItem(customerId: string, productId: string): PricedCart {
  const cart = getOrCreateCart(customerId);
  if (!deleteCartItem(cart.id, productId)) throw new NotFoundError(`Product ${productId} is not in the cart`);
  return getPricedCart(customerId);
}

export function applyCoupon(customerId: string, rawCode: string): PricedCart {
  const cart = getOrCreateCart(customerId);
  const code = normalizeCouponCode(rawCode);
  const priced = priceCart({ ...cart, couponCode: code });
  if (priced.couponMessage) throw new UnprocessableError(priced.couponMessage, { code });
  setCartCoupon(cart.id, code);
  return priced;
}

export function removeCoupon(customerId: string): PricedCart {
  const cart = getOrCreateCart(customerId);
  setCartCoupon(cart.id, null);
  return getPricedCart(customerId);
}

export function clearCart(customerId: string): void {
  const cart = findCartByCustomer(customerId);
  if (cart) clearCartItems(cart.id);
}
