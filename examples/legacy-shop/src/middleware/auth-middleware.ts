import type { NextFunction, Request, Response } from "express";
import { authenticate } from "../services/auth-service.js";
import { UnauthorizedError } from "../utils/index.js";

export function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !token) return null;
  return token.trim();
}

/** Rejects the request unless it carries a valid session token. */
export function requireCustomer(req: Request, res: Response, next: NextFunction): void {
  const token = bearerToken(req);
  const session = token ? authenticate(token) : null;
  if (!session) {
    next(new UnauthorizedError());
    return;
  }
  res.locals.customerId = session.customerId;
  res.locals.sessionToken = session.token;
  next();
}

export function currentCustomerId(res: Response): string {
  const id: unknown = res.locals.customerId;
  if (typeof id !== "string") throw new UnauthorizedError();
  return id;
}

export function currentSessionToken(res: Response): string {
  const token: unknown = res.locals.sessionToken;
  if (typeof token !== "string") throw new UnauthorizedError();
  return token;
}
