import express from "express";
import type { Express } from "express";
import { closeDatabase, openDatabase } from "./db/database.js";
import { eventBus } from "./events/event-bus.js";
import { createCatalogRouter } from "./controllers/catalog-controller.js";
import { createInventoryRouter } from "./controllers/inventory-controller.js";
import { createAuthRouter } from "./controllers/auth-controller.js";
import { createCustomerRouter } from "./controllers/customer-controller.js";
import { createCartRouter } from "./controllers/cart-controller.js";
import { createOrderRouter } from "./controllers/order-controller.js";
import { createPaymentRouter } from "./controllers/payment-controller.js";
import { createShippingRouter } from "./controllers/shipping-controller.js";
import { createNotificationRouter } from "./controllers/notification-controller.js";
import { createPromotionRouter } from "./controllers/promotion-controller.js";
import { createReportRouter } from "./controllers/report-controller.js";
import { registerNotificationHandlers } from "./services/notification-service.js";
import { startDailySalesReportJob } from "./jobs/daily-sales-report-job.js";
import { errorHandler, notFoundHandler } from "./middleware/error-handler.js";
import { config, createLogger } from "./utils/index.js";

const log = createLogger("app");

export interface AppOptions {
  dbFile?: string;
  enableJobs?: boolean;
}

const shutdownHooks = new WeakMap<Express, () => void>();

/** Composition root: opens the shared DB, wires every module, starts the job. */
export function createApp(options: AppOptions = {}): Express {
  const dbFile = options.dbFile ?? config.dbFile;
  openDatabase(dbFile);

  const unsubscribe = registerNotificationHandlers(eventBus);
  const job = options.enableJobs ?? config.jobsEnabled ? startDailySalesReportJob(config.reportIntervalMs) : null;

  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "100kb" }));

  app.get("/health", (_req, res) => {
    res.json({ status: "ok", jobs: job !== null });
  });

  const api = express.Router();
  api.use(createCatalogRouter());
  api.use(createInventoryRouter());
  api.use(createAuthRouter());
  api.use(createCustomerRouter());
  api.use(createCartRouter());
  api.use(createOrderRouter());
  api.use(createPaymentRouter());
  api.use(createShippingRouter());
  api.use(createNotificationRouter());
  api.use(createPromotionRouter());
  api.use(createReportRouter());
  app.use("/api", api);

  app.use(notFoundHandler);
  app.use(errorHandler);

  shutdownHooks.set(app, () => {
    job?.stop();
    unsubscribe();
    closeDatabase();
  });
  log.info("app created", { dbFile, jobs: job !== null });
  return app;
}

/** Stops the job, detaches event handlers and closes the DB. */
export function shutdownApp(app: Express): void {
  shutdownHooks.get(app)?.();
  shutdownHooks.delete(app);
}
