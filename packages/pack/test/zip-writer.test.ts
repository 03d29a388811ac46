// writeZip's bytes: sorted entries, the 1980 date in any TZ, fixed modes,
// no directories, no extra fields; read back with jszip through readZip.
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { readZip, readZipHeaders, writeZip, ZIP_EPOCH } from "../src/index.js";
import { repoRoot } from "./support/children.js";

const ENTRIES = [
  { path: "index.js", bytes: "exports.handler = async () => 1;\n".repeat(20) },
  { path: "Zeta.txt", bytes: "capital letters sort before lower case" },
  { path: "bin/tool", bytes: "#!/bin/sh\necho hi\n", executable: true },
  { path: "b/é.txt", bytes: Buffer.from([0, 1, 2, 255]) },
  { path: "b/z.txt", bytes: "" },
];

describe("zip writer", () => {
  test("zip: entries sorted by the bytes of their path, no directory entries", async () => {
    const headers = readZipHeaders(await writeZip(ENTRIES));
    expect(headers.map((header) => header.path)).toEqual(["Zeta.txt", "b/z.txt", "b/é.txt", "bin/tool", "index.js"]);
  });

  test("zip: every header has the 1980 date, a fixed mode and no extra field", async () => {
    for (const header of readZipHeaders(await writeZip(ENTRIES))) {
      expect([header.dosDate, header.dosTime]).toEqual([(1 << 5) | 1, 0]);
      expect(header.unixMode).toBe(header.path === "bin/tool" ? 0o100755 : 0o100644);
      expect([header.centralExtraLength, header.localExtraLength, header.commentLength]).toEqual([0, 0, 0]);
      expect(header.versionMadeBy >> 8).toBe(3); // Unix, so the mode is read
    }
  });

  test("zip: read back with the same paths, bytes, modes and dates", async () => {
    const entries = await readZip(await writeZip(ENTRIES));
    const byPath = new Map(entries.map((entry) => [entry.path, entry]));
    for (const input of ENTRIES) {
      const entry = byPath.get(input.path);
      expect(entry?.bytes).toEqual(Buffer.from(input.bytes));
      expect(entry?.mode).toBe(input.executable ? 0o755 : 0o644);
      expect(entry?.date).toEqual(ZIP_EPOCH);
    }
  });

  test("zip: input order does not matter", async () => {
    expect(await writeZip([...ENTRIES].reverse())).toEqual(await writeZip(ENTRIES));
  });

  test("zip: same bytes under any TZ and umask (child processes)", () => {
    // archiver writes DOS dates from local time when forceLocalTime is set;
    // the bytes must not move with the machine's time zone.
    const script = `const { writeZip } = require("@closure-pack/pack");
      writeZip(${JSON.stringify(ENTRIES.map((e) => ({ ...e, bytes: Buffer.from(e.bytes).toString("base64") })))}
        .map((e) => ({ ...e, bytes: Buffer.from(e.bytes, "base64") })))
        .then((zip) => process.stdout.write(zip.toString("base64")));`;
    const zips = ["UTC", "Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu"].map((tz, i) =>
      execFileSync(process.execPath, ["-e", `process.umask(${i === 0 ? 0o022 : 0o077});${script}`], {
        cwd: repoRoot,
        env: { PATH: process.env["PATH"] ?? "", TZ: tz },
        encoding: "utf8",
      }),
    );
    expect(new Set(zips).size).toBe(1);
  });

  test("zip: refuses absolute, dotted and duplicate paths", async () => {
    await expect(writeZip([{ path: "/etc/passwd", bytes: "" }])).rejects.toThrow(
      'zip entry path "/etc/passwd" must be relative, "/"-separated and without "." or ".." parts',
    );
    await expect(writeZip([{ path: "a/../b", bytes: "" }])).rejects.toThrow('zip entry path "a/../b" must be relative');
    await expect(
      writeZip([
        { path: "a", bytes: "" },
        { path: "a", bytes: "x" },
      ]),
    ).rejects.toThrow('zip entry path "a" appears twice');
  });
});
