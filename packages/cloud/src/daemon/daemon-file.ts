// `<data>/daemon.json`: which daemon serves a data folder, written by the
// daemon once it listens (to a temporary name, then renamed, so a reader
// never sees half of it) and removed when it stops cleanly. After a kill -9
// it stays behind naming a dead pid: daemonStatus() calls that stale.
import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface DaemonInfo {
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  endpoint: string;
  /** The data folder, absolute. */
  dataDir: string;
}

export function daemonFilePath(dataDir: string): string {
  return join(dataDir, "daemon.json");
}

export function writeDaemonFile(info: DaemonInfo): void {
  const path = daemonFilePath(info.dataDir);
  const temp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, `${JSON.stringify(info, null, 2)}\n`);
  renameSync(temp, path);
}

/** The file's content, or undefined when it is missing or unreadable (as good as missing). */
export function readDaemonFile(dataDir: string): DaemonInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(daemonFilePath(dataDir), "utf8")) as Partial<DaemonInfo>;
    if (typeof info.pid !== "number" || typeof info.port !== "number" || typeof info.endpoint !== "string") return undefined;
    return { pid: info.pid, port: info.port, endpoint: info.endpoint, dataDir: info.dataDir ?? dataDir };
  } catch {
    return undefined;
  }
}

/** Removes the file when it names `pid` (a newer daemon's file is left alone). */
export function removeDaemonFile(dataDir: string, pid: number): void {
  if (readDaemonFile(dataDir)?.pid === pid) rmSync(daemonFilePath(dataDir), { force: true });
}
