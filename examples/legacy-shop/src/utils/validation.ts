import { BadRequestError } from "./http-errors.js";

export type Body = Record<string, unknown>;

interface LengthOptions {
  min?: number;
  max?: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function asBody(value: unknown): Body {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new BadRequestError("Request body must be a JSON object");
  }
  return value as Body;
}

export function optionalString(body: Body, field: string, opts: LengthOptions = {}): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new BadRequestError(`${field} must be a string`);
  const trimmed = value.trim();
  if (opts.min !== undefined && trimmed.length < opts.min) {
    throw new BadRequestError(`${field} must be at least ${opts.min} characters`);
  }
  if (opts.max !== undefined && trimmed.length > opts.max) {
    throw new BadRequestError(`${field} must be at most ${opts.max} characters`);
  }
  return trimmed;
}

export function requireString(body: Body, field: string, opts: LengthOptions = {}): string {
  const value = optionalString(body, field, { min: 1, ...opts });
  if (value === undefined) throw new BadRequestError(`${field} is required`);
  return value;
}

export function optionalInt(body: Body, field: string, opts: LengthOptions = {}): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new BadRequestError(`${field} must be an integer`);
  }
  if (opts.min !== undefined && value < opts.min) throw new BadRequestError(`${field} must be >= ${opts.min}`);
  if (opts.max !== undefined && value > opts.max) throw new BadRequestError(`${field} must be <= ${opts.max}`);
  return value;
}

export function requireInt(body: Body, field: string, opts: LengthOptions = {}): number {
  const value = optionalInt(body, field, opts);
  if (value === undefined) throw new BadRequestError(`${field} is required`);
  return value;
}

export function requireEmail(body: Body, field: string): string {
  const value = requireString(body, field, { max: 254 }).toLowerCase();
  if (!EMAIL.test(value)) throw new BadRequestError(`${field} must be a valid email address`);
  return value;
}

export function requireOneOf<T extends string>(body: Body, field: string, allowed: readonly T[]): T {
  const value = requireString(body, field);
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw new BadRequestError(`${field} must be one of ${allowed.join(", ")}`);
  return match;
}

export function queryString(query: unknown, field: string): string | undefined {
  if (query === null || typeof query !== "object") return undefined;
  const value = (query as Record<string, unknown>)[field];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function queryInt(query: unknown, field: string, fallback: number, opts: LengthOptions = {}): number {
  const raw = queryString(query, field);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new BadRequestError(`${field} must be an integer`);
  if (opts.min !== undefined && value < opts.min) throw new BadRequestError(`${field} must be >= ${opts.min}`);
  if (opts.max !== undefined && value > opts.max) throw new BadRequestError(`${field} must be <= ${opts.max}`);
  return value;
}

export function pathParam(params: Record<string, string | undefined>, name: string): string {
  const value = params[name];
  if (value === undefined || value === "") throw new BadRequestError(`Missing path parameter ${name}`);
  return value;
}
