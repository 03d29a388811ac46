// lambda.Function's code archives as packages: a folder zipped
// deterministically (the same files in another folder give the same zip and
// content hash), a .zip taken as it is, an AssetArchive assembled.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { readZip, writeZip } from "@closure-pack/pack";
import { AssetArchive, FileArchive, FileAsset, StringAsset } from "../src/asset/archive.js";
import { archiveArtifact } from "../src/engine/archive-zip.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "aws-archive-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const APP = { "index.js": "exports.handler = async () => 1;\n", "lib/util.js": "module.exports = 2;\n" };

describe("archives", () => {
  test("archive: a folder in two places is the same package", async () => {
    const a = await archiveArtifact(new FileArchive(folder(APP)), "t");
    const b = await archiveArtifact(new FileArchive(folder(APP)), "t");
    expect(b.zip.equals(a.zip)).toBe(true);
    expect(b.contentHash).toBe(a.contentHash);
    expect((await readZip(a.zip)).map((entry) => entry.path)).toEqual(["index.js", "lib/util.js"]);
  });

  test("archive: a changed file changes the content hash", async () => {
    const a = await archiveArtifact(new FileArchive(folder(APP)), "t");
    const b = await archiveArtifact(new FileArchive(folder({ ...APP, "lib/util.js": "module.exports = 3;\n" })), "t");
    expect(b.contentHash).not.toBe(a.contentHash);
  });

  test("archive: a .zip is the same package as the folder it holds", async () => {
    const dir = folder({});
    const zip = join(dir, "app.zip");
    writeFileSync(zip, await writeZip(Object.entries(APP).map(([path, bytes]) => ({ path, bytes }))));
    const fromZip = await archiveArtifact(new FileArchive(zip), "t");
    const fromFolder = await archiveArtifact(new FileArchive(folder(APP)), "t");
    expect(fromZip.contentHash).toBe(fromFolder.contentHash);
  });

  test("archive: an AssetArchive of a string, a file and a folder", async () => {
    const files = folder({ "data.json": "{}", "vendor/a.js": "1" });
    const archive = new AssetArchive({
      "index.js": new StringAsset("exports.handler = 1"),
      "data.json": new FileAsset(join(files, "data.json")),
      lib: new FileArchive(join(files, "vendor")),
    });
    const artifact = await archiveArtifact(archive, "t");
    expect((await readZip(artifact.zip)).map((entry) => entry.path)).toEqual(["data.json", "index.js", "lib/a.js"]);
  });

  test("archive: a path that does not exist", async () => {
    await expect(archiveArtifact(new FileArchive("/nonexistent/app"), "index.ts:3")).rejects.toThrow("index.ts:3: code archive not found: ");
  });
});
