import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DockerIgnoreStrategy } from "aws-cdk-lib";
import { DockerfileParser, type Copy, type Dockerfile } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { LEGACY_SHOP_CONTRACTS, readContracts, writeDeployProject } from "./support/write-deploy-project.js";

// Docker does not run here: the Dockerfiles are parsed and linted, not built.
const project = writeDeployProject(readContracts(LEGACY_SHOP_CONTRACTS), {
  services: { order: { buildCommand: "npm run build", startCommand: ["node", "dist/main.js"] } },
});
const SERVICES = ["order", "payment", "stock"];

describe.each(SERVICES)("the %s Dockerfile", (service) => {
  const text = readFileSync(join(project.outDir, service, "Dockerfile"), "utf8");
  const dockerfile: Dockerfile = DockerfileParser.parse(text);
  const stages = dockerfile.getFROMs();
  const runtime = stages.at(-1);

  it("has no errors or warnings from the Dockerfile linter", () => {
    expect(validate(text).map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.message}`)).toEqual([]);
  });

  it("builds in stages on a pinned Node image", () => {
    // A build stage only where the service has a build (order here); the generated ones run with tsx.
    expect(stages.map((from) => from.getBuildStage())).toEqual(service === "order" ? ["deps", "build", "runtime"] : ["deps", "runtime"]);
    const imageArg = dockerfile.getInitialARGs().find((arg) => arg.getProperty()?.getName() === "NODE_IMAGE");
    expect(imageArg?.getProperty()?.getValue()).toMatch(/^node:22\.\d+\.\d+-bookworm-slim$/);
    for (const from of stages) expect(from.getImage()).toBe("${NODE_IMAGE}");
  });

  it("copies only production dependencies and the build into the final stage", () => {
    const runtimeCopies = dockerfile.getCOPYs().filter((copy) => runtime && copy.getRange().start.line > runtime.getRange().start.line);
    expect(new Set(runtimeCopies.map((copy) => fromStage(copy) ?? "context"))).toEqual(
      new Set(service === "order" ? ["deps", "build", "context"] : ["deps", "context"]),
    );
    const fromDeps = runtimeCopies.filter((copy) => fromStage(copy) === "deps").map((copy) => copy.getArgumentsContent());
    expect(fromDeps.every((args) => args?.includes("node_modules"))).toBe(true);
    const depsStage = text.slice(text.indexOf("AS deps"), text.indexOf("AS build"));
    expect(depsStage).toContain("npm ci --omit=dev");
    expect(text.slice(text.indexOf("AS runtime"))).toMatch(/ENV NODE_ENV=production/);
  });

  it("runs as a non-root user", () => {
    const users = dockerfile.getInstructions().filter((instruction) => instruction.getKeyword() === "USER");
    const last = users.at(-1);
    expect(last?.getArgumentsContent()).toBe("node");
    // The USER comes after the last COPY/RUN, in the final stage: nothing after it runs as root.
    const lastWrite = dockerfile.getInstructions().filter((instruction) => ["COPY", "RUN", "ADD"].includes(instruction.getKeyword())).at(-1);
    expect(last!.getRange().start.line).toBeGreaterThan(lastWrite!.getRange().start.line);
    expect(last!.getRange().start.line).toBeGreaterThan(runtime!.getRange().start.line);
  });

  it("checks /health", () => {
    const [healthcheck] = dockerfile.getHEALTHCHECKs();
    expect(healthcheck?.getSubcommand()?.getValue()).toBe("CMD");
    expect(healthcheck?.getArgumentsContent()).toContain("/health");
    expect(healthcheck?.getArgumentsContent()).toContain("127.0.0.1");
  });
});

describe("the build context", () => {
  it("is the monolith's root, with the service's own folder and nothing of the other services", () => {
    const patterns = readFileSync(join(project.outDir, "payment", "Dockerfile.dockerignore"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"));
    // CDK's Docker ignore strategy follows Docker's rules (last match wins, negation, parents).
    const ignore = new DockerIgnoreStrategy(project.root, patterns);
    const ignored = (path: string) => ignore.ignores(join(project.root, path));
    expect(ignored("src/services/payment-service.ts")).toBe(false);
    expect(ignored("package.json")).toBe(false);
    expect(ignored("services/payment/src/main.ts")).toBe(false);
    expect(ignored("services/payment/package.json")).toBe(false);
    expect(ignored("services/order/src/main.ts")).toBe(true);
    expect(ignored("services/deploy/cdk.out/x.json")).toBe(true);
    expect(ignored("services/payment/node_modules/fastify/package.json")).toBe(true);
    expect(ignored("node_modules/express/package.json")).toBe(true);
    expect(ignored("services/payment/dist/main.js")).toBe(true);
    expect(ignored(".env")).toBe(true);
  });

  it("sends the monolith and the one service when the services sit beside the monolith", () => {
    const beside = writeDeployProject(readContracts(LEGACY_SHOP_CONTRACTS), {}, "beside");
    const context = dirname(beside.root);
    const patterns = readFileSync(join(beside.outDir, "payment", "Dockerfile.dockerignore"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"));
    const ignore = new DockerIgnoreStrategy(context, patterns);
    const ignored = (path: string) => ignore.ignores(join(context, path));
    expect(ignored("legacy-shop/src/services/payment-service.ts")).toBe(false);
    expect(ignored("legacy-shop/package.json")).toBe(false);
    expect(ignored("legacy-shop-services/payment/src/main.ts")).toBe(false);
    expect(ignored("legacy-shop-services/order/src/main.ts")).toBe(true);
    expect(ignored("legacy-shop-services/deploy/cdk.out/x.json")).toBe(true);
    expect(ignored("legacy-shop/node_modules/express/package.json")).toBe(true);
    expect(ignored("another-project/src/index.ts")).toBe(true);
    const text = readFileSync(join(beside.outDir, "payment", "Dockerfile"), "utf8");
    expect(validate(text)).toEqual([]);
    expect(text).toContain("COPY legacy-shop/package*.json ./legacy-shop/");
  });

  it("starts a generated service with tsx, or a built one as its settings say", () => {
    const order = readFileSync(join(project.outDir, "order", "Dockerfile"), "utf8");
    expect(order).toContain('CMD ["node","dist/main.js"]');
    expect(order).toContain("RUN cd services/order && npm run build");
    expect(order).toContain("COPY --from=build --chown=node:node /app/services/order/dist ./services/order/dist");
    expect(readFileSync(join(project.outDir, "payment", "Dockerfile"), "utf8")).toContain('CMD ["node","--import","tsx","src/main.ts"]');
  });
});

function fromStage(copy: Copy): string | null | undefined {
  // getFromFlag() misses --from when another flag follows it (dockerfile-ast 0.7.1).
  return copy.getFlags().find((flag) => flag.getName() === "from")?.getValue();
}
