import path from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchemas } from "../src/model/json-schemas.js";
import { toStableJson, writeFileAtomic } from "../src/io/write-json-file.js";

// Regenerates schemas/*.json from the zod schemas; test/schemas.test.ts fails when they drift.
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "schemas");
for (const [name, schema] of Object.entries(jsonSchemas())) writeFileAtomic(path.join(folder, name), toStableJson(schema));
