// Each Lambda runtime's esbuild target keeps what that runtime's Node needs:
// an external JSON import keeps its import attribute (esbuild reads "node20"
// as 20.0.0, which has no import attributes, and dropped it). The package
// runs with the external package installed beside it, as a layer would.
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { LambdaRuntime } from "../src/index.js";
import { fixturesDir, runChild } from "./support/children.js";
import { packInChild } from "./support/pack-child.js";
import { makeTempDir, removeTempDirs, unzipTo } from "./support/workspace.js";

afterAll(removeTempDirs);

const ROWS = (["nodejs20.x", "nodejs22.x"] as const).flatMap((runtime: LambdaRuntime) =>
  (["esm", "cjs"] as const).map((format) => ({ name: `external JSON import: ${runtime}, ${format}`, runtime, format })),
);

describe("runtime targets", () => {
  test.each(ROWS)("$name", async ({ runtime, format }) => {
    const scratch = makeTempDir("targets");
    const events = [{ echo: 1 }];
    const packed = await packInChild(
      { mode: "entry", fixture: join(fixturesDir, "json-import.mjs"), options: { runtime, format, external: ["fake-lib"], resolveDir: fixturesDir }, events },
      { cwd: fixturesDir, scratchDir: scratch },
    );
    const dir = makeTempDir("package");
    const [codeFile] = await unzipTo(packed.zip, dir);
    if (format === "esm") expect(codeFile).toBe("index.mjs");
    symlinkSync(join(fixturesDir, "node_modules"), join(dir, "node_modules"), "dir");
    const copy = await runChild<{ results: unknown[] }>("child-run.cjs", { dir, events }, { cwd: dir, scratchDir: scratch });
    expect(copy.results).toEqual([{ name: "fake-lib", version: "2.3.1", echo: 1 }]);
  });
});
