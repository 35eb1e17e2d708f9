import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const runtime = fileURLToPath(new URL("../../../templates/runtime/queue/", import.meta.url));
const versions: { dependencies: Record<string, string>; devDependencies: Record<string, string> } = JSON.parse(
  readFileSync(join(runtime, "versions.json"), "utf8"),
);
const modules = fileURLToPath(new URL("../../../node_modules/", import.meta.url));

it("pins for generated services the exact versions the queue runtime is tested with here", () => {
  for (const [name, version] of Object.entries({ ...versions.dependencies, ...versions.devDependencies })) {
    // Read from node_modules: some packages (amqplib) do not export their package.json.
    const installed: { version: string } = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
    expect({ name, version }).toEqual({ name, version: installed.version });
  }
});

it("lists every package the runtime templates import", () => {
  const imported = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith(".ts")) {
        for (const match of readFileSync(join(dir, entry.name), "utf8").matchAll(/from "([^".][^"]*)"/g)) {
          const specifier = match[1] ?? "";
          if (specifier.startsWith("node:")) continue;
          imported.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : (specifier.split("/")[0] ?? ""));
        }
      }
    }
  };
  walk(runtime);
  expect([...imported].filter((name) => !(name in versions.dependencies))).toEqual([]);
});
