import { describe, expect, it } from "vitest";
import { moduleIds } from "../support/branded.js";
import { parseModuleId } from "../../src/model/module-id.js";
import { isLayerBarrel } from "../../src/signals/barrel-membership.js";
import { entityCoupling, entityOfModules } from "../../src/signals/entity-coupling.js";
import { detectFolderShape, folderCoupling } from "../../src/signals/folder-shape.js";
import { findFeatureDeclarations } from "../../src/signals/feature-declarations.js";
import { readModuleRole, singular } from "../../src/signals/module-roles.js";
import { splitWords } from "../../src/signals/domain-words.js";

describe("readModuleRole", () => {
  it.each([
    ["src/users/users.controller.ts", [], "controller", ["user"]],
    ["src/auth/guards/jwt-auth.guard.ts", [], "guard", ["jwt", "auth"]],
    ["src/team/input-type.args.ts", [], "dto", ["team"]],
    ["src/controllers/order-controller.ts", [], "controller", ["order"]],
    ["src/models/stock-item.ts", [], "entity", ["stock", "item"]],
    ["src/subscriptions/subscription.entity.ts", [], "entity", ["subscription"]],
    ["src/modules/billing/invoice.ts", ["InvoiceService"], "service", ["invoice"]],
    ["src/app.module.ts", [], "module", []],
    ["src/policies/asset-policy.ts", [], "policy", ["asset"]],
    ["src/presenters/PostPresenter.js", [], "presenter", ["post"]],
    ["src/access-token/helper.ts", [], "helper", ["access", "token"]],
  ])("%s is a %s about %j", (path, exported, role, domain) => {
    expect(readModuleRole(path, exported)).toEqual({ role, domain });
  });

  it("does not read a role into a folder called modules/ (features live there)", () => {
    expect(readModuleRole("src/modules/billing/tax.ts").role).toBeUndefined();
  });
});

describe("singular", () => {
  it.each([
    ["subscriptions", "subscription"],
    ["policies", "policy"],
    ["addresses", "address"],
    ["status", "status"],
    ["news", "news"],
    ["batches", "batch"],
  ])("%s -> %s", (word, expected) => expect(singular(word)).toBe(expected));
});

describe("splitWords", () => {
  it("keeps domain words only, singular, so role words never name a service", () => {
    expect(splitWords("SubscriptionsResolver")).toEqual(["subscription"]);
    expect(splitWords("github.strategy")).toEqual(["github"]);
    expect(splitWords("team-invite-viewer.guard")).toEqual(["team", "invite", "viewer"]);
  });
});

describe("detectFolderShape", () => {
  const feature = ["orders", "payments", "users"].flatMap((domain) => [
    `src/${domain}/${domain}.controller.ts`,
    `src/${domain}/${domain}.service.ts`,
    `src/${domain}/${domain}.entity.ts`,
  ]);
  const layered = ["order", "payment", "user"].flatMap((domain) => [
    `src/controllers/${domain}-controller.ts`,
    `src/services/${domain}-service.ts`,
    `src/models/${domain}.ts`,
  ]);

  it("calls feature folders domain-shaped", () => {
    expect(detectFolderShape(feature).shape).toBe("domain");
  });

  it("calls layer folders role-shaped", () => {
    expect(detectFolderShape(layered)).toMatchObject({ shape: "role", roleFolderShare: 1 });
  });

  it("counts a guards/ folder inside a feature as part of the feature", () => {
    const withGuards = [...feature, "src/orders/guards/owner.guard.ts", "src/users/guards/admin.guard.ts"];
    expect(detectFolderShape(withGuards)).toMatchObject({ shape: "domain", roleFolderShare: 0 });
  });

  it("calls a role folder that holds feature folders (NestJS services/<feature>/) domain-shaped", () => {
    const nested = ["market-data", "exchange-rate", "symbol-profile"].flatMap((domain) => [
      `src/services/${domain}/${domain}.module.ts`,
      `src/services/${domain}/${domain}.service.ts`,
      `src/services/${domain}/interfaces/${domain}.interface.ts`,
    ]);
    expect(detectFolderShape([...nested, ...feature])).toMatchObject({ shape: "domain", roleFolderShare: 0 });
    // Without a feature folder of its own, services/ is a layer, as before.
    expect(detectFolderShape(layered).shape).toBe("role");
  });

  it("calls half and half mixed", () => {
    expect(detectFolderShape([...feature, ...layered]).shape).toBe("mixed");
  });
});

describe("findFeatureDeclarations", () => {
  const rolesOf = (modules: string[]) => new Map(moduleIds(modules).map((module) => [module, readModuleRole(module)]));

  it("finds a NestJS module and a controller beside their feature's service", () => {
    const roles = rolesOf(["src/orders/orders.module.ts", "src/orders/orders.controller.ts", "src/orders/orders.service.ts", "src/app.module.ts"]);
    expect([...findFeatureDeclarations(roles)].sort()).toEqual(["src/orders/orders.controller.ts", "src/orders/orders.module.ts"]);
  });

  it("leaves out a controller in a layer folder (controllers/ holds one role) and the root module", () => {
    const roles = rolesOf(["src/controllers/order-controller.ts", "src/controllers/user-controller.ts", "src/services/order-service.ts", "src/app.module.ts", "src/main.ts"]);
    expect(findFeatureDeclarations(roles).size).toBe(0);
  });
});

describe("entityCoupling", () => {
  const modules = [
    "src/models/Document.ts",
    "src/models/GroupMembership.ts",
    "src/models/Group.ts",
    "src/presenters/document.ts",
    "src/presenters/group.ts",
    "src/policies/document.ts",
    "src/routes/api/groupMemberships.ts",
    "src/queues/processors/DocumentPublishedProcessor.ts",
    "src/utils/date.ts",
  ];
  const roles = new Map(moduleIds(modules).map((module) => [module, readModuleRole(module)]));

  it("reads the entity each module is about, the longest one it names", () => {
    const entityOf = new Map<string, string>(entityOfModules(roles));
    expect(entityOf.get("src/routes/api/groupMemberships.ts")).toBe("group membership");
    expect(entityOf.get("src/queues/processors/DocumentPublishedProcessor.ts")).toBe("document");
    expect(entityOf.has("src/utils/date.ts")).toBe(false);
  });

  const edge = (from: string, to: string) => ({ from: parseModuleId(from), to: parseModuleId(to), symbols: [] });
  const edges = [
    edge("src/presenters/document.ts", "src/models/Document.ts"),
    edge("src/policies/document.ts", "src/models/Document.ts"),
    edge("src/routes/api/groupMemberships.ts", "src/models/GroupMembership.ts"),
    edge("src/queues/processors/DocumentPublishedProcessor.ts", "src/presenters/group.ts"),
  ];

  it("couples one entity's modules across roles, never two of one role", () => {
    const pairs = entityCoupling(roles, { edges }).map(([a, b]) => `${a} ~ ${b}`);
    expect(pairs).toContain("src/models/Document.ts ~ src/presenters/document.ts");
    expect(pairs).toContain("src/models/GroupMembership.ts ~ src/routes/api/groupMemberships.ts");
    expect(pairs).not.toContain("src/models/Group.ts ~ src/routes/api/groupMemberships.ts");
    expect(pairs.some((pair) => pair.includes("utils/date"))).toBe(false);
  });

  it("believes a name only once the code agrees: a module that never touches its entity is left out", () => {
    const pairs = entityCoupling(roles, { edges }).map(([a, b]) => `${a} ~ ${b}`);
    expect(pairs.some((pair) => pair.includes("DocumentPublishedProcessor"))).toBe(false);
  });
});

describe("folderCoupling", () => {
  it("couples a feature folder's modules and says nothing of role folders", () => {
    const pairs = folderCoupling(moduleIds([
      "src/orders/orders.controller.ts",
      "src/orders/orders.service.ts",
      "src/billing/invoice.service.ts",
      "src/billing/tax.ts",
      "src/controllers/a-controller.ts",
      "src/controllers/b-controller.ts",
    ])).map(([a, b, weight]) => `${a} ~ ${b} ${weight}`);
    expect(pairs).toEqual(["src/billing/invoice.service.ts ~ src/billing/tax.ts 1", "src/orders/orders.controller.ts ~ src/orders/orders.service.ts 1"]);
  });
});

describe("isLayerBarrel", () => {
  it("tells a layer's barrel from a package's", () => {
    expect(isLayerBarrel(["src/models/order.ts", "src/models/cart.ts", "src/models/customer.ts"])).toBe(true);
    expect(isLayerBarrel(["src/billing/invoice.ts", "src/billing/invoice.service.ts", "src/billing/tax-rules.ts"])).toBe(false);
  });
});
