// Every error a user can cause, through the real command: the whole message
// (paths are relative to the working directory, so nothing to normalise), the
// exit code, an empty stdout and no output file left behind.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, type Workspace } from "./support/cli.js";

let ws: Workspace;
beforeAll(() => {
  ws = createWorkspace();
});
afterAll(() => ws.remove());

interface ErrorCase {
  name: string;
  args: string[];
  stderr: string;
  /** Default 1. */
  code?: number;
  setup?: (ws: Workspace) => void;
}

const cases: ErrorCase[] = [
  {
    name: "entry: missing file",
    args: ["project/nope.ts", "-o", "out/nope.zip"],
    stderr: `project/nope.ts: entry file not found
hint: pass the path of a .ts, .js, .mjs or .cjs file that exports the handler
`,
  },
  {
    name: "entry: missing file in bundle mode",
    args: ["project/nope.ts", "-o", "out/nope.zip", "--mode", "bundle"],
    stderr: `project/nope.ts: entry file not found
hint: pass the path of a .ts, .js, .mjs or .cjs file that exports the handler
`,
  },
  {
    name: "entry: a directory",
    args: ["project", "-o", "out/dir.zip"],
    stderr: `project: is a directory, not an entry file
hint: pass the handler's file, e.g. src/handler.ts
`,
  },
  {
    name: "entry: TypeScript syntax error",
    args: ["project/syntax-error.ts", "-o", "out/syntax.zip"],
    stderr: `project/syntax-error.ts:4:20: Unexpected ";"
  4 |   return greeting +;
    |                    ^
`,
  },
  {
    name: "entry: syntax error in bundle mode",
    args: ["project/syntax-error.ts", "-o", "out/syntax.zip", "--mode", "bundle"],
    stderr: `project/syntax-error.ts:4:20: Unexpected ";"
  4 |   return greeting +;
    |                    ^
`,
  },
  {
    name: "entry: JavaScript syntax error",
    args: ["project/broken.mjs", "-o", "out/broken.zip"],
    setup: (ws) => writeFileSync(ws.path("project", "broken.mjs"), "export const handler = () => {\n  return [1, 2;\n};\n"),
    stderr: `project/broken.mjs:2:15: Expected "]" but found ";"
  2 |   return [1, 2;
    |               ^
`,
  },
  {
    name: "entry: module not installed",
    args: ["project/missing-package.ts", "-o", "out/missing.zip"],
    stderr: `project/missing-package.ts:2:25: cannot resolve module "closure-pack-fixture-not-installed"
  2 | import { leftPad } from "closure-pack-fixture-not-installed";
    |                         ^
hint: install it (npm install closure-pack-fixture-not-installed) in the entry's project, or fix the import
`,
  },
  {
    name: "entry: module not installed, bundle mode",
    args: ["project/missing-package.ts", "-o", "out/missing.zip", "--mode", "bundle"],
    stderr: `project/missing-package.ts:2:25: cannot resolve module "closure-pack-fixture-not-installed"
  2 | import { leftPad } from "closure-pack-fixture-not-installed";
    |                         ^
hint: install it where the handler's node_modules are found (npm install closure-pack-fixture-not-installed), or list it in external
`,
  },
  {
    name: "entry: throws while loading",
    args: ["project/throws.ts", "-o", "out/throws.zip"],
    stderr: `project/throws.ts: threw while loading: Error: CONFIG_URL is not set
    at readConfig (project/throws.ts:3:9)
    at Object.<anonymous> (project/throws.ts:6:16)
hint: module-level code runs at pack time; guard it, or pack without running it: --mode bundle
`,
  },
  {
    name: "entry: a top-level await that never settles",
    args: ["project/never.mjs", "-o", "out/never.zip"],
    setup: (ws) => writeFileSync(ws.path("project", "never.mjs"), "await new Promise(() => {});\nexport const handler = async () => 1;\n"),
    stderr: `project/never.mjs: its top-level await never settled
hint: it waits on a promise that nothing resolves: resolve it, or pack without running the module: --mode bundle
`,
  },
  {
    name: "entry: a top-level await on a live timer, past --load-timeout",
    args: ["project/waits.mjs", "-o", "out/waits.zip", "--load-timeout", "0.5"],
    setup: (ws) =>
      writeFileSync(ws.path("project", "waits.mjs"), "await new Promise(() => setInterval(() => {}, 1000));\nexport const handler = async () => 1;\n"),
    stderr: `project/waits.mjs: still loading after 0.5 s (a top-level await waiting on a timer or a connection?)
hint: raise the limit with --load-timeout <s>, or pack without running the module: --mode bundle
`,
  },
  {
    name: "entry: top-level await in CommonJS output, bundle mode",
    args: ["project/tla.mjs", "-o", "out/tla.zip", "--mode", "bundle"],
    setup: (ws) =>
      writeFileSync(ws.path("project", "tla.mjs"), 'const greeting = await Promise.resolve("hi");\nexport const handler = async () => greeting;\n'),
    stderr: `project/tla.mjs:1:18: Top-level await is currently not supported with the "cjs" output format
  1 | const greeting = await Promise.resolve("hi");
    |                  ^
hint: pack it as an ES module: format "esm" (--format esm in the CLI)
`,
  },
  {
    name: "entry: syntax error after non-ASCII text, bundle mode",
    args: ["project/accents.ts", "-o", "out/accents.zip", "--mode", "bundle"],
    setup: (ws) => writeFileSync(ws.path("project", "accents.ts"), 'export const handler = async () => {\n  return "déjà vu — ça" +;\n};\n'),
    stderr: `project/accents.ts:2:26: Unexpected ";"
  2 |   return "déjà vu — ça" +;
    |                          ^
`,
  },
  {
    name: "entry: syntax error after non-ASCII text, default mode",
    args: ["project/accents.ts", "-o", "out/accents.zip"],
    setup: (ws) => writeFileSync(ws.path("project", "accents.ts"), 'export const handler = async () => {\n  return "déjà vu — ça" +;\n};\n'),
    stderr: `project/accents.ts:2:26: Unexpected ";"
  2 |   return "déjà vu — ça" +;
    |                          ^
`,
  },
  {
    name: "export: missing",
    args: ["project/handler.ts", "-o", "out/x.zip", "--export", "nope"],
    stderr: `project/handler.ts: has no export named "nope"
hint: the entry exports "handler", "main", "version"; choose one with --export <name>
`,
  },
  {
    // The compiled ES module gains an export for the serializer; it is not the user's.
    name: "export: missing, ES module entry",
    args: ["project/handler.mjs", "-o", "out/x.zip", "--export", "nope"],
    stderr: `project/handler.mjs: has no export named "nope"
hint: the entry exports "handler"; choose one with --export <name>
`,
  },
  {
    name: "export: missing, bundle mode",
    args: ["project/handler.ts", "-o", "out/x.zip", "--export", "nope", "--mode", "bundle"],
    stderr: `project/handler.ts: has no export named "nope"
hint: export the handler under that name, or name the export to package
`,
  },
  {
    name: "export: not a function",
    args: ["project/not-a-function.ts", "-o", "out/x.zip"],
    stderr: `project/not-a-function.ts: export "handler" is an object, not a function
hint: export the handler function itself, e.g. export const handler = async (event) => { … }
`,
  },
  {
    name: "export: a number, chosen with --export",
    args: ["project/handler.ts", "-o", "out/x.zip", "--export", "version"],
    stderr: `project/handler.ts: export "version" is a number, not a function
hint: export the handler function itself, e.g. export const version = async (event) => { … }
`,
  },
  {
    name: "capture: a live net.Socket",
    args: ["project/socket.ts", "-o", "out/socket.zip"],
    stderr: `handler -> config.client.socket: cannot serialize a net.Socket
hint: create the client inside the handler, or capture a factory; or use callbackFactory in the SDK, or pack with --mode bundle in the CLI
`,
  },
  {
    name: "output: a directory",
    args: ["project/handler.ts", "-o", "project"],
    stderr: `project: cannot write the output: it is a directory
hint: pass the path of the zip to write, e.g. -o dist/handler.zip
`,
  },
  {
    name: "output: a folder on its path is a file",
    args: ["project/handler.ts", "-o", "project/handler.ts/out.zip"],
    stderr: `project/handler.ts/out.zip: cannot write the output: a folder on its path is a file
`,
  },
  {
    name: "hash: zip not found",
    args: ["hash", "out/nope.zip"],
    stderr: `out/nope.zip: zip not found
`,
  },
  {
    name: "hash: not a zip",
    args: ["hash", "project/handler.ts"],
    stderr: `project/handler.ts: not a valid zip: no end of central directory record
`,
  },
  {
    name: "diff: zip not found exits 2",
    args: ["diff", "out/nope.zip", "out/nope2.zip"],
    code: 2,
    stderr: `out/nope.zip: zip not found
`,
  },
];

describe("known errors: message alone, exit 1", () => {
  it.each(cases)("$name", async ({ args, stderr, code = 1, setup }) => {
    setup?.(ws);
    const run = await ws.run(args);
    expect(run.stderr).toBe(stderr);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe("");
    const output = args[args.indexOf("-o") + 1];
    if (args.includes("-o") && output && !output.startsWith("project")) expect(existsSync(ws.path(output))).toBe(false);
  });

  it("output: no partial zip and no temporary file after a failed run", async () => {
    mkdirSync(ws.path("clean"), { recursive: true });
    const run = await ws.run(["project/socket.ts", "-o", "clean/out.zip"]);
    expect(run.code).toBe(1);
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(ws.path("clean"))).toEqual([]);
    expect(readdirSync(ws.path("project")).filter((name) => name.includes(".closure-pack-"))).toEqual([]);
  });

  it("--json: the error also as a record on stdout, its hint apart too", async () => {
    const run = await ws.run(["project/not-a-function.ts", "-o", "out/x.zip", "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: "EXPORT_NOT_A_FUNCTION",
        message: `project/not-a-function.ts: export "handler" is an object, not a function
hint: export the handler function itself, e.g. export const handler = async (event) => { … }`,
        hint: "export the handler function itself, e.g. export const handler = async (event) => { … }",
      },
    });
  });
});
