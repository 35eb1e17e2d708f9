import { parentPort, workerData } from "node:worker_threads";
import { isUserError } from "../../model/errors.js";
import { deriveServiceContracts, type DeriveOptions } from "./derive-service-contracts.js";

/** Worker entry of deriveInWorker: derives on this thread's large stack and posts plain data back. */
const options: DeriveOptions = workerData;
deriveServiceContracts(options).then(
  (contracts) => parentPort?.postMessage({ contracts }),
  (error: unknown) =>
    parentPort?.postMessage({
      error: { message: error instanceof Error ? error.message : String(error), code: isUserError(error) ? error.code : undefined },
    }),
);
