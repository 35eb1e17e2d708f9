/**
 * What `analyze` and `check` leave out unless the config's `exclude` says otherwise, each kind
 * with the reason the summary prints. None of it is part of any service: tests exercise the code,
 * tool configs and scripts build or run it, migrations replay its history, generated clients
 * mirror other code. A glob list rather than heuristics, so a user can read and override it.
 */
export interface LeftOutKind {
  kind: string;
  reason: string;
  globs: readonly string[];
  /** Too common to be worth a count in the summary (node_modules, build output). */
  silent?: boolean;
  /**
   * Folder names left out only at a package's level: in the root, or beside a `src/` folder, a
   * package.json or a tsconfig. `apps/api/test/` holds tests; viem's `actions/test/` is library code.
   */
  packageFolders?: readonly string[];
}

export const LEFT_OUT_BY_DEFAULT: readonly LeftOutKind[] = [
  {
    kind: "dependencies and build output",
    reason: "not the codebase's own source",
    globs: ["**/node_modules/**", "**/dist/**", "**/build/**", "**/out/**", "**/coverage/**", "**/.git/**", "**/.next/**", "**/.nx/**"],
    silent: true,
  },
  { kind: "declaration files", reason: "types only, no code", globs: ["**/*.d.ts", "**/*.d.mts", "**/*.d.cts"], silent: true },
  {
    kind: "tests",
    reason: "they exercise services, they are not one",
    globs: [
      "**/*.test.*",
      "**/*.spec.*",
      "**/*.e2e-spec.*",
      "**/*.e2e.*",
      "**/__tests__/**",
      "**/__mocks__/**",
      "**/__fixtures__/**",
      "**/*-e2e/**",
      "**/*.bench.*",
      "**/*.stories.*",
    ],
    packageFolders: ["test", "tests", "e2e"],
  },
  {
    kind: "tool configs",
    reason: "they configure the build, not the application",
    globs: [
      "**/jest.config.*",
      "**/jest.setup.*",
      "**/jest.preset.*",
      "**/eslint.config.*",
      "**/.eslintrc.*",
      "**/prettier.config.*",
      "**/.prettierrc.*",
      "**/webpack.config.*",
      "**/vite.config.*",
      "**/vitest.config.*",
      "**/vitest.workspace.*",
      "**/rollup.config.*",
      "**/babel.config.*",
      "**/tsup.config.*",
      "**/esbuild.config.*",
      "**/nodemon.config.*",
      "**/playwright.config.*",
      "**/cypress.config.*",
      "**/commitlint.config.*",
      "**/lint-staged.config.*",
      "**/.lintstagedrc.*",
      "**/drizzle.config.*",
      "**/knexfile.*",
      "**/ormconfig.*",
      "**/prisma.config.*",
      "decouple.config.*",
    ],
  },
  { kind: "scripts and tooling", reason: "they run next to the application, not in it", globs: ["**/scripts/**", "tools/**", "tooling/**"] },
  {
    kind: "migrations",
    reason: "they replay the schema's history; the tables they touch belong to every service",
    globs: ["**/migrations/**", "**/migration/**", "**/*.migration.*"],
  },
  {
    kind: "generated code",
    reason: "it mirrors code or schemas kept elsewhere",
    globs: ["**/generated/**", "**/__generated__/**", "**/*.generated.*", "**/*.gen.*"],
  },
];

export const DEFAULT_EXCLUDE: string[] = LEFT_OUT_BY_DEFAULT.flatMap((kind) => kind.globs);
