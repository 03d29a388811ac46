// Round trips run the package: each row packs a fixture in a child `node`
// (calling the original with the events after packing), unzips the package
// into an empty temp folder and runs its handler in a fresh `node` with the
// same events, as Lambda's runtime would. Results must be equal.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { PackOptions } from "../src/index.js";
import { fixturesDir, runChild } from "./support/children.js";
import { packInChild, type PackRequest } from "./support/pack-child.js";
import { makeTempDir, removeTempDirs, unzipTo } from "./support/workspace.js";

afterAll(removeTempDirs);

interface Row {
  name: string;
  mode: PackRequest["mode"];
  fixture: string;
  export?: string;
  options?: PackOptions;
  events: unknown[];
  /** Checked on the copy's results besides equality with the original's. */
  expectFirst?: Record<string, unknown>;
}

const FORMATS = ["cjs", "esm"] as const;

const BASE_ROWS: Row[] = [
  {
    name: "function: npm packages, local module and load-time state",
    mode: "function",
    fixture: "handler.cjs",
    events: [{ name: "Ada Lovelace", n: 2 }, { name: "grace hopper" }, {}],
    expectFirst: { slug: "ada-lovelace", key: "users/ada-lovelace", title: "Ada Lovelace", square: 4, invocations: 1 },
  },
  {
    name: "function: state computed at load time",
    mode: "function",
    fixture: "handler-state.cjs",
    events: [{ i: 0 }, { i: 9 }, { i: 4 }],
    expectFirst: { prime: 2, calls: 1 },
  },
  {
    name: "function: local module captured by value",
    mode: "function",
    fixture: "handler-local.cjs",
    events: [
      { a: "x", b: "y" },
      { a: 1, b: 2 },
    ],
    expectFirst: { text: "x | y (#1)", separator: " | " },
  },
  {
    name: "function: captured require and __dirname",
    mode: "function",
    fixture: "handler-require.cjs",
    events: [{ path: "/a/b/c.txt" }],
    expectFirst: { file: "c.txt", hasDirname: true, osType: "string" },
  },
  {
    name: "function: ES module export under another name",
    mode: "function",
    fixture: "handler-esm.mjs",
    export: "main",
    events: [{ name: "ada" }],
    expectFirst: { greeting: "Hello, there Ada", slug: "ada" },
  },
  {
    name: "entry: ES module file bundled without running it",
    mode: "entry",
    fixture: "handler-esm.mjs",
    export: "main",
    events: [{ name: "grace hopper" }],
    expectFirst: { greeting: "Hello, there Grace Hopper", slug: "grace-hopper" },
  },
];

const ROWS = BASE_ROWS.flatMap((row) => FORMATS.map((format) => ({ ...row, name: `${row.name} (${format})`, options: { ...row.options, format } })));

describe("round trip", () => {
  test.each(ROWS)("$name", async (row) => {
    const scratch = makeTempDir("round-trip");
    const packed = await packInChild(
      {
        mode: row.mode,
        fixture: join(fixturesDir, row.fixture),
        ...(row.export === undefined ? {} : { export: row.export }),
        options: { ...row.options, resolveDir: fixturesDir },
        events: row.events,
      },
      { cwd: fixturesDir, scratchDir: scratch },
    );
    const codeFile = row.options.format === "esm" ? "index.mjs" : "index.js";
    expect(packed.handler).toBe("index.handler");
    expect(packed.manifest.files.map((file) => file.path)).toEqual([codeFile]);

    const dir = makeTempDir("package");
    expect(await unzipTo(packed.zip, dir)).toEqual([codeFile]);
    expect(readdirSync(dir)).toEqual([codeFile]);
    const copy = await runChild<{ results: unknown[]; format: string }>("child-run.cjs", { dir, events: row.events }, { cwd: dir, scratchDir: scratch });
    expect(copy.format).toBe(row.options.format);
    expect(copy.results).toEqual(packed.results);
    expect(copy.results[0]).toMatchObject(row.expectFirst ?? {});
  });
});
