// Temp folders for tests that write, copies of fixtures/pack at other
// absolute paths, and unzipping a package into a folder.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { readZip } from "../../src/index.js";
import { fixturesDir } from "./children.js";

const created: string[] = [];

/** A fresh folder under the OS temp dir (real path: no symlinked /tmp). */
export function makeTempDir(label: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `closure-pack-${label}-`)));
  created.push(dir);
  return dir;
}

/** Removes every folder made by makeTempDir (kept with CLOSURE_PACK_KEEP_TMP, to debug). */
export function removeTempDirs(): void {
  if (process.env["CLOSURE_PACK_KEEP_TMP"]) return;
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Copies fixtures/pack (with its fake node_modules) to `<dir>/<sub>` and returns that path. */
export function copyFixtures(dir: string, sub: string): string {
  const target = join(dir, sub);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(fixturesDir, target, { recursive: true, dereference: true });
  return target;
}

/** Writes a zip's files under `dir` with their modes; returns their paths. */
export async function unzipTo(zip: Uint8Array, dir: string): Promise<string[]> {
  const entries = await readZip(zip);
  for (const entry of entries) {
    const file = join(dir, entry.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, entry.bytes);
    chmodSync(file, entry.mode);
  }
  return entries.map((entry) => entry.path);
}
