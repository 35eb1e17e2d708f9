import { Router } from "express";
import {
  buildDailySalesReport,
  generateDailySalesReport,
  getStoredReport,
  listReports,
  parseReportDate,
} from "../services/report-service.js";
import { requireAdmin } from "../middleware/admin-guard.js";
import { pathParam, queryString } from "../utils/index.js";

export function createReportRouter(): Router {
  const router = Router();
  router.use("/admin/reports", requireAdmin);

  // Live numbers, computed on the fly.
  router.get("/admin/reports/daily", (req, res) => {
    res.json(buildDailySalesReport(parseReportDate(queryString(req.query, "date"))));
  });

  // Same numbers, persisted (what the nightly job does).
  router.post("/admin/reports/daily", (req, res) => {
    res.status(201).json(generateDailySalesReport(parseReportDate(queryString(req.query, "date"))));
  });

  router.get("/admin/reports", (_req, res) => {
    res.json({ items: listReports() });
  });

  router.get("/admin/reports/:date", (req, res) => {
    res.json(getStoredReport(parseReportDate(pathParam(req.params, "date"))));
  });

  return router;
}
