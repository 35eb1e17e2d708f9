import {
  findStoredReport,
  listStoredReports,
  queryCapturedPayments,
  queryOrderTotals,
  queryProductSales,
  queryRefunds,
  upsertSalesReport,
} from "../repositories/report-repository.js";
import type { SalesReport } from "../models/index.js";
import { BadRequestError, isValidIsoDate, isoDate, notFound, nowIso } from "../utils/index.js";

export function parseReportDate(raw: string | undefined): string {
  if (raw === undefined) return isoDate();
  if (!isValidIsoDate(raw)) throw new BadRequestError("date must be YYYY-MM-DD");
  return raw;
}

export function buildDailySalesReport(day: string): SalesReport {
  const totals = queryOrderTotals(day);
  const products = queryProductSales(day);
  const capturedCents = queryCapturedPayments(day);
  const refundCents = queryRefunds(day);
  return {
    date: day,
    orderCount: totals.order_count,
    itemsSold: products.reduce((acc, p) => acc + p.quantity, 0),
    subtotalCents: totals.subtotal_cents,
    discountCents: totals.discount_cents,
    shippingCents: totals.shipping_cents,
    grossCents: totals.gross_cents,
    capturedCents,
    refundCents,
    netCents: totals.gross_cents - refundCents,
    averageOrderCents: totals.order_count === 0 ? 0 : Math.round(totals.gross_cents / totals.order_count),
    products,
    generatedAt: nowIso(),
  };
}

/** Builds and stores the report (called by the nightly job and the admin endpoint). */
export function generateDailySalesReport(day: string): SalesReport {
  const report = buildDailySalesReport(day);
  upsertSalesReport(report);
  return report;
}

export function getStoredReport(day: string): SalesReport {
  const report = findStoredReport(day);
  if (!report) throw notFound("Sales report", day);
  return report;
}

export function listReports(limit = 30): SalesReport[] {
  return listStoredReports(limit);
}
