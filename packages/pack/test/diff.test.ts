// diffZips: files added, removed and changed (bytes or mode) between two zips.
import { describe, expect, test } from "vitest";
import { diffZips, sha256Hex, writeZip } from "../src/index.js";

describe("diff", () => {
  test("diff: equal zips, even at another compression level", async () => {
    const files = [{ path: "index.js", bytes: "a" }];
    const diff = await diffZips(await writeZip(files, { level: 0 }), await writeZip(files));
    expect(diff).toEqual({ equal: true, added: [], removed: [], changed: [] });
  });

  test("diff: added, removed, changed bytes and mode", async () => {
    const before = await writeZip([
      { path: "index.js", bytes: "old" },
      { path: "gone.txt", bytes: "x" },
      { path: "tool", bytes: "same" },
    ]);
    const after = await writeZip([
      { path: "index.js", bytes: "new!" },
      { path: "new.txt", bytes: "y" },
      { path: "tool", bytes: "same", executable: true },
    ]);
    expect(await diffZips(before, after)).toEqual({
      equal: false,
      added: ["new.txt"],
      removed: ["gone.txt"],
      changed: [
        {
          path: "index.js",
          changes: ["bytes"],
          before: { size: 3, sha256: sha256Hex("old"), mode: 0o644 },
          after: { size: 4, sha256: sha256Hex("new!"), mode: 0o644 },
        },
        {
          path: "tool",
          changes: ["mode"],
          before: { size: 4, sha256: sha256Hex("same"), mode: 0o644 },
          after: { size: 4, sha256: sha256Hex("same"), mode: 0o755 },
        },
      ],
    });
  });
});
