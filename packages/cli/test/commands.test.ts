// print, hash, diff, --help, --version and usage errors through the real
// command, and `npx closure-pack` from the repository root.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatOverview } from "../src/help.js";
import { COMMANDS } from "../src/usage.js";
import { VERSION } from "../src/version.js";
import { REPO, createWorkspace, runCli, type Workspace } from "./support/cli.js";

let ws: Workspace;
beforeAll(async () => {
  ws = createWorkspace();
  // Two packages that differ (export and format) and a copy of the first.
  const runs = await Promise.all([
    ws.run(["project/handler.ts", "-o", "out/a.zip", "-q"]),
    ws.run(["project/handler.ts", "-o", "out/b.zip", "-q", "--export", "main", "--format", "esm"]),
  ]);
  if (runs.some((run) => run.code !== 0)) throw new Error(runs.map((run) => run.stderr).join("\n"));
  writeFileSync(ws.path("out/a-copy.zip"), readFileSync(ws.path("out/a.zip")));
});
afterAll(() => ws.remove());

describe("print", () => {
  it("print: the serialized module on stdout, which runs", async () => {
    const run = await ws.run(["print", "project/handler.ts"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^"use strict";\n/);
    expect(run.stdout).toContain('require("fake-slugify")');
    // Loadable where fake-slugify resolves: beside the project's node_modules.
    writeFileSync(ws.path("project", "printed.cjs"), run.stdout);
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ["-e", `require("./printed.cjs").handler({ name: "Ada" }).then((r) => console.log(r.message))`],
        { cwd: ws.path("project") },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    );
    expect(out).toBe("Hello, Ada!\n");
  });

  it("print: --format esm and --export", async () => {
    const run = await ws.run(["print", "project/handler.ts", "--format", "esm", "--export", "main"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nexport \{ \w+ as handler \};\n$/);
    expect(run.stdout).not.toContain("exports.handler");
  });
});

describe("hash", () => {
  it("hash: both hashes, as pack reported them", async () => {
    const packed = await ws.run(["project/handler.ts", "-o", "out/a.zip", "--json"]);
    const { codeSha256, contentHash } = JSON.parse(packed.stdout) as { codeSha256: string; contentHash: string };
    const run = await ws.run(["hash", "out/a.zip"]);
    expect(run).toEqual({ code: 0, stderr: "", stdout: `codeSha256  ${codeSha256}\ncontentHash ${contentHash}\n` });
    const json = await ws.run(["hash", "out/a.zip", "--json"]);
    expect(JSON.parse(json.stdout)).toEqual({
      zip: "out/a.zip",
      codeSha256,
      contentHash,
      bytes: readFileSync(ws.path("out/a.zip")).length,
      files: 1,
    });
  });
});

describe("diff", () => {
  it("diff: equal zips exit 0", async () => {
    const run = await ws.run(["diff", "out/a.zip", "out/a-copy.zip"]);
    expect(run).toEqual({ code: 0, stderr: "", stdout: "same files: no entry added, removed or changed\n" });
  });

  it("diff: different zips exit 1 and list the entries", async () => {
    const run = await ws.run(["diff", "out/a.zip", "out/b.zip"]);
    expect(run).toEqual({ code: 1, stderr: "", stdout: "+ index.mjs\n- index.js\n" });
  });

  it("diff: --json", async () => {
    const run = await ws.run(["diff", "out/a.zip", "out/b.zip", "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ a: "out/a.zip", b: "out/b.zip", equal: false, added: ["index.mjs"], removed: ["index.js"], changed: [] });
  });

  it("diff: a changed entry", async () => {
    const packed = await ws.run(["project/handler.ts", "-o", "out/c.zip", "-q", "--export", "main"]);
    expect(packed.code).toBe(0);
    const run = await ws.run(["diff", "out/a.zip", "out/c.zip"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^~ index\.js {2}\d+(\.\d)? (B|KB) -> \d+(\.\d)? (B|KB)\n$/);
  });
});

describe("help and version", () => {
  it("--help: usage on stdout, exit 0", async () => {
    expect(await ws.run(["--help"])).toEqual({ code: 0, stderr: "", stdout: formatOverview(COMMANDS) });
  });

  it("--version: the package's version", async () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(VERSION).toBe(manifest.version);
    expect(await ws.run(["--version"])).toEqual({ code: 0, stderr: "", stdout: `${VERSION}\n` });
  });

  it("npx closure-pack --version from the repository root", async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile("npx", ["--no-install", "closure-pack", "--version"], { cwd: REPO, env: process.env }, (error, out, err) =>
        error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
      ),
    );
    expect(stdout).toBe(`${VERSION}\n`);
  });
});

describe("usage errors: the message and where the usage is on stderr, exit 2", () => {
  it.each([
    { name: "no output", args: ["project/handler.ts"], message: 'option "--output" (-o) is required: the zip to write' },
    { name: "unknown option", args: ["project/handler.ts", "-o", "x.zip", "--minify-less"], message: 'unknown option "--minify-less"' },
    { name: "output without value", args: ["project/handler.ts", "-o"], message: 'option "--output" needs a value' },
    { name: "bad format", args: ["project/handler.ts", "-o", "x.zip", "--format", "amd"], message: 'option "--format" must be "cjs" or "esm", got "amd"' },
    {
      name: "bad runtime",
      args: ["project/handler.ts", "-o", "x.zip", "--runtime", "nodejs18.x"],
      message: 'option "--runtime" must be "nodejs20.x" or "nodejs22.x", got "nodejs18.x"',
    },
    { name: "bad mode", args: ["project/handler.ts", "-o", "x.zip", "--mode", "lazy"], message: 'option "--mode" must be "eval" or "bundle", got "lazy"' },
    {
      name: "bad load timeout",
      args: ["project/handler.ts", "-o", "x.zip", "--load-timeout", "0"],
      message: 'option "--load-timeout" must be a number of seconds above 0, got "0"',
    },
    { name: "empty export", args: ["project/handler.ts", "-o", "x.zip", "--export", ""], message: 'option "--export" must not be empty' },
    { name: "two entries", args: ["a.ts", "b.ts", "-o", "x.zip"], message: "expected one <entry>, got 2: a.ts b.ts" },
    {
      name: "pack named as a command",
      args: ["pack", "project/handler.ts", "-o", "x.zip", "--mode", "lazy"],
      message: 'option "--mode" must be "eval" or "bundle", got "lazy"',
    },
    { name: "hash without zip", args: ["hash"], message: '"hash" takes one <zip>, got none', command: "hash" },
    { name: "diff with one zip", args: ["diff", "a.zip"], message: '"diff" takes two zips: diff <a.zip> <b.zip>, got 1', command: "diff" },
  ])("usage: $name", async ({ args, message, command = "pack" }) => {
    const run = await runCli(args, { cwd: ws.dir });
    const stderr = `closure-pack: ${message}\nrun "closure-pack ${command} --help" for usage\n`;
    expect(run).toEqual({ code: 2, stdout: "", stderr });
  });
});
