// Compares two zips file by file: what was added, removed or changed (bytes
// or mode). Byte-level header differences are left to zip-layout.ts.
import { sha256Hex } from "./hashes.js";
import { compareBytes } from "./zip-writer.js";
import { readZip, type ZipEntry } from "./zip-reader.js";

export interface ChangedFile {
  path: string;
  /** Which parts differ. */
  changes: Array<"bytes" | "mode">;
  before: { size: number; sha256: string; mode: number };
  after: { size: number; sha256: string; mode: number };
}

export interface ZipDiff {
  /** True when no file was added, removed or changed. */
  equal: boolean;
  /** Sorted by the bytes of their paths. */
  added: string[];
  removed: string[];
  changed: ChangedFile[];
}

/** Files added in `b`, removed from `a`, and changed between them. */
export async function diffZips(a: Uint8Array, b: Uint8Array): Promise<ZipDiff> {
  const before = byPath(await readZip(a));
  const after = byPath(await readZip(b));
  const added = [...after.keys()].filter((path) => !before.has(path)).sort(compareBytes);
  const removed = [...before.keys()].filter((path) => !after.has(path)).sort(compareBytes);
  const changed: ChangedFile[] = [];
  for (const path of [...before.keys()].sort(compareBytes)) {
    const old = before.get(path);
    const now = after.get(path);
    if (old === undefined || now === undefined) continue;
    const changes: ChangedFile["changes"] = [];
    if (!old.bytes.equals(now.bytes)) changes.push("bytes");
    if (old.mode !== now.mode) changes.push("mode");
    if (changes.length > 0) changed.push({ path, changes, before: describe(old), after: describe(now) });
  }
  return { equal: added.length + removed.length + changed.length === 0, added, removed, changed };
}

function byPath(entries: ZipEntry[]): Map<string, ZipEntry> {
  return new Map(entries.map((entry) => [entry.path, entry]));
}

function describe(entry: ZipEntry): ChangedFile["before"] {
  return { size: entry.bytes.length, sha256: sha256Hex(entry.bytes), mode: entry.mode };
}
