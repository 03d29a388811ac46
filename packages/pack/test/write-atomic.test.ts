// writeFileAtomic never leaves a partial file or a temporary file behind;
// isUnchanged compares an existing zip's contentHash without touching it.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { contentHash, isUnchanged, sha256Hex, writeFileAtomic, writeZip } from "../src/index.js";
import { makeTempDir, removeTempDirs } from "./support/workspace.js";

afterAll(removeTempDirs);

const HINT = "hint: choose an output path in an existing folder you can write to";
const FILES = [{ path: "index.js", bytes: "exports.handler = () => 1;\n" }];
const CHILD_WRITE = fileURLToPath(new URL("./support/child-write.mjs", import.meta.url));

/**
 * writeFileAtomic(path, text) in a child process run from `cwd`, whom
 * permission bits stop: root ignores them (and CI runs as root), so there the
 * child runs as nobody (uid and gid 65534), who can read the repository and
 * enter the folder but not write in it.
 */
function writeAsUser(cwd: string, path: string, text: string): unknown {
  const asRoot = process.getuid?.() === 0;
  const child = spawnSync(process.execPath, [CHILD_WRITE, path, text], { cwd, encoding: "utf8", ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout);
}

const HASH = contentHash(FILES.map((file) => ({ path: file.path, mode: 0o644, sha256: sha256Hex(file.bytes) })));

describe("atomic write", () => {
  test("write: creates, then replaces the whole file", async () => {
    const dir = makeTempDir("atomic");
    const out = join(dir, "out.zip");
    await writeFileAtomic(out, Buffer.from("first"));
    await writeFileAtomic(out, Buffer.from("second, longer"));
    expect(readFileSync(out, "utf8")).toBe("second, longer");
    expect(readdirSync(dir)).toEqual(["out.zip"]);
  });

  test("write: a failed rename leaves the target and no temporary file", async () => {
    // The target is a folder: the temporary file is written, the rename fails.
    const dir = makeTempDir("atomic");
    const out = join(dir, "out.zip");
    mkdirSync(join(out, "keep"), { recursive: true });
    await expect(writeFileAtomic(out, Buffer.alloc(1024, 1))).rejects.toMatchObject({
      code: "OUTPUT_NOT_WRITABLE",
      message: `${relative(process.cwd(), out)}: cannot write the output: it is a directory\n${HINT}`,
    });
    expect(readdirSync(dir)).toEqual(["out.zip"]);
    expect(readdirSync(out)).toEqual(["keep"]);
  });

  test("write: a folder that does not exist", async () => {
    const out = join(makeTempDir("atomic"), "missing", "out.zip");
    await expect(writeFileAtomic(out, "x")).rejects.toMatchObject({
      code: "OUTPUT_NOT_WRITABLE",
      message: `${relative(process.cwd(), out)}: cannot write the output: its folder does not exist\n${HINT}`,
    });
  });

  test("write: a read-only folder keeps its old file whole", () => {
    const dir = makeTempDir("atomic");
    writeFileSync(join(dir, "out.zip"), "old contents");
    chmodSync(dir, 0o555);
    try {
      expect(writeAsUser(dir, "out.zip", "new contents")).toEqual({
        ok: false,
        code: "OUTPUT_NOT_WRITABLE",
        message: `out.zip: cannot write the output: permission denied\n${HINT}`,
      });
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(readFileSync(join(dir, "out.zip"), "utf8")).toBe("old contents");
    expect(readdirSync(dir)).toEqual(["out.zip"]);
  });

  test("unchanged: same content at another compression level, file untouched", async () => {
    const dir = makeTempDir("atomic");
    const out = join(dir, "out.zip");
    await writeFileAtomic(out, await writeZip(FILES, { level: 0 }));
    const before = statSync(out);
    const bytes = readFileSync(out);
    expect(await isUnchanged(out, HASH)).toBe(true);
    expect(readFileSync(out)).toEqual(bytes);
    expect(statSync(out).mtimeMs).toBe(before.mtimeMs);
  });

  test("unchanged: the same bytes as the new zip are unchanged without unzipping", async () => {
    const dir = makeTempDir("atomic");
    const out = join(dir, "out.zip");
    const zip = await writeZip(FILES);
    await writeFileAtomic(out, zip);
    // A hash that matches nothing: only the byte comparison can say unchanged.
    expect(await isUnchanged(out, "not-the-content-hash", zip)).toBe(true);
    expect(await isUnchanged(out, "not-the-content-hash", await writeZip(FILES, { level: 0 }))).toBe(false);
    expect(await isUnchanged(out, HASH, await writeZip(FILES, { level: 0 }))).toBe(true);
  });

  test("unchanged: false for other content, a missing file or not a zip", async () => {
    const dir = makeTempDir("atomic");
    const out = join(dir, "out.zip");
    expect(await isUnchanged(out, HASH)).toBe(false);
    writeFileSync(out, "not a zip");
    expect(await isUnchanged(out, HASH)).toBe(false);
    await writeFileAtomic(out, await writeZip([{ path: "index.js", bytes: "other" }]));
    expect(await isUnchanged(out, HASH)).toBe(false);
  });
});
