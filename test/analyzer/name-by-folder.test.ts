import { describe, expect, it } from "vitest";
import { nameByFolder } from "../../src/analyzer/name-by-folder.js";

const service = (folder: string, files: string[]) => files.map((file) => `src/${folder}/${file}`);

describe("nameByFolder", () => {
  const others = service("billing", ["billing.service.ts", "billing.module.ts", "invoice.entity.ts"]);

  it("names a service after its feature folder, role words dropped and singular", () => {
    const names = nameByFolder([service("user-environments", ["user-environment.service.ts", "user-environment.module.ts"]), others], 20);
    expect(names).toEqual(["user-environment", "billing"]);
  });

  it("gives two folders that would both be 'user' their whole names (user-settings, user-request)", () => {
    const names = nameByFolder(
      [
        service("user", ["user.service.ts", "user.module.ts", "user.model.ts"]),
        service("user-settings", ["user-settings.service.ts", "user-settings.module.ts"]),
        service("user-request", ["user-request.service.ts", "user-request.module.ts"]),
        others,
      ],
      30,
    );
    expect(names).toEqual(["user", "user-settings", "user-request", "billing"]);
  });

  it("leaves a service unnamed when its folder is a layer or holds half of everything", () => {
    expect(nameByFolder([service("controllers", ["a.controller.ts", "b.controller.ts"]), others], 20)).toEqual([undefined, "billing"]);
    expect(nameByFolder([service("orders", ["a.ts", "b.ts", "c.ts"])], 4)).toEqual([undefined]);
  });
});
