import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { APP_CASES } from "../../bench/evaluate/apps/app-cases.js";
import { roleWordsIn } from "../../bench/evaluate/apps/find-role-names.js";
import { listSourceFiles, prepareAppCase } from "../../bench/evaluate/apps/prepare-app-case.js";
import { folderLabels, scoreBestFolders } from "../../bench/evaluate/apps/score-folders.js";
import { applyTruthRule, firstWord, isApplicationFile, singular } from "../../bench/evaluate/apps/truth-rules.js";

describe("entity-word truth rule (layered apps)", () => {
  const files = [
    "models/Document.ts",
    "models/DocumentInsight.ts",
    "models/User.ts",
    "models/index.ts",
    "models/helpers/DocumentHelper.ts",
    "policies/document.ts",
    "policies/user.ts",
    "presenters/documentInsight.ts",
    "commands/documentCreator.ts",
    "routes/api/documents/documents.ts",
    "routes/api/documents/schema.ts",
    "routes/api/users/index.ts",
    "routes/index.ts",
    "utils/markdown.ts",
    "models/Document.test.ts",
    "migrations/20200101-create-documents.js",
  ];
  const labels = applyTruthRule({ kind: "entity-word", entityFolder: "models", resourceFolders: ["routes/api"], ignoreWords: ["index"] }, files);

  it("labels a file by the first word of its name when a model starts with it", () => {
    expect(labels.get("policies/document.ts")).toBe("document");
    expect(labels.get("commands/documentCreator.ts")).toBe("document");
    expect(labels.get("presenters/documentInsight.ts")).toBe("document");
    expect(labels.get("models/helpers/DocumentHelper.ts")).toBe("document");
  });

  it("labels a route by its resource folder, singular, whatever the file is called", () => {
    expect(labels.get("routes/api/documents/schema.ts")).toBe("document");
    expect(labels.get("routes/api/users/index.ts")).toBe("user");
  });

  it("leaves unlabelled what names no entity, and never labels tests or migrations", () => {
    expect(labels.has("utils/markdown.ts")).toBe(false);
    expect(labels.has("routes/index.ts")).toBe(false);
    expect(labels.has("models/index.ts")).toBe(false);
    expect(labels.has("models/Document.test.ts")).toBe(false);
    expect(labels.has("migrations/20200101-create-documents.js")).toBe(false);
    expect(new Set(labels.values())).toEqual(new Set(["document", "user"]));
  });
});

describe("NestJS module-folder truth rule", () => {
  const files = [
    "src/main.ts",
    "src/app.module.ts",
    "src/team/team.module.ts",
    "src/team/team.service.ts",
    "src/team/guards/team-member.guard.ts",
    "src/team/invites/invites.module.ts",
    "src/team/invites/invites.service.ts",
    "src/guards/gql-auth.guard.ts",
    "src/user/user.service.ts",
  ];

  it("labels a file by the outermost feature-module folder above it; the root module labels nothing", () => {
    const labels = applyTruthRule({ kind: "nest-module-folder", sourceFolder: "src", rootModuleFolder: "src" }, files);
    expect(Object.fromEntries(labels)).toEqual({
      "src/team/guards/team-member.guard.ts": "team",
      "src/team/invites/invites.module.ts": "team",
      "src/team/invites/invites.service.ts": "team",
      "src/team/team.module.ts": "team",
      "src/team/team.service.ts": "team",
    });
  });
});

describe("service-folder truth rule (monorepos, microservices)", () => {
  it("labels files by their service folder and leaves libraries, e2e apps and root files out", () => {
    const files = [
      "apps/auth/src/main.ts",
      "apps/auth/src/users/users.service.ts",
      "apps/payments/src/main.ts",
      "apps/payments-e2e/src/payments.ts",
      "apps/auth/jest.config.ts",
      "libs/common/src/index.ts",
      "index.ts",
    ];
    const labels = applyTruthRule({ kind: "service-folder", serviceParents: ["apps"] }, files);
    expect(Object.fromEntries(labels)).toEqual({
      "apps/auth/src/main.ts": "apps/auth",
      "apps/auth/src/users/users.service.ts": "apps/auth",
      "apps/payments/src/main.ts": "apps/payments",
    });
  });
});

describe("words and application files", () => {
  it("splits names into singular words", () => {
    expect(firstWord("DocumentCreator.ts")).toBe("document");
    expect(firstWord("product-categories")).toBe("product");
    expect(firstWord("order.service.ts")).toBe("order");
    expect(firstWord("APIImportTask.ts")).toBe("api");
    expect(["categories", "addresses", "status", "orders", "boxes"].map(singular)).toEqual(["category", "address", "status", "order", "box"]);
  });

  it("tells application files from tests, configs and declarations", () => {
    expect(isApplicationFile("src/orders/order.service.ts")).toBe(true);
    expect(isApplicationFile("src/orders/order.service.spec.ts")).toBe(false);
    expect(isApplicationFile("test/app.e2e-spec.ts")).toBe(false);
    expect(isApplicationFile("jest.config.ts")).toBe(false);
    expect(isApplicationFile("src/types.d.ts")).toBe(false);
    expect(isApplicationFile("README.md")).toBe(false);
  });
});

describe("role words in service names", () => {
  it("flags layers and technical concerns, not deployables named <domain>-service", () => {
    expect(roleWordsIn("strategy")).toEqual(["strategy"]);
    expect(roleWordsIn("resolvers")).toEqual(["resolver"]);
    expect(roleWordsIn("user-service")).toEqual([]);
    expect(roleWordsIn("guard-service")).toEqual(["guard", "service"]);
    expect(roleWordsIn("orders")).toEqual([]);
  });
});

describe("folder baseline", () => {
  const truth = new Map([
    ["src/orders/api/create.ts", "orders"],
    ["src/orders/db/order-table.ts", "orders"],
    ["src/billing/api/charge.ts", "billing"],
    ["src/billing/db/invoice-table.ts", "billing"],
    ["main.ts", "orders"],
  ]);

  it("cuts paths at a depth; root files share one group", () => {
    expect(Object.fromEntries(folderLabels(truth.keys(), 2))).toEqual({
      "src/orders/api/create.ts": "src/orders",
      "src/orders/db/order-table.ts": "src/orders",
      "src/billing/api/charge.ts": "src/billing",
      "src/billing/db/invoice-table.ts": "src/billing",
      "main.ts": ".",
    });
  });

  it("keeps the depth that matches the truth best", () => {
    const best = scoreBestFolders(truth);
    expect(best.depth).toBe(2);
    expect(best.groups).toBe(3);
    expect(best.coverage).toBe(1);
    // Depth 1 puts everything under src together: no information, NMI 0 on those modules.
    const flat = scoreBestFolders(new Map([...truth].filter(([module]) => module.startsWith("src/"))));
    expect(flat.depth).toBe(2);
    expect(flat.nmi).toBeCloseTo(1, 10);
  });
});

describe("app case sources", () => {
  const app = APP_CASES.find((candidate) => candidate.id === "sleepr");
  if (app === undefined) throw new Error("the sleepr case is gone");
  const made: string[] = [];
  const tempDir = (prefix: string): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("skips a case with a reason when no checkout, cache or mirror has it", () => {
    const empty = tempDir("apps-absent-");
    const prepared = prepareAppCase(app, { appsDir: undefined, cacheDir: path.join(empty, "cache"), mirrorDir: path.join(empty, "mirror") });
    expect(prepared.status).toBe("absent");
    if (prepared.status === "absent") expect(prepared.reason).toContain("no mirror at");
  });

  it("reads a checkout given in DECOUPLE_APPS_DIR and lists its sources", () => {
    const appsDir = tempDir("apps-given-");
    fs.mkdirSync(path.join(appsDir, "sleepr", "apps", "auth", "src"), { recursive: true });
    fs.writeFileSync(path.join(appsDir, "sleepr", "apps", "auth", "src", "main.ts"), "export {};\n");
    fs.writeFileSync(path.join(appsDir, "sleepr", "apps", "auth", "src", "main.d.ts"), "export {};\n");
    const prepared = prepareAppCase(app, { appsDir, cacheDir: path.join(appsDir, "cache"), mirrorDir: path.join(appsDir, "mirror") });
    expect(prepared.status).toBe("ready");
    if (prepared.status === "ready") expect(listSourceFiles(prepared.root)).toEqual(["apps/auth/src/main.d.ts", "apps/auth/src/main.ts"]);
  });
});
