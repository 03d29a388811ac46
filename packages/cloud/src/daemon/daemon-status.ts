// Is a daemon serving this data folder? daemonStatus() reads daemon.json and
// checks both that its pid lives and that the endpoint answers health as that
// daemon (same pid, same folder): a file left by a kill -9 is stale, a live
// pid that does not answer is unresponsive. A pid the system has since given
// to another program (after a kill -9 and a reboot, or a long while) is stale
// too: on Linux, /proc says whether that process is a daemon of this folder. stopDaemon() asks with SIGTERM,
// waits, then SIGKILLs past a bound.
import { readFileSync, readlinkSync } from "node:fs";
import { get } from "node:http";
import { resolve } from "node:path";
import { isAlive } from "../data-lock.js";
import { readDaemonFile, removeDaemonFile, type DaemonInfo } from "./daemon-file.js";

export type DaemonStatus =
  | ({ state: "running" } & DaemonInfo)
  | { state: "stopped"; dataDir: string }
  /** daemon.json names a process that is gone (killed with -9, or the machine restarted). */
  | { state: "stale"; pid: number; dataDir: string }
  /** The process lives but its endpoint does not answer as that daemon (starting, hung, or its pid reused). */
  | ({ state: "unresponsive" } & DaemonInfo);

/** What the health route of a local cloud answers. */
export interface Health {
  service: string;
  pid: number;
  dataDir: string;
  endpoint: string;
}

const HEALTH_TIMEOUT_MS = 2_000;

export async function daemonStatus(dataDir: string): Promise<DaemonStatus> {
  const folder = resolve(dataDir);
  const info = readDaemonFile(folder);
  if (info === undefined) return { state: "stopped", dataDir: folder };
  if (!isAlive(info.pid) || !mayServe(info.pid, folder)) return { state: "stale", pid: info.pid, dataDir: folder };
  const health = await readHealth(info.endpoint);
  const answers = health?.service === "closure-pack-cloud" && health.pid === info.pid && health.dataDir === folder;
  return { state: answers ? "running" : "unresponsive", ...info, dataDir: folder };
}

// False when /proc shows that `pid` runs something other than a daemon given
// `--data <folder>`; true when it does, or when there is no /proc to ask.
function mayServe(pid: number, folder: string): boolean {
  let args: string[];
  let cwd: string;
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    cwd = readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return true;
  }
  const at = args.indexOf("--data");
  return at !== -1 && at + 1 < args.length && resolve(cwd, args[at + 1]!) === folder;
}

/** The health answer at `endpoint`, or undefined when nothing (or not a local cloud) answers there. */
export function readHealth(endpoint: string): Promise<Health | undefined> {
  // node:http with its own socket, destroyed on timeout: a program on the
  // port that never answers must not keep a connection (or the caller) open.
  return new Promise((resolveHealth) => {
    const request = get(`${endpoint}/_closure-pack/health`, { agent: false, timeout: HEALTH_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolveHealth(parseHealth(response.statusCode, Buffer.concat(chunks).toString("utf8"))));
      response.on("error", () => resolveHealth(undefined));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolveHealth(undefined));
  });
}

function parseHealth(status: number | undefined, text: string): Health | undefined {
  if (status !== 200) return undefined;
  try {
    const body = JSON.parse(text) as Partial<Health>;
    return body.service === "closure-pack-cloud" ? (body as Health) : undefined;
  } catch {
    return undefined;
  }
}

export interface StopResult {
  /** False when no daemon was running (a stale file is removed all the same). */
  wasRunning: boolean;
  pid?: number;
  /** True when it had to be killed after the bound. */
  forced: boolean;
}

export interface StopOptions {
  /** How long to wait after SIGTERM before SIGKILL (default 10 s). */
  timeoutMs?: number;
}

export async function stopDaemon(dataDir: string, options: StopOptions = {}): Promise<StopResult> {
  const status = await daemonStatus(dataDir);
  if (status.state === "stopped") return { wasRunning: false, forced: false };
  if (status.state === "stale") {
    removeDaemonFile(status.dataDir, status.pid);
    return { wasRunning: false, pid: status.pid, forced: false };
  }
  signal(status.pid, "SIGTERM");
  let forced = false;
  if (!(await exited(status.pid, options.timeoutMs ?? 10_000))) {
    forced = true;
    signal(status.pid, "SIGKILL");
    await exited(status.pid, 5_000);
  }
  removeDaemonFile(status.dataDir, status.pid);
  return { wasRunning: true, pid: status.pid, forced };
}

// A process that ended on its own meanwhile is no error.
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Resolves true once `pid` is gone, false when it still lives after `timeoutMs`. */
export async function exited(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() >= until) return false;
    await new Promise((done) => setTimeout(done, 25));
  }
  return true;
}
