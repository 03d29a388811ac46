// startCloud(): the local cloud in this process. Opens the data folder
// (locked to one daemon), the database, every service, and an HTTP server on
// 127.0.0.1. The daemon process (daemon/) is this plus a pid file; tests
// start it directly, on a free port with their own folder.
import { mkdirSync } from "node:fs";
import type { AddressInfo, Server } from "node:net";
import { resolve } from "node:path";
import { Clock } from "./clock.js";
import { lockDataDir } from "./data-lock.js";
import { CloudError } from "./errors.js";
import { createCloudServer, jsonResponse } from "./server/http-server.js";
import type { AwsRequest, AwsResponse, ServiceName } from "./server/aws-request.js";
import { SERVICE_FACTORIES } from "./services/index.js";
import type { CloudContext, CloudSettings, Durability, Service } from "./services/service.js";
import { openDatabase } from "./store/database.js";

export interface CloudOptions {
  /** Where data lives (created when missing). */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one (default 4566). */
  port?: number;
  /** Delays before the 2 retries of a failed asynchronous invocation (default 60 s and 120 s, as Lambda). */
  asyncRetryDelaysMs?: readonly number[];
  /** What an acknowledged write survives: "process" (default; kill -9 included) or "machine" (a power cut too, at the cost of an fsync per write). */
  durability?: Durability;
  /** Where unexpected errors are written (default stderr). */
  logError?: (message: string) => void;
}

/** A running local cloud. */
export interface Cloud {
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  readonly port: number;
  readonly dataDir: string;
  readonly clock: Clock;
  /** Stops the server and every service; data stays on disk. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4566;
export const DEFAULT_ASYNC_RETRY_DELAYS_MS: readonly number[] = [60_000, 120_000];

export async function startCloud(options: CloudOptions): Promise<Cloud> {
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CloudError("INVALID_OPTION", "port", `must be an integer from 0 to 65535, got ${String(port)}`);
  }
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const durability = options.durability ?? "process";
  if (durability !== "process" && durability !== "machine") {
    throw new CloudError("INVALID_OPTION", "durability", `must be "process" or "machine", got ${JSON.stringify(durability)}`);
  }
  const lock = lockDataDir(dataDir);
  const logError = options.logError ?? ((message: string) => process.stderr.write(`${message}\n`));
  let opened: ReturnType<typeof openDatabase> | undefined;
  try {
    const db = openDatabase(dataDir, durability);
    opened = db;
    const services = new Map<ServiceName, Service>();
    const settings: CloudSettings = { durability, asyncRetryDelaysMs: options.asyncRetryDelaysMs ?? DEFAULT_ASYNC_RETRY_DELAYS_MS };
    const clock = new Clock();
    const endpointRef = { value: "" };
    const context: CloudContext = {
      dataDir,
      db,
      clock,
      get endpoint() {
        return endpointRef.value;
      },
      services,
      settings,
    };
    const server = createCloudServer({
      services,
      control: (request, path) => daemonControl(request, path, context),
      logError: (error, request) =>
        logError(`${request.method} ${request.rawPath}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    const actualPort = await listen(server.listener, port);
    endpointRef.value = `http://127.0.0.1:${actualPort}`;
    for (const factory of SERVICE_FACTORIES) {
      const service = factory(context);
      services.set(service.name, service);
    }
    for (const service of services.values()) service.start?.();
    for (const service of services.values()) await service.ready?.();
    return {
      endpoint: endpointRef.value,
      port: actualPort,
      dataDir,
      clock,
      close: async () => {
        await server.close();
        for (const service of services.values()) await service.close?.();
        db.close();
        lock.release();
      },
    };
  } catch (error) {
    // The database holds its lock while open (locking_mode EXCLUSIVE): a
    // failed start closes it, so the next start in this process can open it.
    opened?.close();
    lock.release();
    throw error;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new CloudError("PORT_IN_USE", `127.0.0.1:${port}`, "another program is listening on this port", {
            hint: "stop that program, or start the local cloud on another port with --port",
            cause: error,
          }),
        );
      } else reject(error);
    });
    server.listen(port, "127.0.0.1", () => resolveListen((server.address() as AddressInfo).port));
  });
}

// The daemon's own control calls: health (what `cloud status` and `up` ask)
// and the clock, which tests advance instead of waiting.
async function daemonControl(request: AwsRequest, path: string, context: CloudContext): Promise<AwsResponse | undefined> {
  if (request.method === "GET" && path === "health") {
    return jsonResponse(200, {
      service: "closure-pack-cloud",
      pid: process.pid,
      dataDir: context.dataDir,
      endpoint: context.endpoint,
      durability: context.settings.durability,
      now: context.clock.now(),
    });
  }
  if (request.method === "POST" && path === "clock/advance") {
    const ms = Number(request.query.get("ms"));
    if (!Number.isFinite(ms) || ms < 0) return jsonResponse(400, { error: "ms must be a non-negative number of milliseconds" });
    context.clock.advance(ms);
    return jsonResponse(200, { now: context.clock.now() });
  }
  return undefined;
}
