// Reporting reads the orders/payments tables directly instead of going through
// the orders or payments modules. "Temporary" since 2020 (see README, Known tangles).
import { db } from "../db/database.js";
import { PAID_ORDER_STATUSES, reportFromRow } from "../models/index.js";
import type { ProductSales, SalesReport, StoredReportRow } from "../models/index.js";

export interface OrderTotalsRow {
  order_count: number;
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  gross_cents: number;
}

const PAID_STATUS_SQL = PAID_ORDER_STATUSES.map((s) => `'${s}'`).join(", ");

export function queryOrderTotals(day: string): OrderTotalsRow {
  return db()
    .prepare(
      `SELECT COUNT(*) AS order_count,
              COALESCE(SUM(subtotal_cents), 0) AS subtotal_cents,
              COALESCE(SUM(discount_cents), 0) AS discount_cents,
              COALESCE(SUM(shipping_cents), 0) AS shipping_cents,
              COALESCE(SUM(total_cents), 0) AS gross_cents
         FROM orders
        WHERE substr(created_at, 1, 10) = ? AND status IN (${PAID_STATUS_SQL})`,
    )
    .get(day) as OrderTotalsRow;
}

export function queryProductSales(day: string): ProductSales[] {
  return db()
    .prepare(
      `SELECT ol.product_id AS productId, ol.sku AS sku, ol.name AS name,
              SUM(ol.quantity) AS quantity, SUM(ol.line_total_cents) AS revenueCents
         FROM order_lines ol
         JOIN orders o ON o.id = ol.order_id
        WHERE substr(o.created_at, 1, 10) = ? AND o.status IN (${PAID_STATUS_SQL})
        GROUP BY ol.product_id, ol.sku, ol.name
        ORDER BY revenueCents DESC, ol.product_id`,
    )
    .all(day) as ProductSales[];
}

export function queryCapturedPayments(day: string): number {
  const row = db()
    .prepare(
      `SELECT COALESCE(SUM(amount_cents), 0) AS total FROM payments
        WHERE substr(created_at, 1, 10) = ? AND status IN ('captured', 'partially_refunded', 'refunded')`,
    )
    .get(day) as { total: number };
  return row.total;
}

export function queryRefunds(day: string): number {
  const row = db()
    .prepare("SELECT COALESCE(SUM(amount_cents), 0) AS total FROM refunds WHERE substr(created_at, 1, 10) = ?")
    .get(day) as { total: number };
  return row.total;
}

export function upsertSalesReport(report: SalesReport): void {
  db()
    .prepare(
      `INSERT INTO sales_reports (report_date, payload, generated_at) VALUES (?, ?, ?)
       ON CONFLICT (report_date) DO UPDATE SET payload = excluded.payload, generated_at = excluded.generated_at`,
    )
    .run(report.date, JSON.stringify(report), report.generatedAt);
}

export function findStoredReport(day: string): SalesReport | null {
  const row = db().prepare("SELECT * FROM sales_reports WHERE report_date = ?").get(day) as StoredReportRow | undefined;
  return row ? reportFromRow(row) : null;
}

export function listStoredReports(limit = 30): SalesReport[] {
  const rows = db()
    .prepare("SELECT * FROM sales_reports ORDER BY report_date DESC LIMIT ?")
    .all(limit) as StoredReportRow[];
  return rows.map(reportFromRow);
}
