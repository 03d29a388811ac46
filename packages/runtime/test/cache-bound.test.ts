// The extracted-code cache is bounded: past CACHE_LIMIT packages the least
// recently used are removed, never the one just made nor one an instance runs
// in, and folders left half-written by a dead process go too.
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { writeZip } from "@closure-pack/pack";
import { describe, expect, it } from "vitest";
import { CACHE_LIMIT, pruneCache } from "../src/cache-bound.js";
import { createFunction, prepareCode } from "../src/index.js";
import { tempDir, track } from "./support/functions.js";

function numberedZip(n: number): Promise<Buffer> {
  return writeZip([{ path: "index.js", bytes: `exports.handler = async () => ${n};\n` }]);
}

describe("cache bound", () => {
  it("lru: one package past the limit removes the least recently used; a reused one counts as used", async () => {
    const cacheDir = tempDir("cache");
    const dirs: string[] = [];
    for (let n = 0; n < CACHE_LIMIT; n += 1) dirs.push((await prepareCode(await numberedZip(n), cacheDir)).dir);
    // An explicit order (n seconds after a day ago), then package 0 used again now.
    const dayAgo = Date.now() / 1000 - 86_400;
    dirs.forEach((dir, n) => utimesSync(dir, dayAgo + n, dayAgo + n));
    await prepareCode(await numberedZip(0), cacheDir);
    const newest = await prepareCode(await numberedZip(CACHE_LIMIT), cacheDir);
    expect(readdirSync(cacheDir)).toHaveLength(CACHE_LIMIT);
    expect([existsSync(dirs[0]!), existsSync(dirs[1]!), existsSync(dirs[2]!), existsSync(newest.dir)]).toEqual([true, false, true, true]);
  });

  it("in use: a package an instance runs in stays; a dead process's half-written folder goes", async () => {
    const cacheDir = tempDir("cache");
    const running = track(await createFunction({ name: "running", code: await numberedZip(1), cacheDir }));
    expect(await running.invoke({})).toMatchObject({ ok: true, value: 1 });
    const idle = (await prepareCode(await numberedZip(2), cacheDir)).dir;
    // pid 999999999 is above Linux's largest pid: never alive.
    const partial = join(cacheDir, `${"A".repeat(43)}.partial-999999999-0123abcd`);
    mkdirSync(partial);
    const kept = (await prepareCode(await numberedZip(3), cacheDir)).dir;
    await pruneCache(cacheDir, kept, 2);
    expect(readdirSync(cacheDir).sort()).toEqual([running.taskRoot, kept].map((dir) => dir.slice(cacheDir.length + 1)).sort());
    expect(existsSync(idle)).toBe(false);
  });

  it("removed: a function whose package was removed while no instance ran extracts it again", async () => {
    const fn = track(await createFunction({ name: "again", code: await numberedZip(4), cacheDir: tempDir("cache") }));
    rmSync(fn.taskRoot, { recursive: true });
    expect(await fn.invoke({})).toMatchObject({ ok: true, value: 4 });
    expect(existsSync(fn.taskRoot)).toBe(true);
  });
});
