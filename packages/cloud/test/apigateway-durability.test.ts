// APIs outlive the daemon: after a kill -9 and a restart on the same data
// folder (even on another daemon port), each API is served again on the
// port it was given, so its URL holds; a port another program took
// meanwhile is reported and retried until it is free again.
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { clientsFor } from "./helpers/clients.js";
import { removeDataDir, startDaemon, type DaemonProcess } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";
import { gatewayClients, makeHttpApi, makeRestApi } from "./helpers/apigateway.js";
import { send } from "./helpers/http-send.js";

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function daemonOn(dataDir?: string): Promise<DaemonProcess> {
  const daemon = await startDaemon(dataDir === undefined ? {} : { dataDir });
  cleanups.push(() => daemon.stop());
  return daemon;
}

/** Two APIs (one of each kind) on a fresh daemon, the function behind both. */
async function deployBoth(daemon: DaemonProcess): Promise<{ http: string; rest: string }> {
  const aws = clientsFor(daemon.endpoint);
  const gateway = gatewayClients(daemon.endpoint);
  try {
    const fnArn = (await createFixtureFunction(aws, "apigw", "apigw")).FunctionArn!;
    const http = await makeHttpApi(gateway, aws, fnArn, { routeKeys: ["GET /items/{id}"] });
    const rest = await makeRestApi(gateway, aws, daemon.endpoint, fnArn, { routeKeys: ["GET /items/{id}"] });
    return { http: `${http.url}/items/7`, rest: `${rest.url}items/7` };
  } finally {
    gateway.destroy();
    aws.destroy();
  }
}

function pathParameters(text: string): unknown {
  return (JSON.parse(text) as { pathParameters: unknown }).pathParameters;
}

describe("apigateway durability", () => {
  it("restart: after kill -9, both APIs answer again at the same URLs", async () => {
    const first = await startDaemon();
    cleanups.push(async () => removeDataDir(first.dataDir));
    const urls = await deployBoth(first);
    await first.kill();
    await daemonOn(first.dataDir);
    for (const url of [urls.http, urls.rest]) {
      const response = await send(url);
      expect([response.status, pathParameters(response.text)]).toEqual([200, { id: "7" }]);
    }
  });

  it("restart: a port another program holds is reported, retried, and served once free", async () => {
    const first = await startDaemon();
    cleanups.push(async () => removeDataDir(first.dataDir));
    const urls = await deployBoth(first);
    await first.stop();
    const port = Number(new URL(urls.http).port);
    const blocker: Server = createServer((_request, response) => response.end("blocker"));
    await new Promise<void>((listening) => blocker.listen(port, "127.0.0.1", () => listening()));
    const second = await daemonOn(first.dataDir);
    expect((await send(urls.http)).text).toBe("blocker");
    // The REST API's port was free: it is served at once.
    expect((await send(urls.rest)).status).toBe(200);
    while (!second.stderr().includes(`on 127.0.0.1:${port}`)) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second.stderr()).toMatch(new RegExp(`apigateway: the local cloud cannot serve API \\w+ on 127\\.0\\.0\\.1:${port}: EADDRINUSE; retrying every 5 s`));
    await new Promise<void>((closed) => blocker.close(() => closed()));
    let response = await send(urls.http).catch(() => undefined);
    while (response?.status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      response = await send(urls.http).catch(() => undefined);
    }
    expect(pathParameters(response.text)).toEqual({ id: "7" });
  });
});
