// The bound on the extracted-code cache (<os tmpdir>/closure-pack-runtime by
// default): after each new extraction, the least recently used packages past
// CACHE_LIMIT are removed, never one an instance runs in now (on Linux, any
// process whose working folder is inside it), and folders left half-written
// by a process that died mid-extraction are removed too.
import { readdir, readlink, realpath, rm, stat, utimes } from "node:fs/promises";
import { join, sep } from "node:path";

/** Most extracted packages kept in a cache folder (more than a large stack has functions). */
export const CACHE_LIMIT = 64;

// <codeSha256 as base64url>, and the scratch folders of extractCached and provideAwsSdk.
const ENTRY = /^[A-Za-z0-9_-]{43}$/;
const PARTIAL = /\.partial-(\d+)-[0-9a-f]{8}$/;

/** Marks a package used now: the cache removes the least recently used first. */
export async function touchEntry(dir: string): Promise<void> {
  const now = new Date();
  await utimes(dir, now, now).catch(() => undefined);
}

/** Removes packages past the limit from `cacheDir`, least recently used first; `keep` (just made) stays. */
export async function pruneCache(cacheDir: string, keep: string, limit = CACHE_LIMIT): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  const inUse = await workingFolders();
  // /proc shows real paths; the cache folder may be reached through a link.
  const real = await realpath(cacheDir).catch(() => cacheDir);
  const idle: Array<{ path: string; usedMs: number }> = [];
  let busy = 0;
  for (const name of names) {
    const path = join(cacheDir, name);
    const partial = PARTIAL.exec(name);
    if (partial !== null) {
      if (!isAlive(Number(partial[1]))) await rm(path, { recursive: true, force: true });
      continue;
    }
    if (!ENTRY.test(name) || path === keep) continue;
    if (isInUse(join(real, name), inUse)) {
      busy += 1;
      continue;
    }
    const stats = await stat(path).catch(() => undefined);
    if (stats !== undefined) idle.push({ path, usedMs: stats.mtimeMs });
  }
  idle.sort((a, b) => b.usedMs - a.usedMs);
  const room = Math.max(0, limit - 1 - busy);
  for (const entry of idle.slice(room)) await rm(entry.path, { recursive: true, force: true });
}

function isInUse(path: string, folders: ReadonlySet<string>): boolean {
  for (const folder of folders) if (folder === path || folder.startsWith(`${path}${sep}`)) return true;
  return false;
}

// The working folder of every process this one may look at (Linux's /proc;
// elsewhere none are known, and only the LRU order protects a running package).
async function workingFolders(): Promise<Set<string>> {
  const pids = await readdir("/proc").catch(() => [] as string[]);
  const links = await Promise.all(pids.filter((pid) => /^\d+$/.test(pid)).map((pid) => readlink(`/proc/${pid}/cwd`).catch(() => undefined)));
  return new Set(links.filter((link): link is string => link !== undefined));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
