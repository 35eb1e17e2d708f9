// Every entity in the shop. Most code imports from here.
export * from "./product.js";
export * from "./category.js";
export * from "./stock-item.js";
export * from "./stock-reservation.js";
export * from "./customer.js";
export * from "./session.js";
export * from "./cart.js";
export * from "./order.js";
export * from "./order-line.js";
export * from "./payment.js";
export * from "./refund.js";
export * from "./shipment.js";
export * from "./notification.js";
export * from "./coupon.js";
export * from "./sales-report.js";
