import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "examples/legacy-shop/test/**/*.test.ts"],
    exclude: ["test/fixtures/**", "node_modules/**"],
    // Starts PostgreSQL, Redis, RabbitMQ and NATS when one is down; stops only what it started.
    // An absolute path: legacy-shop's own test runs (`vitest run --root .` under coverage) find
    // this config too, and a relative path would resolve against their root.
    globalSetup: [fileURLToPath(new URL("./test/setup/start-services.ts", import.meta.url))],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
