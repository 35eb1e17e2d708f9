import { generateDailySalesReport } from "../services/report-service.js";
import type { SalesReport } from "../models/index.js";
import { createLogger, errorContext } from "#shop/utils/logger.js";
import { isoDate } from "#shop/utils/dates.js";

const log = createLogger("jobs.daily-sales-report");

export interface ReportJobHandle {
  stop(): void;
  runNow(): SalesReport | null;
  lastRunAt(): string | null;
}

/**
 * Regenerates today's (and, right after midnight, yesterday's) sales report.
 * Runs in-process on a timer; the timer is unref'd so it never keeps Node alive.
 */
export function startDailySalesReportJob(intervalMs: number): ReportJobHandle {
  let lastRun: string | null = null;
  let lastDay: string | null = null;

  const runNow = (): SalesReport | null => {
    try {
      const today = isoDate();
      if (lastDay !== null && lastDay !== today) generateDailySalesReport(lastDay);
      const report = generateDailySalesReport(today);
      lastRun = report.generatedAt;
      lastDay = today;
      log.info("daily sales report generated", { date: today, orders: report.orderCount, net: report.netCents });
      return report;
    } catch (err) {
      log.error("daily sales report failed", errorContext(err));
      return null;
    }
  };

  const timer = setInterval(runNow, intervalMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    runNow,
    lastRunAt: () => lastRun,
  };
}
