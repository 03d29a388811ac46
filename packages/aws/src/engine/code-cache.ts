// Packages of function code, cached under .closure-pack/cache/ beside the
// program: a serialized text's pack result is found by the hash of the text
// (and of everything else the bundle depends on), so an `up` with nothing
// changed bundles nothing. Zips are stored by their content hash.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { join } from "node:path";
import { pack, writeFileAtomic, type LambdaRuntime } from "@closure-pack/pack";
import type { SerializedFunction } from "@closure-pack/closure";
import type { CodeArtifact } from "../provider/provider.js";

export interface CodeCache {
  /** The content hash of a serialized function's package, packing it when not cached. */
  packSerialized(serialized: SerializedFunction, runtime: LambdaRuntime): Promise<string>;
  /** Stores an artifact made elsewhere (an archive). */
  put(artifact: CodeArtifact): Promise<void>;
  artifact(contentHash: string): Promise<CodeArtifact>;
}

interface CachedPack {
  contentHash: string;
  codeSha256: string;
}

export function createCodeCache(projectDir: string): CodeCache {
  const dir = join(projectDir, ".closure-pack", "cache");
  const artifacts = new Map<string, CodeArtifact>();
  const zipPath = (hash: string) => join(dir, `${hash}.zip`);
  const put = async (artifact: CodeArtifact) => {
    artifacts.set(artifact.contentHash, artifact);
    mkdirSync(dir, { recursive: true });
    await writeFileAtomic(zipPath(artifact.contentHash), artifact.zip);
  };
  return {
    put,
    async packSerialized(serialized, runtime) {
      const key = cacheKey(serialized, runtime, projectDir);
      const indexPath = join(dir, `${key}.json`);
      const cached = readJson(indexPath) as CachedPack | undefined;
      if (cached !== undefined && readZipFile(zipPath(cached.contentHash)) !== undefined) return cached.contentHash;
      const result = await pack(serialized, { runtime, format: "cjs", resolveDir: projectDir });
      await put({ zip: result.zip, codeSha256: result.codeSha256, contentHash: result.contentHash });
      await writeFileAtomic(indexPath, `${JSON.stringify({ contentHash: result.contentHash, codeSha256: result.codeSha256 })}\n`);
      return result.contentHash;
    },
    async artifact(contentHash) {
      const known = artifacts.get(contentHash);
      if (known !== undefined) return known;
      const zip = readZipFile(zipPath(contentHash));
      if (zip === undefined) throw new Error(`the package ${contentHash} is not in ${dir}`);
      const artifact = { zip, contentHash, codeSha256: createHash("sha256").update(zip).digest("base64") };
      artifacts.set(contentHash, artifact);
      return artifact;
    },
  };
}

/** The text, the runtime, and the version of each package the text imports (a reinstall with other versions re-bundles). */
function cacheKey(serialized: SerializedFunction, runtime: string, projectDir: string): string {
  const hash = createHash("sha256").update(`closure-pack-code-v1\n${runtime}\n${serialized.text}\n`);
  const require = createRequire(join(projectDir, "package.json"));
  for (const specifier of serialized.modules) {
    if (isBuiltin(specifier) || specifier.startsWith("@aws-sdk/")) continue;
    hash.update(`${specifier}@${installedVersion(require, specifier)}\n`);
  }
  return hash.digest("hex");
}

function installedVersion(require: NodeRequire, specifier: string): string {
  const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
  try {
    return String((JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version?: string }).version);
  } catch {
    return "?";
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

function readZipFile(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
