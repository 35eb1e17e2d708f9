import { UserError } from "./errors.js";

/** A service's name: lower-case words joined by dashes, safe to use as a folder name. */
export type ServiceName = string & { readonly __brand: "ServiceName" };

const SERVICE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The one constructor of ServiceName. Rejects names that could escape a folder (`..`, `/`). */
export function toServiceName(raw: string): ServiceName {
  if (!SERVICE_NAME.test(raw) || raw.length > 64) {
    throw new UserError(
      "DCP005",
      `service name "${raw}" is not valid: use lower-case letters, digits and dashes (e.g. "order-fulfilment")`,
    );
  }
  return raw as ServiceName;
}

/** Turns free text (domain words) into a valid service name. */
export function slugToServiceName(words: string): ServiceName {
  const slug = words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64);
  return toServiceName(slug === "" ? "service" : slug);
}
