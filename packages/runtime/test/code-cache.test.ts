// Code from zips: extracted once into a cache folder named by codeSha256,
// run from there; entries that would leave the folder are refused.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeZip } from "@closure-pack/pack";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { createFunction, prepareCode, RuntimeError } from "../src/index.js";
import { FIXTURES, tempDir, track } from "./support/functions.js";

async function fixtureZip(fixture: string): Promise<Buffer> {
  const dir = join(FIXTURES, fixture);
  return writeZip(readdirSync(dir).map((name) => ({ path: name, bytes: readFileSync(join(dir, name)) })));
}

/** A zip with one entry named as given; jszip writes any name. */
async function rawZip(name: string, content: string, unixPermissions?: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(name, content, unixPermissions === undefined ? { createFolders: false } : { unixPermissions, createFolders: false });
  zip.file("index.js", "exports.handler = async () => 'ok';");
  return zip.generateAsync({ type: "nodebuffer", platform: "UNIX" });
}

describe("code", () => {
  it("zip: extracted once into <cache>/<codeSha256>, reused by a second function", async () => {
    const cacheDir = tempDir("cache");
    const bytes = await fixtureZip("esm");
    const zipPath = join(tempDir("zips"), "esm.zip");
    writeFileSync(zipPath, bytes);
    const a = track(await createFunction({ name: "a", code: zipPath, cacheDir }));
    const b = track(await createFunction({ name: "b", code: bytes, cacheDir }));
    const digest = createHash("sha256").update(bytes).digest();
    expect(a.codeSha256).toBe(digest.toString("base64"));
    expect(a.taskRoot).toBe(join(cacheDir, digest.toString("base64url")));
    expect(b.taskRoot).toBe(a.taskRoot);
    expect(readdirSync(cacheDir)).toEqual([digest.toString("base64url")]);
    expect(await a.invoke(1)).toMatchObject({ ok: true, value: { format: "esm", event: 1 } });
  });

  it("folder: run in place, no codeSha256", async () => {
    const prepared = await prepareCode(join(FIXTURES, "cjs"), tempDir("cache"));
    expect(prepared).toEqual({ dir: join(FIXTURES, "cjs"), codeSha256: undefined });
  });

  it.each([
    ["../escape.js", 'entry "../escape.js" has a ".." part that leaves the folder'],
    ["lib/../../escape.js", 'entry "lib/../../escape.js" has a ".." part that leaves the folder'],
    ["/etc/escape.js", 'entry "/etc/escape.js" has an absolute path'],
  ])("unsafe: %s is refused", async (name, problem) => {
    const root = tempDir("cache");
    const made = prepareCode(await rawZip(name, "pwned"), root);
    await expect(made).rejects.toThrow(RuntimeError);
    await expect(made).rejects.toThrow(`zip: ${problem}\nhint: a Lambda package's entries must be relative paths inside it`);
    expect(existsSync(join(root, "..", "escape.js"))).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it("unsafe: a link leaving the folder is refused, one inside it is kept", async () => {
    const outside = prepareCode(await rawZip("link", "../../../etc/passwd", 0o120777), tempDir("cache"));
    await expect(outside).rejects.toThrow('zip: entry "link" is a link to "../../../etc/passwd", outside the folder');
    const inside = await prepareCode(await rawZip("link.js", "index.js", 0o120777), tempDir("cache"));
    expect(readFileSync(join(inside.dir, "link.js"), "utf8")).toBe("exports.handler = async () => 'ok';");
  });

  it("errors: missing code and damaged zips", async () => {
    await expect(prepareCode("/no/such/code.zip")).rejects.toThrow("/no/such/code.zip: no such zip or folder");
    await expect(prepareCode(Buffer.from("not a zip"), tempDir("cache"))).rejects.toThrow(/^zip: not a valid zip: /);
  });
});
