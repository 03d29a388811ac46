// lambda.Function's archives as packages: a folder zipped with the
// packager's deterministic writer, a .zip taken as it is, an AssetArchive
// assembled from its entries. Content hashes come from the files, so the
// same folder in another clone is the same code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { codeSha256, contentHash, readZip, sha256Hex, writeZip, type ZipEntryInput } from "@closure-pack/pack";
import { assetKind } from "../asset/archive.js";
import { AwsError } from "../errors.js";
import type { CodeArtifact } from "../provider/provider.js";

export async function archiveArtifact(archive: object, where: string): Promise<CodeArtifact> {
  const files = await archiveFiles(archive, "", where);
  const zip = await writeZip(files);
  const hashed = files.map((file) => ({ path: file.path, mode: file.executable ? 0o755 : 0o644, sha256: sha256Hex(file.bytes) }));
  return { zip, codeSha256: codeSha256(zip), contentHash: contentHash(hashed) };
}

async function archiveFiles(archive: object, prefix: string, where: string): Promise<ZipEntryInput[]> {
  const kind = assetKind(archive);
  if (kind === "file-archive") {
    const path = (archive as { path: string }).path;
    if (path.endsWith(".zip"))
      return (await readZip(readOrFail(path, where))).map((entry) => ({
        path: prefix + entry.path,
        bytes: entry.bytes,
        executable: (entry.mode & 0o111) !== 0,
      }));
    return folderFiles(path, where).map((file) => ({ ...file, path: prefix + file.path }));
  }
  if (kind === "asset-archive") {
    const out: ZipEntryInput[] = [];
    const assets = (archive as { assets: Record<string, object> }).assets;
    for (const name of Object.keys(assets).sort()) {
      const asset = assets[name]!;
      const entryKind = assetKind(asset);
      if (entryKind === "string-asset") out.push({ path: prefix + name, bytes: (asset as { text: string }).text });
      else if (entryKind === "file-asset") out.push({ path: prefix + name, bytes: readOrFail((asset as { path: string }).path, where) });
      else out.push(...(await archiveFiles(asset, `${prefix}${name.replace(/\/*$/, "/")}`, where)));
    }
    return out;
  }
  throw new AwsError("INVALID_ARGUMENT", where, "code must be a FileArchive or an AssetArchive");
}

function folderFiles(root: string, where: string): ZipEntryInput[] {
  if (!statOrFail(root, where).isDirectory())
    throw new AwsError("INVALID_ARGUMENT", where, `code archive ${root} is neither a folder nor a .zip`, {
      hint: 'new aws.asset.FileArchive("./app") or ("./app.zip")',
    });
  const out: ZipEntryInput[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        out.push({ path: relative(root, path).split(sep).join("/"), bytes: readFileSync(path), executable: (statSync(path).mode & 0o111) !== 0 });
    }
  };
  walk(root);
  return out;
}

function statOrFail(path: string, where: string) {
  try {
    return statSync(path);
  } catch {
    throw new AwsError("INVALID_ARGUMENT", where, `code archive not found: ${relative(process.cwd(), path) || path}`, {
      hint: "paths resolve against the working directory",
    });
  }
}

function readOrFail(path: string, where: string): Buffer {
  statOrFail(path, where);
  return readFileSync(path);
}
