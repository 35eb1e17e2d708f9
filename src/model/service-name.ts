import { z } from "zod";
import { UserError } from "./errors.js";

/** Lower-case letters, digits and dashes, starting with a letter or digit, at most 64 long: safe as a folder name. */
export const SERVICE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const SERVICE_NAME_MAX_LENGTH = 64;

/**
 * A service's name in a file decouple reads (boundaries, results, baseline, config): validated and
 * branded there, so code past the edge never holds an unchecked name.
 */
export const serviceNameSchema = z
  .string()
  .regex(SERVICE_NAME_PATTERN, "lower-case letters, digits and dashes")
  .max(SERVICE_NAME_MAX_LENGTH)
  .brand<"ServiceName">();

/** A service's name: lower-case words joined by dashes, safe to use as a folder name. */
export type ServiceName = z.infer<typeof serviceNameSchema>;

/** The one constructor of ServiceName. Rejects names that could escape a folder (`..`, `/`). */
export function toServiceName(raw: string): ServiceName {
  if (!SERVICE_NAME_PATTERN.test(raw) || raw.length > SERVICE_NAME_MAX_LENGTH) {
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
    .slice(0, SERVICE_NAME_MAX_LENGTH);
  return toServiceName(slug === "" ? "service" : slug);
}
