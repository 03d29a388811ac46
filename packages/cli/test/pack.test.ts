// `closure-pack <entry> -o out.zip` through the real command: round trips
// that unzip the package and run index.handler in a fresh node, the summary
// and --json record, unchanged detection, and the side files.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, utimesSync } from "node:fs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, type Workspace } from "./support/cli.js";
import { invokePackage } from "./support/lambda.js";

const EVENT = JSON.parse(readFileSync(new URL("../../../fixtures/cli/event.json", import.meta.url), "utf8")) as { name: string };
const DIGEST = createHash("sha256").update("closure-pack").digest("hex").slice(0, 8);
const SUMMARY = /^(\S+)( {2}unchanged)? {2}\d+(\.\d+)? (B|KB|MB) {2}(\d+) files? {2}codeSha256 ([A-Za-z0-9+/]{43}=) {2}\d+(\.\d+)? m?s\n/;

function greeting(calls: number, stamp: string) {
  return { message: `Hello, ${EVENT.name}!`, slug: "ada-lovelace", calls, stamp, digest: DIGEST };
}

let ws: Workspace;
let esm: Workspace;
beforeAll(() => {
  ws = createWorkspace();
  esm = createWorkspace("module");
});
afterAll(() => {
  ws.remove();
  esm.remove();
});

describe("pack: round trip through a fresh node", () => {
  it("ts handler: module state from pack time, warm calls, local module and npm package", async () => {
    const run = await ws.run(["project/handler.ts", "-o", "out/handler.zip"], { FIXTURE_STAMP: "at-pack-time" });
    // The pack-time value travels, and the CLI says so (issue 11: the deploy machine's environment).
    expect(run.stderr).toBe(
      "warning: handler -> stamp: this string is the value of FIXTURE_STAMP where the function was serialized\nhint: read process.env.FIXTURE_STAMP inside the handler, or set it in the function's environment\n",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(SUMMARY);
    expect(SUMMARY.exec(run.stdout)?.[1]).toBe("out/handler.zip");
    // FIXTURE_STAMP is unset where the package runs: the value is the one read at pack time.
    expect(await invokePackage(ws.path("out/handler.zip"), [EVENT, EVENT])).toEqual([greeting(1, "at-pack-time"), greeting(2, "at-pack-time")]);
  });

  it("ts handler in a CommonJS project importing a dual package: the package loads the CommonJS build it was given", async () => {
    const run = await ws.run(["project/dual.ts", "-o", "out/dual.zip"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await invokePackage(ws.path("out/dual.zip"), [{}])).toEqual([{ day: "1970-01-01", build: "commonjs" }]);
  });

  it("ts handler in an ES module project (type: module), ESM output", async () => {
    const run = await esm.run(["project/handler.ts", "-o", "out/handler.zip", "--format", "esm"], { FIXTURE_STAMP: "esm" });
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(esm.path("out/handler.zip")));
    expect(Object.keys(zip.files)).toEqual(["index.mjs"]);
    expect(await invokePackage(esm.path("out/handler.zip"), [EVENT])).toEqual([greeting(1, "esm")]);
  });

  it("mjs handler", async () => {
    const run = await ws.run(["project/handler.mjs", "-o", "out/mjs.zip"]);
    expect(run.code).toBe(0);
    expect(await invokePackage(ws.path("out/mjs.zip"), [EVENT, EVENT])).toEqual([
      { prefix: "esm:handler", slug: "ada-lovelace", calls: 1 },
      { prefix: "esm:handler", slug: "ada-lovelace", calls: 2 },
    ]);
  });

  it("mjs handler importing a package's JSON with an import attribute", async () => {
    const run = await ws.run(["project/json-import.mjs", "-o", "out/json.zip"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await invokePackage(ws.path("out/json.zip"), [EVENT])).toEqual([{ version: "1.2.3", slug: "ada-lovelace" }]);
  });

  it("--export main: the package still exports handler", async () => {
    const run = await ws.run(["project/handler.ts", "-o", "out/main.zip", "--export", "main", "--json"]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { handler: string }).handler).toBe("index.handler");
    expect(await invokePackage(ws.path("out/main.zip"), [EVENT])).toEqual([`main: Hello, ${EVENT.name}.`]);
  });

  it("--mode bundle: module-level code is not run at pack time", async () => {
    const thrower = await ws.run(["project/throws.ts", "-o", "out/throws.zip", "--mode", "bundle"]);
    expect(thrower.stderr).toBe("");
    expect(thrower.code).toBe(0);
    const run = await ws.run(["project/handler.ts", "-o", "out/bundle.zip", "--mode", "bundle"], { FIXTURE_STAMP: "at-pack-time" });
    expect(run.code).toBe(0);
    // Read where the package runs, not at pack time.
    expect(await invokePackage(ws.path("out/bundle.zip"), [EVENT], { FIXTURE_STAMP: "at-run-time" })).toEqual([greeting(1, "at-run-time")]);
  });
});

describe("pack: output", () => {
  it("--json: the result record", async () => {
    const run = await ws.run(["project/handler.ts", "-o", "out/json.zip", "--json", "--runtime", "nodejs20.x"]);
    expect(run.code).toBe(0);
    const record = JSON.parse(run.stdout) as Record<string, unknown>;
    const bytes = readFileSync(ws.path("out/json.zip"));
    expect(record).toEqual({
      output: "out/json.zip",
      status: "written",
      bytes: bytes.length,
      files: 1,
      codeSha256: createHash("sha256").update(bytes).digest("base64"),
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      handler: "index.handler",
      runtime: "nodejs20.x",
      format: "cjs",
      mode: "eval",
      ms: expect.any(Number),
      written: [],
      warnings: [],
      manifest: expect.objectContaining({
        files: [expect.objectContaining({ path: "index.js", mode: 0o644 })],
        packages: [expect.objectContaining({ name: "fake-slugify", version: "1.2.3" })],
        handler: "index.handler",
        runtime: "nodejs20.x",
      }),
    });
    expect(record.contentHash).toBe((record.manifest as { contentHash: string }).contentHash);
  });

  it("unchanged: same content leaves the zip's bytes and mtime alone", async () => {
    const first = await ws.run(["project/handler.ts", "-o", "out/same.zip"]);
    expect(first.code).toBe(0);
    const past = new Date("2020-02-02T02:02:02Z");
    utimesSync(ws.path("out/same.zip"), past, past);
    const before = readFileSync(ws.path("out/same.zip"));
    const second = await ws.run(["project/handler.ts", "-o", "out/same.zip"]);
    expect(second.code).toBe(0);
    expect(SUMMARY.exec(second.stdout)?.[2]).toBe("  unchanged");
    expect(statSync(ws.path("out/same.zip")).mtime).toEqual(past);
    expect(readFileSync(ws.path("out/same.zip")).equals(before)).toBe(true);
    const changed = await ws.run(["project/handler.ts", "-o", "out/same.zip", "--json", "--export", "main"]);
    expect((JSON.parse(changed.stdout) as { status: string }).status).toBe("written");
    expect(statSync(ws.path("out/same.zip")).mtime).not.toEqual(past);
  });

  it("--manifest and --sourcemap: written beside the zip, the map never inside it", async () => {
    const run = await ws.run(["project/handler.ts", "-o", "out/side.zip", "--manifest", "out/side.json", "--sourcemap"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("\n  wrote out/side.json\n  wrote out/side.zip.map\n");
    const manifest = JSON.parse(readFileSync(ws.path("out/side.json"), "utf8")) as { files: Array<{ path: string }>; captures: unknown[] };
    expect(manifest.files.map((file) => file.path)).toEqual(["index.js"]);
    expect(manifest.captures.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(ws.path("out/side.zip.map"), "utf8"))).toHaveProperty("mappings");
    const zip = await JSZip.loadAsync(readFileSync(ws.path("out/side.zip")));
    expect(Object.keys(zip.files)).toEqual(["index.js"]);
  });

  it("--analyze: the largest contributors", async () => {
    const run = await ws.run(["project/handler.ts", "-o", "out/analyze.zip", "--analyze"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nlargest contributors \(bytes in the bundle\)\n/);
    expect(run.stdout).toMatch(/^ +\d+ B +\d+\.\d% {2}node_modules\/fake-slugify$/m);
  });

  it("determinism: another absolute location and TZ give the same zip", async () => {
    const other = createWorkspace();
    try {
      const [here, there] = await Promise.all([
        ws.run(["project/handler.ts", "-o", "out/det.zip", "--json"], { TZ: "UTC" }),
        other.run(["project/handler.ts", "-o", "out/det.zip", "--json"], { TZ: "Pacific/Kiritimati" }),
      ]);
      expect([here.code, there.code]).toEqual([0, 0]);
      expect(readFileSync(other.path("out/det.zip")).equals(readFileSync(ws.path("out/det.zip")))).toBe(true);
    } finally {
      other.remove();
    }
  });

  it("--quiet: nothing on stdout or stderr", async () => {
    const run = await ws.run(["project/handler.ts", "-o", "out/quiet.zip", "-q"]);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(existsSync(ws.path("out/quiet.zip"))).toBe(true);
  });

  it("colours: none when stdout is not a TTY, even without NO_COLOR", async () => {
    const run = await ws.run(["project/handler.ts", "-o", "out/plain.zip"], { NO_COLOR: "" });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("\u001b[");
  });
});
