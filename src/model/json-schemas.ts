import { z } from "zod";
import { boundariesSchema } from "./boundaries.js";
import { configSchema } from "./config.js";

/** The published JSON Schemas, generated from the zod schemas that validate the files at run time. */
export function jsonSchemas(): Record<string, unknown> {
  return {
    "decouple.config.schema.json": {
      ...z.toJSONSchema(configSchema, { io: "input", target: "draft-7" }),
      title: "decouple.config.json",
    },
    "decouple.boundaries.schema.json": {
      ...z.toJSONSchema(boundariesSchema, { io: "input", target: "draft-7" }),
      title: "decouple.boundaries.json",
    },
  };
}
