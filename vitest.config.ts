import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "examples/legacy-shop/test/**/*.test.ts"],
    exclude: ["test/fixtures/**", "node_modules/**"],
    // Starts PostgreSQL, Redis, RabbitMQ and NATS when one is down; stops only what it started.
    globalSetup: ["test/setup/start-services.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
