// One deployment of a stack at a time: `<stack>.lock` beside the state,
// created exclusively, holding the pid, host and command. A second `up` fails
// at once naming the holder; a lock whose process is dead on this host is
// stale and taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { AwsError } from "../errors.js";
import { stacksDir } from "./state.js";

interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
}

export interface StackLock {
  release(): void;
}

export function acquireLock(projectDir: string, stack: string, command: string): StackLock {
  const dir = stacksDir(projectDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${stack}.lock`);
  const me: LockHolder = { pid: process.pid, hostname: hostname(), command };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(path);
    // Unreadable: its holder may be writing it this instant, or died doing so.
    if (holder === undefined && isFresh(path)) {
      throw new AwsError("STACK_LOCKED", `stack "${stack}"`, "is being locked by another command", { hint: "wait for it to finish, then retry" });
    }
    if (holder !== undefined && !isStale(holder)) {
      throw new AwsError("STACK_LOCKED", `stack "${stack}"`, `is locked by "${holder.command}" (pid ${holder.pid} on ${holder.hostname})`, {
        hint: "wait for it to finish; if that process is gone on another machine, remove the .lock file beside the stack's state",
      });
    }
    // Stale (or unreadable: a holder that died while writing it).
    rmSync(path, { force: true });
  }
  throw new AwsError("STACK_LOCKED", `stack "${stack}"`, "could not take its lock", { hint: "retry" });
}

function isFresh(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < 5_000;
  } catch {
    return false;
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as LockHolder;
    return typeof holder.pid === "number" ? holder : undefined;
  } catch {
    return undefined;
  }
}

function isStale(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
