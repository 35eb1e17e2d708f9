/** Where the CLI writes: injectable so tests can capture output without spawning a process. */
export interface CliConsole {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal that shows colour. */
  color: boolean;
}

export function createConsole(): CliConsole {
  // `decouple analyze --format json | head` closes the pipe early: that is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  };
}
