import { randomBytes, randomUUID } from "node:crypto";

/** Prefixed, URL-safe identifiers, e.g. `ord_3f9a0c1b2d4e5f60`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
}

export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString("hex");
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Human-friendly code without ambiguous characters (no 0/O, 1/I). */
export function shortCode(length = 8): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export function isId(value: unknown, prefix: string): value is string {
  return typeof value === "string" && value.startsWith(`${prefix}_`) && value.length > prefix.length + 1;
}
