import { createApp, shutdownApp } from "./app.js";
import { config, createLogger } from "./utils/index.js";

const log = createLogger("server");

const app = createApp({ dbFile: config.dbFile });
const server = app.listen(config.port, () => {
  log.info("legacy-shop listening", { port: config.port });
});

function shutdown(signal: string): void {
  log.info("shutting down", { signal });
  server.close(() => {
    shutdownApp(app);
    process.exit(0);
  });
}

process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
