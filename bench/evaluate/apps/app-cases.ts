import type { TruthRule } from "./truth-rules.js";

/** How an application is organised: decides which truth rule fits it. */
export type AppCategory = "layered by role" | "NestJS feature modules" | "monorepo of services" | "microservices merged";

/**
 * A public backend application pinned by commit. The benchmark checks `checkout` out of the
 * repository at `commit` and analyses `folder` inside it, as a user would point decouple at it.
 */
export interface AppCase {
  /** Folder name of the checkout and of the truth table. */
  id: string;
  category: AppCategory;
  /**
   * Held out: chosen before anything was run and never looked at while tuning; the results
   * render these apart. Changing this flag after the first run defeats its purpose.
   */
  heldOut: boolean;
  /** A held-out case looked at after its first score was reported: when, and what changed since (rendered under the table). */
  lookedAt?: string;
  /** GitHub owner/name. */
  repo: string;
  commit: string;
  /** Repository paths extracted (`git archive <commit> <paths…>`): the app and what it imports. */
  checkout: readonly string[];
  /** The analysed folder, relative to the checkout root ("." for the root). */
  folder: string;
  /**
   * npm packages the checkout's tsconfigs extend (`"extends": "@scope/config/tsconfig.json"`),
   * installed into its `node_modules/` as a user's install would have them. Configs only, no code.
   */
  tsconfigPackages?: readonly { name: string; version: string }[];
  rule: TruthRule;
  /** The truth rule in words, as the results print it. */
  ruleText: string;
}

export const APP_CASES: readonly AppCase[] = [
  {
    id: "outline-server",
    category: "layered by role",
    heldOut: false,
    repo: "outline/outline",
    commit: "d77dcdf853868c5d5fe125c895c9b71f0eff5c68",
    checkout: ["server", "shared", "tsconfig.json", "package.json"],
    folder: "server",
    rule: { kind: "entity-word", entityFolder: "models", resourceFolders: ["routes/api"], ignoreWords: ["index"] },
    ruleText:
      "entity word: the first word of the file name (of the resource folder under `routes/api/`), singular, when it is the first word of a model in `models/` (Document, Collection, User, …)",
  },
  {
    id: "medusa-v1",
    category: "layered by role",
    heldOut: true,
    repo: "medusajs/medusa",
    commit: "5ef41bd86daffbe6613951ef176be24f2bc6fe20",
    checkout: ["packages/medusa"],
    folder: "packages/medusa",
    rule: {
      kind: "entity-word",
      entityFolder: "src/models",
      resourceFolders: ["src/api/routes/admin", "src/api/routes/store"],
      ignoreWords: ["index"],
    },
    ruleText:
      "entity word: the first word of the file name (of the resource folder under `src/api/routes/{admin,store}/`), singular, when it is the first word of a model in `src/models/` (order, cart, product, …)",
  },
  {
    id: "hoppscotch-backend",
    category: "NestJS feature modules",
    heldOut: false,
    repo: "hoppscotch/hoppscotch",
    commit: "afc2cf181c16e56647b099e5d18cfe55710c6cdd",
    checkout: ["packages/hoppscotch-backend"],
    folder: "packages/hoppscotch-backend",
    rule: { kind: "nest-module-folder", sourceFolder: "src", rootModuleFolder: "src" },
    ruleText: "feature folder: the outermost folder under `src/` above the file that holds a `*.module.ts` (the root `src/app.module.ts` labels nothing)",
  },
  {
    id: "ghostfolio-api",
    category: "NestJS feature modules",
    heldOut: true,
    lookedAt:
      "looked at after its held-out score (0.767, below the folders' bar) was reported; two general rules came of it (a role folder holding feature folders is a container; a feature's NestJS module and controller stay with it), with the other cases' figures in src/clustering/DESIGN.md. It is no longer untouched",
    repo: "ghostfolio/ghostfolio",
    commit: "c542997d27990365b607c7a6c9fe4bc8835a55c8",
    checkout: ["apps/api", "libs/common", "tsconfig.base.json", "package.json", "nx.json"],
    folder: "apps/api",
    rule: { kind: "nest-module-folder", sourceFolder: "src", rootModuleFolder: "src/app" },
    ruleText:
      "feature folder: the outermost folder under `src/` above the file that holds a `*.module.ts` (`src/app/<feature>`, `src/app/endpoints/<feature>`, `src/services/<feature>`; the root `src/app/app.module.ts` labels nothing)",
  },
  {
    id: "novu",
    category: "monorepo of services",
    heldOut: false,
    repo: "novuhq/novu",
    commit: "74a2e9a6a295cd5a17aa9806914b4574fecce737",
    checkout: [
      "apps/api",
      "apps/worker",
      "apps/ws",
      "apps/webhook",
      "apps/inbound-mail",
      "libs/application-generic",
      "libs/dal",
      "libs/testing",
      "packages/shared",
      "tsconfig.json",
      "package.json",
      "nx.json",
      "pnpm-workspace.yaml",
    ],
    folder: ".",
    rule: { kind: "service-folder", serviceParents: ["apps"] },
    ruleText:
      "service folder: `apps/<service>` (api, worker, ws, webhook, inbound-mail); the workspace libraries (`libs/*`, `packages/shared`) are shared code and labelled nothing",
  },
  {
    id: "terramatch",
    category: "monorepo of services",
    heldOut: true,
    repo: "wri/terramatch-microservices",
    commit: "53d028e5d21875f26915ef8e87692fe9a2cd216e",
    checkout: ["apps", "libs", "tsconfig.base.json", "package.json", "nx.json"],
    folder: ".",
    rule: { kind: "service-folder", serviceParents: ["apps"] },
    ruleText: "service folder: `apps/<service>` (six Nx NestJS services); `libs/*` are shared code and labelled nothing; `apps/*-e2e` are tests",
  },
  {
    id: "lomray-microservices",
    category: "microservices merged",
    heldOut: false,
    repo: "Lomray-Software/microservices",
    commit: "c63eddc086565867bbd1856a741b30d441893010",
    checkout: ["microservices", "package.json"],
    folder: ".",
    // Every service's tsconfig extends this package's, which holds the `@services/*`, `@entities/*`… paths.
    tsconfigPackages: [{ name: "@lomray/microservice-config", version: "1.4.3" }],
    rule: { kind: "service-folder", serviceParents: ["microservices"] },
    ruleText: "service folder: `microservices/<service>` (eleven services, each its own package and tsconfig)",
  },
  {
    id: "sleepr",
    category: "microservices merged",
    heldOut: false,
    repo: "mguay22/sleepr",
    commit: "215350263441dbda87dd22745a7d90dab1a31997",
    checkout: ["apps", "libs", "tsconfig.json", "package.json", "nest-cli.json"],
    folder: ".",
    rule: { kind: "service-folder", serviceParents: ["apps"] },
    ruleText: "service folder: `apps/<service>` (auth, reservations, payments, notifications); `libs/common` is shared code and labelled nothing",
  },
];
