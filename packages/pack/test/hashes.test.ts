// codeSha256 is AWS Lambda's CodeSha256 of the zip bytes; contentHash covers
// paths, modes and contents only, so it survives a change of compression.
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { codeSha256, contentHash, readZip, sha256Hex, writeZip, type HashedFile } from "../src/index.js";

const FILES = [
  { path: "index.js", bytes: "exports.handler = async () => 'hello';\n".repeat(50) },
  { path: "data/table.json", bytes: JSON.stringify(Array.from({ length: 200 }, (_, i) => i)) },
];

async function contentHashOf(zip: Buffer): Promise<string> {
  const entries = await readZip(zip);
  return contentHash(entries.map((entry) => ({ path: entry.path, mode: entry.mode, sha256: sha256Hex(entry.bytes) })));
}

function hashed(files: typeof FILES, mode = 0o644): HashedFile[] {
  return files.map((file) => ({ path: file.path, mode, sha256: sha256Hex(file.bytes) }));
}

describe("hashes", () => {
  test("codeSha256: base64 SHA-256 of the zip bytes", async () => {
    const zip = await writeZip(FILES);
    expect(codeSha256(zip)).toBe(createHash("sha256").update(zip).digest("base64"));
    expect(codeSha256(zip)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  test("contentHash: unchanged when only the compression level changes", async () => {
    const stored = await writeZip(FILES, { level: 0 });
    const fast = await writeZip(FILES, { level: 1 });
    const best = await writeZip(FILES, { level: 9 });
    expect(new Set([codeSha256(stored), codeSha256(fast), codeSha256(best)]).size).toBe(3);
    const hashes = await Promise.all([stored, fast, best].map(contentHashOf));
    expect(new Set(hashes).size).toBe(1);
    expect(hashes[0]).toBe(contentHash(hashed(FILES)));
  });

  test("contentHash: the documented lines, in path byte order", () => {
    const files = hashed(FILES);
    const lines = [...files]
      .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))
      .map((file) => `644 ${file.sha256} ${JSON.stringify(file.path)}\n`)
      .join("");
    expect(contentHash(files)).toBe(createHash("sha256").update(lines).digest("hex"));
    expect(contentHash([...files].reverse())).toBe(contentHash(files));
  });

  test("contentHash: changes with a byte, a mode or a path", () => {
    const base = contentHash(hashed(FILES));
    expect(contentHash(hashed([{ ...FILES[0]!, bytes: `${FILES[0]!.bytes} ` }, FILES[1]!]))).not.toBe(base);
    expect(contentHash(hashed(FILES, 0o755))).not.toBe(base);
    expect(contentHash(hashed([{ ...FILES[0]!, path: "main.js" }, FILES[1]!]))).not.toBe(base);
  });
});
