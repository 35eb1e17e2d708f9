import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { ForbiddenError, UnauthorizedError, config } from "../utils/index.js";

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Back-office endpoints use a shared API key (there is no staff user model). */
export function requireAdmin(req: Request, _res: Response, next: NextFunction): void {
  const key = req.header("x-admin-key");
  if (!key) {
    next(new UnauthorizedError("x-admin-key header required"));
    return;
  }
  if (!safeEqual(key, config.adminApiKey)) {
    next(new ForbiddenError("Invalid admin key"));
    return;
  }
  next();
}
