import { describe, expect, it } from "vitest";
import { locateJsonError } from "../../src/io/locate-json-error.js";

describe("locateJsonError", () => {
  it.each([
    ['{\n  "a": ,\n}', { line: 2, column: 8 }],
    ['{\n  "a": 1,\n}', { line: 3, column: 1 }],
    ['{ "a": 1 "b": 2 }', { line: 1, column: 10 }],
    ['[1, 2', { line: 1, column: 6 }],
    ['{ a: 1 }', { line: 1, column: 3 }],
    ['{ "a": "tab\there" }', { line: 1, column: 8 }],
    ["{} x", { line: 1, column: 4 }],
  ])("finds the first error of %j", (text, expected) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual(expected);
  });

  it.each(['{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}}', " [ ] ", '"s"'])("finds nothing in valid JSON %j", (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(locateJsonError(text)).toBeUndefined();
  });
});
