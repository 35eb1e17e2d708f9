import { Router } from "express";
import { dispatchPendingEmails, listOutboxEmails } from "../services/notification-service.js";
import { requireAdmin } from "../middleware/admin-guard.js";
import type { OutboxStatus } from "../models/index.js";
import { BadRequestError, queryInt, queryString } from "../utils/index.js";

const STATUSES: readonly OutboxStatus[] = ["pending", "sent", "failed"];

export function createNotificationRouter(): Router {
  const router = Router();
  router.use("/admin/outbox", requireAdmin);

  router.get("/admin/outbox", (req, res) => {
    const rawStatus = queryString(req.query, "status");
    const status = STATUSES.find((s) => s === rawStatus);
    if (rawStatus !== undefined && status === undefined) throw new BadRequestError("unknown status filter");
    res.json({
      items: listOutboxEmails({
        status,
        orderId: queryString(req.query, "orderId"),
        recipient: queryString(req.query, "recipient"),
      }),
    });
  });

  router.post("/admin/outbox/dispatch", (req, res) => {
    res.json(dispatchPendingEmails(queryInt(req.query, "limit", 50, { min: 1, max: 500 })));
  });

  return router;
}
