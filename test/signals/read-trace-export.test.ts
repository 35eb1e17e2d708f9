import { describe, expect, it } from "vitest";
import { parseModuleId, type ModuleId } from "../../src/model/module-id.js";
import { groupTraceUseCases } from "../../src/signals/group-trace-use-cases.js";
import { parseOtlpTraces } from "../../src/signals/parse-otlp-traces.js";
import { readTraceExport, type TraceSpan } from "../../src/signals/read-trace-export.js";
import { useTemporaryProjects } from "../support/create-project.js";

const project = useTemporaryProjects();

/** One ExportTraceServiceRequest with one span per [traceId, name, attributes]. */
function request(spans: [string, string, Record<string, object>][], scope: "scopeSpans" | "instrumentationLibrarySpans" = "scopeSpans"): object {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "shop" } }] },
        [scope]: [
          {
            scope: { name: "shop" },
            spans: spans.map(([traceId, name, attributes]) => ({
              traceId,
              spanId: "00f067aa0ba902b7",
              name,
              kind: 1,
              attributes: Object.entries(attributes).map(([key, value]) => ({ key, value })),
            })),
          },
        ],
      },
    ],
  };
}

const PLACE = request([
  ["5b8efff798038103d269b633813fc60c", "placeOrder", { "code.file.path": { stringValue: "src/orders.ts" }, "code.line.number": { intValue: "42" } }],
  ["5b8efff798038103d269b633813fc60c", "chargeCard", { "code.function.name": { stringValue: "chargeCard" }, retried: { boolValue: false } }],
]);
const REFUND = request([["a1b2c3", "refund", { ratio: { doubleValue: 0.5 }, tags: { arrayValue: { values: [{ stringValue: "x" }] } } }]]);

describe("parseOtlpTraces", () => {
  it.each<[string, string, Partial<TraceSpan>[]]>([
    [
      "one document, intValue as a string, bool and double as strings",
      JSON.stringify(PLACE),
      [
        { traceId: "5b8efff798038103d269b633813fc60c", name: "placeOrder", scope: "shop", attributes: { "code.file.path": "src/orders.ts", "code.line.number": "42" } },
        { name: "chargeCard", attributes: { "code.function.name": "chargeCard", retried: "false" } },
      ],
    ],
    ["a pretty-printed document", JSON.stringify(REFUND, null, 2), [{ traceId: "a1b2c3", attributes: { ratio: "0.5" } }]],
    ["JSON Lines, one document per line, blank lines ignored", `${JSON.stringify(PLACE)}\n\n${JSON.stringify(REFUND)}\n`, [{ name: "placeOrder" }, { name: "chargeCard" }, { name: "refund" }]],
    ["intValue as a JSON number", JSON.stringify(request([["t", "s", { n: { intValue: 7 } }]])), [{ attributes: { n: "7" } }]],
    ["the pre-2022 instrumentationLibrarySpans", JSON.stringify(request([["t", "old", {}]], "instrumentationLibrarySpans")), [{ name: "old" }]],
    ["a span without a trace id", JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ name: "lost" }] }] }] }), [{ traceId: "", name: "lost", scope: "" }]],
    ["an export with no spans", JSON.stringify({ resourceSpans: [] }), []],
    ["an empty file", "", []],
  ])("reads %s", (_, text, expected) => {
    const spans = parseOtlpTraces(text, "traces.json");
    expect(spans).toHaveLength(expected.length);
    expected.forEach((partial, index) => expect(spans[index]).toMatchObject(partial));
  });

  it.each([
    ["a JSON file that is not a trace export", JSON.stringify({ name: "shop", version: "1.0.0" }), /^traces\.json is not an OTLP trace export \(no resourceSpans\): pass OTLP JSON/],
    ["OTLP metrics", JSON.stringify({ resourceMetrics: [] }), /no resourceSpans/],
    ["a broken second line", `${JSON.stringify(PLACE)}\n{"resourceSpans": [`, /^traces\.json:2 is not JSON: /],
    ["a trace export in protobuf", Buffer.from([0x0a, 0x9f, 0x03, 0x0a, 0x00, 0x12]).toString("utf8"), /^traces\.json is binary, not JSON: .*format: json/],
    ["a JSON line that is an array", `${JSON.stringify(PLACE)}\n[1, 2]`, /^traces\.json:2 is not an OTLP trace export/],
  ])("rejects %s with DCP010", (_, text, message) => {
    expect(() => parseOtlpTraces(text, "traces.json")).toThrow(expect.objectContaining({ code: "DCP010", message: expect.stringMatching(message) }));
  });
});

describe("readTraceExport", () => {
  it("reads a file relative to the root", async () => {
    const root = project({ "traces/run.json": PLACE });
    expect((await readTraceExport(root, ["traces/run.json"])).map((span) => span.name)).toEqual(["placeOrder", "chargeCard"]);
  });

  it("reads every .json/.jsonl file of a folder, nested ones too, in path order", async () => {
    const root = project({
      "exports/b.jsonl": `${JSON.stringify(REFUND)}\n`,
      "exports/a.json": PLACE,
      "exports/2024/c.ndjson": JSON.stringify(request([["t", "nested", {}]])),
      "exports/README.md": "not read",
    });
    expect((await readTraceExport(root, ["exports"])).map((span) => span.name)).toEqual(["nested", "placeOrder", "chargeCard", "refund"]);
  });

  it.each([
    ["no path at all", {}, [], /names no export: set signals\.traces\.files or pass --traces/],
    ["a missing file", {}, ["traces.json"], /^trace export traces\.json not found: /],
    ["a folder with no export", { "exports/notes.txt": "x" }, ["exports"], /^no \.json\/\.jsonl files in exports: /],
    ["a file that is not OTLP", { "package.json": { name: "shop" } }, ["package.json"], /^package\.json is not an OTLP trace export/],
    ["a folder holding one bad file", { "exports/a.json": PLACE, "exports/b.json": { spans: [] } }, ["exports"], /^exports\/b\.json is not an OTLP trace export/],
  ])("rejects %s with DCP010", async (_, files, paths, message) => {
    const root = project(files);
    await expect(readTraceExport(root, paths)).rejects.toMatchObject({ code: "DCP010", message: expect.stringMatching(message) });
  });
});

describe("groupTraceUseCases", () => {
  const span = (traceId: string, module?: string): TraceSpan => ({ traceId, name: module ?? "unknown", scope: "", attributes: {} });
  const moduleOf = (input: TraceSpan): ModuleId | undefined => (input.name === "unknown" ? undefined : parseModuleId(input.name));

  it("makes each trace one use case, counts repeated ones once, and counts the spans it could not place", () => {
    const grouped = groupTraceUseCases(
      [span("t1", "b.ts"), span("t1", "a.ts"), span("t1"), span("t2", "a.ts"), span("t2", "b.ts"), span("t3", "c.ts"), span("t4"), span("", "d.ts")],
      moduleOf,
    );
    expect(grouped).toEqual({ useCases: [["a.ts", "b.ts"], ["c.ts"]], traces: 4, spans: 8, mapped: 6 });
  });
});
