// Checks the test harness itself, independently of serializeFunction: that
// describeValue tells apart what JSON would conflate, and that child B runs
// the copy in isolation (only listed packages, no NODE_PATH) and is bounded
// in time. Emitted text here is written by hand.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "vitest";
import { runCopy, type Serialized } from "./support/round-trip.js";
import { runChild } from "./support/spawn-child.js";
import { describePlain } from "./support/table.js";
import { createWorkspace } from "./support/workspace.js";

const shared = { n: 1 };
const sparse: unknown[] = [1, , 3];

/** Pairs of values that JSON conflates but a faithful description must not. */
const distinct: ReadonlyArray<{ name: string; a: unknown; b: unknown }> = [
  { name: "describe: NaN is not null", a: NaN, b: null },
  { name: "describe: -0 is not 0", a: -0, b: 0 },
  { name: "describe: a hole is not undefined", a: sparse, b: [1, undefined, 3] },
  { name: "describe: an undefined property is not a missing one", a: { a: undefined }, b: {} },
  { name: "describe: bigint is not number", a: 1n, b: 1 },
  { name: "describe: Symbol.for is not a unique symbol", a: Symbol.for("s"), b: Symbol("s") },
  { name: "describe: a lone surrogate is not U+FFFD", a: "\ud800", b: "\ufffd" },
  { name: "describe: frozen is not extensible", a: Object.freeze({}), b: {} },
  { name: "describe: null prototype is not Object.prototype", a: Object.create(null), b: {} },
  { name: "describe: a shared reference is not two equal objects", a: [shared, shared], b: [{ n: 1 }, { n: 1 }] },
  { name: "describe: non-enumerable is not enumerable", a: Object.defineProperty({}, "x", { value: 1 }), b: { x: 1 } },
  {
    name: "describe: Map entry order matters",
    a: new Map([
      [1, 2],
      [3, 4],
    ]),
    b: new Map([
      [3, 4],
      [1, 2],
    ]),
  },
  { name: "describe: Date time", a: new Date(0), b: new Date(1) },
  { name: "describe: RegExp flags", a: /a/g, b: /a/i },
  { name: "describe: RegExp lastIndex", a: Object.assign(/a/g, { lastIndex: 1 }), b: /a/g },
  {
    name: "describe: arrow is not a constructor",
    a: () => 0,
    b: function () {
      return 0;
    },
  },
  { name: "describe: class is not a function", a: class {}, b: function () {} },
  { name: "describe: typed array kind", a: new Uint8Array([1]), b: new Int8Array([1]) },
  { name: "describe: Buffer is not Uint8Array", a: Buffer.from([1]), b: new Uint8Array([1]) },
  { name: "describe: error message", a: new Error("a"), b: new Error("b") },
  { name: "describe: error cause", a: new Error("a", { cause: 1 }), b: new Error("a") },
  { name: "describe: promise value", a: Promise.resolve(1), b: Promise.resolve(2) },
  {
    name: "describe: accessor is not data",
    a: {
      get x() {
        return 1;
      },
    },
    b: { x: 1 },
  },
  { name: "describe: unique symbols keep identity", a: ((s) => [s, s])(Symbol("u")), b: [Symbol("u"), Symbol("u")] },
];

describe.concurrent("describeValue", () => {
  for (const row of distinct) {
    test(row.name, async ({ expect }) => {
      expect(await describePlain(row.a)).not.toEqual(await describePlain(row.b));
      expect(await describePlain(row.a)).toEqual(await describePlain(row.a));
    });
  }

  test("describe: never invokes a getter", async ({ expect }) => {
    const value = {
      get boom(): never {
        throw new Error("getter invoked");
      },
    };
    await expect(describePlain(value)).resolves.toMatchObject({ kind: "Object" });
  });

  test("describe: a 100,000-deep list costs no stack", async ({ expect }) => {
    let list: { next: unknown } | null = null;
    for (let i = 0; i < 100_000; i++) list = { next: list };
    await expect(describePlain(list)).resolves.toMatchObject({ kind: "Object" });
  });
});

/** Runs hand-written emitted text in child B, as if the serializer had produced it. */
async function runText(text: string, modules: string[] = [], probe = "(f) => f()") {
  const workspace = createWorkspace("exports.fn = () => {};\n", "cjs");
  try {
    writeFileSync(join(workspace.outDir, "index.cjs"), text);
    const serialized: Serialized = {
      ok: true,
      text,
      exportName: "handler",
      modules,
      captures: [],
      warnings: [],
      texts: [text],
      original: undefined,
      logs: { stdout: "", stderr: "" },
    };
    return await runCopy(workspace, serialized, { source: "", probe });
  } finally {
    workspace.dispose();
  }
}

describe.concurrent("child B", () => {
  test("child B: an unlisted package does not resolve", async ({ expect }) => {
    const text = `"use strict";\nexports.handler = () => require("fake-greeter").greet("x");\n`;
    const { result } = await runText(text);
    expect(result).toMatchObject({
      threw: { kind: "Error", props: expect.arrayContaining([{ key: "code", value: { type: "string", value: "MODULE_NOT_FOUND" } }]) },
    });
  });

  test("child B: a listed package resolves, builtins always do", async ({ expect }) => {
    const text = `"use strict";\nconst { greet } = require("fake-greeter");\nconst { join } = require("node:path");\nexports.handler = () => join(greet("x"), "y");\n`;
    const { result } = await runText(text, ["fake-greeter", "node:path"]);
    expect(result).toEqual(await describePlain("hello, x/y"));
  });

  test("child B: repository packages do not resolve", async ({ expect }) => {
    const text = `"use strict";\nexports.handler = () => ["vitest", "@closure-pack/closure", "acorn"].map((m) => { try { require(m); return "found"; } catch (e) { return e.code; } });\n`;
    const { result } = await runText(text);
    expect(result).toEqual(await describePlain(["MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND"]));
  });

  test("child B: no NODE_PATH or NODE_OPTIONS, cwd is the output directory", async ({ expect }) => {
    const text = `"use strict";\nexports.handler = () => [process.env.NODE_PATH, process.env.NODE_OPTIONS, require("node:path").basename(process.cwd())];\n`;
    const { result } = await runText(text);
    expect(result).toEqual(await describePlain([undefined, undefined, "out"]));
  });

  test("child B: console output during the probe is captured", async ({ expect }) => {
    const text = `"use strict";\nexports.handler = () => { console.log("out", 1); console.error("err"); return 2; };\n`;
    const run = await runText(text);
    expect(run.logs).toEqual({ stdout: "out 1\n", stderr: "err\n" });
  });

  test("child B: a probe that throws is described, not fatal", async ({ expect }) => {
    const text = `"use strict";\nexports.handler = () => { throw new RangeError("nope"); };\n`;
    const { result } = await runText(text);
    expect(result).toEqual({ threw: await describePlain(new RangeError("nope")) });
  });

  test("child B: a large result arrives whole", async ({ expect }) => {
    const text = `"use strict";\nexports.handler = () => Array.from({ length: 20000 }, (_, i) => "item " + i);\n`;
    const { result } = await runText(text);
    expect(result).toEqual(await describePlain(Array.from({ length: 20000 }, (_, i) => "item " + i)));
  });

  test("child B: a module that fails to load reports the emitted text", async ({ expect }) => {
    await expect(runText(`"use strict";\nthrow new Error("at load");\n`)).rejects.toThrow(/failed to load[\s\S]*at load[\s\S]*emitted text/);
  });

  test("child B: a missing export is reported", async ({ expect }) => {
    await expect(runText(`"use strict";\nexports.main = () => 1;\n`)).rejects.toThrow(/no export "handler"/);
  });

  test("child B: a hanging copy is killed at the timeout", async ({ expect }) => {
    const workspace = createWorkspace("exports.fn = () => {};\n", "cjs");
    try {
      const outFile = join(workspace.outDir, "index.cjs");
      writeFileSync(outFile, `exports.handler = () => new Promise((r) => setTimeout(r, 60000));\n`);
      const run = runChild({
        script: "child-run.cjs",
        requestPath: join(workspace.root, "run-request.json"),
        cwd: workspace.outDir,
        env: { PATH: process.env["PATH"] ?? "" },
        request: { outFile, format: "cjs", exportName: "handler", probe: "(f) => f()" },
        timeoutMs: 1500,
      });
      await expect(run).rejects.toThrow(/timed out after 1500 ms/);
    } finally {
      workspace.dispose();
    }
  });
});
