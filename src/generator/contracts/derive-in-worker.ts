import { Worker } from "node:worker_threads";
import { USER_ERROR_CODES, UserError, type UserErrorCode } from "../../model/errors.js";
import type { ServiceContract } from "../service-contract.js";
import type { DeriveOptions } from "./derive-service-contracts.js";

/** Enough for program creation on monoliths far past the ~3,000 files where Node's default stack overflows. */
const WORKER_STACK_MB = 256;

/**
 * Runs the derivation in a worker thread with a large stack: ts-morph's program creation recurses
 * per import chain (FINDINGS.md). Needs the compiled build (`dist/`), where the worker's file exists.
 */
export function deriveInWorker(options: DeriveOptions): Promise<ServiceContract[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./derive-worker.js", import.meta.url), {
      workerData: { ...options, thread: "main" },
      resourceLimits: { stackSizeMb: WORKER_STACK_MB },
    });
    worker.once("message", (message: { contracts?: ServiceContract[]; error?: { message: string; code?: string } }) => {
      if (message.contracts) resolve(message.contracts);
      else reject(asError(message.error));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`contract derivation worker exited with ${code}`));
    });
  });
}

/** A stack overflow, as V8 reports it. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** A UserError stays one across the thread boundary (the CLI maps it to exit 2 and its message). */
function asError(error: { message: string; code?: string } | undefined): Error {
  const message = error?.message ?? "contract derivation failed in its worker";
  return error?.code !== undefined && isUserErrorCode(error.code) ? new UserError(error.code, message) : new Error(message);
}

function isUserErrorCode(code: string): code is UserErrorCode {
  return code in USER_ERROR_CODES;
}
