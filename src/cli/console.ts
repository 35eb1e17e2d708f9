/** Where the CLI writes: injectable so tests can capture output without spawning a process. */
export interface CliConsole {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal that shows colour. */
  color: boolean;
}

export function createConsole(): CliConsole {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  };
}
