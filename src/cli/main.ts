import { Command, CommanderError } from "commander";
import { isUserError } from "../model/errors.js";
import { describeIoError } from "../io/describe-io-error.js";
import { registerAnalyzeCommand } from "./commands/analyze-command.js";
import { registerCheckCommand } from "./commands/check-command.js";
import { registerGenerateCommand } from "./commands/generate-command.js";
import { registerInitCommand } from "./commands/init-command.js";
import { registerReportCommand } from "./commands/report-command.js";
import { registerScoreCommand } from "./commands/score-command.js";
import { createConsole, type CliConsole } from "./console.js";
import { VERSION } from "../model/version.js";

/** Exit codes, for every command. */
export const EXIT = { ok: 0, violations: 1, error: 2 } as const;

/**
 * Runs the CLI and returns its exit code. The only place (with console.ts) that knows about
 * process streams; everything below returns data.
 */
export async function run(argv: string[], io: CliConsole = createConsole()): Promise<number> {
  const debug = argv.includes("--debug");
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name("decouple")
    .description("Break a TypeScript/JavaScript monolith into services.")
    .version(VERSION)
    .option("--debug", "show stack traces of internal errors")
    .showHelpAfterError("(run `decouple --help` for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });

  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  registerAnalyzeCommand(program, io, setExitCode);
  registerInitCommand(program, io, setExitCode);
  registerCheckCommand(program, io, setExitCode);
  registerScoreCommand(program, io, setExitCode);
  registerGenerateCommand(program, io, setExitCode);
  registerReportCommand(program, io, setExitCode);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (thrown) {
    const error = describeIoError(thrown);
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (isUserError(error)) {
      io.err(`decouple: ${error.message} [${error.code}]\n`);
      if (debug && error.stack) io.err(`${error.stack}\n`);
      return EXIT.error;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`decouple: internal error: ${message}\nThis is a bug in decouple; please report it with the command you ran${debug ? "" : " (run again with --debug for details)"}.\n`);
    if (debug && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return EXIT.error;
  }
}
