// The daemon's core, over HTTP: health, routing of requests for services it
// does not speak, one daemon per data folder, and a port already taken.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CloudError, startCloud, type Cloud } from "@closure-pack/cloud";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "cloud-server-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir = tempDir()): Promise<Cloud> {
  const cloud = await startCloud({ dataDir, port: 0 });
  cleanups.push(() => cloud.close());
  return cloud;
}

describe("server", () => {
  it("server: health names the data folder and the endpoint", async () => {
    const cloud = await start();
    const health = (await (await fetch(`${cloud.endpoint}/_closure-pack/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ service: "closure-pack-cloud", dataDir: cloud.dataDir, endpoint: cloud.endpoint, pid: process.pid, durability: "process" });
  });

  it("server: a request signed for a service it does not speak gets UnknownService", async () => {
    const cloud = await start();
    const response = await fetch(`${cloud.endpoint}/`, {
      method: "POST",
      headers: { authorization: "AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/textract/aws4_request, SignedHeaders=host, Signature=x" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: "UnknownService", message: "the local cloud does not speak textract" });
  });

  it("server: the clock advances on request", async () => {
    const cloud = await start();
    const before = cloud.clock.now();
    const response = await fetch(`${cloud.endpoint}/_closure-pack/clock/advance?ms=300000`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(cloud.clock.now() - before).toBeGreaterThanOrEqual(300_000);
  });

  it("server: a second cloud on the same data folder is refused", async () => {
    const dataDir = tempDir();
    await start(dataDir);
    const second = startCloud({ dataDir, port: 0 });
    await expect(second).rejects.toThrow(CloudError);
    await expect(startCloud({ dataDir, port: 0 })).rejects.toThrow(
      `${dataDir}: another local cloud (pid ${process.pid}) is using this data folder\nhint: stop it with \`closure-pack cloud stop\`, or start this one with another --data folder`,
    );
  });

  it("server: an unknown durability setting is named", async () => {
    await expect(startCloud({ dataDir: tempDir(), port: 0, durability: "disk" as never })).rejects.toThrow(
      'durability: must be "process" or "machine", got "disk"',
    );
  });

  it("server: a port another program holds is named with a hint", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", done));
    cleanups.push(() => new Promise<void>((done) => blocker.close(() => done())));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = tempDir();
    await expect(startCloud({ dataDir, port })).rejects.toThrow(
      `127.0.0.1:${port}: another program is listening on this port\nhint: stop that program, or start the local cloud on another port with --port`,
    );
    // The failed start released the folder: a start on a free port works.
    await start(dataDir);
  });
});

describe("daemon process", () => {
  it("daemon: starts on a free port, answers health, and SIGTERM stops it and frees the folder", async () => {
    const { startDaemon, freshDataDir, removeDataDir } = await import("./helpers/daemon.js");
    const dataDir = freshDataDir();
    cleanups.push(() => removeDataDir(dataDir));
    const daemon = await startDaemon({ dataDir });
    const health = (await (await fetch(`${daemon.endpoint}/_closure-pack/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ service: "closure-pack-cloud", pid: daemon.pid, dataDir });
    await daemon.stop();
    const again = await startDaemon({ dataDir });
    await again.kill();
    // After kill -9 the stale lock is taken over.
    const third = await startDaemon({ dataDir });
    await third.stop();
  });
});
