// Starts the real local cloud daemon (the built dist/daemon/main.mjs) as a
// child process on a free loopback port with its own data folder, the way
// users run it; stop() ends it with SIGTERM, kill() with SIGKILL (kill -9).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { daemonEntryPath } from "@closure-pack/cloud";

export interface DaemonProcess {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  readonly dataDir: string;
  /** Everything the daemon wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, then waits for exit. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9), then waits for exit. */
  kill(): Promise<void>;
}

export interface DaemonStartOptions {
  /** Default: a fresh temporary folder, removed by removeDataDir(). */
  dataDir?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Lambda's async retry delays, default 50,100 ms so tests need not wait minutes. */
  asyncRetryDelaysMs?: number[];
  /** What an acknowledged write survives (the daemon's default, "process", when left out). */
  durability?: "process" | "machine";
  env?: NodeJS.ProcessEnv;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), "cloud-data-"));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function startDaemon(options: DaemonStartOptions = {}): Promise<DaemonProcess> {
  const dataDir = options.dataDir ?? freshDataDir();
  const args = [
    daemonEntryPath(),
    "--data",
    dataDir,
    "--port",
    String(options.port ?? 0),
    "--async-retry-delays",
    (options.asyncRetryDelaysMs ?? [50, 100]).join(","),
  ];
  if (options.durability !== undefined) args.push("--durability", options.durability);
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: options.env ?? process.env });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const first = await firstLine(child);
  const ready = JSON.parse(first) as { endpoint?: string; port?: number; error?: { message: string } };
  if (ready.error !== undefined || ready.endpoint === undefined) throw new Error(`daemon did not start: ${ready.error?.message ?? first}\n${stderr}`);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const endWith = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    endpoint: ready.endpoint,
    port: ready.port!,
    pid: child.pid!,
    dataDir,
    stderr: () => stderr,
    stop: () => endWith("SIGTERM"),
    kill: () => endWith("SIGKILL"),
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (line) => {
      lines.close();
      resolve(line);
    });
    child.once("exit", (code) => reject(new Error(`daemon exited with ${code} before it was ready`)));
  });
}
