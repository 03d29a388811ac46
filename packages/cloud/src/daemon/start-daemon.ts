// startDaemon(): the local cloud as a background process that outlives its
// caller (`closure-pack cloud start`, `up`). Spawned detached with its
// output appended to `<data>/daemon.log`; the caller reads that log from
// where it ended for the daemon's one ready line (or its error line), so
// nothing ties the daemon to the caller's pipes once it runs. A daemon
// already serving the folder is returned as it is.
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_PORT } from "../cloud.js";
import { CloudError, type CloudErrorCode } from "../errors.js";
import type { Durability } from "../services/service.js";
import type { DaemonInfo } from "./daemon-file.js";
import { daemonStatus, readHealth } from "./daemon-status.js";
import { daemonEntryPath } from "./entry-path.js";

export interface StartDaemonOptions {
  /** The data folder (created when missing). */
  dataDir: string;
  /** Default 4566; a daemon already running on the folder is kept whatever its port, unless a port is given. */
  port?: number;
  /** Lambda's async retry delays (default Lambda's own, about 1 and 2 minutes). */
  asyncRetryDelaysMs?: readonly number[];
  /** What an acknowledged write survives (default "process"; see Durability). */
  durability?: Durability;
  /** How long to wait for the ready line (default 30 s). */
  readyTimeoutMs?: number;
}

export interface StartedDaemon extends DaemonInfo {
  /** True when it was already running and this call started nothing. */
  alreadyRunning: boolean;
  /** `<data>/daemon.log`: its output and errors. */
  logFile: string;
}

export async function startDaemon(options: StartDaemonOptions): Promise<StartedDaemon> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const logFile = join(dataDir, "daemon.log");
  const status = await daemonStatus(dataDir);
  if (status.state === "running" || status.state === "unresponsive") {
    if (options.port === undefined || options.port === status.port) return { ...status, alreadyRunning: true, logFile };
    throw new CloudError("DATA_LOCKED", dataDir, `a local cloud (pid ${status.pid}) already serves this data folder at ${status.endpoint}`, {
      hint: "stop it first with `closure-pack cloud stop`, or start this one with another --data folder",
    });
  }
  const port = options.port ?? DEFAULT_PORT;
  const log = openSync(logFile, "a");
  const offset = statSync(logFile).size;
  const args = [daemonEntryPath(), "--data", dataDir, "--port", String(port)];
  if (options.asyncRetryDelaysMs !== undefined) args.push("--async-retry-delays", options.asyncRetryDelaysMs.join(","));
  if (options.durability !== undefined) args.push("--durability", options.durability);
  const child = spawn(process.execPath, args, { cwd: dataDir, detached: true, stdio: ["ignore", log, log], env: process.env });
  closeSync(log);
  let exitCode: number | null | undefined;
  child.once("exit", (code) => (exitCode = code));
  child.once("error", () => (exitCode = -1));
  child.unref();
  const line = await readyLine(logFile, offset, () => exitCode, options.readyTimeoutMs ?? 30_000);
  if (line === undefined) {
    if (exitCode === undefined && child.pid !== undefined) process.kill(child.pid, "SIGKILL");
    throw new CloudError("DAEMON_START_FAILED", dataDir, "the local cloud did not start", { hint: `see ${logFile}` });
  }
  const ready = JSON.parse(line) as Partial<DaemonInfo> & { error?: { code: string; message: string } };
  if (ready.error !== undefined) throw await startError(ready.error, port);
  return { pid: ready.pid!, port: ready.port!, endpoint: ready.endpoint!, dataDir, alreadyRunning: false, logFile };
}

// The first JSON line appended to the log after `offset`, or undefined when
// the daemon exited (or the bound passed) without writing one.
async function readyLine(logFile: string, offset: number, exitCode: () => number | null | undefined, timeoutMs: number): Promise<string | undefined> {
  const until = Date.now() + timeoutMs;
  let position = offset;
  let partial = "";
  for (;;) {
    const exited = exitCode() !== undefined;
    const { text, next } = readFrom(logFile, position);
    position = next;
    const lines = (partial + text).split("\n");
    partial = lines.pop() ?? "";
    const json = lines.find((each) => each.startsWith("{"));
    if (json !== undefined) return json;
    if (exited || Date.now() >= until) return undefined;
    await new Promise((done) => setTimeout(done, 20));
  }
}

function readFrom(path: string, position: number): { text: string; next: number } {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, position);
    return { text: buffer.toString("utf8", 0, read), next: position + read };
  } finally {
    closeSync(fd);
  }
}

// The daemon's error as a CloudError; a port taken by another local cloud
// says which one, from its health answer.
async function startError(error: { code: string; message: string }, port: number): Promise<CloudError> {
  if (error.code === "PORT_IN_USE") {
    const health = await readHealth(`http://127.0.0.1:${port}`);
    if (health !== undefined) {
      return new CloudError(
        "PORT_IN_USE",
        `127.0.0.1:${port}`,
        `another closure-pack local cloud (pid ${health.pid}, data folder ${health.dataDir}) is listening on this port`,
        {
          hint: `stop it with \`closure-pack cloud stop --data ${health.dataDir}\`, or start this one on another port with --port`,
        },
      );
    }
  }
  const [first = "", hintLine] = error.message.split("\n");
  const at = first.indexOf(": ");
  const code = (KNOWN_CODES.includes(error.code as CloudErrorCode) ? error.code : "DAEMON_START_FAILED") as CloudErrorCode;
  return new CloudError(
    code,
    at === -1 ? "" : first.slice(0, at),
    at === -1 ? first : first.slice(at + 2),
    hintLine?.startsWith("hint: ") ? { hint: hintLine.slice(6) } : {},
  );
}

const KNOWN_CODES: readonly CloudErrorCode[] = ["INVALID_OPTION", "PORT_IN_USE", "DATA_LOCKED", "DATA_CORRUPT", "DAEMON_NOT_RUNNING", "DAEMON_START_FAILED"];
