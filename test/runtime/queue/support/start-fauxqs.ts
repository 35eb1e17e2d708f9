import type { AddressInfo } from "node:net";
import { buildApp } from "fauxqs";

export interface RunningFauxqs {
  /** What a service using it needs: endpoints, a region and dummy credentials (the SDK insists on some). */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/** fauxqs 1.9.2 on 127.0.0.1 and a free port (its startFauxqs would listen on 0.0.0.0). */
export async function startFauxqs(): Promise<RunningFauxqs> {
  const app = buildApp({ logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const env = { SQS_ENDPOINT: endpoint, SNS_ENDPOINT: endpoint, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" };
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" });
  return { env, stop: () => app.close() };
}
