// The manifest and the options of a bundle, on the TypeScript entry fixture
// packed in bundle mode (no live function, so in the test process).
import { relative } from "node:path";
import { describe, expect, test } from "vitest";
import { codeSha256, pack, readZip, type PackOptions } from "../src/index.js";
import { fixturesDir } from "./support/children.js";

const ENTRY = { entry: `${fixturesDir}/bundle-entry.ts` };

async function codeOf(options: PackOptions): Promise<string> {
  const result = await pack(ENTRY, { resolveDir: fixturesDir, ...options });
  const [code] = await readZip(result.zip);
  return code?.bytes.toString("utf8") ?? "";
}

describe("manifest", () => {
  test("manifest: files, packages with versions, externals, hashes", async () => {
    const result = await pack(ENTRY, { resolveDir: fixturesDir });
    const { manifest } = result;
    expect(manifest.files).toEqual([{ path: "index.js", size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), mode: 0o644 }]);
    expect(manifest.packages).toEqual([
      { name: "fake-esm-lib", version: "1.0.4", bytes: expect.any(Number) },
      { name: "fake-lib", version: "2.3.1", bytes: expect.any(Number) },
    ]);
    expect(manifest.externals).toEqual(["@aws-sdk/client-s3"]);
    expect(manifest).toMatchObject({
      captures: [],
      codeSha256: result.codeSha256,
      contentHash: result.contentHash,
      runtime: "nodejs22.x",
      handler: "index.handler",
      nativeAddons: [],
      esbuildVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
    expect(result.codeSha256).toBe(codeSha256(result.zip));
    expect(result.contributors.map((c) => c.path)).toEqual(
      expect.arrayContaining(["node_modules/fake-lib", "node_modules/fake-esm-lib", relative(process.cwd(), `${fixturesDir}/bundle-entry.ts`)]),
    );
    expect(result.warnings).toEqual([]);
  });

  test("bundle: unused exports of an ES module package are tree-shaken", async () => {
    expect(await codeOf({})).not.toContain("UNUSED_MARKER");
  });

  test("bundle: external keeps a package out; the SDK stays external", async () => {
    const code = await codeOf({ external: ["fake-lib"] });
    expect(code).toContain('require("fake-lib")');
    expect(code).toContain('require("@aws-sdk/client-s3")');
  });

  test("bundle: ESM output is index.mjs with a require for CommonJS packages", async () => {
    const result = await pack(ENTRY, { resolveDir: fixturesDir, format: "esm" });
    const [code] = await readZip(result.zip);
    expect(code?.path).toBe("index.mjs");
    expect(code?.bytes.toString()).toMatch(/^import\{createRequire as \w+\}from"node:module";const require=/);
    expect(code?.bytes.toString()).toContain('from"@aws-sdk/client-s3"');
  });

  test("bundle: runtime sets the target; minify off keeps names", async () => {
    const code = await codeOf({ runtime: "nodejs20.x", minify: false });
    expect(code).toContain("function joinKey(...parts)");
    expect(code).not.toContain(fixturesDir);
  });

  test("bundle: the source map is returned beside the zip, which does not change", async () => {
    const plain = await pack(ENTRY, { resolveDir: fixturesDir });
    const mapped = await pack(ENTRY, { resolveDir: fixturesDir, sourcemap: true });
    expect(mapped.zip).toEqual(plain.zip);
    expect(plain.sourcemap).toBeUndefined();
    expect(JSON.parse(mapped.sourcemap ?? "{}")).toMatchObject({ version: 3, sources: expect.arrayContaining(["bundle-entry.ts"]) });
  });

  test("bundle: another export name for the package", async () => {
    const result = await pack({ entry: `${fixturesDir}/handler-esm.mjs`, export: "main" }, { resolveDir: fixturesDir, exportName: "run" });
    expect(result.handler).toBe("index.run");
  });
});
