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

/** One stored (uncompressed) entry, so its bytes can be found and changed. */
function storedZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("index.js", "exports.handler = async () => 'hello';", { compression: "STORE" });
  return zip.generateAsync({ type: "nodebuffer" });
}

/** `bytes` with the byte at `index` (negative: from the end) set to `value`. */
function patched(bytes: Buffer, index: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index < 0 ? copy.length + index : index] = value;
  return copy;
}

const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const ZIP_HINT = "a Lambda package is a zip file: make one with closure-pack <entry> -o <zip>, or check that the file was copied whole";
const DAMAGED: Array<[string, (zip: Buffer) => Buffer, string]> = [
  ["an empty file", () => Buffer.alloc(0), "the file is empty, not a zip"],
  ["a text file", () => Buffer.from("hello, this is not a zip\n"), "not a zip file"],
  ["cut short near its end", (zip) => zip.subarray(0, zip.length - 10), "the zip is cut short (its end is missing)"],
  ["cut in half", (zip) => zip.subarray(0, zip.length / 2), "the zip is cut short (its end is missing)"],
  [
    "an entry's byte changed",
    (zip) => patched(zip, zip.indexOf("hello"), 0x48),
    "the zip is damaged: an entry's data does not match its recorded checksum or size",
  ],
  [
    "an unknown compression method",
    (zip) => patched(patched(zip, 8, 99), zip.indexOf(CENTRAL_HEADER) + 10, 99),
    "the zip uses a compression method Lambda does not accept (only stored and deflated entries)",
  ],
];

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

  it("errors: missing code", async () => {
    await expect(prepareCode("/no/such/code.zip")).rejects.toThrow("/no/such/code.zip: no such zip or folder");
  });

  it.each(DAMAGED)("damaged: %s", async (_name, damage, problem) => {
    const zip = damage(await storedZip());
    const cacheDir = tempDir("cache");
    const made = prepareCode(zip, cacheDir, "out/fn.zip");
    await expect(made).rejects.toThrow(RuntimeError);
    await expect(made).rejects.toThrow(new RuntimeError("INVALID_ZIP", "out/fn.zip", problem, { hint: ZIP_HINT }).message);
    // Nothing half-extracted stays behind.
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
