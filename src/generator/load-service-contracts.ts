import fs from "node:fs";
import type { Boundaries } from "../model/boundaries.js";
import { UserError } from "../model/errors.js";
import { toServiceName } from "../model/service-name.js";
import type { ServiceContract } from "./service-contract.js";

export interface ContractSource {
  readonly root: string;
  readonly boundaries: Boundaries;
  readonly services: readonly string[];
  /** Contracts already derived (a JSON array of ServiceContract), instead of deriving them from the code. */
  readonly contractsFile?: string;
}

/** The derivation's module, named in a variable until it is on main so this stage type-checks without it. */
const DERIVATION_MODULE = "./contracts/derive-service-contracts.js";

interface DerivationModule {
  deriveServiceContracts(options: { root: string; boundaries: Boundaries; services?: readonly string[] }): Promise<ServiceContract[]>;
}

/** The contracts of the selected services: read from a file, or derived from the code (type checker loaded only here). */
export async function loadServiceContracts(source: ContractSource): Promise<ServiceContract[]> {
  const contracts = source.contractsFile === undefined ? await derive(source) : readContractsFile(source.contractsFile);
  for (const contract of contracts) toServiceName(contract.service);
  const selected = contracts.filter((contract) => source.services.includes(contract.service));
  return selected.sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
}

async function derive(source: ContractSource): Promise<ServiceContract[]> {
  let derivation: DerivationModule;
  try {
    derivation = (await import(DERIVATION_MODULE)) as DerivationModule;
  } catch (error) {
    // Only the derivation module itself missing means "not in this build"; anything else is a real failure.
    const missing = error instanceof Error && "code" in error && error.code === "ERR_MODULE_NOT_FOUND" && error.message.includes("derive-service-contracts");
    if (!missing) throw error;
    throw new UserError("DCP006", "this build of decouple cannot derive contracts from the code yet; pass --contracts FILE (a JSON array of service contracts).");
  }
  return derivation.deriveServiceContracts({ root: source.root, boundaries: source.boundaries, services: source.services });
}

function readContractsFile(file: string): ServiceContract[] {
  if (!fs.existsSync(file)) throw new UserError("DCP006", `--contracts ${file} does not exist.`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UserError("DCP006", `--contracts ${file} is not valid JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(raw) || !raw.every(isContractLike)) throw new UserError("DCP006", `--contracts ${file} is not an array of service contracts ({ service, operations, events, schemas, unexpressible }).`);
  return raw;
}

function isContractLike(value: unknown): value is ServiceContract {
  if (typeof value !== "object" || value === null) return false;
  const record: Record<string, unknown> = { ...value };
  return typeof record.service === "string" && Array.isArray(record.operations) && Array.isArray(record.events) && typeof record.schemas === "object" && Array.isArray(record.unexpressible);
}
