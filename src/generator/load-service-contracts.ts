import fs from "node:fs";
import type { Boundaries } from "../model/boundaries.js";
import { UserError } from "../model/errors.js";
import { toServiceName, type ServiceName } from "../model/service-name.js";
import { deriveServiceContracts } from "./contracts/derive-service-contracts.js";
import type { EventContract, ServiceContract } from "./service-contract.js";
import { compareStrings } from "../model/compare-strings.js";

export interface ContractSource {
  readonly root: string;
  readonly boundaries: Boundaries;
  readonly services: readonly ServiceName[];
  /** Contracts already derived (a JSON array of ServiceContract), instead of deriving them from the code. */
  readonly contractsFile?: string;
}

/** The contracts of the selected services: derived from the code (the type checker loads only then), or read from a saved set. */
export async function loadServiceContracts(source: ContractSource): Promise<ServiceContract[]> {
  const contracts =
    source.contractsFile === undefined
      ? await deriveServiceContracts({ root: source.root, boundaries: source.boundaries, services: source.services })
      : readContractsFile(source.contractsFile);
  const selected = contracts.filter((contract) => source.services.includes(contract.service));
  return selected.sort((a, b) => compareStrings(a.service, b.service));
}

function readContractsFile(file: string): ServiceContract[] {
  if (!fs.existsSync(file)) throw new UserError("DCP006", `--contracts ${file} does not exist.`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UserError("DCP006", `--contracts ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!Array.isArray(raw) || !raw.every(isContractLike)) throw new UserError("DCP006", `--contracts ${file} is not an array of service contracts ({ service, operations, events, schemas, unexpressible }).`);
  // The file's service names are checked and branded here, at the edge.
  return raw.map((contract) => ({
    ...contract,
    service: toServiceName(contract.service),
    events: contract.events.map((event) => ({ ...event, producers: event.producers.map(toServiceName), consumers: event.consumers.map(toServiceName) })),
  }));
}

/** A contract as read from a file: its service names still to be checked. */
type ContractLike = Omit<ServiceContract, "service" | "events"> & { service: string; events: EventLike[] };
type EventLike = Omit<EventContract, "producers" | "consumers"> & { producers: string[]; consumers: string[] };

function isContractLike(value: unknown): value is ContractLike {
  if (typeof value !== "object" || value === null) return false;
  const record: Record<string, unknown> = { ...value };
  return (
    typeof record.service === "string" &&
    Array.isArray(record.operations) &&
    Array.isArray(record.events) &&
    record.events.every(isEventLike) &&
    typeof record.schemas === "object" &&
    Array.isArray(record.unexpressible)
  );
}

/** An event whose producers and consumers are lists of names, checked by toServiceName next. */
function isEventLike(value: unknown): value is EventLike {
  if (typeof value !== "object" || value === null) return false;
  const record: Record<string, unknown> = { ...value };
  const names = (list: unknown): boolean => Array.isArray(list) && list.every((item) => typeof item === "string");
  return names(record.producers) && names(record.consumers);
}
