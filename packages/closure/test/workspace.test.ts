// The package graph of STYLE.md §1: dependencies point one way (cli -> aws ->
// pack -> closure; cli -> cloud -> runtime; aws and cloud -> event-rules;
// every package -> errors, the base
// class of user errors, which depends on none), never in a cycle, and a package
// reaches another only by its name, never by a relative path into its src.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ALLOWED } from "./support/package-graph.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { workspaces: string[] };

interface Workspace {
  folder: string;
  name: string;
  dependsOn: string[];
}

function readWorkspaces(): Workspace[] {
  const manifests = rootManifest.workspaces.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as {
      name: string;
      dependencies?: Record<string, string>;
    };
    return { folder: dir.split("/").pop()!, manifest };
  });
  const folderOf = new Map(manifests.map(({ folder, manifest }) => [manifest.name, folder]));
  return manifests.map(({ folder, manifest }) => ({
    folder,
    name: manifest.name,
    dependsOn: Object.keys(manifest.dependencies ?? {}).flatMap((dep) => (folderOf.has(dep) ? [folderOf.get(dep)!] : [])),
  }));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === "node_modules" || entry === "dist" ? [] : sourceFiles(path);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry) ? [path] : [];
  });
}

describe("workspace", () => {
  const workspaces = readWorkspaces();

  it("workspace: every package is a known one", () => {
    expect(workspaces.map((ws) => ws.folder).filter((folder) => !(folder in ALLOWED))).toEqual([]);
  });

  it("workspace: dependencies point the allowed way", () => {
    const wrong = workspaces.flatMap((ws) => ws.dependsOn.filter((dep) => !ALLOWED[ws.folder]?.includes(dep)).map((dep) => `${ws.folder} -> ${dep}`));
    expect(wrong).toEqual([]);
  });

  it("workspace: no package imports another package's files by relative path", () => {
    const offenders: string[] = [];
    for (const ws of workspaces) {
      const base = join(root, "packages", ws.folder);
      for (const file of sourceFiles(join(base, "src"))) {
        const text = readFileSync(file, "utf8");
        for (const match of text.matchAll(/from\s+["'](\.{1,2}\/[^"']+)["']|require\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
          const target = join(dirname(file), match[1] ?? match[2]!);
          if (relative(base, target).startsWith("..")) offenders.push(`${relative(root, file)} imports ${match[1] ?? match[2]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
