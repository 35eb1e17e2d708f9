import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { servicesNamed } from "../../support/branded.js";
import { deriveServiceContracts } from "../../../src/generator/contracts/derive-service-contracts.js";
import type { ServiceContract } from "../../../src/generator/service-contract.js";
import { readBoundaries } from "../../../src/io/read-boundaries.js";

const fixture = path.resolve("test/fixtures/contracts/api-forms");
let contracts: ServiceContract[];
const contract = (name: string): ServiceContract => contracts.find((c) => c.service === name)!;

beforeAll(async () => {
  contracts = await deriveServiceContracts({ root: fixture, boundaries: readBoundaries(path.join(fixture, "decouple.boundaries.json")) });
});

describe("API forms (api-forms fixture)", () => {
  it("match the committed golden (vitest -u rewrites it)", async () => {
    await expect(`${JSON.stringify(contracts, null, 2)}\n`).toMatchFileSnapshot("../../fixtures/contracts/api-forms.contracts.json");
  });

  it("make public methods of an exported instance and object operations, not private, static or entity ones", () => {
    expect(contract("ledger").operations.map((o) => o.operationId)).toEqual([
      "closeDay", "exportLedger", "ledgerApi_getStatement", "ledgerApi_reset", "ledger_balance", "ledger_freeze", "ledger_post",
      "lookupRates", "makeInvoice", "registerHooks",
    ]);
    const getStatement = contract("ledger").operations.find((o) => o.operationId === "ledgerApi_getStatement");
    expect(getStatement).toMatchObject({
      exportName: "ledgerApi",
      method: "getStatement",
      http: { method: "GET", path: "/ledger/ledger-api-get-statement" },
      parameters: [{ name: "account", in: "query", required: true }],
      response: { type: "array", items: { $ref: "#/components/schemas/Entry" } },
      synchronous: false,
    });
  });

  it("serve a default export under its own name", () => {
    expect(contract("ledger").operations.find((o) => o.operationId === "exportLedger")).toMatchObject({
      exportName: "default",
      http: { method: "POST", path: "/ledger/export-ledger" },
      parameters: [{ name: "format", in: "body", schema: { type: "string", enum: ["csv", "json"] } }],
    });
  });

  it("give each thrown domain error its status: stated in a super call, else read from the name, else 422", () => {
    const errors = Object.fromEntries(contract("ledger").operations.map((o) => [o.operationId, o.errors]));
    expect(errors.ledger_freeze).toEqual([{ name: "AccountFrozenError", status: 423 }]);
    expect(errors.ledger_post).toEqual([{ name: "InsufficientFundsError", status: 422 }]);
    expect(errors.ledger_balance).toEqual([]);
  });

  it("find events on a typed bus and on an EventEmitter, but not process.on", () => {
    const events = contracts.flatMap((c) => c.events.filter((e) => e.kind === "event").map((e) => `${c.service} ${e.name} ${e.producers}->${e.consumers}`));
    expect(events).toEqual([
      "billing invoice.sent billing->mailer",
      "billing ledger.day-closed ledger->billing",
      "ledger ledger.day-closed ledger->billing",
      "mailer invoice.sent billing->mailer",
    ]);
    expect(contract("mailer").events[0]?.payload).toEqual({ $ref: "#/components/schemas/InvoiceSent" });
    // The handler registered with a constant's name (src/mailer/bus.ts:27) counts too.
    expect(contract("mailer").events[0]?.locations).toEqual(["src/billing/billing.ts:15", "src/mailer/bus.ts:27"]);
    expect(contract("ledger").events.find((e) => e.name === "ledger.day-closed")?.payload).toEqual({
      type: "object",
      properties: { day: { type: "string" }, entries: { type: "number" } },
      required: ["day", "entries"],
      additionalProperties: false,
    });
  });

  it("derive only the services asked for, and refuse an unknown one with DCP005", async () => {
    const boundaries = readBoundaries(path.join(fixture, "decouple.boundaries.json"));
    const only = await deriveServiceContracts({ root: fixture, boundaries, services: servicesNamed("mailer") });
    expect(only).toEqual([contract("mailer")]);
    await expect(deriveServiceContracts({ root: fixture, boundaries, services: servicesNamed("nope") })).rejects.toMatchObject({ code: "DCP005" });
  });

  it("report functions, classes with behaviour, Map, Set, bigint, symbol and nested promises where they cross", () => {
    expect(contract("ledger").unexpressible.map((u) => `${u.usedIn}: ${u.type} @ ${u.location}`)).toEqual([
      "Invoice: Invoice @ src/ledger/unexpressible.ts:2:1",
      "lookupRates: Set<string> @ src/ledger/unexpressible.ts:15:29",
      "lookupRates: Map<string, number> @ src/ledger/unexpressible.ts:15:55",
      "makeInvoice: bigint @ src/ledger/unexpressible.ts:19:29",
      "makeInvoice: symbol @ src/ledger/unexpressible.ts:19:41",
      "makeInvoice: (cents: number) => string @ src/ledger/unexpressible.ts:19:54",
      "makeInvoice: Invoice @ src/ledger/unexpressible.ts:19:90",
      "registerHooks: onPaid: (invoice: Invoice) => void @ src/ledger/unexpressible.ts:12:3",
      "registerHooks: Promise<number> @ src/ledger/unexpressible.ts:23:61",
    ]);
    const reasons = contract("ledger").unexpressible.map((u) => u.reason).join("\n");
    for (const word of ["a Set", "a Map", "a bigint", "a symbol", "a function", "class Invoice with behaviour", "a Promise nested"]) {
      expect(reasons).toContain(word);
    }
  });
});
