import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import {
  findCustomerByEmail,
  findCustomerById,
  insertCustomer,
  updateCustomerPassword,
} from "../repositories/customer-repository.js";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsForCustomer,
  findSession,
  insertSession,
} from "../repositories/session-repository.js";
import { isSessionExpired, toPublicCustomer } from "../models/index.js";
import type { Customer, RegistrationInput, Session } from "../models/index.js";
import { BadRequestError, ConflictError, UnauthorizedError, addMinutes, config, newId, newToken, nowIso } from "../utils/index.js";

export interface AuthResult {
  customer: Customer;
  token: string;
  expiresAt: string;
}

const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string, salt: string = randomBytes(16).toString("hex")): { hash: string; salt: string } {
  return { hash: scryptSync(password, salt, 32).toString("hex"), salt };
}

export function verifyPassword(password: string, hash: string, salt: string): boolean {
  const candidate = Buffer.from(hashPassword(password, salt).hash, "hex");
  const expected = Buffer.from(hash, "hex");
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

function startSession(customerId: string): Session {
  const createdAt = nowIso();
  const session: Session = {
    token: newToken(),
    customerId,
    createdAt,
    expiresAt: addMinutes(createdAt, config.sessionTtlMinutes),
  };
  insertSession(session);
  return session;
}

export function register(input: RegistrationInput): AuthResult {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new BadRequestError(`password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (findCustomerByEmail(input.email)) throw new ConflictError(`An account for ${input.email} already exists`);
  const { hash, salt } = hashPassword(input.password);
  const record = {
    id: newId("cus"),
    email: input.email.toLowerCase(),
    name: input.name,
    passwordHash: hash,
    passwordSalt: salt,
    createdAt: nowIso(),
  };
  insertCustomer(record);
  const session = startSession(record.id);
  return { customer: toPublicCustomer(record), token: session.token, expiresAt: session.expiresAt };
}

export function login(email: string, password: string): AuthResult {
  const record = findCustomerByEmail(email);
  if (!record || !verifyPassword(password, record.passwordHash, record.passwordSalt)) {
    throw new UnauthorizedError("Invalid email or password");
  }
  deleteExpiredSessions(nowIso());
  const session = startSession(record.id);
  return { customer: toPublicCustomer(record), token: session.token, expiresAt: session.expiresAt };
}

export function logout(token: string): boolean {
  return deleteSession(token);
}

/** Resolves a bearer token to a live session, or null. */
export function authenticate(token: string): Session | null {
  const session = findSession(token);
  if (!session) return null;
  if (isSessionExpired(session)) {
    deleteSession(token);
    return null;
  }
  return session;
}

export function changePassword(customerId: string, current: string, next: string): void {
  const record = findCustomerById(customerId);
  if (!record || !verifyPassword(current, record.passwordHash, record.passwordSalt)) {
    throw new UnauthorizedError("Current password is incorrect");
  }
  if (next.length < MIN_PASSWORD_LENGTH) throw new BadRequestError("new password is too short");
  const { hash, salt } = hashPassword(next);
  updateCustomerPassword(customerId, hash, salt);
  deleteSessionsForCustomer(customerId);
}
