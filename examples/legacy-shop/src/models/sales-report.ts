export interface ProductSales {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  revenueCents: number;
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
  averageOrderCents: number;
  products: ProductSales[];
  generatedAt: string;
}

export interface StoredReportRow {
  report_date: string;
  payload: string;
  generated_at: string;
}

export function reportFromRow(row: StoredReportRow): SalesReport {
  return JSON.parse(row.payload) as SalesReport;
}
