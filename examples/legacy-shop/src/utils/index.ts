// Barrel for the utils folder. Import from here unless you have a reason not to.
export { config, loadConfig } from "./config.js";
export type { LogLevel, ShopConfig } from "./config.js";
export * from "./logger.js";
export * from "./money.js";
export * from "./ids.js";
export * from "./dates.js";
export * from "./validation.js";
export * from "./http-errors.js";
export * from "./pagination.js";
