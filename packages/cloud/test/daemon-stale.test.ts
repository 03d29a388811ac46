// daemon.json names a pid; after a kill -9 that pid may still take signals
// without being a daemon: a zombie its parent has not reaped yet (a detached
// daemon's parent is init, which in a container may reap late), or, much
// later, another program that got the same pid. Both are stale: `cloud start`
// takes over instead of answering "already running", and `cloud stop`
// signals nothing. Linux only: it is /proc that tells these apart.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { daemonStatus, startDaemon, stopDaemon } from "@closure-pack/cloud";
import { freshDataDir, removeDataDir } from "./helpers/daemon.js";

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dataDir(): string {
  const dir = freshDataDir();
  cleanups.push(() => removeDataDir(dir));
  return dir;
}

function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.charAt(stat.lastIndexOf(")") + 2);
  } catch {
    return undefined;
  }
}

// A shell that starts `sleep 0` in the background and then becomes `sleep 30`
// never reaps that child: a zombie for as long as the sleep runs.
async function zombie(): Promise<{ pid: number; parent: ChildProcess }> {
  const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 30"], { stdio: ["ignore", "pipe", "ignore"] });
  cleanups.push(() => void parent.kill("SIGKILL"));
  const lines = createInterface({ input: parent.stdout! });
  const pid = Number(await new Promise<string>((done) => lines.once("line", done)));
  lines.close();
  while (processState(pid) !== "Z") await new Promise((done) => setTimeout(done, 10));
  return { pid, parent };
}

function writeDaemonJson(dir: string, pid: number, port: number): void {
  writeFileSync(join(dir, "daemon.json"), JSON.stringify({ pid, port, endpoint: `http://127.0.0.1:${port}`, dataDir: dir }));
}

function takesSignals(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!existsSync("/proc/self/stat"))("a daemon.json whose pid is no daemon of the folder", () => {
  it("a zombie (killed, not yet reaped) is stale, and start takes over", async () => {
    const dir = dataDir();
    const { pid } = await zombie();
    expect(takesSignals(pid)).toBe(true);
    writeDaemonJson(dir, pid, 1);
    expect(await daemonStatus(dir)).toEqual({ state: "stale", pid, dataDir: dir });
    const daemon = await startDaemon({ dataDir: dir, port: 0 });
    cleanups.push(() => stopDaemon(dir));
    expect([daemon.alreadyRunning, (await daemonStatus(dir)).state]).toEqual([false, "running"]);
  });

  it("a pid now used by another program is stale, and stop leaves that program alone", async () => {
    const dir = dataDir();
    const { parent } = await zombie();
    writeDaemonJson(dir, parent.pid!, 1);
    expect(await daemonStatus(dir)).toEqual({ state: "stale", pid: parent.pid, dataDir: dir });
    expect(await stopDaemon(dir)).toEqual({ wasRunning: false, pid: parent.pid, forced: false });
    expect([takesSignals(parent.pid!), processState(parent.pid!), existsSync(join(dir, "daemon.json"))]).toEqual([true, "S", false]);
  });
});
