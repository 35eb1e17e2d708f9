import path from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../../config/load-config.js";
import { readBoundaries } from "../../io/read-boundaries.js";
import { UserError } from "../../model/errors.js";
import { toServiceName } from "../../model/service-name.js";
import type { CliConsole } from "../console.js";
import { BOUNDARIES_FILE } from "./analyze-command.js";

interface GenerateFlags {
  out?: string;
  service?: string[];
  dryRun?: boolean;
  check?: boolean;
  force?: boolean;
  templates?: string;
  contracts?: string;
  runtime?: string;
  config?: string;
  verbose?: boolean;
}

export function registerGenerateCommand(program: Command, io: CliConsole, setExitCode: (code: number) => void): void {
  program
    .command("generate")
    .description(
      "Generate a runnable service per service of the boundaries file (Fastify, contract-validated, traced) with its OpenAPI 3.1 and AsyncAPI 3.0 documents, a typed async client, a strangler-fig facade in the monolith, and the deploy files (Dockerfiles, docker-compose.yml, an AWS CDK app). Never overwrites a file you edited.",
    )
    .argument("[boundaries-file]", "the boundaries file; its folder is the monolith's root", BOUNDARIES_FILE)
    .option("--out <dir>", "output folder (default: services/ beside the boundaries file)")
    .option("--service <name...>", "only these services")
    .option("--dry-run", "print the plan (create, update, keep user-edited, remove) and write nothing")
    .option("--check", "write nothing; exit 1 when generated files are out of date (for CI)")
    .option("--force", "also replace files you edited since decouple wrote them")
    .option("--templates <dir>", "a folder of templates that override decouple's by relative path (e.g. service/src/server.ts.hbs)")
    .option("--contracts <file>", "service contracts as JSON (an array of ServiceContract) instead of deriving them from the code")
    .option("--runtime <runtime>", "where the services run on AWS: fargate (ECS Fargate behind API Gateway) or lambda (Lambda functions, SQS event sources); shapes the CDK app and each service's entry and dependencies", "fargate")
    .option("--config <file>", "config file (default: decouple.config.{json,ts,mjs,js} beside the boundaries file)")
    .option("--verbose", "list unchanged files too")
    .action(async (boundariesArgument: string, flags: GenerateFlags) => {
      if (flags.dryRun === true && flags.check === true) throw new UserError("DCP006", "--dry-run and --check both write nothing; pass one of them.");
      const runtime = flags.runtime ?? "fargate";
      if (runtime !== "fargate" && runtime !== "lambda") throw new UserError("DCP006", `--runtime ${runtime}: pass fargate (the default) or lambda.`);
      const [{ planServiceGeneration }, { applyChanges }, { renderGenerationPlan, renderKeptFiles }, { OUT_OF_DATE_ACTIONS }] = await Promise.all([
        import("../../generator/plan-service-generation.js"),
        import("../../generator/apply-changes.js"),
        import("../../reporters/render-generation-plan.js"),
        import("../../generator/generation-plan.js"),
      ]);
      const boundariesFile = path.resolve(boundariesArgument);
      const root = path.dirname(boundariesFile);
      const boundaries = readBoundaries(boundariesFile);
      const { config } = await loadConfig(root, flags.config);
      const result = await planServiceGeneration({
        root,
        boundaries,
        config,
        out: flags.out === undefined ? undefined : path.resolve(flags.out),
        services: flags.service?.map((name) => toServiceName(name)),
        templatesDir: flags.templates === undefined ? undefined : path.resolve(flags.templates),
        contractsFile: flags.contracts === undefined ? undefined : path.resolve(flags.contracts),
        force: flags.force,
        runtime,
      });
      const writes = flags.dryRun !== true && flags.check !== true;
      if (writes) applyChanges(result.root, result.changes, result.manifestFile, result.manifest);
      io.out(renderGenerationPlan(result, { applied: writes, verbose: flags.verbose === true }));
      io.err(renderKeptFiles(result));
      const outOfDate = result.changes.filter((change) => OUT_OF_DATE_ACTIONS.includes(change.action));
      if (flags.check === true && outOfDate.length > 0) {
        io.err(`decouple: ${outOfDate.length} generated files are out of date; run \`decouple generate\` to update them.\n`);
        setExitCode(1);
        return;
      }
      setExitCode(0);
    });
}
