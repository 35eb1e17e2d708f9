import type Database from "better-sqlite3";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Append-only. Never edit a migration that has shipped.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "catalog_and_inventory",
    sql: `
      CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        parent_id TEXT REFERENCES categories(id)
      );
      CREATE TABLE products (
        id TEXT PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        category_id TEXT NOT NULL REFERENCES categories(id),
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        weight_grams INTEGER NOT NULL DEFAULT 500,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      );
      CREATE TABLE stock_items (
        product_id TEXT PRIMARY KEY REFERENCES products(id),
        on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        reorder_level INTEGER NOT NULL DEFAULT 5,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE stock_reservations (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL,
        product_id TEXT NOT NULL REFERENCES products(id),
        quantity INTEGER NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX idx_reservations_order ON stock_reservations(order_id);
    `,
  },
  {
    version: 2,
    name: "customers_and_carts",
    sql: `
      CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        password_salt TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE carts (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL UNIQUE REFERENCES customers(id),
        coupon_code TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE cart_items (
        cart_id TEXT NOT NULL REFERENCES carts(id),
        product_id TEXT NOT NULL REFERENCES products(id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        added_at TEXT NOT NULL,
        PRIMARY KEY (cart_id, product_id)
      );
    `,
  },
  {
    version: 3,
    name: "orders_and_payments",
    sql: `
      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        status TEXT NOT NULL,
        subtotal_cents INTEGER NOT NULL,
        discount_cents INTEGER NOT NULL DEFAULT 0,
        shipping_cents INTEGER NOT NULL DEFAULT 0,
        total_cents INTEGER NOT NULL,
        coupon_code TEXT,
        shipping_address TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX idx_orders_customer ON orders(customer_id);
      CREATE TABLE order_lines (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id TEXT NOT NULL REFERENCES orders(id),
        product_id TEXT NOT NULL,
        sku TEXT NOT NULL,
        name TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        unit_price_cents INTEGER NOT NULL,
        line_total_cents INTEGER NOT NULL,
        weight_grams INTEGER NOT NULL DEFAULT 500
      );
      CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES orders(id),
        amount_cents INTEGER NOT NULL,
        status TEXT NOT NULL,
        card_brand TEXT NOT NULL,
        card_last4 TEXT NOT NULL,
        processor_ref TEXT,
        decline_code TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE refunds (
        id TEXT PRIMARY KEY,
        payment_id TEXT NOT NULL REFERENCES payments(id),
        order_id TEXT NOT NULL REFERENCES orders(id),
        amount_cents INTEGER NOT NULL,
        reason TEXT NOT NULL,
        processor_ref TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: "shipping_notifications_promotions_reports",
    sql: `
      CREATE TABLE shipments (
        id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL UNIQUE REFERENCES orders(id),
        carrier TEXT NOT NULL,
        service_level TEXT NOT NULL,
        tracking_number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        cost_cents INTEGER NOT NULL,
        weight_grams INTEGER NOT NULL,
        shipped_at TEXT NOT NULL,
        delivered_at TEXT
      );
      CREATE TABLE shipment_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        shipment_id TEXT NOT NULL REFERENCES shipments(id),
        status TEXT NOT NULL,
        location TEXT NOT NULL,
        occurred_at TEXT NOT NULL
      );
      CREATE TABLE email_outbox (
        id TEXT PRIMARY KEY,
        recipient TEXT NOT NULL,
        template TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        related_order_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        sent_at TEXT
      );
      CREATE TABLE coupons (
        code TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        value INTEGER NOT NULL,
        min_subtotal_cents INTEGER NOT NULL DEFAULT 0,
        max_redemptions INTEGER,
        redemptions INTEGER NOT NULL DEFAULT 0,
        starts_at TEXT,
        expires_at TEXT,
        active INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE sales_reports (
        report_date TEXT PRIMARY KEY,
        payload TEXT NOT NULL,
        generated_at TEXT NOT NULL
      );
    `,
  },
];

export function runMigrations(connection: Database.Database): number {
  connection.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const applied = new Set(
    connection
      .prepare("SELECT version FROM schema_migrations")
      .all()
      .map((row) => (row as { version: number }).version),
  );
  const record = connection.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  let count = 0;
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    connection.transaction(() => {
      connection.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
    count += 1;
  }
  return count;
}
