import { describe, expect, it } from "vitest";
import { detectFolderShape } from "../../src/signals/folder-shape.js";
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

  it("calls half and half mixed", () => {
    expect(detectFolderShape([...feature, ...layered]).shape).toBe("mixed");
  });
});
