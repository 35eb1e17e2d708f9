import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "bench/.corpora/**",
      "bench/.work/**",
      "test/fixtures/**",
      "examples/**/node_modules/**",
      "**/generated/**",
      ".scratch/**",
      ".decouple-tmp/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // No `as` in decouple's code: types come from schemas, brands from their one constructor.
    files: ["src/**/*.ts"],
    ignores: [
      // The branded constructors: the only places a plain string becomes a brand.
      "src/model/module-id.ts",
      "src/model/service-name.ts",
      "src/model/pair-key.ts",
      // The AST walk: oxc's node types are a union narrowed by `type`, which TypeScript cannot follow.
      "src/graph/parse-module.ts",
      "src/graph/count-references.ts",
      "src/graph/find-require-calls.ts",
    ],
    rules: { "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "never" }] },
  },
  {
    // One string order in decouple's code: compareStrings (code units, the same on every machine).
    files: ["src/**/*.ts"],
    ignores: ["src/model/compare-strings.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='localeCompare']",
          message: "localeCompare depends on the machine's locale: use compareStrings (src/model/compare-strings.ts).",
        },
        {
          selector: "ConditionalExpression[test.operator=/^[<>]$/][consequent.operator='-'][consequent.argument.value=1]",
          message: "A hand-written comparator: use compareStrings or compareKeys (src/model/compare-strings.ts).",
        },
        {
          selector: "ConditionalExpression[test.operator=/^[<>]$/][consequent.value=1][alternate.operator='-'][alternate.argument.value=1]",
          message: "A hand-written comparator: use compareStrings or compareKeys (src/model/compare-strings.ts).",
        },
      ],
    },
  },
);
