// The daemon as `closure-pack cloud` and `up` run it: startDaemon() spawns it
// detached and records it in daemon.json, daemonStatus() verifies it over
// health and recognises the file a kill -9 leaves, stopDaemon() ends it and
// its functions; a port or a data folder taken is named with a hint.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { afterEach, describe, expect, it } from "vitest";
import { advanceDaemonClock, daemonStatus, startCloud, startDaemon, stopDaemon } from "@closure-pack/cloud";
import { clientsFor } from "./helpers/clients.js";
import { freshDataDir, removeDataDir } from "./helpers/daemon.js";
import { createFixtureFunction } from "./helpers/functions.js";

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dataDir(): string {
  const dir = freshDataDir();
  cleanups.push(() => removeDataDir(dir));
  return dir;
}

async function started(dir: string, port = 0) {
  const daemon = await startDaemon({ dataDir: dir, port });
  cleanups.push(() => stopDaemon(dir));
  return daemon;
}

// A process that ended but is not reaped yet (a zombie: the detached daemon's
// parent may be an init that reaps late) still takes signal 0; /proc says it
// ended. Without /proc, signal 0 is the answer.
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.charAt(stat.lastIndexOf(")") + 2) !== "Z";
  } catch {
    return !existsSync("/proc/self/stat"); // with /proc, an unreadable entry means it is gone
  }
}

describe("daemon lifecycle", () => {
  it("lifecycle: start, status, start again finds it, stop, status stopped", async () => {
    const dir = dataDir();
    const daemon = await started(dir);
    expect(daemon).toMatchObject({ alreadyRunning: false, dataDir: dir, endpoint: `http://127.0.0.1:${daemon.port}`, logFile: join(dir, "daemon.log") });
    expect(JSON.parse(readFileSync(join(dir, "daemon.json"), "utf8"))).toEqual({ endpoint: daemon.endpoint, port: daemon.port, pid: daemon.pid, dataDir: dir });
    expect(await daemonStatus(dir)).toEqual({ state: "running", pid: daemon.pid, port: daemon.port, endpoint: daemon.endpoint, dataDir: dir });
    const again = await startDaemon({ dataDir: dir });
    expect([again.alreadyRunning, again.pid]).toEqual([true, daemon.pid]);
    expect(await stopDaemon(dir)).toEqual({ wasRunning: true, pid: daemon.pid, forced: false });
    expect(isAlive(daemon.pid)).toBe(false);
    expect(existsSync(join(dir, "daemon.json"))).toBe(false);
    expect(await daemonStatus(dir)).toEqual({ state: "stopped", dataDir: dir });
    expect(await stopDaemon(dir)).toEqual({ wasRunning: false, forced: false });
  });

  it("kill -9: the file left behind is stale, and the next start takes over", async () => {
    const dir = dataDir();
    const first = await started(dir);
    process.kill(first.pid, "SIGKILL");
    while (isAlive(first.pid)) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await daemonStatus(dir)).toEqual({ state: "stale", pid: first.pid, dataDir: dir });
    const second = await started(dir);
    expect(second.alreadyRunning).toBe(false);
    expect((await daemonStatus(dir)).state).toBe("running");
  });

  it("stop: the daemon's function instances end with it", async () => {
    const dir = dataDir();
    const daemon = await started(dir);
    const aws = clientsFor(daemon.endpoint);
    cleanups.push(() => aws.destroy());
    await createFixtureFunction(aws, "stopped-with", "echo");
    const { pid } = JSON.parse(Buffer.from((await aws.lambda.send(new InvokeCommand({ FunctionName: "stopped-with" }))).Payload!).toString()) as {
      pid: number;
    };
    expect(isAlive(pid)).toBe(true);
    await stopDaemon(dir);
    expect(isAlive(pid)).toBe(false);
  });

  it("tick: the running daemon's clock moves forward; without a daemon it is an error", async () => {
    const dir = dataDir();
    const daemon = await started(dir);
    const before = ((await (await fetch(`${daemon.endpoint}/_closure-pack/health`)).json()) as { now: number }).now;
    expect((await advanceDaemonClock(dir, 300_000)) - before).toBeGreaterThanOrEqual(300_000);
    const other = dataDir();
    await expect(advanceDaemonClock(other, 1000)).rejects.toThrow(
      `${other}: no local cloud is running on this data folder\nhint: start it with \`closure-pack cloud start\``,
    );
  });

  it("port: taken by another local cloud, named by its pid and folder", async () => {
    const first = await started(dataDir());
    const dir = dataDir();
    await expect(startDaemon({ dataDir: dir, port: first.port })).rejects.toThrow(
      `127.0.0.1:${first.port}: another closure-pack local cloud (pid ${first.pid}, data folder ${first.dataDir}) is listening on this port\nhint: stop it with \`closure-pack cloud stop --data ${first.dataDir}\`, or start this one on another port with --port`,
    );
    expect((await daemonStatus(dir)).state).toBe("stopped");
  });

  it("port: taken by another program", async () => {
    // Accepts connections and never answers.
    const sockets = new Set<Socket>();
    const blocker: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", done));
    cleanups.push(() => new Promise<void>((done) => (blocker.close(() => done()), sockets.forEach((socket) => socket.destroy()))));
    const port = (blocker.address() as { port: number }).port;
    const made = startDaemon({ dataDir: dataDir(), port });
    await expect(made).rejects.toMatchObject({ code: "PORT_IN_USE" });
    await expect(made).rejects.toThrow(
      `127.0.0.1:${port}: another program is listening on this port\nhint: stop that program, or start the local cloud on another port with --port`,
    );
  });

  it("data: a folder another daemon serves on another port is refused", async () => {
    const dir = dataDir();
    const first = await started(dir);
    await expect(startDaemon({ dataDir: dir, port: first.port + 1 })).rejects.toThrow(
      `${dir}: a local cloud (pid ${first.pid}) already serves this data folder at ${first.endpoint}\nhint: stop it first with \`closure-pack cloud stop\`, or start this one with another --data folder`,
    );
  });

  it("data: a folder held by a cloud without daemon.json (in another process) is refused by the daemon's lock", async () => {
    const dir = dataDir();
    const cloud = await startCloud({ dataDir: dir, port: 0 });
    cleanups.push(() => cloud.close());
    await expect(startDaemon({ dataDir: dir, port: 0 })).rejects.toThrow(
      `${dir}: another local cloud (pid ${process.pid}) is using this data folder\nhint: stop it with \`closure-pack cloud stop\`, or start this one with another --data folder`,
    );
  });
});
