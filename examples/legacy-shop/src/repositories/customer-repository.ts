import { db } from "../db/database.js";
import { customerFromRow } from "../models/index.js";
import type { CustomerRecord, CustomerRow } from "../models/index.js";

export function findCustomerById(id: string): CustomerRecord | null {
  const row = db().prepare("SELECT * FROM customers WHERE id = ?").get(id) as CustomerRow | undefined;
  return row ? customerFromRow(row) : null;
}

export function findCustomerByEmail(email: string): CustomerRecord | null {
  const row = db().prepare("SELECT * FROM customers WHERE email = ?").get(email.toLowerCase()) as
    | CustomerRow
    | undefined;
  return row ? customerFromRow(row) : null;
}

export function insertCustomer(record: CustomerRecord): void {
  db()
    .prepare(
      "INSERT INTO customers (id, email, name, password_hash, password_salt, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .run(record.id, record.email, record.name, record.passwordHash, record.passwordSalt, record.createdAt);
}

export function updateCustomerName(id: string, name: string): boolean {
  return db().prepare("UPDATE customers SET name = ? WHERE id = ?").run(name, id).changes === 1;
}

export function updateCustomerPassword(id: string, hash: string, salt: string): void {
  db().prepare("UPDATE customers SET password_hash = ?, password_salt = ? WHERE id = ?").run(hash, salt, id);
}
