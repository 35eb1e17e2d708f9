import fs from "node:fs";
import { z } from "zod";
import { readJson, validateJson } from "../io/read-json-file.js";
import { boundariesSchema, SHARED } from "../model/boundaries.js";
import { UserError } from "../model/errors.js";
import { parseModuleId } from "../model/module-id.js";

/**
 * An expected-domains file: the decomposition the code's authors intend, module by module
 * (examples/legacy-shop/expected-domains.json). "shared" marks modules that belong to no domain.
 */
export const expectedDomainsSchema = z
  .object({
    version: z.literal(1),
    domains: z.array(z.string().min(1)).describe("Every domain name."),
    modules: z.record(z.string(), z.string()).describe('Domain of each module (root-relative path), or "shared".'),
  })
  .strict()
  .superRefine((file, context) => {
    const known = new Set(file.domains);
    for (const [module, domain] of Object.entries(file.modules)) {
      if (domain !== SHARED && !known.has(domain)) context.addIssue({ code: "custom", path: ["modules", module], message: `"${domain}" is not in domains` });
    }
  });

/** A reference decomposition read from a file. */
export interface Reference {
  kind: "boundaries" | "expected-domains";
  /** Label of each module; shared modules are left out. */
  labels: Map<string, string>;
  /** Modules the file marks as shared. */
  shared: number;
}

/** Reads `--reference FILE`: a boundaries file or an expected-domains file, told apart by their keys. */
export function readReference(file: string): Reference {
  const hint = 'Pass a decouple.boundaries.json or an expected-domains file ({ "version": 1, "domains": [...], "modules": { "<path>": "<domain>" } }).';
  if (!fs.existsSync(file)) throw new UserError("DCP005", `reference file ${file} does not exist. ${hint}`);
  const errors = { code: "DCP005", hint, label: "reference file" } as const;
  const raw = readJson(file, errors);
  if (typeof raw === "object" && raw !== null && "services" in raw) {
    const boundaries = validateJson(raw, boundariesSchema, file, { ...errors, hint: "See schemas/decouple.boundaries.schema.json." });
    const shared = new Set(boundaries.shared.modules);
    const labels = new Map<string, string>();
    for (const service of boundaries.services) {
      for (const module of service.modules) if (!shared.has(module) && !labels.has(module)) labels.set(parseModuleId(module), service.name);
    }
    return { kind: "boundaries", labels, shared: shared.size };
  }
  const entries = Object.entries(validateJson(raw, expectedDomainsSchema, file, errors).modules);
  const labels = new Map(entries.filter(([, domain]) => domain !== SHARED).map(([module, domain]) => [parseModuleId(module), domain]));
  return { kind: "expected-domains", labels, shared: entries.length - labels.size };
}
