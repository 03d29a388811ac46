// Every workspace package is ready to publish: one version for all, internal
// dependencies on exactly that version, MIT with the repository's LICENSE,
// repository, engines, and a tarball (`npm pack`) holding what its manifest
// points at (exports, main, types, bin) and nothing else: dist, README, LICENSE.
// install.test.ts installs the packages in a project of a user's own.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./support/cli.js";
import { cleanEnv } from "./support/project.js";

interface Manifest {
  name: string;
  version: string;
  license?: string;
  engines?: Record<string, string>;
  repository?: { type: string; url: string; directory: string };
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  files?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const root = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { workspaces: string[]; engines: Record<string, string> };
const packages = root.workspaces.map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(REPO, dir, "package.json"), "utf8")) as Manifest }));
const names = new Set(packages.map((p) => p.manifest.name));
const version = packages.find((p) => p.manifest.name === "closure-pack")!.manifest.version;
const REPOSITORY_URL = "git+https://github.com/closure-pack/closure-pack.git";

/** A folder besides dist/ a package ships, and the files it may hold. */
const EXTRA_FOLDERS: Record<string, { folder: string; files: RegExp }> = {
  "closure-pack": { folder: "bin", files: /^bin\/closure-pack\.cjs$/ },
  "@closure-pack/runtime": { folder: "bootstrap", files: /^bootstrap\/[a-z-]+\.mjs$/ },
};

// The "@closure-pack/source" condition points into src/, which is not
// shipped: only this repository's tsconfig sets that condition, so that the
// type check reads other packages' sources rather than their built types.
const SOURCE_CONDITION = "@closure-pack/source";

function manifestTargets(manifest: Manifest): string[] {
  const exportTargets = Object.values(manifest.exports ?? {}).flatMap((entry) =>
    typeof entry === "string" ? [entry] : Object.entries(entry).flatMap(([condition, target]) => (condition === SOURCE_CONDITION ? [] : [target])),
  );
  const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {}), ...exportTargets];
  return [...new Set(targets.flatMap((target) => (target ? [target.replace(/^\.\//, "")] : [])))].sort();
}

function packedFiles(): Map<string, string[]> {
  const json = execFileSync("npm", ["pack", "--dry-run", "--json", "--workspaces", "--ignore-scripts"], { cwd: REPO, env: cleanEnv(), encoding: "utf8" });
  const results = JSON.parse(json) as Array<{ name: string; files: Array<{ path: string }> }>;
  return new Map(results.map((result) => [result.name, result.files.map((file) => file.path).sort()]));
}

describe("publish", () => {
  it.each(packages)("manifest: $dir", ({ dir, manifest }) => {
    const internal = { ...manifest.dependencies, ...manifest.devDependencies };
    const wrongRanges = Object.entries(internal).filter(([dep, range]) => names.has(dep) && range !== version);
    expect(manifest.version).toBe(version);
    expect(wrongRanges).toEqual([]);
    expect(manifest.license).toBe("MIT");
    expect(readFileSync(join(REPO, dir, "LICENSE"), "utf8")).toBe(readFileSync(join(REPO, "LICENSE"), "utf8"));
    expect(manifest.repository).toEqual({ type: "git", url: REPOSITORY_URL, directory: dir });
    expect(manifest.engines).toEqual(root.engines);
    const extra = EXTRA_FOLDERS[manifest.name];
    expect(manifest.files).toEqual([...(extra ? [extra.folder] : []), "dist", "README.md", "LICENSE"]);
  });

  it("manifest: the CLI's bin is closure-pack", () => {
    expect(packages.find((p) => p.manifest.name === "closure-pack")!.manifest.bin).toEqual({ "closure-pack": "bin/closure-pack.cjs" });
  });

  it("tarball: each holds its manifest's targets, dist, README and LICENSE, and nothing else", () => {
    const packed = packedFiles();
    expect([...packed.keys()].sort()).toEqual([...names].sort());
    for (const { manifest } of packages) {
      const files = packed.get(manifest.name)!;
      const extra = EXTRA_FOLDERS[manifest.name]?.files;
      const unexpected = files.filter(
        (file) => !["LICENSE", "README.md", "package.json"].includes(file) && !/^dist\/.+\.(mjs|cjs|d\.ts)$/.test(file) && !extra?.test(file),
      );
      expect({ name: manifest.name, unexpected }).toEqual({ name: manifest.name, unexpected: [] });
      const missing = [...manifestTargets(manifest), "LICENSE", "README.md"].filter((target) => !files.includes(target));
      expect({ name: manifest.name, missing }).toEqual({ name: manifest.name, missing: [] });
    }
  });
});
