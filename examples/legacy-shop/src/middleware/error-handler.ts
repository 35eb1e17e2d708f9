import type { NextFunction, Request, Response } from "express";
import { createLogger, errorContext, isHttpError } from "../utils/index.js";

const log = createLogger("http");

export function notFoundHandler(req: Request, res: Response): void {
  res.status(404).json({ error: { code: "not_found", message: `No route for ${req.method} ${req.path}` } });
}

function isBodyParserError(err: unknown): err is { status: number; type: string; message: string } {
  return typeof err === "object" && err !== null && "type" in err && "status" in err;
}

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (isHttpError(err)) {
    res.status(err.status).json({ error: { code: err.code, message: err.message, details: err.details ?? undefined } });
    return;
  }
  if (isBodyParserError(err)) {
    res.status(err.status).json({ error: { code: "bad_request", message: err.message } });
    return;
  }
  log.error("unhandled error", { method: req.method, path: req.path, ...errorContext(err) });
  res.status(500).json({ error: { code: "internal", message: "Internal server error" } });
}
