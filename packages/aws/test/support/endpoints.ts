// The two targets the provider tests run against, the same cases on both:
// moto_server (reset between cases) and the local cloud's real daemon (a
// fresh one per case: it has no reset).
import { removeDataDir, startDaemon, type DaemonProcess } from "../../../cloud/test/helpers/daemon.js";
import { localTarget, type Target } from "../../src/provider/target.js";
import { hasMoto, startMoto } from "./moto.js";

export interface Endpoint {
  target: Target;
  account: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function motoEndpoint(): Promise<Endpoint> {
  const moto = await startMoto();
  return {
    target: { kind: "aws", region: "us-east-1", endpoint: moto.endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } },
    account: "123456789012",
    reset: () => moto.reset(),
    stop: () => moto.stop(),
  };
}

async function cloudEndpoint(): Promise<Endpoint> {
  let daemon: DaemonProcess = await startDaemon();
  const endpoint: Endpoint = {
    target: localTarget(daemon.port),
    account: "000000000000",
    async reset() {
      await daemon.stop();
      removeDataDir(daemon.dataDir);
      daemon = await startDaemon();
      endpoint.target = localTarget(daemon.port);
    },
    async stop() {
      await daemon.stop();
      removeDataDir(daemon.dataDir);
    },
  };
  return endpoint;
}

/** [label, start, enabled]: moto only where moto_server is installed. */
export const TARGETS: Array<[string, () => Promise<Endpoint>, boolean]> = [
  ["moto", motoEndpoint, hasMoto()],
  ["local cloud", cloudEndpoint, true],
];
