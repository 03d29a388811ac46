// One daemon per data folder: `<data>/daemon.lock` is created exclusively and
// holds the owner's pid. A lock whose pid is no longer alive (the daemon was
// killed with -9) is stale and taken over, so a crash never needs cleanup.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { CloudError } from "./errors.js";

export interface DataLock {
  release(): void;
}

// Locks this process holds: a pid file cannot tell two clouds of one process apart.
const held = new Set<string>();

export function lockDataDir(dataDir: string): DataLock {
  const path = join(dataDir, "daemon.lock");
  if (held.has(path)) throw lockedBy(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(path);
      return {
        release: () => {
          held.delete(path);
          releaseIfOurs(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(path);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) throw lockedBy(dataDir, holder);
      // Stale: its owner is gone. Remove and retry once.
      rmSync(path, { force: true });
    }
  }
  throw new CloudError("DATA_LOCKED", dataDir, "could not take the data folder's lock", { hint: "try again" });
}

function lockedBy(dataDir: string, pid: number): CloudError {
  return new CloudError("DATA_LOCKED", dataDir, `another local cloud (pid ${pid}) is using this data folder`, {
    hint: "stop it with `closure-pack cloud stop`, or start this one with another --data folder",
  });
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function releaseIfOurs(path: string): void {
  if (readHolder(path) === process.pid) rmSync(path, { force: true });
}

/**
 * True when a process with this pid exists and has not ended. Signal 0 checks
 * without sending; on Linux a killed process whose parent has not reaped it
 * yet (a zombie: a detached daemon's parent is often a container's init,
 * which may reap late) still takes signals, so /proc says whether it ended.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

// `/proc/<pid>/stat` is "pid (comm) S ...": the state letter follows the last
// ")" (comm may itself hold parentheses). No /proc (macOS): not a zombie.
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}
