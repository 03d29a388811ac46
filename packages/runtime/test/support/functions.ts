// Functions made by tests: every one is closed after its test, and every
// process a handler reported (its pid) must be gone by then.
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect } from "vitest";
import { createFunction, type FunctionOptions, type LocalFunction } from "../../src/index.js";

export const FIXTURES = fileURLToPath(new URL("../../../../fixtures/runtime/", import.meta.url));

const open: LocalFunction[] = [];
const dirs: string[] = [];

/** A fresh temp folder, removed after the test. */
export function tempDir(label: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `closure-pack-runtime-${label}-`)));
  dirs.push(dir);
  return dir;
}

/** createFunction with a fixture folder (by name) as code, a private cache dir, closed after the test. */
export async function fixtureFunction(fixture: string, options: Partial<FunctionOptions> = {}): Promise<LocalFunction> {
  const fn = await createFunction({ name: fixture, code: join(FIXTURES, fixture), cacheDir: tempDir("cache"), ...options });
  open.push(fn);
  return fn;
}

export function track(fn: LocalFunction): LocalFunction {
  open.push(fn);
  return fn;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((fn) => fn.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function expectGone(pids: number[]): void {
  expect(pids.filter(isAlive)).toEqual([]);
}
